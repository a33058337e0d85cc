// Pure rules of the council page: seats in the groups the council lists them by, and the membership form's request.
import type { CreateMembershipRequest, SeatDto } from '../../api/client';

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
    body: { personName, startsOn, title: title || null, endsOn: endsOn || null, substituteAllowed: values.substituteAllowed },
    errors,
  };
}

/** A seat's label in the current language (English falls back to Korean). */
export function seatLabel(seat: { labelKo: string; labelEn?: string | null }, lang: 'ko' | 'en'): string {
  return lang === 'en' ? seat.labelEn?.trim() || seat.labelKo : seat.labelKo;
}
