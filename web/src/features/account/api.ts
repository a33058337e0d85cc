// The signed-in caller's calendar feeds: query keys, reads and writes.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { versioned } from '../../api/api';
import type { CreateCalendarFeedRequest } from '../../api/client';
import { refreshAfterWrite, run, usePagedQuery } from '../../lib/apiQuery';
import { listCalendarFeeds } from '../../api/operations';

const PAGE_SIZE = 50;

export const calendarFeedKeys = {
  all: ['calendar-feeds'] as const,
  list: () => ['calendar-feeds', 'list'] as const,
  bodies: ['council', 'bodies'] as const,
};

export function useCalendarFeedList() {
  return usePagedQuery(calendarFeedKeys.list(), (clients, cursor) => listCalendarFeeds(clients.calendarFeeds, { limit: PAGE_SIZE, cursor }));
}

/** The council's bodies, to choose which one a feed follows. */
export function useCouncilBodies() {
  return useQuery({
    queryKey: calendarFeedKeys.bodies,
    queryFn: ({ signal }) => run((clients) => clients.council.listCouncilBodies(signal), signal),
    staleTime: 5 * 60_000,
  });
}

/**
 * The answer carries the feed's token (in its address), shown once: the mutation is not kept once the form has handed
 * it over (gcTime 0, and the form resets it).
 */
export function useCreateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCalendarFeedRequest) => run((clients) => clients.calendarFeeds.createCalendarFeed(body)),
    onSuccess: () => refreshAfterWrite(queryClient, calendarFeedKeys.all),
    gcTime: 0,
  });
}

/** Revoking sends the ETag of the current version, read just now. */
export function useRevokeCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      run(async (clients) => {
        const current = versioned(await clients.calendarFeeds.getCalendarFeed(id));
        await clients.calendarFeeds.revokeCalendarFeed(id, current.etag);
      }),
    onSuccess: () => refreshAfterWrite(queryClient, calendarFeedKeys.all),
  });
}
