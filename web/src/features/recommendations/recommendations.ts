// The list's filters as the address holds them (pure, unit-tested), and the raise form's request from its fields.
import type { CreatePolicyRecommendationRequest, RecommendationState } from '../../api/client';

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
