// Where the registry lists download from: plain links (the session cookie goes along) to the
// list's export with the filters the page shows, so the file holds what the reader is looking at.
import { endOfKstDay, startOfKstDay } from '../features/audit/audit';
import { toQuery } from './query';

export type ExportFormat = 'csv' | 'xlsx';

function exportUrl(baseUrl: string, path: string, query: URLSearchParams): string {
  const text = query.toString();
  return `${baseUrl}${path}${text ? `?${text}` : ''}`;
}

export interface ClusterExportFilters {
  region?: string;
  operatorCode?: string;
  status?: string;
  q?: string;
}

export function clusterExportUrl(baseUrl: string, filters: ClusterExportFilters, format: ExportFormat): string {
  const { region, operatorCode, status, q } = filters;
  return exportUrl(baseUrl, `/api/v1/clusters/export.${format}`, toQuery({ region, operatorCode, status, q }));
}

export function agencyExportUrl(baseUrl: string, filters: { kind?: string; q?: string }): string {
  return exportUrl(baseUrl, '/api/v1/agencies/export.csv', toQuery({ kind: filters.kind, q: filters.q }));
}

export interface AuditExportFilters {
  entityType?: string;
  entityId?: string;
  actorType?: string;
  /** Calendar days (YYYY-MM-DD) in Korea, as the page's date fields hold them. */
  from?: string;
  to?: string;
}

/** The audit export takes instants, like the list: the days become their KST bounds. */
export function auditExportUrl(baseUrl: string, filters: AuditExportFilters): string {
  return exportUrl(
    baseUrl,
    '/api/v1/audit/export.csv',
    toQuery({
      entityType: filters.entityType,
      entityId: filters.entityId,
      actorType: filters.actorType,
      from: filters.from ? startOfKstDay(filters.from) : undefined,
      to: filters.to ? endOfKstDay(filters.to) : undefined,
    }),
  );
}
