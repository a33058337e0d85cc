// The clusters' server state: query keys, reads and writes (register, edit, archive, unarchive).
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { versioned, type Versioned } from '../../api/api';
import type { ClusterDto, ClusterStatus, CreateClusterRequest, Region, UpdateClusterRequest } from '../../api/client';
import { refreshAfterWrite, run, usePagedQuery } from '../../lib/apiQuery';
import { createCluster, listClusters } from '../../api/operations';

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

/** The cluster with its ETag: the page's archive and unarchive act on the version shown. */
export function useCluster(code: string) {
  return useQuery({
    queryKey: clusterKeys.detail(code),
    queryFn: ({ signal }) => run(async (clients) => versioned(await clients.clusters.getClusterByCode(code)), signal),
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

export function useCreateCluster() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateClusterRequest; idempotencyKey: string }) =>
      run((clients) => createCluster(clients.clusters, { body, idempotency_Key: idempotencyKey })),
    onSuccess: () => refreshAfterWrite(queryClient, clusterKeys.all),
  });
}

/** Archive (DELETE) or bring back the version the page shows; a 412 means someone changed it since. */
export function useArchiveCluster() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ loaded, archive }: { loaded: Versioned<ClusterDto>; archive: boolean }) =>
      run(async (clients) => {
        if (archive) await clients.clusters.archiveCluster(loaded.value.id, loaded.etag);
        else await clients.clusters.unarchiveCluster(loaded.value.id, loaded.etag);
      }),
    // The operator's list of operated clusters changes too.
    onSuccess: () => refreshAfterWrite(queryClient, clusterKeys.all, ['agencies']),
  });
}
