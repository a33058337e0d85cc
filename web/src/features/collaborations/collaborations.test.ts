import { describe, expect, it } from 'vitest';
import { collaborationQuery, createRequest, formatWon, parseWon, partnerRequest, projectFields, readCollaborationFilters, type ProjectValues } from './collaborations';

const values: ProjectValues = {
  titleKo: ' 공동 생산 실증 ',
  titleEn: '',
  summary: '두 클러스터의 생산 시설을 공동 활용',
  startsOn: '2027-01-01',
  endsOn: '2028-12-31',
  budget: '1,200,000,000',
  outcomes: '',
  sourceMeetingId: '',
  sourceAgendaItemId: '12',
};

describe('parseWon', () => {
  it.each([
    ['1,200,000,000', 1_200_000_000],
    ['1200000000', 1_200_000_000],
    [' 5,000원 ', 5000],
    ['0', 0],
    ['', null],
  ] as const)('reads %j as %j', (text, won) => expect(parseWon(text)).toBe(won));

  it.each(['1,20,000', '12.5', '-100', '1,000,', 'abc', '99,999,999,999,999,999'])('refuses %j', (text) => expect(parseWon(text)).toBeUndefined());

  it('writes won back with separators', () => {
    expect(formatWon(1_200_000_000)).toBe('1,200,000,000');
    expect(formatWon(null)).toBe('');
  });
});

describe('filters in the address', () => {
  it('round-trips the known filters and drops an unknown state', () => {
    const filters = readCollaborationFilters(new URLSearchParams('state=in_progress&clusterCode=osong&q=%20생산%20'));
    expect(filters).toEqual({ state: 'in_progress', clusterCode: 'osong', agencyCode: undefined, q: '생산' });
    expect(collaborationQuery(filters).toString()).toBe('state=in_progress&clusterCode=osong&q=%EC%83%9D%EC%82%B0');
    expect(readCollaborationFilters(new URLSearchParams('state=done')).state).toBeUndefined();
  });
});

describe('the form', () => {
  it('builds the create request with trimmed text, whole won and the partners', () => {
    const { body, problems } = createRequest(values, [
      { partner: 'cluster:osong', role: 'lead' },
      { partner: 'agency:mohw', role: 'funder' },
      { partner: '', role: 'partner' },
    ]);
    expect(problems).toEqual({});
    expect(body).toMatchObject({ titleKo: '공동 생산 실증', titleEn: undefined, budgetKrw: 1_200_000_000, sourceAgendaItemId: 12 });
    expect(body?.partners).toEqual([
      { clusterCode: 'osong', role: 'lead' },
      { agencyCode: 'mohw', role: 'funder' },
    ]);
  });

  it('says what is wrong: no cluster among the partners, a budget that is no amount, an end before the start', () => {
    expect(createRequest(values, [{ partner: 'agency:mohw', role: 'funder' }]).problems).toEqual({ partners: 'cluster' });
    expect(projectFields({ ...values, budget: '12억' }).problems).toEqual({ budgetKrw: 'won' });
    expect(projectFields({ ...values, endsOn: '2026-01-01' }).problems).toEqual({ endsOn: 'endBeforeStart' });
    expect(projectFields({ ...values, titleKo: ' ', sourceAgendaItemId: 'x' }).problems).toEqual({ titleKo: 'required', sourceAgendaItemId: 'id' });
  });

  it('reads a partner choice', () => {
    expect(partnerRequest({ partner: 'cluster:songdo', role: 'partner' })).toEqual({ clusterCode: 'songdo', role: 'partner' });
    expect(partnerRequest({ partner: 'nothing', role: 'partner' })).toBeUndefined();
  });
});
