// Policy recommendations' server state: the list (keyset pages), one recommendation with its ETag, its timeline,
// raising one, editing one (If-Match), moving one, and a meeting's carried-over recommendations. The generated client is made lazily here,
// so it lands in this feature's chunk.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { versioned, type Versioned } from '../../api/api';
import {
  PolicyRecommendationsClient,
  type CreatePolicyRecommendationRequest,
  type PolicyRecommendationDto,
  type RecommendationTransitionRequest,
  type UpdatePolicyRecommendationRequest,
} from '../../api/client';
import { listPolicyRecommendations } from '../../api/operations';
import { refreshAfterWrite, run, usePagedQuery } from '../../lib/apiQuery';
import type { RecommendationFilters } from './recommendations';

export const recommendationKeys = {
  all: ['recommendations'] as const,
  list: (filters: RecommendationFilters) => ['recommendations', 'list', filters] as const,
  detail: (id: number) => ['recommendations', 'detail', id] as const,
  history: (id: number) => ['recommendations', 'history', id] as const,
  carriedOver: (meetingId: number) => ['recommendations', 'carried-over', meetingId] as const,
};

export function useRecommendationList(filters: RecommendationFilters) {
  return usePagedQuery(recommendationKeys.list(filters), (clients, cursor) =>
    listPolicyRecommendations(clients.make(PolicyRecommendationsClient), {
      state: filters.state ? [filters.state] : undefined,
      ministryCode: filters.ministryCode,
      clusterCode: filters.clusterCode,
      overdue: filters.overdue || undefined,
      limit: 50,
      cursor,
    }),
  );
}

export function useRecommendation(id: number) {
  return useQuery({
    queryKey: recommendationKeys.detail(id),
    queryFn: ({ signal }) => run(async (clients) => versioned(await clients.make(PolicyRecommendationsClient).getPolicyRecommendation(id, signal)), signal),
  });
}

export function useRecommendationHistory(id: number) {
  return useQuery({
    queryKey: recommendationKeys.history(id),
    queryFn: ({ signal }) => run((clients) => clients.make(PolicyRecommendationsClient).getPolicyRecommendationHistory(id, signal), signal),
  });
}

export function useCarriedOver(meetingId: number) {
  return useQuery({
    queryKey: recommendationKeys.carriedOver(meetingId),
    queryFn: ({ signal }) => run((clients) => clients.make(PolicyRecommendationsClient).listCarriedOverRecommendations(meetingId, signal), signal),
  });
}

export function useRaiseRecommendation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePolicyRecommendationRequest) => run((clients) => clients.make(PolicyRecommendationsClient).createPolicyRecommendation(body)),
    onSuccess: () => refreshAfterWrite(queryClient, recommendationKeys.all),
  });
}

export function useMoveRecommendation(recommendation: Versioned<PolicyRecommendationDto>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecommendationTransitionRequest) =>
      run(async (clients) =>
        versioned(await clients.make(PolicyRecommendationsClient).movePolicyRecommendation(recommendation.value.id, recommendation.etag, body)),
      ),
    onSuccess: (next) => {
      queryClient.setQueryData(recommendationKeys.detail(recommendation.value.id), next);
      refreshAfterWrite(queryClient, recommendationKeys.all, ['issues']);
    },
  });
}

/** Replaces a submitted recommendation's description with the ETag it was read with (a stale one answers 412). */
export function useReplaceRecommendation(recommendation: Versioned<PolicyRecommendationDto>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdatePolicyRecommendationRequest) =>
      run(async (clients) =>
        versioned(await clients.make(PolicyRecommendationsClient).replacePolicyRecommendation(recommendation.value.id, recommendation.etag, body)),
      ),
    onSuccess: (next) => {
      queryClient.setQueryData(recommendationKeys.detail(recommendation.value.id), next);
      refreshAfterWrite(queryClient, recommendationKeys.all);
    },
  });
}
