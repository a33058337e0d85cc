// The audit log's server state (read only: every change elsewhere adds to it, see refreshAfterWrite).
import type { ActorType } from '../../api/client';
import type { AuditEntityType } from '../../api/enums';
import { AUDIT_KEY, usePagedQuery } from '../../lib/apiQuery';
import { endOfKstDay, startOfKstDay } from './audit';
import { listAuditEntries } from '../../api/operations';

const PAGE_SIZE = 50;

/** The audit page's filters, as the address holds them (days are calendar days in Korea). */
export type AuditFilters = {
  entityType?: AuditEntityType;
  entityId?: string;
  actorType?: ActorType;
  from?: string;
  to?: string;
};

export const auditKeys = {
  all: AUDIT_KEY,
  list: (filters: AuditFilters) => [...AUDIT_KEY, 'list', filters] as const,
};

export function useAuditList(filters: AuditFilters) {
  return usePagedQuery(auditKeys.list(filters), (clients, cursor) =>
    listAuditEntries(clients.audit, {
      entityType: filters.entityType,
      entityId: filters.entityId ? Number(filters.entityId) : undefined,
      actorType: filters.actorType,
      from: filters.from ? startOfKstDay(filters.from) : undefined,
      to: filters.to ? endOfKstDay(filters.to) : undefined,
      // An import run reads as one line (its own entry, with its totals); its rows open with useImportRunEntries.
      summarise: true,
      limit: PAGE_SIZE,
      cursor,
    }),
  );
}

/** The entries one import run wrote for its rows, newest first, read when the run's line is opened. */
export function useImportRunEntries(runId: number) {
  return usePagedQuery([...AUDIT_KEY, 'run', runId], (clients, cursor) =>
    listAuditEntries(clients.audit, { importRunId: runId, limit: PAGE_SIZE, cursor }),
  );
}
