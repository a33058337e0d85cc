// Pure rules of the council page: seats in the groups the council lists them by, and the membership form's request.
import type { CreateMembershipRequest, CreateSeatRequest, ExpertSector, SeatDto, SeatGroup, SeatPosition } from '../../api/client';

/** How the council lists its seats: the chair, then members by whom they speak for, then the secretary. */
export const SEAT_SECTIONS = ['chair', 'ministry', 'cluster_operator', 'public_agency', 'private_expert', 'secretary'] as const;
export type SeatSection = (typeof SEAT_SECTIONS)[number];

export function seatSection(seat: Pick<SeatDto, 'position' | 'group'>): SeatSection {
  if (seat.position === 'chair' || seat.position === 'vice_chair') return 'chair';
  if (seat.position === 'secretary') return 'secretary';
  return seat.group;
}

/** The seats in their sections, each section in the body's order (sortOrder, then id); empty sections left out. */
export function groupSeats<S extends Pick<SeatDto, 'id' | 'position' | 'group' | 'sortOrder'>>(seats: readonly S[]): { section: SeatSection; seats: S[] }[] {
  const ordered = [...seats].sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
  return SEAT_SECTIONS.map((section) => ({ section, seats: ordered.filter((s) => seatSection(s) === section) })).filter((g) => g.seats.length > 0);
}

export interface MembershipValues {
  personName: string;
  title: string;
  startsOn: string;
  endsOn: string;
  substituteAllowed: boolean;
  /** The holder's voting right (the seat's, unless changed). */
  voting: boolean;
}

export type MembershipError = 'required' | 'date' | 'endBeforeStart';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The request to put someone in a seat, or what is wrong with the form (the API has the last word). */
export function membershipRequest(values: MembershipValues): { body?: CreateMembershipRequest; errors: Partial<Record<keyof MembershipValues, MembershipError>> } {
  const errors: Partial<Record<keyof MembershipValues, MembershipError>> = {};
  const personName = values.personName.trim();
  const title = values.title.trim();
  const startsOn = values.startsOn.trim();
  const endsOn = values.endsOn.trim();
  if (!personName) errors.personName = 'required';
  if (!startsOn) errors.startsOn = 'required';
  else if (!DAY.test(startsOn)) errors.startsOn = 'date';
  if (endsOn && !DAY.test(endsOn)) errors.endsOn = 'date';
  else if (endsOn && startsOn && endsOn < startsOn) errors.endsOn = 'endBeforeStart';
  if (Object.keys(errors).length > 0) return { errors };
  return {
    body: { personName, startsOn, title: title || null, endsOn: endsOn || null, substituteAllowed: values.substituteAllowed, voting: values.voting },
    errors,
  };
}

/** A seat's label in the current language (English falls back to Korean). */
export function seatLabel(seat: { labelKo: string; labelEn?: string | null }, lang: 'ko' | 'en'): string {
  return lang === 'en' ? seat.labelEn?.trim() || seat.labelKo : seat.labelKo;
}

export const SEAT_POSITIONS: readonly SeatPosition[] = ['chair', 'vice_chair', 'member', 'secretary'];
export const EXPERT_SECTORS: readonly ExpertSector[] = ['industry', 'academia', 'research', 'hospital'];

export interface SeatValues {
  position: SeatPosition;
  group: SeatGroup;
  labelKo: string;
  labelEn: string;
  sector: ExpertSector | '';
  agencyCode: string;
  sortOrder: string;
  voting: boolean;
}

export type SeatError = 'required' | 'tooShort' | 'range';

/**
 * A new seat on a body (the API's rules): a private-expert seat names its sector and no agency; every other seat the
 * agency it belongs to. The order is a whole number 0–10000 (the council lists seats by it).
 */
export function seatRequest(values: SeatValues, bodyCode: string): { body?: CreateSeatRequest; errors: Partial<Record<keyof SeatValues, SeatError>> } {
  const errors: Partial<Record<keyof SeatValues, SeatError>> = {};
  const labelKo = values.labelKo.trim();
  const order = values.sortOrder.trim();
  const expert = values.group === 'private_expert';
  if (!labelKo) errors.labelKo = 'required';
  else if (labelKo.length < 2) errors.labelKo = 'tooShort';
  if (expert && !values.sector) errors.sector = 'required';
  if (!expert && !values.agencyCode) errors.agencyCode = 'required';
  if (order && !(/^\d{1,5}$/.test(order) && Number(order) <= 10_000)) errors.sortOrder = 'range';
  if (Object.keys(errors).length > 0) return { errors };
  return {
    body: {
      bodyCode,
      position: values.position,
      group: values.group,
      labelKo,
      labelEn: values.labelEn.trim() || null,
      sector: expert ? (values.sector as ExpertSector) : null,
      agencyCode: expert ? null : values.agencyCode,
      sortOrder: order ? Number(order) : 100,
      voting: values.voting,
    },
    errors,
  };
}

export type EndTermError = 'required' | 'date' | 'beforeStart' | 'notEarlier';

/** The day a term ends on: a real day, not before it started, earlier than an end already recorded (the API's rules). */
export function endTermRequest(endsOn: string, holder: { startsOn: string; endsOn?: string | null }): { body?: { endsOn: string }; error?: EndTermError } {
  const day = endsOn.trim();
  if (!day) return { error: 'required' };
  const time = Date.parse(`${day}T00:00:00Z`);
  if (!DAY.test(day) || Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== day) return { error: 'date' };
  if (day < holder.startsOn) return { error: 'beforeStart' };
  if (holder.endsOn && day >= holder.endsOn) return { error: 'notEarlier' };
  return { body: { endsOn: day } };
}
