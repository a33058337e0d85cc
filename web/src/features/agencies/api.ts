// The agencies' server state: query keys, reads, and the secretariat's writes (register, edit, archive, unarchive).
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { versioned, type Versioned } from '../../api/api';
import type { AgencyDto, AgencyKind, CreateAgencyRequest, UpdateAgencyRequest } from '../../api/client';
import { refreshAfterWrite, run, usePagedQuery } from '../../lib/apiQuery';
import { createAgency, listAgencies } from '../../api/operations';

const PAGE_SIZE = 50;

export type AgencyFilters = {
  kind?: AgencyKind;
  q?: string;
  /** '1': archived agencies are listed too (they are left out unless asked for). */
  archived?: '1';
};

export const agencyKeys = {
  all: ['agencies'] as const,
  list: (filters: AgencyFilters) => ['agencies', 'list', filters] as const,
  /** Active agencies, for selects (one page of 200 holds the council's agencies and central government). */
  choices: () => ['agencies', 'choices'] as const,
  /** The agencies that operate clusters, for the cluster filters and the operator select. */
  operators: () => ['agencies', 'operators'] as const,
  detail: (code: string) => ['agencies', 'detail', code] as const,
  history: (id: number) => ['agencies', 'history', id] as const,
};

export function useAgencyList(filters: AgencyFilters) {
  return usePagedQuery(agencyKeys.list(filters), (clients, cursor) =>
    listAgencies(clients.agencies, {
      kind: filters.kind ? [filters.kind] : undefined,
      q: filters.q,
      status: filters.archived ? ['active', 'archived'] : undefined,
      limit: PAGE_SIZE,
      cursor,
    }),
  );
}

/** Active agencies, for selects: shared by several features, each choosing its own view (`select`). */
export function agencyChoicesQuery() {
  return queryOptions({
    queryKey: agencyKeys.choices(),
    queryFn: ({ signal }) => run((clients) => listAgencies(clients.agencies, { status: ['active'], limit: 200 }), signal),
  });
}

/** `enabled`: only someone who may hand a cluster over needs the list in the edit form. */
export function useClusterOperators(enabled = true) {
  return useQuery({
    queryKey: agencyKeys.operators(),
    queryFn: ({ signal }) =>
      run((clients) => listAgencies(clients.agencies, { kind: ['cluster_operator'], limit: 200 }), signal),
    enabled,
  });
}

/** The agency with its ETag: the page's actions (edit, archive, unarchive) start from the version shown. */
export function useAgency(code: string) {
  return useQuery({
    queryKey: agencyKeys.detail(code),
    queryFn: ({ signal }) => run(async (clients) => versioned(await clients.agencies.getAgencyByCode(code)), signal),
  });
}

/** The agency with its ETag, read afresh for every edit (nothing kept once the form is gone). */
export function useAgencyForEdit(code: string) {
  return useQuery({
    queryKey: ['agencies', 'edit', code] as const,
    queryFn: ({ signal }) => run(async (clients) => versioned(await clients.agencies.getAgencyByCode(code)), signal),
    gcTime: 0,
  });
}

export function useCreateAgency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateAgencyRequest; idempotencyKey: string }) =>
      run((clients) => createAgency(clients.agencies, { body, idempotency_Key: idempotencyKey })),
    onSuccess: () => refreshAfterWrite(queryClient, agencyKeys.all),
  });
}

export function useReplaceAgency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ loaded, body }: { loaded: Versioned<AgencyDto>; body: UpdateAgencyRequest }) =>
      run((clients) => clients.agencies.replaceAgency(loaded.value.id, loaded.etag, body)),
    onSuccess: () => refreshAfterWrite(queryClient, agencyKeys.all),
  });
}

/** Archive (DELETE) or bring back the version the page shows; a 412 means someone changed it since. */
export function useArchiveAgency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ loaded, archive }: { loaded: Versioned<AgencyDto>; archive: boolean }) =>
      run(async (clients) => {
        if (archive) await clients.agencies.archiveAgency(loaded.value.id, loaded.etag);
        else await clients.agencies.unarchiveAgency(loaded.value.id, loaded.etag);
      }),
    onSuccess: () => refreshAfterWrite(queryClient, agencyKeys.all),
  });
}
