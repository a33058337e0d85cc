// The agencies' server state: query keys and reads (the registry is changed by imports only).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AgencyKind } from '../../api/client';
import { run, usePagedQuery } from '../../lib/apiQuery';
import { listAgencies } from '../../api/operations';

const PAGE_SIZE = 50;

export type AgencyFilters = {
  kind?: AgencyKind;
  q?: string;
};

export const agencyKeys = {
  all: ['agencies'] as const,
  list: (filters: AgencyFilters) => ['agencies', 'list', filters] as const,
  /** Active agencies, for selects (one page of 200 holds the council's 17). */
  choices: () => ['agencies', 'choices'] as const,
  /** The agencies that operate clusters, for the cluster filters and the operator select. */
  operators: () => ['agencies', 'operators'] as const,
  detail: (code: string) => ['agencies', 'detail', code] as const,
  history: (id: number) => ['agencies', 'history', id] as const,
};

export function useAgencyList(filters: AgencyFilters) {
  return usePagedQuery(agencyKeys.list(filters), (clients, cursor) =>
    listAgencies(clients.agencies, { kind: filters.kind ? [filters.kind] : undefined, q: filters.q, limit: PAGE_SIZE, cursor }),
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

export function useAgency(code: string) {
  return useQuery({
    queryKey: agencyKeys.detail(code),
    queryFn: ({ signal }) => run((clients) => clients.agencies.getAgencyByCode(code), signal),
  });
}
