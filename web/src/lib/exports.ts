// Where the registry lists download from: plain links (the session cookie goes along) to the
// list's export with the filters the page shows, so the file holds what the reader is looking at, in the
// language the reader reads (a link cannot send Accept-Language, so `lang` goes in the query).
import { endOfKstDay, startOfKstDay } from '../features/audit/audit';
import { toQuery } from './query';

export type ExportFormat = 'csv' | 'xlsx';
export type ExportLang = 'ko' | 'en';

/** The export at `path` with the list's filters and the file's language. */
export function exportUrl(baseUrl: string, path: string, query: URLSearchParams, lang?: ExportLang): string {
  if (lang) query.set('lang', lang);
  const text = query.toString();
  return `${baseUrl}${path}${text ? `?${text}` : ''}`;
}

export interface ClusterExportFilters {
  region?: string;
  operatorCode?: string;
  status?: string;
  q?: string;
}

export function clusterExportUrl(baseUrl: string, filters: ClusterExportFilters, format: ExportFormat, lang?: ExportLang): string {
  const { region, operatorCode, status, q } = filters;
  return exportUrl(baseUrl, `/api/v1/clusters/export.${format}`, toQuery({ region, operatorCode, status, q }), lang);
}

export function agencyExportUrl(baseUrl: string, filters: { kind?: string; q?: string }, format: ExportFormat = 'csv', lang?: ExportLang): string {
  return exportUrl(baseUrl, `/api/v1/agencies/export.${format}`, toQuery({ kind: filters.kind, q: filters.q }), lang);
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
export function auditExportUrl(baseUrl: string, filters: AuditExportFilters, format: ExportFormat = 'csv', lang?: ExportLang): string {
  return exportUrl(
    baseUrl,
    `/api/v1/audit/export.${format}`,
    toQuery({
      entityType: filters.entityType,
      entityId: filters.entityId,
      actorType: filters.actorType,
      from: filters.from ? startOfKstDay(filters.from) : undefined,
      to: filters.to ? endOfKstDay(filters.to) : undefined,
    }),
    lang,
  );
}
