// The caller's notifications: the bell's unread count (polled), the list, read marks, preferences, and (administrators)
// the e-mail deliveries. The generated client is made here (clients.make), so it loads with this feature's chunk.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { versioned } from '../../api/api';
import { NotificationsClient, type NotificationPreferencesRequest } from '../../api/client';
import { listNotificationDeliveries, listNotifications } from '../../api/operations';
import { refreshAfterWrite, run, usePagedQuery } from '../../lib/apiQuery';

const PAGE_SIZE = 50;
/** How often the bell asks for its count: modest, one small indexed query per minute per open tab. */
export const UNREAD_POLL_MS = 60_000;

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread-count'] as const,
  list: (unreadOnly: boolean) => ['notifications', 'list', unreadOnly] as const,
  preferences: ['notifications', 'preferences'] as const,
  deliveries: (state: string) => ['notification-deliveries', state] as const,
};

export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: ({ signal }) => run((clients) => clients.make(NotificationsClient).getUnreadNotificationCount(signal), signal),
    refetchInterval: UNREAD_POLL_MS,
    refetchOnWindowFocus: true,
  });
}

export function useNotificationList(unreadOnly: boolean) {
  return usePagedQuery(notificationKeys.list(unreadOnly), (clients, cursor) =>
    listNotifications(clients.make(NotificationsClient), { unread: unreadOnly || undefined, limit: PAGE_SIZE, cursor }),
  );
}

/** Marks every notification read; the bell's count follows at once (the list on screen keeps what it showed). */
export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => run((clients) => clients.make(NotificationsClient).markAllNotificationsRead()),
    onSuccess: () => {
      queryClient.setQueryData(notificationKeys.unread, { count: 0 });
      void queryClient.invalidateQueries({ queryKey: notificationKeys.unread });
    },
  });
}

export function usePreferences() {
  return useQuery({
    queryKey: notificationKeys.preferences,
    queryFn: ({ signal }) => run(async (clients) => versioned(await clients.make(NotificationsClient).getNotificationPreferences(signal)), signal),
  });
}

export function useSavePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ etag, body }: { etag: string; body: NotificationPreferencesRequest }) =>
      run(async (clients) => versioned(await clients.make(NotificationsClient).replaceNotificationPreferences(etag, body))),
    onSuccess: (saved) => {
      queryClient.setQueryData(notificationKeys.preferences, saved);
      refreshAfterWrite(queryClient);
    },
  });
}

export function useDeliveries(state: string) {
  return usePagedQuery(notificationKeys.deliveries(state), (clients, cursor) =>
    listNotificationDeliveries(clients.make(NotificationsClient), { state: state ? [state] : undefined, limit: PAGE_SIZE, cursor }),
  );
}
