// The list's filters as the address holds them (pure, unit-tested), the raise and edit forms' requests from their fields,
// and who may edit a recommendation.
import type { CreatePolicyRecommendationRequest, PolicyRecommendationDto, RecommendationState, UpdatePolicyRecommendationRequest } from '../../api/client';

export const RECOMMENDATION_STATES: readonly RecommendationState[] = [
  'submitted',
  'routed',
  'accepted',
  'partially_accepted',
  'long_term_review',
  'not_accepted',
  'in_progress',
  'completed',
  'withdrawn',
];

export interface RecommendationFilters {
  state?: RecommendationState;
  ministryCode?: string;
  clusterCode?: string;
  overdue: boolean;
}

export function readRecommendationFilters(search: URLSearchParams): RecommendationFilters {
  const state = search.get('state') ?? undefined;
  return {
    state: RECOMMENDATION_STATES.find((s) => s === state),
    ministryCode: search.get('ministryCode') || undefined,
    clusterCode: search.get('clusterCode') || undefined,
    overdue: search.get('overdue') === 'true',
  };
}

export function recommendationQuery(filters: RecommendationFilters): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.state) query.set('state', filters.state);
  if (filters.ministryCode) query.set('ministryCode', filters.ministryCode);
  if (filters.clusterCode) query.set('clusterCode', filters.clusterCode);
  if (filters.overdue) query.set('overdue', 'true');
  return query;
}

export interface RaiseValues {
  themeKo: string;
  themeEn: string;
  text: string;
  leadMinistryCode: string;
  otherMinistryCodes: string[];
  clusterCodes: string[];
  raisedByCode: string;
  sourceMeetingId: string;
  sourceAgendaItemId: string;
}

export type RaiseField = 'themeKo' | 'text' | 'leadMinistryCode' | 'raisedByCode' | 'sourceMeetingId' | 'sourceAgendaItemId';

/** The request, or which required fields are missing (the API checks the rest). */
export function raiseRequest(v: RaiseValues, choosesRaiser: boolean): { body?: CreatePolicyRecommendationRequest; missing: RaiseField[] } {
  const missing: RaiseField[] = [];
  if (!v.themeKo.trim()) missing.push('themeKo');
  if (!v.text.trim()) missing.push('text');
  if (!v.leadMinistryCode) missing.push('leadMinistryCode');
  if (choosesRaiser && !v.raisedByCode) missing.push('raisedByCode');
  const id = (s: string, field: RaiseField) => {
    if (!s.trim()) return undefined;
    const n = Number(s.trim());
    if (!Number.isInteger(n) || n < 1) missing.push(field);
    return n;
  };
  const sourceMeetingId = id(v.sourceMeetingId, 'sourceMeetingId');
  const sourceAgendaItemId = id(v.sourceAgendaItemId, 'sourceAgendaItemId');
  if (missing.length > 0) return { missing };
  return {
    missing,
    body: {
      themeKo: v.themeKo.trim(),
      themeEn: v.themeEn.trim() || undefined,
      text: v.text.trim(),
      leadMinistryCode: v.leadMinistryCode,
      otherMinistryCodes: v.otherMinistryCodes.filter((c) => c && c !== v.leadMinistryCode),
      clusterCodes: v.clusterCodes.filter(Boolean),
      raisedByCode: choosesRaiser ? v.raisedByCode : undefined,
      sourceMeetingId,
      sourceAgendaItemId,
    },
  };
}

/** The edit form's starting values: the recommendation as it is. */
export function editValues(r: PolicyRecommendationDto): RaiseValues {
  return {
    themeKo: r.themeKo,
    themeEn: r.themeEn ?? '',
    text: r.text,
    leadMinistryCode: r.leadMinistry.code,
    otherMinistryCodes: r.otherMinistries.map((m) => m.code),
    clusterCodes: r.clusters.map((c) => c.code),
    raisedByCode: '',
    sourceMeetingId: '',
    sourceAgendaItemId: '',
  };
}

/** The replace (PUT) request of the edit form: the description only — the raiser and the source are fixed once raised. */
export function updateRequest(v: RaiseValues): { body?: UpdatePolicyRecommendationRequest; missing: RaiseField[] } {
  const { body, missing } = raiseRequest({ ...v, raisedByCode: '', sourceMeetingId: '', sourceAgendaItemId: '' }, false);
  if (!body) return { missing };
  return {
    missing,
    body: {
      themeKo: body.themeKo,
      themeEn: body.themeEn,
      text: body.text,
      leadMinistryCode: body.leadMinistryCode,
      otherMinistryCodes: body.otherMinistryCodes,
      clusterCodes: body.clusterCodes,
    },
  };
}

/** The caller, as far as editing needs: may they raise, do they manage the registry (the secretariat's stand-in), their agency. */
export interface Editor {
  raises: boolean;
  manages: boolean;
  agencyId?: number;
}

/**
 * Whether the edit form is offered (ADR 0023): only while the recommendation is submitted (not yet routed), to the
 * raising agency or the secretariat. The API decides; this only spares people a form they could not send.
 */
export function canEditRecommendation(editor: Editor, r: Pick<PolicyRecommendationDto, 'state' | 'raisedBy'>): boolean {
  if (!editor.raises || r.state !== 'submitted') return false;
  return editor.manages || (editor.agencyId != null && editor.agencyId === r.raisedBy.id);
}
