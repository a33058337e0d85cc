// The meetings' server state. A meeting is one record with one ETag: every change (agenda, attendance, decision, move)
// sends If-Match with the version read and answers the whole meeting as it now is, which the page shows at once.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { versioned, type Clients, type Problem, type Versioned } from '../../api/api';
import type { CreateMeetingRequest, MeetingDto, MeetingState, MinutesDto } from '../../api/client';
import { createMeeting, listMeetings } from '../../api/operations';
import { refreshAfterWrite, run, usePagedQuery } from '../../lib/apiQuery';
import { monthBounds, type Month } from '../../lib/kst';

export const meetingKeys = {
  all: ['meetings'] as const,
  month: (month: Month) => ['meetings', 'month', month] as const,
  list: (state: readonly MeetingState[]) => ['meetings', 'list', state] as const,
  detail: (id: number) => ['meetings', 'detail', id] as const,
};

const PAGE_SIZE = 50;

/** A month's meetings for the calendar (a council meets a few times a year: one page holds a month). */
export function useMeetingMonth(month: Month) {
  return useQuery({
    queryKey: meetingKeys.month(month),
    queryFn: ({ signal }) => run((clients) => listMeetings(clients.meetings, { ...monthBounds(month), sort: 'startsAt', limit: 200 }), signal),
  });
}

export function useMeetingList(state: readonly MeetingState[]) {
  return usePagedQuery(meetingKeys.list(state), (clients, cursor) =>
    listMeetings(clients.meetings, { state: state.length > 0 ? [...state] : undefined, limit: PAGE_SIZE, cursor }),
  );
}

/** The meeting with its ETag, read afresh each time the page opens (it is about to be changed). */
export function useMeeting(id: number) {
  return useQuery({
    queryKey: meetingKeys.detail(id),
    queryFn: ({ signal }) => run(async (clients) => versioned(await clients.meetings.getMeeting(id)), signal),
    gcTime: 0,
  });
}

export function useCreateMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateMeetingRequest; idempotencyKey: string }) =>
      run(async (clients) => versioned(await createMeeting(clients.meetings, { body, idempotency_Key: idempotencyKey }))),
    onSuccess: () => refreshAfterWrite(queryClient, meetingKeys.all),
  });
}

/** Any change to a meeting: `send` gets the clients and the ETag read; the answer replaces the page's meeting. */
export type MeetingChange = (clients: Clients, etag: string) => Promise<{ headers: Record<string, unknown>; result: MeetingDto }>;

export function useChangeMeeting(meeting: Versioned<MeetingDto>) {
  const queryClient = useQueryClient();
  const id = meeting.value.id;
  return useMutation({
    mutationFn: (change: MeetingChange) => run(async (clients) => versioned(await change(clients, meeting.etag))),
    onSuccess: (next) => {
      queryClient.setQueryData<Versioned<MeetingDto>>(meetingKeys.detail(id), next);
      refreshAfterWrite(queryClient, ['meetings', 'month'], ['meetings', 'list'], ['follow-ups']);
    },
  });
}

export const minutesKeys = {
  all: (id: number) => ['meetings', 'minutes', id] as const,
  version: (id: number, version: number | undefined) => ['meetings', 'minutes', id, version ?? 'latest'] as const,
};

/** The minutes with their ETag; `null` when there are none yet (the API answers 404). */
export function useMinutes(id: number, version: number | undefined, enabled: boolean) {
  return useQuery({
    queryKey: minutesKeys.version(id, version),
    queryFn: async ({ signal }) => {
      try {
        return await run(async (clients) => versioned(await clients.minutes.getMinutes(id, version)), signal);
      } catch (error) {
        if ((error as Problem | undefined)?.status === 404) return null;
        throw error;
      }
    },
    enabled,
    gcTime: 0,
  });
}

/** Any change to the minutes: `send` gets the clients and the ETag read (undefined when there are none yet). */
export type MinutesChange = (clients: Clients, etag: string | undefined) => Promise<{ headers: Record<string, unknown>; result: MinutesDto }>;

export function useChangeMinutes(id: number, etag: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: MinutesChange) => run(async (clients) => versioned(await change(clients, etag))),
    onSuccess: (next) => {
      queryClient.setQueryData<Versioned<MinutesDto> | null>(minutesKeys.version(id, undefined), next);
      void queryClient.invalidateQueries({ queryKey: minutesKeys.all(id), predicate: (q) => q.queryKey[3] !== 'latest' });
    },
  });
}
