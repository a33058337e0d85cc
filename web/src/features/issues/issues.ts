// Pure rules of the regulatory-issue screens: the list's filters in the address, and the deadline
// state of an issue as the lists and the detail show it. No React, so they are unit-tested directly.
import { exportUrl, type ExportFormat, type ExportLang } from '../../lib/exports';
import type { IssueCategory, IssuePriority, IssueStatus, MinistryRole, OverdueKind, RegulatoryIssueSummaryDto } from '../../api/client';
import { ISSUE_CATEGORIES, ISSUE_PRIORITIES, ISSUE_STATUSES, isOneOf } from '../../api/enums';
import type { ListRegulatoryIssuesParameters } from '../../api/operations';

/** The API's limit for `q`. */
export const MAX_ISSUE_QUERY_LENGTH = 200;

export interface IssueFilters {
  status: IssueStatus[];
  category?: IssueCategory;
  priority?: IssuePriority;
  clusterCode?: string;
  raisedByCode?: string;
  leadMinistryCode?: string;
  /** A ministry's queue: the issues it leads or cooperates on (협조 부처), or only those of `ministryRole`. */
  ministryCode?: string;
  ministryRole?: MinistryRole;
  /** Only overdue issues; "not overdue" is not offered (nobody asked for it). */
  overdue: boolean;
  /** Only refusals still open to challenge (이의신청 기간 중). */
  challengeOpen: boolean;
  /** Only long-term reviews past their final-answer deadline (최종 답변 기한 경과). */
  finalAnswerOverdue: boolean;
  /** Only issues of the clusters this agency operates. */
  operatorCode?: string;
  q?: string;
}

/** The sorts the list offers; the API knows a few more, which the address may still carry. */
export const ISSUE_SORTS = ['-createdAt', 'dueAt', 'priority', '-updatedAt'] as const;
export type IssueSort = (typeof ISSUE_SORTS)[number];
export const DEFAULT_ISSUE_SORT: IssueSort = '-createdAt';

export type IssueView = 'table' | 'board';

export interface IssueListState {
  filters: IssueFilters;
  sort: IssueSort;
  view: IssueView;
}

const CODE = /^[a-z0-9][a-z0-9_-]{0,49}$/i;

function code(value: string | null): string | undefined {
  const trimmed = value?.trim();
  return trimmed && CODE.test(trimmed) ? trimmed : undefined;
}

/**
 * The list as the address describes it. Unknown or malformed values are dropped rather than sent to
 * the API (which would refuse the whole request), so an old bookmark still opens.
 */
export function readIssueList(search: URLSearchParams): IssueListState {
  const status = ISSUE_STATUSES.filter((s) => search.getAll('status').includes(s));
  const category = search.get('category');
  const priority = search.get('priority');
  const q = search.get('q')?.trim().slice(0, MAX_ISSUE_QUERY_LENGTH);
  const sort = search.get('sort');
  return {
    filters: {
      status,
      category: isOneOf(ISSUE_CATEGORIES, category) ? category : undefined,
      priority: isOneOf(ISSUE_PRIORITIES, priority) ? priority : undefined,
      clusterCode: code(search.get('clusterCode')),
      raisedByCode: code(search.get('raisedByCode')),
      leadMinistryCode: code(search.get('leadMinistryCode')),
      ministryCode: code(search.get('ministryCode')),
      operatorCode: code(search.get('operatorCode')),
      overdue: search.get('overdue') === 'true',
      challengeOpen: search.get('challengeOpen') === 'true',
      finalAnswerOverdue: search.get('finalAnswerOverdue') === 'true',
      q: q || undefined,
    },
    sort: isOneOf(ISSUE_SORTS, sort) ? sort : DEFAULT_ISSUE_SORT,
    view: search.get('view') === 'board' ? 'board' : 'table',
  };
}

/**
 * The filters as API query parameters (the list and the CSV export take the same ones): repeated
 * `status`, `overdue=true` only when set, nothing for an empty filter.
 */
export function issueFilterQuery(filters: IssueFilters): URLSearchParams {
  const query = new URLSearchParams();
  for (const status of filters.status) query.append('status', status);
  if (filters.category) query.set('category', filters.category);
  if (filters.priority) query.set('priority', filters.priority);
  if (filters.clusterCode) query.set('clusterCode', filters.clusterCode);
  if (filters.raisedByCode) query.set('raisedByCode', filters.raisedByCode);
  if (filters.leadMinistryCode) query.set('leadMinistryCode', filters.leadMinistryCode);
  if (filters.ministryCode) query.set('ministryCode', filters.ministryCode);
  if (filters.ministryCode && filters.ministryRole) query.set('ministryRole', filters.ministryRole);
  if (filters.operatorCode) query.set('operatorCode', filters.operatorCode);
  if (filters.overdue) query.set('overdue', 'true');
  if (filters.challengeOpen) query.set('challengeOpen', 'true');
  if (filters.finalAnswerOverdue) query.set('finalAnswerOverdue', 'true');
  if (filters.q) query.set('q', filters.q);
  return query;
}

/** The page's address: the filters, then the sort and the view when they are not the defaults. */
export function issueListQuery(state: IssueListState): URLSearchParams {
  const query = issueFilterQuery(state.filters);
  if (state.sort !== DEFAULT_ISSUE_SORT) query.set('sort', state.sort);
  if (state.view !== 'table') query.set('view', state.view);
  return query;
}

export function hasIssueFilters(filters: IssueFilters): boolean {
  return issueFilterQuery(filters).toString().length > 0;
}

/** Where the CSV (or XLSX) of the current filters downloads from (a plain link: the session cookie goes along). */
export function issueExportUrl(baseUrl: string, filters: IssueFilters, format: ExportFormat = 'csv', lang?: ExportLang): string {
  return exportUrl(baseUrl, `/api/v1/regulatory-issues/export.${format}`, issueFilterQuery(filters), lang);
}

/** The arguments of RegulatoryIssuesClient.listRegulatoryIssues up to `q`, in its order. */
export function issueListArgs(filters: IssueFilters): ListRegulatoryIssuesParameters {
  return {
    status: filters.status.length > 0 ? filters.status : undefined,
    category: filters.category ? [filters.category] : undefined,
    priority: filters.priority ? [filters.priority] : undefined,
    clusterCode: filters.clusterCode,
    raisedByCode: filters.raisedByCode,
    leadMinistryCode: filters.leadMinistryCode,
    overdue: filters.overdue ? true : undefined,
    q: filters.q,
    ministryCode: filters.ministryCode,
    ministryRole: filters.ministryCode ? filters.ministryRole : undefined,
    challengeOpen: filters.challengeOpen ? true : undefined,
    finalAnswerOverdue: filters.finalAnswerOverdue ? true : undefined,
    operatorCode: filters.operatorCode,
  };
}

/** The caller's standing as the issue list's "my agency" filter needs it (permissions and agency only, as MeDto gives them). */
type AgencyCaller = { permissions: string[]; agency: { code: string } | null } | undefined;

/**
 * "My agency's" issues, one click away: the secretariat's are those waiting to be routed; a ministry's those it leads or
 * co-handles; a cluster operator's those of the clusters it operates. Undefined when the caller has no agency (or no such
 * work), so the chip is not shown. Read from permissions, as lib/permissions does: the secretariat routes (registry:write
 * and issues:move), a reviewer moves but does not raise, an operator edits its own clusters.
 */
export function myAgencyFilters(me: AgencyCaller): Partial<IssueFilters> | undefined {
  if (!me?.agency) return undefined;
  const can = (p: string) => me.permissions.includes(p);
  if (can('registry:write') && can('issues:move')) return { status: ['submitted'] };
  if (can('issues:move') && !can('issues:raise')) return { ministryCode: me.agency.code };
  if (can('cluster:edit-own')) return { operatorCode: me.agency.code };
  return undefined;
}

/** Whether the filters are exactly "my agency's" (the chip shows pressed). */
export function isMyAgency(filters: IssueFilters, mine: Partial<IssueFilters>): boolean {
  return issueFilterQuery(filters).toString() === issueFilterQuery({ ...EMPTY_ISSUE_FILTERS, ...mine }).toString();
}

export const EMPTY_ISSUE_FILTERS: IssueFilters = { status: [], overdue: false, challengeOpen: false, finalAnswerOverdue: false };

/** Statuses in which a ministry owes the council something, by what it owes. */
export const OWES_ANSWER: readonly IssueStatus[] = ['under_review', 'long_term_review'];
export const OWES_IMPROVEMENT: readonly IssueStatus[] = ['accepted', 'partially_accepted', 'in_progress'];

/** The deadline an issue in this status runs against, if any. */
export function deadlineKindOf(status: IssueStatus): OverdueKind | undefined {
  if (status === 'under_review') return 'answer';
  if (status === 'long_term_review') return 'review';
  if (OWES_IMPROVEMENT.includes(status)) return 'improvement';
  return undefined;
}

/** Within this many days a deadline is shown as near. */
export const SOON_DAYS = 3;

export type DeadlineState =
  | { tone: 'late'; kind: OverdueKind; days: number; due: string | undefined }
  | { tone: 'soon' | 'open'; kind: OverdueKind; days: number; due: string | undefined };

type DeadlineFields = Pick<
  RegulatoryIssueSummaryDto,
  'status' | 'overdue' | 'overdueKind' | 'daysRemaining' | 'daysLate' | 'responseDueAt' | 'reviewOn' | 'plannedCompletionOn'
>;

/**
 * Where an issue stands against its deadline, from the API's derived fields (overdue is never
 * computed here: the server's clock decides). Undefined when no deadline runs.
 */
export function deadlineOf(issue: DeadlineFields): DeadlineState | undefined {
  const kind = issue.overdueKind ?? deadlineKindOf(issue.status);
  if (!kind) return undefined;
  const due = kind === 'answer' ? issue.responseDueAt : kind === 'review' ? issue.reviewOn : issue.plannedCompletionOn;
  if (issue.overdue) return { tone: 'late', kind, days: issue.daysLate ?? 1, due: due ?? undefined };
  if (issue.daysRemaining == null) return undefined;
  return { tone: issue.daysRemaining <= SOON_DAYS ? 'soon' : 'open', kind, days: issue.daysRemaining, due: due ?? undefined };
}

export interface DeadlineTexts {
  /** e.g. "D-{days}" */
  dMinus: string;
  /** the day itself, e.g. "D-Day" */
  dDay: string;
  /** e.g. "{days}일 지연" */
  late: string;
}

/** "D-3", "D-Day" or "3일 지연" (the templates come from the dictionary). */
export function deadlineLabel(state: DeadlineState, texts: DeadlineTexts): string {
  if (state.tone === 'late') return texts.late.replace('{days}', String(state.days));
  if (state.days <= 0) return texts.dDay;
  return texts.dMinus.replace('{days}', String(state.days));
}

/**
 * Groups issues by status in workflow order (the board), keeping each column's order as listed.
 */
export function byStatus<T extends { status: IssueStatus }>(issues: readonly T[]): Map<IssueStatus, T[]> {
  const columns = new Map<IssueStatus, T[]>(ISSUE_STATUSES.map((s) => [s, []]));
  for (const issue of issues) columns.get(issue.status)?.push(issue);
  return columns;
}

