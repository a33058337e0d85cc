import { describe, expect, it } from 'vitest';
import { buildIssueRequest, issueErrorField, splitTags, type IssueFormValues } from './issueForm';

const valid: IssueFormValues = {
  text: {
    titleKo: '임상시험 승인 절차 간소화',
    problemKo: '임상시험 계획 승인에 평균 90일이 걸립니다.',
    proposalKo: '승인 기간을 30일로 단축해 주십시오.',
    category: 'clinical_trials',
  },
  clusterCodes: ['osong'],
};

describe('the raise / edit form', () => {
  it('Korean title, problem, proposal, a category and a cluster are enough; priority defaults to normal', () => {
    const { body, errors } = buildIssueRequest(valid);
    expect(errors).toEqual({});
    expect(body).toMatchObject({
      titleKo: '임상시험 승인 절차 간소화',
      category: 'clinical_trials',
      clusterCodes: ['osong'],
      priority: 'normal',
      titleEn: null,
      official: null,
      tags: [],
      externalRef: null,
    });
    expect(body).not.toHaveProperty('raisedByCode');
  });

  it('says what is missing or too short, at each field', () => {
    const { body, errors } = buildIssueRequest({ text: { titleKo: '가', problemKo: '짧다', category: 'nope' }, clusterCodes: [] });
    expect(body).toBeUndefined();
    expect(errors).toEqual({
      titleKo: { code: 'tooShort', min: 2 },
      problemKo: { code: 'tooShort', min: 10 },
      proposalKo: { code: 'required' },
      category: { code: 'required' },
      clusterCodes: { code: 'clusters' },
    });
  });

  it('optional parts: English, law, official, tags, external reference, raising agency', () => {
    const { body, errors } = buildIssueRequest({
      text: {
        ...valid.text,
        titleEn: ' Faster clinical trial approval ',
        priority: 'urgent',
        lawName: '약사법',
        lawArticle: '제34조',
        officialName: '김담당',
        tags: '임상, 승인,, 임상',
        externalRef: 'KB-2026/001',
        raisedByCode: 'kbiohealth',
      },
      clusterCodes: ['osong', 'osong', 'songdo'],
    });
    expect(errors).toEqual({});
    expect(body).toMatchObject({
      titleEn: 'Faster clinical trial approval',
      priority: 'urgent',
      lawName: '약사법',
      lawArticle: '제34조',
      official: { name: '김담당', department: null, contact: null },
      tags: ['임상', '승인'],
      externalRef: 'KB-2026/001',
      raisedByCode: 'kbiohealth',
      clusterCodes: ['osong', 'songdo'],
    });
  });

  it('refuses a malformed external reference, too many tags, and an official without a name', () => {
    const { errors } = buildIssueRequest({
      text: { ...valid.text, externalRef: 'has space', tags: Array.from({ length: 21 }, (_, i) => `t${i}`).join(','), officialContact: '044-202-0000' },
      clusterCodes: ['osong'],
    });
    expect(errors).toEqual({ externalRef: { code: 'externalRef' }, tags: { code: 'tags' }, officialName: { code: 'officialName' } });
  });

  it('splits tags on commas and new lines', () => {
    expect(splitTags(' a ,b\nc,, a ')).toEqual(['a', 'b', 'c']);
    expect(splitTags(undefined)).toEqual([]);
  });

  it('places the API’s error keys at their controls', () => {
    expect(issueErrorField('official.name')).toBe('officialName');
    expect(issueErrorField('clusterCodes[0]')).toBe('clusterCodes');
    expect(issueErrorField('tags[3]')).toBe('tags');
    expect(issueErrorField('TitleKo')).toBe('titleKo');
    expect(issueErrorField('unknown')).toBeUndefined();
  });
});
