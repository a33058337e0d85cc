// Pure rules of the follow-up board: its filters in the address, and "who owes what by when" — grouped by owner,
// the owners with late work first, and within each owner the late ones first, most days late first.
import type { FollowUpDto, FollowUpState, UpdateFollowUpRequest } from '../../api/client';
import { FOLLOW_UP_STATES } from '../../api/enums';

export interface FollowUpFilters {
  ownerCode?: string;
  state: FollowUpState[];
  overdue: boolean;
  meetingId?: number;
}

/** What the board shows unless told otherwise: what is still owed. */
export const OPEN_STATES: FollowUpState[] = ['open', 'in_progress'];

const CODE = /^[a-z0-9][a-z0-9_-]{0,49}$/i;
const ID = /^[1-9]\d{0,15}$/;

/**
 * The board as the address describes it. `ownerCode=all` means every owner (so someone whose board opens on their own
 * agency can still see all); no owner in the address means `defaultOwner`. No state means what is still owed.
 */
export function readFollowUpFilters(search: URLSearchParams, defaultOwner?: string): FollowUpFilters {
  const owner = search.get('ownerCode')?.trim();
  const meetingId = search.get('meetingId');
  const state = FOLLOW_UP_STATES.filter((s) => search.getAll('state').includes(s));
  return {
    ownerCode: owner === 'all' ? undefined : owner && CODE.test(owner) ? owner : defaultOwner,
    state: state.length > 0 ? state : search.get('state') === 'any' ? [] : OPEN_STATES,
    overdue: search.get('overdue') === 'true',
    meetingId: meetingId && ID.test(meetingId) ? Number(meetingId) : undefined,
  };
}

/** The address of the filters (the inverse of readFollowUpFilters with the same default owner). */
export function followUpQuery(filters: FollowUpFilters, defaultOwner?: string): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.ownerCode !== defaultOwner) query.set('ownerCode', filters.ownerCode ?? 'all');
  const isDefault = filters.state.length === OPEN_STATES.length && OPEN_STATES.every((s) => filters.state.includes(s));
  if (filters.state.length === 0) query.set('state', 'any');
  else if (!isDefault) for (const s of filters.state) query.append('state', s);
  if (filters.overdue) query.set('overdue', 'true');
  if (filters.meetingId) query.set('meetingId', String(filters.meetingId));
  return query;
}

/** The board's filters as the follow-ups export reads them (the API's list parameters). */
export function followUpExportQuery(filters: FollowUpFilters): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.ownerCode) query.set('ownerCode', filters.ownerCode);
  for (const s of filters.state) query.append('state', s);
  if (filters.overdue) query.set('overdue', 'true');
  if (filters.meetingId) query.set('meetingId', String(filters.meetingId));
  return query;
}

type Owed = Pick<FollowUpDto, 'id' | 'dueOn' | 'overdue' | 'daysLate'> & { ownerAgency: { code: string; nameKo: string } | null };

/** Late first (most days late first), then by due date (none last), then by id. */
export function byUrgency(a: Owed, b: Owed): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.overdue && b.overdue && (a.daysLate ?? 0) !== (b.daysLate ?? 0)) return (b.daysLate ?? 0) - (a.daysLate ?? 0);
  const da = a.dueOn ?? '9999-12-31';
  const db = b.dueOn ?? '9999-12-31';
  return da < db ? -1 : da > db ? 1 : a.id - b.id;
}

export interface OwnerGroup<T extends Owed> {
  /** The owner's code; '' for follow-ups nobody owns yet. */
  code: string;
  owner: T['ownerAgency'];
  items: T[];
  overdue: number;
}

/** Who owes what: one group per owner, the owners with the most late work first, then by name; unowned last. */
export function groupByOwner<T extends Owed>(items: readonly T[], locale = 'ko'): OwnerGroup<T>[] {
  const groups = new Map<string, OwnerGroup<T>>();
  for (const item of items) {
    const code = item.ownerAgency?.code ?? '';
    const group: OwnerGroup<T> = groups.get(code) ?? { code, owner: item.ownerAgency, items: [], overdue: 0 };
    group.items.push(item);
    if (item.overdue) group.overdue++;
    groups.set(code, group);
  }
  for (const group of groups.values()) group.items.sort(byUrgency);
  return [...groups.values()].sort((a, b) => {
    if (!a.code !== !b.code) return a.code ? -1 : 1;
    if (a.overdue !== b.overdue) return b.overdue - a.overdue;
    const na = a.owner?.nameKo ?? '';
    const nb = b.owner?.nameKo ?? '';
    return na.localeCompare(nb, locale);
  });
}

/** The secretariat's edit of a follow-up, as typed. */
export interface FollowUpEditValues {
  title: string;
  ownerAgencyCode: string;
  ownerPerson: string;
  dueOn: string;
  detail: string;
}

export type FollowUpEditError = 'required' | 'tooShort' | 'date';

export function followUpEditValuesOf(f: Pick<FollowUpDto, 'title' | 'ownerAgency' | 'ownerPerson' | 'dueOn' | 'detail'>): FollowUpEditValues {
  return { title: f.title, ownerAgencyCode: f.ownerAgency?.code ?? '', ownerPerson: f.ownerPerson ?? '', dueOn: f.dueOn ?? '', detail: f.detail ?? '' };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day "YYYY-MM-DD" (2026-02-31 is not). */
function isDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

/**
 * The request that replaces a follow-up's title, owner (agency and person), due date and detail. An owner and a due
 * date are asked for: a meeting cannot close while a follow-up lacks either (ADR 0012).
 */
export function followUpUpdateRequest(values: FollowUpEditValues): { body?: UpdateFollowUpRequest; errors: Partial<Record<keyof FollowUpEditValues, FollowUpEditError>> } {
  const errors: Partial<Record<keyof FollowUpEditValues, FollowUpEditError>> = {};
  const title = values.title.trim();
  const dueOn = values.dueOn.trim();
  if (!title) errors.title = 'required';
  else if (title.length < 2) errors.title = 'tooShort';
  if (!values.ownerAgencyCode) errors.ownerAgencyCode = 'required';
  if (!dueOn) errors.dueOn = 'required';
  else if (!isDay(dueOn)) errors.dueOn = 'date';
  if (Object.keys(errors).length > 0) return { errors };
  return {
    body: { title, ownerAgencyCode: values.ownerAgencyCode, ownerPerson: values.ownerPerson.trim() || null, dueOn, detail: values.detail.trim() || null },
    errors,
  };
}
