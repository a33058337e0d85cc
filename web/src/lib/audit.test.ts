import { describe, expect, it } from 'vitest';
import { changedFields, endOfKstDay, startOfKstDay } from './audit';

const before = {
  id: 3,
  code: 'osong',
  nameKo: '오송첨단의료복합단지',
  operator: { id: 9, code: 'kbiohealth' },
  specializations: ['바이오신약'],
  website: null,
  updatedAt: '2026-11-25T01:00:00Z',
};

describe('which fields a change touched', () => {
  it('lists changed fields only, before and after, without bookkeeping', () => {
    const after = { ...before, website: 'https://example.org', specializations: ['바이오신약', '의료기기'], updatedAt: '2026-11-25T02:00:00Z' };
    expect(changedFields(before, after)).toEqual([
      { field: 'specializations', before: ['바이오신약'], after: ['바이오신약', '의료기기'] },
      { field: 'website', before: null, after: 'https://example.org' },
    ]);
  });

  it('compares linked records by value', () => {
    expect(changedFields(before, { ...before, operator: { id: 9, code: 'kbiohealth' } })).toEqual([]);
    expect(changedFields(before, { ...before, operator: { id: 2, code: 'ifez' } }).map((c) => c.field)).toEqual(['operator']);
  });

  it('a creation lists what the record started with; a missing side is empty', () => {
    expect(changedFields(null, { id: 1, username: 'kim', agency: null }).map((c) => c.field)).toEqual(['username']);
    expect(changedFields(null, null)).toEqual([]);
    expect(changedFields('junk', [1, 2])).toEqual([]);
  });
});

describe('date filters are calendar days in Korea', () => {
  it('from the start of a day to the start of the next', () => {
    expect(startOfKstDay('2026-11-25')).toBe('2026-11-25T00:00:00+09:00');
    expect(endOfKstDay('2026-11-25')).toBe('2026-11-26T00:00:00+09:00');
    expect(endOfKstDay('2026-12-31')).toBe('2027-01-01T00:00:00+09:00');
    expect(startOfKstDay('25/11/2026')).toBeUndefined();
    expect(endOfKstDay('2026-13-01')).toBeUndefined();
  });
});
