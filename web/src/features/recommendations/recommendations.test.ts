import { describe, expect, it } from 'vitest';
import { buildSimpleMove } from '../../lib/moveForms';
import { raiseRequest, readRecommendationFilters, recommendationQuery, type RaiseValues } from './recommendations';

const blank: RaiseValues = {
  themeKo: '',
  themeEn: '',
  text: '',
  leadMinistryCode: '',
  otherMinistryCodes: [],
  clusterCodes: [],
  raisedByCode: '',
  sourceMeetingId: '',
  sourceAgendaItemId: '',
};

describe('recommendation filters', () => {
  it('round-trips through the address and drops unknown states', () => {
    const filters = readRecommendationFilters(new URLSearchParams('state=routed&ministryCode=mfds&clusterCode=osong&overdue=true'));
    expect(filters).toEqual({ state: 'routed', ministryCode: 'mfds', clusterCode: 'osong', overdue: true });
    expect(recommendationQuery(filters).toString()).toBe('state=routed&ministryCode=mfds&clusterCode=osong&overdue=true');
    expect(readRecommendationFilters(new URLSearchParams('state=nonsense')).state).toBeUndefined();
  });
});

describe('raising a recommendation', () => {
  it('names the missing required fields, the raiser only for the secretariat', () => {
    expect(raiseRequest(blank, false).missing).toEqual(['themeKo', 'text', 'leadMinistryCode']);
    expect(raiseRequest(blank, true).missing).toContain('raisedByCode');
    expect(raiseRequest({ ...blank, themeKo: '주제', text: '내용입니다', leadMinistryCode: 'mfds', sourceMeetingId: 'x' }, false).missing).toEqual(['sourceMeetingId']);
  });

  it('builds the request, dropping the lead from the other ministries', () => {
    const { body } = raiseRequest(
      { ...blank, themeKo: ' 공동 IRB ', text: '공동 IRB 인정을 제도화해 주십시오.', leadMinistryCode: 'mfds', otherMinistryCodes: ['mfds', 'mohw'], sourceAgendaItemId: '7' },
      false,
    );
    expect(body).toMatchObject({ themeKo: '공동 IRB', leadMinistryCode: 'mfds', otherMinistryCodes: ['mohw'], sourceAgendaItemId: 7, raisedByCode: undefined });
  });

  it('sends a named move (turn into an issue) with its name', () => {
    const { body } = buildSimpleMove(
      { to: 'partially_accepted', kind: 'conversion', move: 'conversion', fields: [{ name: 'category', input: 'choice', required: true, choices: ['clinical_trials'] }] },
      { category: 'clinical_trials' },
      '2026-12-01',
    );
    expect(body).toEqual({ to: 'partially_accepted', move: 'conversion', category: 'clinical_trials' });
  });
});
