import { describe, expect, it } from 'vitest';
import type { AgencyDto } from '../../api/client';
import { agencyDefaults, isStale, readAgencyEdit, readNewAgency } from './agencyForm';

const m = { required: 'REQUIRED', code: 'CODE' };

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

describe('readNewAgency', () => {
  it('sends a trimmed, lower-cased code and nulls for empty optional fields', () => {
    const { body, errors } = readNewAgency(form({ code: ' MOLIT ', nameKo: ' 국토교통부 ', nameEn: '', kind: 'ministry', sector: '', parentCode: '', website: '' }), m);
    expect(errors).toEqual({});
    expect(body).toEqual({
      code: 'molit', nameKo: '국토교통부', nameEn: null, kind: 'ministry', sector: null, parentCode: null, clusterCode: null, website: null,
    });
  });

  it('keeps the sector and the parent of an agency under a ministry', () => {
    const { body } = readNewAgency(form({ code: 'kdca-2', nameKo: '질병관리청', kind: 'ministry', parentCode: 'MOHW', sector: 'research' }), m);
    expect(body?.parentCode).toBe('mohw');
    expect(body?.sector).toBe('research');
  });

  it('names every field it can already tell is wrong, and sends nothing', () => {
    const { body, errors } = readNewAgency(form({ code: '9bad code', nameKo: '  ', kind: 'alien', parentCode: 'x', clusterCode: '한글' }), m);
    expect(body).toBeUndefined();
    expect(errors).toEqual({ code: ['CODE'], nameKo: ['REQUIRED'], kind: ['REQUIRED'], parentCode: ['CODE'], clusterCode: ['CODE'] });
  });

  it('requires a code', () => {
    expect(readNewAgency(form({ nameKo: '기관', kind: 'company' }), m).errors).toEqual({ code: ['REQUIRED'] });
  });
});

describe('readAgencyEdit', () => {
  it('replaces every editable field and never sends the code', () => {
    const { body } = readAgencyEdit(form({ code: 'ignored', nameKo: '국토교통부', nameEn: 'MOLIT', kind: 'ministry', website: 'https://www.molit.go.kr' }), m);
    expect(body).toEqual({
      nameKo: '국토교통부', nameEn: 'MOLIT', kind: 'ministry', sector: null, parentCode: null, clusterCode: null, website: 'https://www.molit.go.kr',
    });
    expect(body).not.toHaveProperty('code');
  });

  it('refuses an empty Korean name', () => {
    expect(readAgencyEdit(form({ nameKo: '', kind: 'ministry' }), m)).toEqual({ errors: { nameKo: ['REQUIRED'] } });
  });
});

describe('agencyDefaults', () => {
  it('starts a new agency as a ministry with empty fields', () => {
    expect(agencyDefaults()).toMatchObject({ code: '', kind: 'ministry', sector: '', parentCode: '' });
  });

  it("reads an agency's parent and cluster codes, tolerating the API's nulls", () => {
    const agency = { code: 'kdca', nameKo: '질병관리청', nameEn: null, kind: 'ministry', sector: null, parent: { id: 1, code: 'mohw', nameKo: '보건복지부' },
      cluster: null, website: null } as unknown as AgencyDto;
    expect(agencyDefaults(agency)).toMatchObject({ code: 'kdca', parentCode: 'mohw', clusterCode: '', sector: '', nameEn: '', website: '' });
  });
});

describe('isStale', () => {
  it('is true only for 412 (someone else changed the record)', () => {
    expect(isStale({ status: 412 })).toBe(true);
    expect(isStale({ status: 409 })).toBe(false);
    expect(isStale(undefined)).toBe(false);
  });
});
