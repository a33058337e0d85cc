// Bulk imports: what is sent (address, headers, content type) and how the answer is read. Pure, so
// it is unit-tested without a DOM; the upload itself goes through api.upload.
import { problemOf, type HttpAnswer, type Problem } from '../../api/api';
import type { ImportEntity, ImportErrorMode, ImportProblem, ImportReportDto, ImportRunDto } from '../../api/client';

/** What the dashboard imports, in the order it offers them. */
export const IMPORT_ENTITIES = ['clusters', 'agencies', 'cluster_indicators', 'council_seats', 'council_memberships', 'actors', 'site_projects', 'collaboration_projects', 'policy_recommendations'] as const satisfies readonly ImportEntity[];
export type ImportableEntity = (typeof IMPORT_ENTITIES)[number];

/** `auto`: the API decides (UTF-8 when every byte is valid UTF-8, CP949 otherwise). */
export const IMPORT_CHARSETS = ['auto', 'utf-8', 'cp949'] as const;
export type ImportCharset = (typeof IMPORT_CHARSETS)[number];

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const CONTENT_TYPES: Record<string, string> = {
  csv: 'text/csv',
  json: 'application/json',
  xlsx: XLSX_CONTENT_TYPE,
};

/** For the file input's `accept`: the extensions and their types. */
export const IMPORT_FILE_ACCEPT = [...Object.keys(CONTENT_TYPES).map((ext) => `.${ext}`), ...Object.values(CONTENT_TYPES)].join(',');

/**
 * The Content-Type of an import file, from its name (the browser's own `File.type` is empty or
 * guessed differently per system for .csv). Undefined when the file is none of CSV, JSON, XLSX.
 */
export function contentTypeFor(fileName: string): string | undefined {
  const ext = /\.([^.]+)$/.exec(fileName.trim())?.[1]?.toLowerCase();
  return ext ? CONTENT_TYPES[ext] : undefined;
}

/** The charset only matters for CSV; a JSON or XLSX file says its own. */
export function charsetApplies(fileName: string): boolean {
  return contentTypeFor(fileName) === 'text/csv';
}

export interface ImportOptions {
  dryRun: boolean;
  onError?: ImportErrorMode;
  charset?: ImportCharset;
  fileName: string;
}

/** Path and query of one import run (the wrapper puts the API's base URL in front). */
export function importPath(entity: ImportableEntity, options: ImportOptions): string {
  const query = new URLSearchParams();
  if (options.dryRun) query.set('dryRun', 'true');
  // fail is the API's default: left out so the address says only what differs.
  if (!options.dryRun && options.onError === 'skip') query.set('onError', 'skip');
  if (options.charset && options.charset !== 'auto' && charsetApplies(options.fileName)) query.set('charset', options.charset);
  if (options.fileName) query.set('fileName', options.fileName.slice(0, 260));
  return `/api/v1/imports/${encodeURIComponent(entity)}?${query}`;
}

/** The headers of one import run; the wrapper adds the session's antiforgery header. */
export function importHeaders(contentType: string, idempotencyKey?: string): Record<string, string> {
  return idempotencyKey ? { 'Content-Type': contentType, 'Idempotency-Key': idempotencyKey } : { 'Content-Type': contentType };
}

/**
 * What an import answered, as the page shows it: a report (200; or 422 — rows rejected, nothing
 * written — with the same report under `report` and the problem's sentence beside it), or only a
 * problem (400 unreadable file, 413 too large, 403, a reused Idempotency-Key, …).
 */
export type ImportAnswer =
  | { kind: 'report'; report: ImportReportDto; problem?: Problem }
  | { kind: 'problem'; problem: Problem };

export function readImportAnswer(answer: Pick<HttpAnswer, 'status' | 'text'>): ImportAnswer {
  if (answer.status >= 200 && answer.status < 300) {
    const report = parse(answer.text);
    if (isReport(report)) return { kind: 'report', report };
    return { kind: 'problem', problem: { status: answer.status, title: 'Unreadable response', detail: 'The import answer holds no report.' } };
  }
  const problem = problemOf(answer);
  if (answer.status === 422) {
    const body = parse(answer.text);
    const report = isRecord(body) ? body.report : undefined;
    if (isReport(report)) return { kind: 'report', report, problem };
  }
  return { kind: 'problem', problem };
}

/** How many problems at the top of the table are emphasised: where to start fixing. */
export const EMPHASISED_PROBLEMS = 5;

export interface ProblemRow extends ImportProblem {
  emphasised: boolean;
}

/** The problems in spreadsheet order (row, then as reported), the first few emphasised. */
export function problemRows(problems: readonly ImportProblem[]): ProblemRow[] {
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => a.problem.row - b.problem.row || a.index - b.index)
    .map(({ problem }, position) => ({ ...problem, emphasised: position < EMPHASISED_PROBLEMS }));
}

/** The distinct spreadsheet rows the problems name, in order: "rows 3, 7" in a summary. */
export function problemRowNumbers(problems: readonly ImportProblem[]): number[] {
  return [...new Set(problems.map((p) => p.row))].sort((a, b) => a - b);
}

/**
 * What the confirm step offers after a dry run: `canImport` when some row would be written;
 * `offerSkip` when some rows were rejected (importing then needs onError=skip, or it is refused).
 */
export function confirmChoice(report: Pick<ImportReportDto, 'totals'>): { canImport: boolean; offerSkip: boolean } {
  const { rows, rejected } = report.totals;
  return { canImport: rows > rejected, offerSkip: rejected > 0 };
}

/** A run's rejected rows can be downloaded (to fix and send again) when it rejected any. */
export function hasRejectedRows(run: Pick<ImportRunDto, 'totals'>): boolean {
  return run.totals.rejected > 0;
}

export function rejectedRowsUrl(baseUrl: string, id: number): string {
  return `${baseUrl}/api/v1/imports/${id}/rejected-rows.csv`;
}

export function importTemplateUrl(baseUrl: string, entity: ImportableEntity): string {
  return `${baseUrl}/api/v1/imports/templates/${encodeURIComponent(entity)}.csv`;
}

/** "350ms", "2.4s" in the reader's language (ICU words it; the tests only pin the numbers). */
export function formatDuration(locale: string, ms: number): string {
  if (ms < 1000) return new Intl.NumberFormat(locale, { style: 'unit', unit: 'millisecond', unitDisplay: 'narrow' }).format(Math.round(ms));
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'narrow', maximumFractionDigits: 1 }).format(ms / 1000);
}

/** "812 B", "14.2kB", "3.1MB", in the reader's language. */
export function formatBytes(locale: string, bytes: number): string {
  // ICU has no short form of "byte" in every language (Korean gets "byte"): the symbol is the same everywhere.
  if (bytes < 1024) return `${new Intl.NumberFormat(locale).format(bytes)} B`;
  const [unit, size] = bytes >= 1024 * 1024 ? (['megabyte', bytes / (1024 * 1024)] as const) : (['kilobyte', bytes / 1024] as const);
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'narrow', maximumFractionDigits: 1 }).format(size);
}

/** Whole percent of an upload, never 100 before the last byte left. */
export function percentOf(loaded: number, total: number): number {
  if (total <= 0) return 0;
  const percent = Math.floor((loaded / total) * 100);
  return Math.max(0, Math.min(loaded >= total ? 100 : 99, percent));
}

function parse(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isReport(value: unknown): value is ImportReportDto {
  return (
    isRecord(value) &&
    typeof value.id === 'number' &&
    isRecord(value.totals) &&
    typeof value.totals.rows === 'number' &&
    typeof value.totals.rejected === 'number' &&
    Array.isArray(value.problems)
  );
}
