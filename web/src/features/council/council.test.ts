import { describe, expect, it } from 'vitest';
import { endTermRequest, groupSeats, membershipRequest, seatRequest, seatSection, type SeatValues } from './council';

const seat = (id: number, position: string, group: string, sortOrder: number) => ({ id, position, group, sortOrder }) as never;

describe('the council’s seats', () => {
  it('lists the chair, ministries, operators, public agencies, private experts, then the secretary, each in the body’s order', () => {
    const seats = [
      seat(20, 'secretary', 'ministry', 200),
      seat(3, 'member', 'private_expert', 150),
      seat(2, 'member', 'ministry', 30),
      seat(1, 'member', 'ministry', 20),
      seat(9, 'chair', 'ministry', 10),
      seat(5, 'member', 'cluster_operator', 70),
      seat(6, 'member', 'public_agency', 110),
    ];
    const groups = groupSeats(seats);
    expect(groups.map((g) => g.section)).toEqual(['chair', 'ministry', 'cluster_operator', 'public_agency', 'private_expert', 'secretary']);
    expect(groups[1].seats.map((s: { id: number }) => s.id)).toEqual([1, 2]);
    expect(groupSeats([seat(1, 'member', 'ministry', 1)]).map((g) => g.section)).toEqual(['ministry']);
    expect(seatSection({ position: 'vice_chair', group: 'private_expert' })).toBe('chair');
  });
});

describe('a membership', () => {
  const base = { personName: ' 홍길동 ', title: '', startsOn: '2026-01-01', endsOn: '', substituteAllowed: true, voting: true };
  it('needs a name and a start; the end cannot come first', () => {
    expect(membershipRequest({ ...base, personName: '', startsOn: '' }).errors).toEqual({ personName: 'required', startsOn: 'required' });
    expect(membershipRequest({ ...base, endsOn: '2025-12-31' }).errors).toEqual({ endsOn: 'endBeforeStart' });
    expect(membershipRequest({ ...base, startsOn: '2026/01/01' }).errors).toEqual({ startsOn: 'date' });
  });
  it('sends what was given, trimmed, empty optional values as null', () => {
    expect(membershipRequest({ ...base, title: ' 교수 ', endsOn: '2027-12-31' }).body).toEqual({
      personName: '홍길동',
      startsOn: '2026-01-01',
      title: '교수',
      endsOn: '2027-12-31',
      substituteAllowed: true,
      voting: true,
    });
    expect(membershipRequest(base).body).toMatchObject({ title: null, endsOn: null });
    expect(membershipRequest({ ...base, voting: false, substituteAllowed: false }).body).toMatchObject({ voting: false, substituteAllowed: false });
  });
});

describe('a new seat', () => {
  const ministry: SeatValues = { position: 'member', group: 'ministry', labelKo: ' 과학기술정보통신부 ', labelEn: '', sector: '', agencyCode: 'msit', sortOrder: '', voting: true };
  it('belongs to an agency, or (a private expert’s) to a sector', () => {
    expect(seatRequest({ ...ministry, agencyCode: '' }, 'council').errors).toEqual({ agencyCode: 'required' });
    expect(seatRequest({ ...ministry, group: 'private_expert', agencyCode: '' }, 'council').errors).toEqual({ sector: 'required' });
    expect(seatRequest({ ...ministry, group: 'private_expert', sector: 'academia' }, 'council').body).toMatchObject({ sector: 'academia', agencyCode: null });
  });
  it('needs a Korean label and an order within 0–10000', () => {
    expect(seatRequest({ ...ministry, labelKo: ' ' }, 'council').errors).toEqual({ labelKo: 'required' });
    expect(seatRequest({ ...ministry, sortOrder: '-1' }, 'council').errors).toEqual({ sortOrder: 'range' });
    expect(seatRequest({ ...ministry, sortOrder: '10001' }, 'council').errors).toEqual({ sortOrder: 'range' });
  });
  it('sends the body, the trimmed label, the default order and the voting right', () => {
    expect(seatRequest({ ...ministry, voting: false }, 'council').body).toEqual({
      bodyCode: 'council', position: 'member', group: 'ministry', labelKo: '과학기술정보통신부', labelEn: null, sector: null, agencyCode: 'msit', sortOrder: 100, voting: false,
    });
  });
});

describe('ending a term', () => {
  const holder = { startsOn: '2025-01-01', endsOn: null };
  it('takes a real day, not before the start, earlier than an end already recorded', () => {
    expect(endTermRequest('2026-03-31', holder)).toEqual({ body: { endsOn: '2026-03-31' } });
    expect(endTermRequest(' ', holder).error).toBe('required');
    expect(endTermRequest('2026-02-30', holder).error).toBe('date');
    expect(endTermRequest('2024-12-31', holder).error).toBe('beforeStart');
    expect(endTermRequest('2025-01-01', holder).body).toEqual({ endsOn: '2025-01-01' });
    expect(endTermRequest('2027-01-01', { ...holder, endsOn: '2026-12-31' }).error).toBe('notEarlier');
    expect(endTermRequest('2026-12-31', { ...holder, endsOn: '2026-12-31' }).error).toBe('notEarlier');
    expect(endTermRequest('2026-06-30', { ...holder, endsOn: '2026-12-31' }).body).toEqual({ endsOn: '2026-06-30' });
  });
});
