import { describe, expect, it } from 'vitest';
import type { MeDto, Role } from '../api/client';
import {
  answersForMinistry,
  canChangeClusterOperator,
  canChooseRaisingAgency,
  canEditCluster,
  canEditIssue,
  canOpen,
  can,
  managesCouncil,
  ownFollowUpAgency,
  visibleSections,
  PERMISSIONS,
  SECONDARY_SECTIONS,
  type Permission,
} from './permissions';
import { matchRoute } from './paths';

// What the API grants each role (api/Features/Access/Permissions.cs); the dashboard reads only these.
const GRANTS: Record<Role, Permission[]> = {
  admin: [...PERMISSIONS],
  secretariat: [
    'registry:read', 'registry:write', 'cluster:edit-own', 'audit:read', 'import',
    'issues:read', 'issues:raise', 'issues:move', 'issues:comment', 'council:read', 'council:manage', 'follow-ups:report', 'documents:read',
    'documents:write', 'holidays:manage', 'recommendations:read', 'recommendations:raise', 'recommendations:move',
  ],
  ministry_reviewer: [
    'registry:read', 'api-keys:read-own', 'issues:read', 'issues:move', 'issues:comment', 'council:read', 'follow-ups:report', 'documents:read',
    'documents:write', 'recommendations:read', 'recommendations:move',
  ],
  cluster_operator: [
    'registry:read', 'cluster:edit-own', 'api-keys:read-own', 'issues:read', 'issues:raise', 'issues:move', 'issues:comment',
    'council:read', 'follow-ups:report', 'documents:read', 'documents:write', 'recommendations:read', 'recommendations:raise', 'recommendations:move',
  ],
  viewer: ['registry:read', 'issues:read', 'issues:comment', 'council:read', 'documents:read', 'recommendations:read'],
};

const AGENCIES = {
  mohw: { id: 12, code: 'mohw', nameKo: '보건복지부', nameEn: null },
  mfds: { id: 10, code: 'mfds', nameKo: '식품의약품안전처', nameEn: null },
  kbiohealth: { id: 9, code: 'kbiohealth', nameKo: '오송첨단의료산업진흥재단', nameEn: 'KBIOHealth' },
  ifez: { id: 2, code: 'ifez', nameKo: '인천경제자유구역청', nameEn: null },
};

/** The five demo users of a Development run. */
const DEMO: Record<Role, MeDto> = {
  admin: me('admin', null),
  secretariat: me('secretariat', AGENCIES.mohw),
  ministry_reviewer: me('ministry_reviewer', AGENCIES.mfds),
  cluster_operator: me('cluster_operator', AGENCIES.kbiohealth),
  viewer: me('viewer', null),
};

function me(role: Role, agency: MeDto['agency']): MeDto {
  return { actorType: 'user', id: 1, name: `demo-${role}`, displayName: role, role, agency, permissions: GRANTS[role] };
}

const osong = { operator: AGENCIES.kbiohealth };
const songdo = { operator: AGENCIES.ifez };

describe('navigation follows MeDto.permissions', () => {
  it.each([
    ['admin', ['home', 'clusters', 'agencies', 'issues', 'recommendations', 'council', 'meetings', 'followUps', 'collaborations', 'partners', 'users', 'apiKeys', 'audit', 'imports', 'holidays']],
    ['secretariat', ['home', 'clusters', 'agencies', 'issues', 'recommendations', 'council', 'meetings', 'followUps', 'collaborations', 'partners', 'audit', 'imports', 'holidays']],
    ['ministry_reviewer', ['home', 'clusters', 'agencies', 'issues', 'recommendations', 'council', 'meetings', 'followUps', 'collaborations', 'partners', 'apiKeys']],
    ['cluster_operator', ['home', 'clusters', 'agencies', 'issues', 'recommendations', 'council', 'meetings', 'followUps', 'collaborations', 'partners', 'apiKeys']],
    ['viewer', ['home', 'clusters', 'agencies', 'issues', 'recommendations', 'council', 'meetings', 'followUps', 'collaborations', 'partners']],
  ] as const)('%s sees %j', (role, sections) => {
    expect(visibleSections(DEMO[role])).toEqual(sections);
  });

  it('keeps the network pages and the secretariat\'s tools (the holiday calendar among them) for the "more" menu, the sections of everyone in the row', () => {
    for (const role of ['ministry_reviewer', 'cluster_operator', 'viewer'] as const)
      expect(visibleSections(DEMO[role]).filter((s) => SECONDARY_SECTIONS.includes(s) && s !== 'apiKeys')).toEqual(['collaborations', 'partners']);
    expect(visibleSections(DEMO.secretariat).filter((s) => SECONDARY_SECTIONS.includes(s))).toEqual(['collaborations', 'partners', 'audit', 'imports', 'holidays']);
    expect(visibleSections({ ...DEMO.viewer, permissions: [...GRANTS.viewer, 'holidays:manage'] })).toContain('holidays');
  });

  it('reads the permissions, not the role name', () => {
    const promotedViewer = { ...DEMO.viewer, permissions: [...GRANTS.viewer, 'audit:read'] };
    expect(visibleSections(promotedViewer)).toContain('audit');
    expect(visibleSections({ ...DEMO.admin, permissions: [] })).toEqual(['clusters', 'agencies']);
    expect(visibleSections({ ...DEMO.admin, permissions: ['registry:read'] })).toEqual(['clusters', 'agencies', 'collaborations', 'partners']);
    expect(visibleSections({ ...DEMO.viewer, permissions: ['registry:read'] })).not.toContain('issues');
    // An account granted only `import` (not a role's bundle) still gets the imports page.
    expect(visibleSections({ ...DEMO.viewer, permissions: ['registry:read', 'import'] })).toContain('imports');
    expect(can(undefined, 'registry:read')).toBe(false);
  });

  it.each([
    ['admin', { users: true, apiKeys: true, audit: true, clusterEdit: true, imports: true, registry: true }],
    ['secretariat', { users: false, apiKeys: false, audit: true, clusterEdit: true, imports: true, registry: true }],
    ['ministry_reviewer', { users: false, apiKeys: true, audit: false, clusterEdit: false, imports: false, registry: false }],
    ['cluster_operator', { users: false, apiKeys: true, audit: false, clusterEdit: true, imports: false, registry: false }],
    ['viewer', { users: false, apiKeys: false, audit: false, clusterEdit: false, imports: false, registry: false }],
  ] as const)('%s may open %j', (role, expected) => {
    const user = DEMO[role];
    expect({
      users: canOpen(user, matchRoute('/users')) && canOpen(user, matchRoute('/users/3')),
      apiKeys: canOpen(user, matchRoute('/api-keys')),
      audit: canOpen(user, matchRoute('/audit')),
      clusterEdit: canOpen(user, matchRoute('/clusters/osong/edit')),
      imports: canOpen(user, matchRoute('/imports')),
      // Registering, editing and archiving agencies and clusters: the secretariat's (and admins').
      registry: ['/agencies/new', '/agencies/molit/edit', '/clusters/new'].map((p) => canOpen(user, matchRoute(p))).every(Boolean),
    }).toEqual(expected);
    // Everyone may read the registry and their own account.
    for (const path of ['/', '/clusters/osong', '/agencies', '/agencies/mohw', '/account']) expect(canOpen(user, matchRoute(path))).toBe(true);
  });
});

describe('the Edit action on a cluster', () => {
  it.each([
    ['admin', true, true],
    ['secretariat', true, true],
    ['ministry_reviewer', false, false],
    ['cluster_operator', true, false],
    ['viewer', false, false],
  ] as const)('%s: osong %s, songdo %s', (role, onOsong, onSongdo) => {
    expect(canEditCluster(DEMO[role], osong)).toBe(onOsong);
    expect(canEditCluster(DEMO[role], songdo)).toBe(onSongdo);
  });

  it('cluster:edit-own without an agency edits nothing', () => {
    expect(canEditCluster({ ...DEMO.cluster_operator, agency: null }, osong)).toBe(false);
  });

  it('only registry:write may hand a cluster to another operator', () => {
    expect(canChangeClusterOperator(DEMO.secretariat)).toBe(true);
    expect(canChangeClusterOperator(DEMO.cluster_operator)).toBe(false);
  });
});

describe('regulatory issues', () => {
  const submittedByKbiohealth = { raisedBy: AGENCIES.kbiohealth, status: 'submitted' };
  const routedByKbiohealth = { raisedBy: AGENCIES.kbiohealth, status: 'under_review' };
  const submittedByIfez = { raisedBy: AGENCIES.ifez, status: 'submitted' };

  it.each([
    ['admin', { list: true, raise: true }],
    ['secretariat', { list: true, raise: true }],
    ['ministry_reviewer', { list: true, raise: false }],
    ['cluster_operator', { list: true, raise: true }],
    ['viewer', { list: true, raise: false }],
  ] as const)('%s may open %j', (role, expected) => {
    const user = DEMO[role];
    expect({
      list: ['/issues', '/issues/ministry', '/issues/7'].every((path) => canOpen(user, matchRoute(path))),
      raise: canOpen(user, matchRoute('/issues/new')) && canOpen(user, matchRoute('/issues/7/edit')),
    }).toEqual(expected);
  });

  it('without issues:read no issue page opens', () => {
    const none = { ...DEMO.viewer, permissions: ['registry:read'] };
    for (const path of ['/issues', '/issues/ministry', '/issues/7', '/issues/new']) expect(canOpen(none, matchRoute(path))).toBe(false);
  });

  it('only a ministry reviewer (moves issues, raises none) lands on their ministry', () => {
    expect(answersForMinistry(DEMO.ministry_reviewer)).toBe(true);
    for (const role of ['admin', 'secretariat', 'cluster_operator', 'viewer'] as const) expect(answersForMinistry(DEMO[role])).toBe(false);
    expect(answersForMinistry({ ...DEMO.ministry_reviewer, agency: null })).toBe(false);
  });

  it.each([
    ['admin', true, true, true],
    ['secretariat', true, true, true],
    ['ministry_reviewer', false, false, false],
    ['cluster_operator', true, false, false],
    ['viewer', false, false, false],
  ] as const)('%s edits: own submitted %s, own routed %s, another agency’s %s', (role, ownSubmitted, ownRouted, other) => {
    expect(canEditIssue(DEMO[role], submittedByKbiohealth)).toBe(ownSubmitted);
    expect(canEditIssue(DEMO[role], routedByKbiohealth)).toBe(ownRouted);
    expect(canEditIssue(DEMO[role], submittedByIfez)).toBe(other);
  });

  it('the secretariat names the raising agency; an operator raises for its own', () => {
    expect(canChooseRaisingAgency(DEMO.secretariat)).toBe(true);
    expect(canChooseRaisingAgency(DEMO.admin)).toBe(true);
    expect(canChooseRaisingAgency(DEMO.cluster_operator)).toBe(false);
  });
});

describe('the council', () => {
  it('the secretariat and administrators run it; everyone reads it', () => {
    expect(managesCouncil(DEMO.admin)).toBe(true);
    expect(managesCouncil(DEMO.secretariat)).toBe(true);
    expect(managesCouncil(DEMO.ministry_reviewer)).toBe(false);
    for (const role of ['admin', 'secretariat', 'ministry_reviewer', 'cluster_operator', 'viewer'] as const) {
      expect(canOpen(DEMO[role], matchRoute('/meetings/3')), role).toBe(true);
      expect(canOpen(DEMO[role], matchRoute('/meetings/new')), role).toBe(managesCouncil(DEMO[role]));
    }
  });

  it('a ministry reviewer or an operator opens the follow-up board on its own agency', () => {
    expect(ownFollowUpAgency(DEMO.ministry_reviewer)).toBe('mfds');
    expect(ownFollowUpAgency(DEMO.cluster_operator)).toBe('kbiohealth');
    expect(ownFollowUpAgency(DEMO.secretariat)).toBeUndefined();
    expect(ownFollowUpAgency(DEMO.admin)).toBeUndefined();
    expect(ownFollowUpAgency(DEMO.viewer)).toBeUndefined();
  });
});
