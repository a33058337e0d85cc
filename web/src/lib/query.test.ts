import { describe, expect, it } from 'vitest';
import { filterNavigation, toQuery } from './query';

type Filters = Record<string, string | undefined>;

const path = (query?: URLSearchParams) => (query && query.size > 0 ? `/users?${query.toString()}` : '/users');

function recorder() {
  const visits: { to: string; options: { keepScroll: boolean } }[] = [];
  return { visits, go: (to: string, options: { keepScroll: boolean }) => visits.push({ to, options }) };
}

describe('toQuery', () => {
  it('leaves out empty values', () => {
    expect(toQuery({ role: 'admin', status: undefined, q: '' }).toString()).toBe('role=admin');
  });
});

describe('filterNavigation', () => {
  it('applies a change on top of the filters in force (in their order), keeping the scroll position', () => {
    const { visits, go } = recorder();
    const { apply } = filterNavigation({ role: 'admin', status: undefined, q: 'kim' } as Filters, path, go);
    apply({ status: 'active' });
    expect(visits).toEqual([{ to: '/users?role=admin&status=active&q=kim', options: { keepScroll: true } }]);
  });

  it('drops a filter set back to "all"', () => {
    const { visits, go } = recorder();
    filterNavigation({ role: 'admin', q: 'kim' } as Filters, path, go).apply({ role: undefined });
    expect(visits.map((v) => v.to)).toEqual(['/users?q=kim']);
  });

  it('resets to the bare list', () => {
    const { visits, go } = recorder();
    filterNavigation({ role: 'admin' } as Filters, path, go).reset();
    expect(visits).toEqual([{ to: '/users', options: { keepScroll: true } }]);
  });
});
