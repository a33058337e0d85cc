// The clusters' server state: query keys, reads and the one write.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { versioned, type Versioned } from '../../api/api';
import type { ClusterDto, ClusterStatus, Region, UpdateClusterRequest } from '../../api/client';
import { refreshAfterWrite, run, usePagedQuery } from '../../lib/apiQuery';
import { listClusters } from '../../api/operations';

const PAGE_SIZE = 50;

export type ClusterFilters = {
  region?: Region;
  operatorCode?: string;
  status?: ClusterStatus;
  q?: string;
};

export const clusterKeys = {
  all: ['clusters'] as const,
  list: (filters: ClusterFilters) => ['clusters', 'list', filters] as const,
  /** Every cluster, for selects (one page of 200 holds the council's six). */
  choices: () => ['clusters', 'choices'] as const,
  detail: (code: string) => ['clusters', 'detail', code] as const,
  /** The version an edit starts from, with its ETag. */
  forEdit: (code: string) => ['clusters', 'edit', code] as const,
  history: (id: number) => ['clusters', 'history', id] as const,
};

export function useClusterList(filters: ClusterFilters) {
  return usePagedQuery(clusterKeys.list(filters), (clients, cursor) =>
    listClusters(clients.clusters, {
      region: filters.region ? [filters.region] : undefined,
      operatorCode: filters.operatorCode,
      status: filters.status ? [filters.status] : undefined,
      q: filters.q,
      limit: PAGE_SIZE,
      cursor,
    }),
  );
}

/** Every cluster, for selects. */
export function clusterChoicesQuery() {
  return queryOptions({
    queryKey: clusterKeys.choices(),
    queryFn: ({ signal }) =>
      run((clients) => listClusters(clients.clusters, { limit: 200 }), signal),
  });
}

export function useCluster(code: string) {
  return useQuery({
    queryKey: clusterKeys.detail(code),
    queryFn: ({ signal }) => run(async (clients) => (await clients.clusters.getClusterByCode(code)).result, signal),
  });
}

/**
 * The cluster with its ETag, read afresh for every edit (nothing kept once the form is gone), so the
 * form never starts from a version someone has since changed.
 */
export function useClusterForEdit(code: string) {
  return useQuery({
    queryKey: clusterKeys.forEdit(code),
    queryFn: ({ signal }) => run(async (clients) => versioned(await clients.clusters.getClusterByCode(code)), signal),
    gcTime: 0,
  });
}

export function useReplaceCluster() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ loaded, body }: { loaded: Versioned<ClusterDto>; body: UpdateClusterRequest }) =>
      run((clients) => clients.clusters.replaceCluster(loaded.value.id, loaded.etag, body)),
    onSuccess: () => refreshAfterWrite(queryClient, clusterKeys.all),
  });
}
