// The collaboration projects' pure parts (unit-tested): the list's filters as the address holds them, amounts of won as
// people type them (1,200,000,000), and the form's request from its fields.
import type {
  CollaborationPartnerRequest,
  CollaborationState,
  CreateCollaborationProjectRequest,
  PartnerRole,
  UpdateCollaborationProjectRequest,
} from '../../api/client';

export const COLLABORATION_STATES: readonly CollaborationState[] = ['planned', 'in_progress', 'completed', 'suspended', 'cancelled'];

export const PARTNER_ROLES: readonly PartnerRole[] = ['lead', 'co_lead', 'partner', 'funder', 'advisor'];

export interface CollaborationFilters {
  state?: CollaborationState;
  clusterCode?: string;
  agencyCode?: string;
  q?: string;
}

export function readCollaborationFilters(search: URLSearchParams): CollaborationFilters {
  const state = search.get('state') ?? undefined;
  return {
    state: COLLABORATION_STATES.find((s) => s === state),
    clusterCode: search.get('clusterCode') || undefined,
    agencyCode: search.get('agencyCode') || undefined,
    q: search.get('q')?.trim() || undefined,
  };
}

export function collaborationQuery(filters: CollaborationFilters): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.state) query.set('state', filters.state);
  if (filters.clusterCode) query.set('clusterCode', filters.clusterCode);
  if (filters.agencyCode) query.set('agencyCode', filters.agencyCode);
  if (filters.q) query.set('q', filters.q);
  return query;
}

/**
 * Whole won as typed: digits, optionally grouped by commas in threes ("1,200,000,000"), spaces and a trailing "원"
 * allowed. Empty → null; anything else (decimals, signs, bad grouping, beyond 10 trillion) → undefined (not a number).
 */
export function parseWon(text: string): number | null | undefined {
  const s = text.trim().replace(/\s*\u{C6D0}$/u, '').trim(); // \u{C6D0}: 원
  if (s === '') return null;
  if (!/^(\d{1,3}(,\d{3})+|\d+)$/.test(s)) return undefined;
  const n = Number(s.replace(/,/g, ''));
  return Number.isSafeInteger(n) && n <= 10_000_000_000_000 ? n : undefined;
}

/** Whole won with thousands separators, as the form shows a budget it already has. */
export function formatWon(value: number | null | undefined): string {
  return value == null ? '' : value.toLocaleString('en-US');
}

/** One partner row of the form: a cluster or an agency by code ("cluster:osong"), and its role. */
export interface PartnerRow {
  partner: string;
  role: PartnerRole;
}

export function partnerRequest(row: PartnerRow): CollaborationPartnerRequest | undefined {
  const [kind, ...rest] = row.partner.split(':');
  const code = rest.join(':');
  if (!code) return undefined;
  if (kind === 'cluster') return { clusterCode: code, role: row.role };
  if (kind === 'agency') return { agencyCode: code, role: row.role };
  return undefined;
}

export interface ProjectValues {
  titleKo: string;
  titleEn: string;
  summary: string;
  startsOn: string;
  endsOn: string;
  budget: string;
  outcomes: string;
  sourceMeetingId: string;
  sourceAgendaItemId: string;
}

export type ProjectField = 'titleKo' | 'summary' | 'budgetKrw' | 'endsOn' | 'partners' | 'sourceMeetingId' | 'sourceAgendaItemId';
export type ProjectProblem = 'required' | 'won' | 'endBeforeStart' | 'cluster' | 'id';

/** The fields both the create and the replace send, or what is wrong with them (the API checks the rest). */
export function projectFields(v: ProjectValues): { body?: UpdateCollaborationProjectRequest; problems: Partial<Record<ProjectField, ProjectProblem>> } {
  const problems: Partial<Record<ProjectField, ProjectProblem>> = {};
  if (!v.titleKo.trim()) problems.titleKo = 'required';
  if (!v.summary.trim()) problems.summary = 'required';
  const budget = parseWon(v.budget);
  if (budget === undefined) problems.budgetKrw = 'won';
  if (v.startsOn && v.endsOn && v.endsOn < v.startsOn) problems.endsOn = 'endBeforeStart';
  const id = (s: string, field: ProjectField) => {
    if (!s.trim()) return undefined;
    const n = Number(s.trim());
    if (!Number.isInteger(n) || n < 1) problems[field] = 'id';
    return n;
  };
  const sourceMeetingId = id(v.sourceMeetingId, 'sourceMeetingId');
  const sourceAgendaItemId = id(v.sourceAgendaItemId, 'sourceAgendaItemId');
  if (Object.keys(problems).length > 0) return { problems };
  return {
    problems,
    body: {
      titleKo: v.titleKo.trim(),
      titleEn: v.titleEn.trim() || undefined,
      summary: v.summary.trim(),
      startsOn: v.startsOn || undefined,
      endsOn: v.endsOn || undefined,
      budgetKrw: budget ?? undefined,
      outcomes: v.outcomes.trim() || undefined,
      sourceMeetingId,
      sourceAgendaItemId,
    },
  };
}

/** The create request: the fields and the partners (at least one cluster, as the API requires). */
export function createRequest(v: ProjectValues, rows: readonly PartnerRow[]): {
  body?: CreateCollaborationProjectRequest;
  problems: Partial<Record<ProjectField, ProjectProblem>>;
} {
  const { body, problems } = projectFields(v);
  const partners = rows.map(partnerRequest).filter((p): p is CollaborationPartnerRequest => p !== undefined);
  if (!partners.some((p) => p.clusterCode)) problems.partners = 'cluster';
  if (!body || problems.partners) return { problems };
  return { problems, body: { ...body, partners } };
}
