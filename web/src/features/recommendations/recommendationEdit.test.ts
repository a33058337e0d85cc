import { describe, expect, it } from 'vitest';
import type { PolicyRecommendationDto } from '../../api/client';
import { canEditRecommendation, editValues, updateRequest } from './recommendations';

const submitted = {
  id: 7,
  themeKo: '공동 IRB 인정 제도화',
  themeEn: undefined,
  text: '공동 IRB 심의 결과를 인정해 주십시오.',
  state: 'submitted',
  raisedBy: { id: 3, code: 'kbiohealth', nameKo: '케이바이오헬스' },
  leadMinistry: { id: 5, code: 'mfds', nameKo: '식약처' },
  otherMinistries: [{ id: 6, code: 'mohw', nameKo: '복지부' }],
  clusters: [{ id: 1, code: 'osong', nameKo: '오송' }],
} as unknown as PolicyRecommendationDto;

describe('editing a recommendation', () => {
  it('is offered while submitted to the raising agency and the secretariat only', () => {
    const raiser = { raises: true, manages: false, agencyId: 3 };
    expect(canEditRecommendation(raiser, submitted)).toBe(true);
    expect(canEditRecommendation({ raises: true, manages: true }, submitted)).toBe(true);
    expect(canEditRecommendation({ raises: true, manages: false, agencyId: 4 }, submitted)).toBe(false);
    expect(canEditRecommendation({ raises: false, manages: false, agencyId: 3 }, submitted)).toBe(false);
    expect(canEditRecommendation({ raises: true, manages: false }, submitted)).toBe(false);
    for (const state of ['routed', 'accepted', 'withdrawn'] as const) {
      expect(canEditRecommendation(raiser, { ...submitted, state })).toBe(false);
      expect(canEditRecommendation({ raises: true, manages: true }, { ...submitted, state })).toBe(false);
    }
  });

  it('starts from the record and sends its description only, never the raiser or the source', () => {
    const values = editValues(submitted);
    expect(values).toMatchObject({ themeKo: '공동 IRB 인정 제도화', themeEn: '', leadMinistryCode: 'mfds', otherMinistryCodes: ['mohw'], clusterCodes: ['osong'] });
    const { body, missing } = updateRequest({ ...values, themeKo: '  고친 주제  ', otherMinistryCodes: ['mohw', 'mfds'], raisedByCode: 'ifez', sourceMeetingId: '3' });
    expect(missing).toEqual([]);
    expect(body).toEqual({
      themeKo: '고친 주제',
      themeEn: undefined,
      text: '공동 IRB 심의 결과를 인정해 주십시오.',
      leadMinistryCode: 'mfds',
      otherMinistryCodes: ['mohw'], // the lead is not also "another" ministry
      clusterCodes: ['osong'],
    });
    expect(Object.keys(body!)).not.toContain('raisedByCode');
    expect(Object.keys(body!)).not.toContain('sourceMeetingId');
  });

  it('names the required fields left empty and sends nothing', () => {
    const { body, missing } = updateRequest({ ...editValues(submitted), themeKo: ' ', text: '', leadMinistryCode: '' });
    expect(body).toBeUndefined();
    expect(missing).toEqual(['themeKo', 'text', 'leadMinistryCode']);
  });
});
