import { describe, expect, it } from 'vitest';
import { matchRoute, paths, safeNext } from './paths';

describe('routes', () => {
  it('knows every page', () => {
    expect(matchRoute('/')).toEqual({ name: 'home' });
    expect(matchRoute('/clusters')).toEqual({ name: 'clusters' });
    expect(matchRoute('/clusters/osong')).toEqual({ name: 'cluster', code: 'osong' });
    expect(matchRoute('/clusters/osong/edit')).toEqual({ name: 'clusterEdit', code: 'osong' });
    expect(matchRoute('/clusters/osong/other')).toEqual({ name: 'notFound' });
    expect(matchRoute('/clusters/new')).toEqual({ name: 'clusterNew' });
    expect(matchRoute('/clusters/map')).toEqual({ name: 'clustersMap' });
    expect(matchRoute(paths.clustersMap())).toEqual({ name: 'clustersMap' });
    expect(matchRoute('/agencies/new')).toEqual({ name: 'agencyNew' });
    expect(matchRoute('/agencies/molit/edit')).toEqual({ name: 'agencyEdit', code: 'molit' });
    expect(matchRoute('/agencies/molit/other')).toEqual({ name: 'notFound' });
    expect(matchRoute(paths.agencyEdit('molit'))).toEqual({ name: 'agencyEdit', code: 'molit' });
    expect(matchRoute(paths.agencyNew())).toEqual({ name: 'agencyNew' });
    expect(matchRoute(paths.clusterNew())).toEqual({ name: 'clusterNew' });
    expect(matchRoute('/users')).toEqual({ name: 'users' });
    expect(matchRoute('/users/12')).toEqual({ name: 'user', id: 12 });
    expect(matchRoute('/users/abc')).toEqual({ name: 'notFound' });
    expect(matchRoute('/users/0')).toEqual({ name: 'notFound' });
    expect(matchRoute('/api-keys')).toEqual({ name: 'apiKeys' });
    expect(matchRoute('/audit')).toEqual({ name: 'audit' });
    expect(matchRoute('/imports')).toEqual({ name: 'imports' });
    expect(matchRoute('/holidays')).toEqual({ name: 'holidays' });
    expect(matchRoute('/imports/3')).toEqual({ name: 'notFound' });
    expect(paths.imports(new URLSearchParams({ entity: 'clusters' }))).toBe('/imports?entity=clusters');
    expect(matchRoute('/account')).toEqual({ name: 'account' });
    expect(matchRoute('/sign-in')).toEqual({ name: 'signIn' });
    expect(matchRoute('/sign-in/x')).toEqual({ name: 'notFound' });
  });

  it('knows the issue pages', () => {
    expect(matchRoute('/issues')).toEqual({ name: 'issues' });
    expect(matchRoute('/issues/ministry')).toEqual({ name: 'issuesMinistry' });
    expect(matchRoute('/issues/new')).toEqual({ name: 'issueNew' });
    expect(matchRoute('/issues/42')).toEqual({ name: 'issue', id: 42 });
    expect(matchRoute('/issues/42/edit')).toEqual({ name: 'issueEdit', id: 42 });
    expect(matchRoute('/issues/42/print')).toEqual({ name: 'issuePrint', id: 42 });
    expect(matchRoute('/issues/042')).toEqual({ name: 'notFound' });
    expect(matchRoute('/issues/abc')).toEqual({ name: 'notFound' });
    expect(matchRoute('/issues/new/edit')).toEqual({ name: 'notFound' });
    expect(matchRoute('/issues/42/other')).toEqual({ name: 'notFound' });
    expect(paths.issue(42, new URLSearchParams({ saved: '1' }))).toBe('/issues/42?saved=1');
    expect(paths.issueEdit(42)).toBe('/issues/42/edit');
    expect(paths.issuePrint(42)).toBe('/issues/42/print');
    expect(paths.issuesMinistry(new URLSearchParams({ ministry: 'mfds' }))).toBe('/issues/ministry?ministry=mfds');
  });

  it('knows the council pages', () => {
    expect(matchRoute('/council')).toEqual({ name: 'council' });
    expect(matchRoute('/meetings')).toEqual({ name: 'meetings' });
    expect(matchRoute('/meetings/new')).toEqual({ name: 'meetingNew' });
    expect(matchRoute('/meetings/7')).toEqual({ name: 'meeting', id: 7 });
    expect(matchRoute('/meetings/07')).toEqual({ name: 'notFound' });
    expect(matchRoute('/meetings/7/x')).toEqual({ name: 'notFound' });
    expect(matchRoute('/follow-ups')).toEqual({ name: 'followUps' });
    expect(paths.followUps(new URLSearchParams({ ownerCode: 'mfds' }))).toBe('/follow-ups?ownerCode=mfds');
    expect(paths.meeting(7)).toBe('/meetings/7');
  });

  it('keeps where the user was going in the sign-in address', () => {
    expect(paths.signIn('/clusters/osong?x=1')).toBe('/sign-in?next=%2Fclusters%2Fosong%3Fx%3D1');
    expect(paths.signIn('/')).toBe('/sign-in');
    expect(paths.signIn()).toBe('/sign-in');
  });
});

describe('returning after sign-in never leaves the site', () => {
  it.each([
    ['/clusters/osong', '/clusters/osong'],
    ['/audit?entityType=user', '/audit?entityType=user'],
    [null, '/'],
    ['', '/'],
    ['clusters', '/'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example/', '/'],
    ['javascript:alert(1)', '/'],
    ['/sign-in?next=/users', '/'],
  ])('%s → %s', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});
