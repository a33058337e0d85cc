import { describe, expect, it } from 'vitest';
import { byUrgency, followUpEditValuesOf, followUpQuery, followUpUpdateRequest, groupByOwner, readFollowUpFilters } from './followUps';

describe('the follow-up board’s address', () => {
  it('shows what is still owed, by default for everyone or for one’s own agency', () => {
    expect(readFollowUpFilters(new URLSearchParams())).toEqual({ ownerCode: undefined, state: ['open', 'in_progress'], overdue: false, meetingId: undefined });
    expect(readFollowUpFilters(new URLSearchParams(), 'mfds').ownerCode).toBe('mfds');
    expect(readFollowUpFilters(new URLSearchParams('ownerCode=all'), 'mfds').ownerCode).toBeUndefined();
    expect(readFollowUpFilters(new URLSearchParams('state=done&overdue=true&meetingId=4&ownerCode=bad code'))).toEqual({
      ownerCode: undefined, state: ['done'], overdue: true, meetingId: 4,
    });
    expect(readFollowUpFilters(new URLSearchParams('state=any')).state).toEqual([]);
  });

  it('writes back only what differs from the default', () => {
    for (const [query, owner] of [['', 'mfds'], ['ownerCode=all', 'mfds'], ['ownerCode=msit&state=done&overdue=true', undefined], ['state=any&meetingId=3', undefined]] as const) {
      const filters = readFollowUpFilters(new URLSearchParams(query), owner);
      expect(followUpQuery(filters, owner).toString(), query).toBe(query);
    }
  });
});

const mfds = { code: 'mfds', nameKo: '식품의약품안전처' };
const msit = { code: 'msit', nameKo: '과학기술정보통신부' };
const motie = { code: 'motie', nameKo: '산업통상자원부' };
const f = (id: number, owner: typeof mfds | null, dueOn: string | null, daysLate: number | null = null) => ({ id, ownerAgency: owner, dueOn, overdue: daysLate != null, daysLate });

describe('who owes what by when', () => {
  it('late first, most days late first, then by due date (none last)', () => {
    const items = [f(1, mfds, '2027-01-10'), f(2, mfds, null), f(3, mfds, '2026-10-01', 3), f(4, mfds, '2026-09-01', 30), f(5, mfds, '2026-12-01')];
    expect([...items].sort(byUrgency).map((i) => i.id)).toEqual([4, 3, 5, 1, 2]);
  });

  it('groups by owner: the owners with late work first, then by name; unowned last', () => {
    const groups = groupByOwner([f(1, msit, '2027-01-01'), f(2, null, null), f(3, mfds, '2026-10-01', 5), f(4, motie, '2027-02-01'), f(5, mfds, '2027-03-01')]);
    expect(groups.map((g) => g.code)).toEqual(['mfds', 'msit', 'motie', '']);
    expect(groups[0]).toMatchObject({ overdue: 1 });
    expect(groups[0].items.map((i) => i.id)).toEqual([3, 5]);
  });
});

describe('the secretariat’s edit of a follow-up', () => {
  const current = { title: '고시 개정안 마련', ownerAgency: { id: 1, code: 'mfds', nameKo: '식품의약품안전처', nameEn: null }, ownerPerson: null, dueOn: '2027-03-31', detail: null };

  it('starts from the follow-up as it is', () => {
    expect(followUpEditValuesOf(current)).toEqual({ title: '고시 개정안 마련', ownerAgencyCode: 'mfds', ownerPerson: '', dueOn: '2027-03-31', detail: '' });
  });

  it('sends the owner agency and person and the due date, empty text as null', () => {
    const { body } = followUpUpdateRequest({ ...followUpEditValuesOf(current), ownerPerson: ' 의약품정책과 ', dueOn: '2027-01-15' });
    expect(body).toEqual({ title: '고시 개정안 마련', ownerAgencyCode: 'mfds', ownerPerson: '의약품정책과', dueOn: '2027-01-15', detail: null });
  });

  it('asks for an owner and a real due date (a meeting cannot close without them)', () => {
    expect(followUpUpdateRequest({ ...followUpEditValuesOf(current), ownerAgencyCode: '', dueOn: '' }).errors).toEqual({ ownerAgencyCode: 'required', dueOn: 'required' });
    expect(followUpUpdateRequest({ ...followUpEditValuesOf(current), dueOn: '2027-02-30' }).errors).toEqual({ dueOn: 'date' });
    expect(followUpUpdateRequest({ ...followUpEditValuesOf(current), title: ' 가 ' }).errors).toEqual({ title: 'tooShort' });
  });
});

describe('the board’s export holds what the board shows', () => {
  it('passes the filters as the API reads them (no page-only sentinels)', async () => {
    const { followUpExportQuery } = await import('./followUps');
    expect(followUpExportQuery({ ownerCode: 'mfds', state: ['open', 'in_progress'], overdue: true, meetingId: 4 }).toString()).toBe(
      'ownerCode=mfds&state=open&state=in_progress&overdue=true&meetingId=4',
    );
    expect(followUpExportQuery({ ownerCode: undefined, state: [], overdue: false, meetingId: undefined }).toString()).toBe('');
  });
});
