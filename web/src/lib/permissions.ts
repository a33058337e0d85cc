// What the signed-in user may see and do, read only from MeDto.permissions (never from the role
// name), so the dashboard follows the API when a role's permissions change. The API still checks
// every request; this only keeps people from being offered what they cannot use.
import type { MeDto } from '../api/client';
import type { Route } from './paths';

/** The permission strings of MeDto.permissions (the contract types them as plain strings). */
export const PERMISSIONS = [
  'registry:read',
  'registry:write',
  'cluster:edit-own',
  'audit:read',
  'users:manage',
  'api-keys:manage',
  'api-keys:read-own',
  'import',
  'issues:read',
  'issues:raise',
  'issues:move',
  'issues:comment',
  'council:read',
  'council:manage',
  'follow-ups:report',
  'documents:read',
  'documents:write',
  'notifications:own',
  'notifications:deliveries',
  'holidays:manage',
  'recommendations:read',
  'recommendations:raise',
  'recommendations:move',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

type Caller = Pick<MeDto, 'permissions' | 'agency'> | undefined;

export function can(me: Caller, permission: Permission): boolean {
  return me?.permissions.includes(permission) ?? false;
}

export type Section =
  | 'home'
  | 'clusters'
  | 'agencies'
  | 'issues'
  | 'recommendations'
  | 'collaborations'
  | 'partners'
  | 'council'
  | 'meetings'
  | 'followUps'
  | 'users'
  | 'apiKeys'
  | 'audit'
  | 'imports'
  | 'holidays';

/** The sections the header keeps behind "더보기" (More) on a wide screen: the secretariat's and administrators' tools. */
export const SECONDARY_SECTIONS: readonly Section[] = ['collaborations', 'partners', 'users', 'apiKeys', 'audit', 'imports', 'holidays'];

/** The main menu, in order. */
export function visibleSections(me: Caller): Section[] {
  const sections: Section[] = can(me, 'issues:read') ? ['home', 'clusters', 'agencies', 'issues'] : ['clusters', 'agencies'];
  if (can(me, 'recommendations:read')) sections.push('recommendations');
  if (can(me, 'council:read')) sections.push('council', 'meetings', 'followUps');
  // The network of clusters (collaboration projects, the partner search) is read by everyone who reads the registry.
  if (can(me, 'registry:read')) sections.push('collaborations', 'partners');
  if (can(me, 'users:manage')) sections.push('users');
  if (canSeeApiKeys(me)) sections.push('apiKeys');
  if (can(me, 'audit:read')) sections.push('audit');
  if (can(me, 'import')) sections.push('imports');
  // Everyone may read the holiday calendar; only those who keep it (the secretariat, administrators) need it in the menu.
  if (can(me, 'holidays:manage')) sections.push('holidays');
  return sections;
}

export function canSeeApiKeys(me: Caller): boolean {
  return can(me, 'api-keys:manage') || can(me, 'api-keys:read-own');
}

/** registry:write edits any cluster; cluster:edit-own only those its own agency operates. */
export function canEditCluster(me: Caller, cluster: { operator: { id: number } }): boolean {
  if (can(me, 'registry:write')) return true;
  return can(me, 'cluster:edit-own') && me?.agency != null && me.agency.id === cluster.operator.id;
}

/** Handing a cluster to another operator is the secretariat's decision, not the operator's. */
export function canChangeClusterOperator(me: Caller): boolean {
  return can(me, 'registry:write');
}

/**
 * Someone who answers issues for a ministry: they may move issues but not raise them (ministry
 * reviewers). Their issues menu opens on what their ministry owes.
 */
export function answersForMinistry(me: Caller): boolean {
  return can(me, 'issues:move') && !can(me, 'issues:raise') && me?.agency != null;
}

/**
 * Who may change an issue's description: the raising agency while it waits to be routed, the
 * secretariat (and administrators) at any time.
 * REVIEW: the API decides the second half by role (admin, secretariat) and the issue DTO carries no
 * "may edit" flag as it does allowedMoves; registry:write is the permission only those roles hold
 * among people, so it stands in for them until the DTO says so itself.
 */
export function canEditIssue(me: Caller, issue: { raisedBy: { id: number }; status: string }): boolean {
  if (!can(me, 'issues:raise')) return false;
  if (can(me, 'registry:write')) return true;
  return me?.agency != null && me.agency.id === issue.raisedBy.id && issue.status === 'submitted';
}

/**
 * Whether the raiser picks the raising agency (the secretariat raises on behalf of any agency) or it
 * is always the user's own (a cluster operator). Same stand-in as canEditIssue.
 */
export function canChooseRaisingAgency(me: Caller): boolean {
  return can(me, 'issues:raise') && can(me, 'registry:write');
}

/**
 * Whether a page is worth opening at all. Object-level rules (which cluster) are checked by the
 * page itself once it has the record.
 */
export function canOpen(me: Caller, route: Route): boolean {
  switch (route.name) {
    case 'users':
    case 'user':
      return can(me, 'users:manage');
    case 'apiKeys':
      return canSeeApiKeys(me);
    case 'audit':
      return can(me, 'audit:read');
    case 'imports':
      return can(me, 'import');
    case 'clusterEdit':
      return can(me, 'registry:write') || can(me, 'cluster:edit-own');
    case 'clusterNew':
    case 'agencyNew':
    case 'agencyEdit':
      return can(me, 'registry:write');
    case 'issues':
    case 'issuesMinistry':
    case 'issue':
    case 'issuePrint':
      return can(me, 'issues:read');
    case 'issueNew':
    case 'issueEdit':
      return can(me, 'issues:read') && can(me, 'issues:raise');
    case 'recommendations':
    case 'recommendation':
      return can(me, 'recommendations:read');
    case 'recommendationNew':
    case 'recommendationEdit':
      return can(me, 'recommendations:raise');
    case 'council':
    case 'meetings':
    case 'meeting':
    case 'followUps':
      return can(me, 'council:read');
    case 'meetingNew':
      return can(me, 'council:manage');
    case 'notifications':
      return can(me, 'notifications:own');
    case 'notificationDeliveries':
      return can(me, 'notifications:deliveries');
    default:
      return true;
  }
}

/** The secretariat (and administrators): seats and terms, meetings, agenda, attendance, decisions. */
export function managesCouncil(me: Caller): boolean {
  return can(me, 'council:manage');
}

/**
 * Whose follow-ups the board opens on: a ministry reviewer's or cluster operator's own agency (they report on what
 * they owe); the secretariat and everyone else see all owners.
 */
export function ownFollowUpAgency(me: Caller): string | undefined {
  if (!me?.agency || managesCouncil(me) || !can(me, 'follow-ups:report')) return undefined;
  return me.agency.code;
}
