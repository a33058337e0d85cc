import { describe, expect, it } from 'vitest';
import { MAX_VIEW_NAME_LENGTH, nameProblem, viewQuery } from './savedViews';
import { savedViewsEn } from './i18n/en';
import { savedViewsKo } from './i18n/ko';

describe('what a saved view keeps', () => {
  it('keeps the filters, sort and view, not the page position', () => {
    expect(viewQuery(new URLSearchParams('status=under_review&status=submitted&cursor=abc&limit=20&sort=dueAt'))).toBe(
      'status=under_review&status=submitted&sort=dueAt',
    );
  });

  it('encodes Korean text and spaces so the API takes it back', () => {
    const query = viewQuery(new URLSearchParams({ q: '임상 승인' }));
    expect(query).toBe('q=%EC%9E%84%EC%83%81+%EC%8A%B9%EC%9D%B8');
    expect(new URLSearchParams(query).get('q')).toBe('임상 승인');
    expect(query).toMatch(/^[A-Za-z0-9._~%=&+,:-]*$/);
  });

  it('drops parameter names the API would refuse', () => {
    expect(viewQuery(new URLSearchParams('1bad=x&ok=1'))).toBe('ok=1');
    expect(viewQuery(new URLSearchParams())).toBe('');
  });
});

describe('a view\'s name', () => {
  it('must be given, short enough and not taken on the page', () => {
    expect(nameProblem('  ', [])).toBe('empty');
    expect(nameProblem('가'.repeat(MAX_VIEW_NAME_LENGTH + 1), [])).toBe('long');
    expect(nameProblem(' 우리 부처 ', ['우리 부처'])).toBe('taken');
    expect(nameProblem('우리 부처', ['다른 보기'])).toBeUndefined();
  });

  it('has its messages in both languages', () => {
    expect(Object.keys(savedViewsEn.savedViews.problems)).toEqual(Object.keys(savedViewsKo.savedViews.problems));
  });
});
