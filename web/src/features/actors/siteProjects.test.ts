import { describe, expect, it } from 'vitest';
import { parseAmount, parseSpecializations, parseWhole, siteProjectRequest, siteProjectValues, stageRows } from './siteProjects';

describe('numbers as typed', () => {
  it.each([
    ['12,500', 12500],
    ['145000', 145000],
    ['37.2880', 37.288],
    ['-1', -1],
    ['', null],
  ] as const)('reads %j as %j', (text, value) => expect(parseAmount(text)).toBe(value));

  it.each(['12,50', '1.2.3', 'abc', '1,000,'])('refuses %j', (text) => expect(parseAmount(text)).toBeUndefined());

  it('wants whole floors', () => {
    expect(parseWhole('16')).toBe(16);
    expect(parseWhole('1.5')).toBeUndefined();
    expect(parseWhole('')).toBeNull();
  });
});

describe('the site-project form', () => {
  const values = { ...siteProjectValues(undefined), nameKo: ' 바이오 부지 ', landAreaM2: '25,000', floorsAbove: '16', state: 'design' };

  it('builds the request with numbers and the stages that have something in them', () => {
    const { body, problems } = siteProjectRequest(values, [
      { nameKo: '설계', plannedStart: '2026-01-01', plannedEnd: '2026-06-30', actualStart: '', actualEnd: '' },
      { nameKo: '', plannedStart: '', plannedEnd: '', actualStart: '', actualEnd: '' },
    ]);
    expect(problems).toEqual({});
    expect(body).toMatchObject({ nameKo: '바이오 부지', state: 'design', landAreaM2: 25000, floorsAbove: 16, floorsBelow: undefined });
    expect(body?.stages).toEqual([{ nameKo: '설계', plannedStart: '2026-01-01', plannedEnd: '2026-06-30', actualStart: undefined, actualEnd: undefined }]);
  });

  it('names what is wrong', () => {
    expect(siteProjectRequest({ ...values, nameKo: '', floorsAbove: '1.5', landAreaM2: 'x' }, []).problems).toEqual({
      nameKo: 'required',
      floorsAbove: 'whole',
      landAreaM2: 'number',
    });
    expect(
      siteProjectRequest(values, [{ nameKo: '공사', plannedStart: '2027-01-01', plannedEnd: '2026-01-01', actualStart: '', actualEnd: '' }]).problems,
    ).toEqual({ stages: 'stageOrder' });
    expect(siteProjectRequest(values, [{ nameKo: ' ', plannedStart: '2027-01-01', plannedEnd: '', actualStart: '', actualEnd: '' }]).problems).toEqual({
      stages: 'required',
    });
  });

  it('reads stages back into rows', () => {
    expect(stageRows([{ nameKo: '준공', actualEnd: '2027-12-31' }])).toEqual([{ nameKo: '준공', plannedStart: '', plannedEnd: '', actualStart: '', actualEnd: '2027-12-31' }]);
  });
});

describe('specialisations', () => {
  it('splits on commas and semicolons, trims and keeps each once', () => {
    expect(parseSpecializations(' 바이오의약품; 의료기기, 바이오의약품 ,')).toEqual(['바이오의약품', '의료기기']);
  });
});
