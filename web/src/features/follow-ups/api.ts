// The follow-up board's server state: the list (keyset pages), one follow-up read afresh before it is moved, and its moves.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { versioned, type Versioned } from '../../api/api';
import type { FollowUpDto, FollowUpMoveRequest, UpdateFollowUpRequest } from '../../api/client';
import { listFollowUps } from '../../api/operations';
import { refreshAfterWrite, run, usePagedQuery } from '../../lib/apiQuery';
import type { FollowUpFilters } from './followUps';

export const followUpKeys = {
  all: ['follow-ups'] as const,
  list: (filters: FollowUpFilters) => ['follow-ups', 'list', filters] as const,
  detail: (id: number) => ['follow-ups', 'detail', id] as const,
};

/** The API's largest page: a board is read whole as far as it can be. */
const PAGE_SIZE = 200;

export function useFollowUpList(filters: FollowUpFilters) {
  return usePagedQuery(followUpKeys.list(filters), (clients, cursor) =>
    listFollowUps(clients.followUps, {
      ownerCode: filters.ownerCode,
      meetingId: filters.meetingId,
      state: filters.state.length > 0 ? filters.state : undefined,
      overdue: filters.overdue || undefined,
      sort: 'dueOn',
      limit: PAGE_SIZE,
      cursor,
    }),
  );
}

/** The follow-up with its ETag, read each time its moves are opened (nothing kept once closed). */
export function useFollowUp(id: number) {
  return useQuery({
    queryKey: followUpKeys.detail(id),
    queryFn: ({ signal }) => run(async (clients) => versioned(await clients.followUps.getFollowUp(id)), signal),
    gcTime: 0,
  });
}

export function useMoveFollowUp(followUp: Versioned<FollowUpDto>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FollowUpMoveRequest) => run(async (clients) => versioned(await clients.followUps.moveFollowUp(followUp.value.id, followUp.etag, body))),
    onSuccess: () => refreshAfterWrite(queryClient, ['follow-ups', 'list'], ['meetings']),
  });
}

export function useReplaceFollowUp(followUp: Versioned<FollowUpDto>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateFollowUpRequest) =>
      run(async (clients) => versioned(await clients.followUps.replaceFollowUp(followUp.value.id, followUp.etag, body))),
    onSuccess: (next) => {
      queryClient.setQueryData(followUpKeys.detail(followUp.value.id), next);
      refreshAfterWrite(queryClient, ['follow-ups', 'list'], ['meetings']);
    },
  });
}
