// What the signed-in user may see and do, read only from MeDto.permissions (never from the role
// name), so the dashboard follows the API when a role's permissions change. The API still checks
// every request; this only keeps people from being offered what they cannot use.
import type { MeDto } from '../api/client';
import type { Route } from './router';

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
] as const;
export type Permission = (typeof PERMISSIONS)[number];

type Caller = Pick<MeDto, 'permissions' | 'agency'> | undefined;

export function can(me: Caller, permission: Permission): boolean {
  return me?.permissions.includes(permission) ?? false;
}

export type Section = 'clusters' | 'agencies' | 'users' | 'apiKeys' | 'audit';

/** The main menu, in order. */
export function visibleSections(me: Caller): Section[] {
  const sections: Section[] = ['clusters', 'agencies'];
  if (can(me, 'users:manage')) sections.push('users');
  if (canSeeApiKeys(me)) sections.push('apiKeys');
  if (can(me, 'audit:read')) sections.push('audit');
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
    case 'clusterEdit':
      return can(me, 'registry:write') || can(me, 'cluster:edit-own');
    default:
      return true;
  }
}
