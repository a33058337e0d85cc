// The site-project and actor-profile forms' pure parts (unit-tested): numbers as people type them (12,500), stage rows,
// specialisations as one line, and the requests built from them.
import type { SiteProjectDto, SiteProjectStage, SiteProjectState, UpdateSiteProjectRequest } from '../../api/client';

export const SITE_PROJECT_STATES: readonly SiteProjectState[] = ['planned', 'design', 'construction', 'completed', 'on_hold'];

/** A number as typed: "12,500" or "12500.5"; empty → null; anything else → undefined. */
export function parseAmount(text: string): number | null | undefined {
  const s = text.trim();
  if (s === '') return null;
  if (!/^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(s)) return undefined;
  const n = Number(s.replace(/,/g, ''));
  return Number.isFinite(n) ? n : undefined;
}

/** A whole number as typed (floors): "16"; empty → null; anything else → undefined. */
export function parseWhole(text: string): number | null | undefined {
  const n = parseAmount(text);
  return n === null || n === undefined ? n : Number.isInteger(n) ? n : undefined;
}

export interface StageRow {
  nameKo: string;
  plannedStart: string;
  plannedEnd: string;
  actualStart: string;
  actualEnd: string;
}

export function stageRows(stages: readonly SiteProjectStage[]): StageRow[] {
  return stages.map((s) => ({
    nameKo: s.nameKo,
    plannedStart: s.plannedStart ?? '',
    plannedEnd: s.plannedEnd ?? '',
    actualStart: s.actualStart ?? '',
    actualEnd: s.actualEnd ?? '',
  }));
}

export interface SiteProjectValues {
  nameKo: string;
  nameEn: string;
  state: string;
  address: string;
  latitude: string;
  longitude: string;
  landAreaM2: string;
  floorAreaM2: string;
  floorsBelow: string;
  floorsAbove: string;
  developerCode: string;
  description: string;
}

export type SiteProjectProblem = 'required' | 'number' | 'whole' | 'stageOrder';

export function siteProjectValues(p: SiteProjectDto | undefined): SiteProjectValues {
  const n = (v: number | null | undefined) => (v == null ? '' : String(v));
  return {
    nameKo: p?.nameKo ?? '',
    nameEn: p?.nameEn ?? '',
    state: p?.state ?? 'planned',
    address: p?.address ?? '',
    latitude: n(p?.latitude),
    longitude: n(p?.longitude),
    landAreaM2: n(p?.landAreaM2),
    floorAreaM2: n(p?.floorAreaM2),
    floorsBelow: n(p?.floorsBelow),
    floorsAbove: n(p?.floorsAbove),
    developerCode: p?.developer?.code ?? '',
    description: p?.description ?? '',
  };
}

/** The site project's fields and stages as the API takes them, or which fields are wrong (the API checks the rest). */
export function siteProjectRequest(
  v: SiteProjectValues,
  rows: readonly StageRow[],
): { body?: UpdateSiteProjectRequest; problems: Record<string, SiteProjectProblem> } {
  const problems: Record<string, SiteProjectProblem> = {};
  if (!v.nameKo.trim()) problems.nameKo = 'required';
  const state = SITE_PROJECT_STATES.find((s) => s === v.state);
  if (!state) problems.state = 'required';
  const amount = (field: keyof SiteProjectValues) => {
    const n = parseAmount(v[field]);
    if (n === undefined) problems[field] = 'number';
    return n ?? undefined;
  };
  const whole = (field: keyof SiteProjectValues) => {
    const n = parseWhole(v[field]);
    if (n === undefined) problems[field] = 'whole';
    return n ?? undefined;
  };
  const stages = rows
    .filter((r) => r.nameKo.trim() || r.plannedStart || r.plannedEnd || r.actualStart || r.actualEnd)
    .map((r) => ({
      nameKo: r.nameKo.trim(),
      plannedStart: r.plannedStart || undefined,
      plannedEnd: r.plannedEnd || undefined,
      actualStart: r.actualStart || undefined,
      actualEnd: r.actualEnd || undefined,
    }));
  if (stages.some((s) => !s.nameKo)) problems.stages = 'required';
  else if (stages.some((s) => (s.plannedStart && s.plannedEnd && s.plannedEnd < s.plannedStart) || (s.actualStart && s.actualEnd && s.actualEnd < s.actualStart)))
    problems.stages = 'stageOrder';
  const body: UpdateSiteProjectRequest = {
    nameKo: v.nameKo.trim(),
    nameEn: v.nameEn.trim() || undefined,
    state: state ?? 'planned',
    address: v.address.trim() || undefined,
    latitude: amount('latitude'),
    longitude: amount('longitude'),
    landAreaM2: amount('landAreaM2'),
    floorAreaM2: amount('floorAreaM2'),
    floorsBelow: whole('floorsBelow'),
    floorsAbove: whole('floorsAbove'),
    developerCode: v.developerCode || undefined,
    description: v.description.trim() || undefined,
    stages,
  };
  return Object.keys(problems).length > 0 ? { problems } : { body, problems };
}

/** Specialisations typed on one line, separated by ',' or ';' (as the import reads them), trimmed, each once. */
export function parseSpecializations(text: string): string[] {
  return [...new Set(text.split(/[;,]/).map((s) => s.trim()).filter(Boolean))];
}
