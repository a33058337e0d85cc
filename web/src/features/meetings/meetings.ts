// Pure rules of the meeting screens: the list's address, the quorum of an attendance sheet as it is being filled in,
// the agenda's order, and the requests the forms send. No React, so they are unit-tested directly.
import type {
  AgendaItemDto,
  AgendaItemRequest,
  AgendaKind,
  AgendaVisibility,
  AttendanceDto,
  AttendanceLineRequest,
  AttendanceStatus,
  CreateMeetingRequest,
  DecisionOutcome,
  DecisionRequest,
  FollowUpRequest,
  MeetingDto,
  MeetingKind,
  MeetingState,
  UpdateMeetingRequest,
  QuorumRule,
  SeatDto,
} from '../../api/client';
import { MEETING_STATES } from '../../api/enums';
import { fromKstLocalInput, isMonth, kstMonth, monthBounds, toKstLocalInput, type Month } from '../../lib/kst';

// ---------------------------------------------------------------------------------------------------------------
// The list's address

export type MeetingView = 'calendar' | 'list';

export interface MeetingListState {
  view: MeetingView;
  /** The calendar's month. */
  month: Month;
  /** The list's states (none: all). */
  state: MeetingState[];
}

export function readMeetingList(search: URLSearchParams, now: Date = new Date()): MeetingListState {
  const month = search.get('month');
  return {
    view: search.get('view') === 'list' ? 'list' : 'calendar',
    month: isMonth(month) ? month : kstMonth(now),
    state: MEETING_STATES.filter((s) => search.getAll('state').includes(s)),
  };
}

/** What the meetings export holds: the month the calendar shows, or the states the list is filtered by. */
export function meetingExportQuery(state: MeetingListState): URLSearchParams {
  const query = new URLSearchParams();
  if (state.view === 'list') for (const s of state.state) query.append('state', s);
  else {
    const { from, to } = monthBounds(state.month);
    query.set('from', from);
    query.set('to', to);
  }
  return query;
}

/** The address of the list: the view, the month (calendar) or the states (list); defaults left out. */
export function meetingListQuery(state: MeetingListState, now: Date = new Date()): URLSearchParams {
  const query = new URLSearchParams();
  if (state.view === 'list') {
    query.set('view', 'list');
    for (const s of state.state) query.append('state', s);
  } else if (state.month !== kstMonth(now)) {
    query.set('month', state.month);
  }
  return query;
}

// ---------------------------------------------------------------------------------------------------------------
// Quorum, as the API counts it (api/Features/Meetings/CouncilWorkflows.cs, Quorum)

/** How many of `of` meet the rule: more than half, or at least two thirds. */
export function neededFor(rule: QuorumRule, of: number): number {
  return rule === 'two_thirds' ? Math.floor((2 * of + 2) / 3) : Math.floor(of / 2) + 1;
}

export interface QuorumCount {
  seats: number;
  present: number;
  needed: number;
  met: boolean;
  votesToDecide: number;
}

/** Of the voting seats, `needed` must be present to open; of those present, `votesToDecide` must agree to decide. */
export function quorumOf(seats: number, present: number, opening: QuorumRule, deciding: QuorumRule): QuorumCount {
  const needed = seats === 0 ? 0 : neededFor(opening, seats);
  return { seats, present, needed, met: seats > 0 && present >= needed, votesToDecide: present === 0 ? 0 : neededFor(deciding, present) };
}

// ---------------------------------------------------------------------------------------------------------------
// The attendance sheet

/** One seat's line as the sheet is being filled in. */
export interface SeatLine {
  seatId: number;
  status: Exclude<AttendanceStatus, 'observer'>;
  substituteName: string;
}

/** Someone attending without a seat (배석): counted for the record, never for quorum. */
export interface ObserverLine {
  key: string;
  name: string;
  agencyCode: string;
}

export interface AttendanceSheet {
  seats: SeatLine[];
  observers: ObserverLine[];
}

type SheetSeat = Pick<SeatDto, 'id' | 'voting'> & { holder: Pick<NonNullable<SeatDto['holder']>, 'voting'> | null };

/** The sheet as saved, or every seat absent when nothing is saved yet; seats the meeting's sheet names but the body no longer lists are kept out. */
export function initialSheet(seats: readonly Pick<SeatDto, 'id'>[], attendance: readonly AttendanceDto[]): AttendanceSheet {
  return {
    seats: seats.map((seat) => {
      const line = attendance.find((a) => a.seatId === seat.id && a.status !== 'observer');
      const status = line && line.status !== 'observer' ? line.status : 'absent';
      return { seatId: seat.id, status, substituteName: line?.substituteName ?? '' };
    }),
    observers: attendance
      .filter((a) => a.status === 'observer')
      .map((a, index) => ({ key: `saved-${index}`, name: a.name, agencyCode: a.agency?.code ?? '' })),
  };
}

/**
 * The quorum of the sheet before it is saved, by the API's rule: voting seats count; a seat's holder votes as their
 * membership says (a vacant seat as the seat says); present in person or by substitute counts as present.
 */
export function sheetQuorum(seats: readonly SheetSeat[], sheet: AttendanceSheet, opening: QuorumRule, deciding: QuorumRule): QuorumCount {
  const votes = (seat: SheetSeat) => seat.holder?.voting ?? seat.voting;
  const votingSeats = seats.filter((s) => s.voting).length;
  const present = sheet.seats.filter((line) => {
    const seat = seats.find((s) => s.id === line.seatId);
    return seat && votes(seat) && (line.status === 'present' || line.status === 'substitute');
  }).length;
  return quorumOf(votingSeats, present, opening, deciding);
}

export type AttendanceError = 'substituteName' | 'observerName';

/** The request that replaces the sheet, or the lines that need a name (by seat id, or observer key). */
export function attendanceRequest(sheet: AttendanceSheet): { body?: { lines: AttendanceLineRequest[] }; errors: Record<string, AttendanceError> } {
  const errors: Record<string, AttendanceError> = {};
  const lines: AttendanceLineRequest[] = [];
  for (const line of sheet.seats) {
    const substituteName = line.substituteName.trim();
    if (line.status === 'substitute' && !substituteName) errors[`seat-${line.seatId}`] = 'substituteName';
    lines.push(line.status === 'substitute' ? { seatId: line.seatId, status: 'substitute', substituteName } : { seatId: line.seatId, status: line.status });
  }
  for (const observer of sheet.observers) {
    const name = observer.name.trim();
    if (!name) errors[observer.key] = 'observerName';
    lines.push({ status: 'observer', name, agencyCode: observer.agencyCode || null });
  }
  return Object.keys(errors).length > 0 ? { errors } : { body: { lines }, errors };
}

// ---------------------------------------------------------------------------------------------------------------
// The agenda's order

type OrderItem = Pick<AgendaItemDto, 'id' | 'parentId' | 'position'>;

/** The items as the agenda lists them: top-level items by position, each followed by its sub-items by position. */
export function agendaOrder<T extends OrderItem>(items: readonly T[]): T[] {
  const byPosition = (a: T, b: T) => a.position - b.position || a.id - b.id;
  const top = items.filter((i) => i.parentId == null || !items.some((p) => p.id === i.parentId)).sort(byPosition);
  return top.flatMap((parent) => [parent, ...items.filter((i) => i.parentId === parent.id).sort(byPosition)]);
}

/** Every item's id in the order wanted (what the API's reorder takes), after moving `id` to another place among its siblings. */
function reorderSiblings(items: readonly OrderItem[], id: number, targetIndex: (siblings: OrderItem[], from: number) => number): number[] | undefined {
  const ordered = agendaOrder(items);
  const item = ordered.find((i) => i.id === id);
  if (!item) return undefined;
  const parentOf = (i: OrderItem) => (isChild(ordered, i) ? i.parentId : null);
  const siblings = ordered.filter((i) => parentOf(i) === parentOf(item));
  const from = siblings.findIndex((s) => s.id === id);
  const to = targetIndex(siblings, from);
  if (to < 0 || to >= siblings.length || to === from) return undefined;
  const moved = [...siblings];
  moved.splice(from, 1);
  moved.splice(to, 0, item);
  // Put the siblings back in their new order; everything else keeps its place (children follow their parent).
  const position = new Map(moved.map((s, index) => [s.id, index + 1]));
  return agendaOrder(ordered.map((i) => (position.has(i.id) ? { ...i, position: position.get(i.id)! } : i))).map((i) => i.id);
}

function isChild(items: readonly OrderItem[], item: OrderItem): boolean {
  return item.parentId != null && items.some((p) => p.id === item.parentId);
}

/** One step up (-1) or down (+1) among its siblings; undefined when it is already first or last. */
export function moveAgendaItem(items: readonly OrderItem[], id: number, delta: -1 | 1): number[] | undefined {
  return reorderSiblings(items, id, (_, from) => from + delta);
}

/** Dropped onto `targetId`: takes the target's place among the same siblings (an item never changes parent by dragging). */
export function dropAgendaItem(items: readonly OrderItem[], id: number, targetId: number): number[] | undefined {
  const target = items.find((i) => i.id === targetId);
  const item = items.find((i) => i.id === id);
  if (!target || !item || (target.parentId ?? null) !== (item.parentId ?? null)) return undefined;
  return reorderSiblings(items, id, (siblings) => siblings.findIndex((s) => s.id === targetId));
}

// ---------------------------------------------------------------------------------------------------------------
// Requests of the forms

export type FormError = 'required' | 'tooShort' | 'range' | 'date' | 'ids' | 'votesOverPresent' | 'venue' | 'onlineUrl' | 'endBeforeStart';

type Errors<K extends string> = Partial<Record<K, FormError>>;

export interface MeetingValues {
  titleKo: string;
  titleEn: string;
  kind: MeetingKind;
  startsAt: string;
  endsAt: string;
  venue: string;
  onlineUrl: string;
}

/** Planning (or editing) a meeting: times entered in Korea become instants; venue and link as the kind needs them. */
export function meetingRequest(values: MeetingValues, bodyCode: string): { body?: CreateMeetingRequest; errors: Errors<keyof MeetingValues> } {
  const errors: Errors<keyof MeetingValues> = {};
  const titleKo = values.titleKo.trim();
  const startsAt = fromKstLocalInput(values.startsAt);
  const endsAt = values.endsAt.trim() ? fromKstLocalInput(values.endsAt) : undefined;
  const venue = values.venue.trim();
  const onlineUrl = values.onlineUrl.trim();
  if (!titleKo) errors.titleKo = 'required';
  else if (titleKo.length < 2) errors.titleKo = 'tooShort';
  if (!values.startsAt.trim()) errors.startsAt = 'required';
  else if (!startsAt) errors.startsAt = 'date';
  if (values.endsAt.trim() && !endsAt) errors.endsAt = 'date';
  else if (endsAt && startsAt && Date.parse(endsAt) <= Date.parse(startsAt)) errors.endsAt = 'endBeforeStart';
  if (values.kind !== 'online' && !venue) errors.venue = 'venue';
  if (values.kind !== 'in_person' && !onlineUrl) errors.onlineUrl = 'onlineUrl';
  else if (onlineUrl && !/^https?:\/\/\S+$/i.test(onlineUrl)) errors.onlineUrl = 'onlineUrl';
  if (Object.keys(errors).length > 0) return { errors };
  return {
    body: {
      bodyCode,
      titleKo,
      titleEn: values.titleEn.trim() || null,
      kind: values.kind,
      startsAt: startsAt!,
      endsAt: endsAt ?? null,
      venue: venue || null,
      onlineUrl: onlineUrl || null,
    },
    errors,
  };
}

/** The states in which the API lets the secretariat change a meeting's details (MeetingStore.UpdateAsync). */
export const EDITABLE_MEETING_STATES: readonly MeetingState[] = ['planned', 'convened'];

/** A meeting's details as the edit form starts: times as typed in Korea. */
export function meetingValuesOf(m: Pick<MeetingDto, 'titleKo' | 'titleEn' | 'kind' | 'startsAt' | 'endsAt' | 'venue' | 'onlineUrl'>): MeetingValues {
  return {
    titleKo: m.titleKo,
    titleEn: m.titleEn ?? '',
    kind: m.kind,
    startsAt: toKstLocalInput(m.startsAt),
    endsAt: toKstLocalInput(m.endsAt),
    venue: m.venue ?? '',
    onlineUrl: m.onlineUrl ?? '',
  };
}

/** Editing a meeting's details: the same rules as planning it, without the body (a meeting never changes body). */
export function updateMeetingRequest(values: MeetingValues): { body?: UpdateMeetingRequest; errors: Errors<keyof MeetingValues> } {
  const { body, errors } = meetingRequest(values, '');
  if (!body) return { errors };
  const { bodyCode: _ignored, ...update } = body;
  return { body: update, errors };
}

/** Whether a title already says the meeting's number ("제2차 …"), so the header does not say it twice. */
export function titleSaysNumber(title: string, number: number | null | undefined): boolean {
  // \uC81C \uCC28: the two syllables of "제N차" (this file holds no Korean text: i18n.test.ts).
  return number != null && new RegExp(`\\uC81C\\s*${number}\\s*\\uCC28`).test(title);
}

export interface AgendaValues {
  titleKo: string;
  titleEn: string;
  kind: AgendaKind;
  parentId: string;
  presenterAgencyCode: string;
  presenterName: string;
  durationMinutes: string;
  visibility: AgendaVisibility;
  /** Regulatory issue ids, as typed: "12, 15". */
  issueIds: string;
  /** Cluster ids, as chosen. */
  clusterIds: number[];
}

/** Adding or editing an agenda item, its links to regulatory issues (by id) and clusters included. */
export function agendaItemRequest(values: AgendaValues): { body?: AgendaItemRequest; errors: Errors<keyof AgendaValues> } {
  const errors: Errors<keyof AgendaValues> = {};
  const titleKo = values.titleKo.trim();
  if (!titleKo) errors.titleKo = 'required';
  else if (titleKo.length < 2) errors.titleKo = 'tooShort';
  const duration = values.durationMinutes.trim();
  if (duration && !(/^\d{1,3}$/.test(duration) && Number(duration) >= 1 && Number(duration) <= 600)) errors.durationMinutes = 'range';
  const issueText = values.issueIds.trim();
  const issueIds = issueText ? issueText.split(/[\s,]+/).filter(Boolean) : [];
  if (issueIds.some((id) => !/^#?[1-9]\d{0,15}$/.test(id))) errors.issueIds = 'ids';
  if (Object.keys(errors).length > 0) return { errors };
  const links = [
    ...[...new Set(issueIds.map((id) => Number(id.replace('#', ''))))].map((id) => ({ kind: 'regulatory_issue' as const, id })),
    ...[...new Set(values.clusterIds)].map((id) => ({ kind: 'cluster' as const, id })),
  ];
  return {
    body: {
      titleKo,
      titleEn: values.titleEn.trim() || null,
      kind: values.kind,
      parentId: values.parentId ? Number(values.parentId) : null,
      presenterAgencyCode: values.presenterAgencyCode || null,
      presenterName: values.presenterName.trim() || null,
      durationMinutes: duration ? Number(duration) : null,
      visibility: values.visibility,
      links,
    },
    errors,
  };
}

export interface FollowUpValues {
  key: string;
  title: string;
  ownerAgencyCode: string;
  ownerPerson: string;
  dueOn: string;
}

export interface DecisionValues {
  outcome: DecisionOutcome | '';
  text: string;
  votesFor: string;
  votesAgainst: string;
  votesAbstaining: string;
  followUps: FollowUpValues[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A decision on an item, with the follow-ups it creates. Votes are optional whole numbers whose sum cannot exceed
 * those present (the API's check); a follow-up needs a title, and an owner and a due date before the meeting can close
 * (so the form asks for both now). Follow-up errors are keyed `followUps.<key>.<field>`.
 */
export function decisionRequest(values: DecisionValues, present: number): { body?: DecisionRequest; errors: Record<string, FormError> } {
  const errors: Record<string, FormError> = {};
  if (!values.outcome) errors.outcome = 'required';
  const text = values.text.trim();
  if (!text) errors.text = 'required';
  else if (text.length < 2) errors.text = 'tooShort';
  const votes: Record<'votesFor' | 'votesAgainst' | 'votesAbstaining', number | null> = { votesFor: null, votesAgainst: null, votesAbstaining: null };
  for (const field of ['votesFor', 'votesAgainst', 'votesAbstaining'] as const) {
    const raw = values[field].trim();
    if (!raw) continue;
    if (/^\d{1,4}$/.test(raw) && Number(raw) <= 1000) votes[field] = Number(raw);
    else errors[field] = 'range';
  }
  const cast = (votes.votesFor ?? 0) + (votes.votesAgainst ?? 0) + (votes.votesAbstaining ?? 0);
  if (!errors.votesFor && cast > present) errors.votesFor = 'votesOverPresent';
  const followUps: FollowUpRequest[] = [];
  for (const f of values.followUps) {
    const title = f.title.trim();
    const prefix = `followUps.${f.key}`;
    if (!title) errors[`${prefix}.title`] = 'required';
    else if (title.length < 2) errors[`${prefix}.title`] = 'tooShort';
    if (!f.ownerAgencyCode) errors[`${prefix}.ownerAgencyCode`] = 'required';
    if (!f.dueOn.trim()) errors[`${prefix}.dueOn`] = 'required';
    else if (!DAY.test(f.dueOn.trim())) errors[`${prefix}.dueOn`] = 'date';
    followUps.push({ title, ownerAgencyCode: f.ownerAgencyCode || null, ownerPerson: f.ownerPerson.trim() || null, dueOn: f.dueOn.trim() || null });
  }
  if (Object.keys(errors).length > 0) return { errors };
  return {
    body: { outcome: values.outcome as DecisionOutcome, text, ...votes, followUps: followUps.length > 0 ? followUps : null },
    errors,
  };
}

/** Items still without an outcome, in agenda order (they keep a held meeting from closing). */
export function undecided<T extends OrderItem & { decision: unknown }>(items: readonly T[]): T[] {
  return agendaOrder(items).filter((i) => !i.decision);
}


// ---------------------------------------------------------------------------------------------------------------
// A cluster's page: the items of a meeting that concern the cluster

/** The agenda items (in agenda order) that link the cluster, each with its decision when the meeting made one. */
export function itemsConcerning<T extends OrderItem & Pick<AgendaItemDto, 'links'>>(items: readonly T[], clusterId: number): T[] {
  return agendaOrder(items).filter((i) => i.links.some((l) => l.kind === 'cluster' && l.id === clusterId));
}
