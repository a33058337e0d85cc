// Every address of the dashboard: the typed route of a path (for menus and permissions), the path of
// a route (for links), and where to go after signing in. Pure, so it is unit-tested; src/app/router.tsx
// maps the same addresses to their pages with react-router.

export type Route =
  | { name: 'home' }
  | { name: 'clusters' }
  | { name: 'cluster'; code: string }
  | { name: 'clusterEdit'; code: string }
  | { name: 'clusterNew' }
  | { name: 'clustersMap' }
  | { name: 'agencies' }
  | { name: 'agency'; code: string }
  | { name: 'agencyEdit'; code: string }
  | { name: 'agencyNew' }
  | { name: 'issues' }
  | { name: 'issuesMinistry' }
  | { name: 'issueNew' }
  | { name: 'issue'; id: number }
  | { name: 'issueEdit'; id: number }
  | { name: 'issuePrint'; id: number }
  | { name: 'recommendations' }
  | { name: 'recommendationNew' }
  | { name: 'recommendation'; id: number }
  | { name: 'recommendationEdit'; id: number }
  | { name: 'collaborations' }
  | { name: 'collaborationNew' }
  | { name: 'collaboration'; id: number }
  | { name: 'collaborationEdit'; id: number }
  | { name: 'council' }
  | { name: 'meetings' }
  | { name: 'meetingNew' }
  | { name: 'meeting'; id: number }
  | { name: 'followUps' }
  | { name: 'users' }
  | { name: 'user'; id: number }
  | { name: 'apiKeys' }
  | { name: 'audit' }
  | { name: 'imports' }
  | { name: 'holidays' }
  | { name: 'account' }
  | { name: 'search' }
  | { name: 'partners' }
  | { name: 'notifications' }
  | { name: 'notificationDeliveries' }
  | { name: 'signIn' }
  | { name: 'notFound' };

/** A record id in an address: a positive integer, no leading zero. */
const ID = /^[1-9]\d{0,15}$/;

export function matchRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(safeDecode);
  if (parts.length === 0) return { name: 'home' };
  const [section, code, ...rest] = parts;
  if (section === 'clusters' && code && rest.length === 1 && rest[0] === 'edit') return { name: 'clusterEdit', code };
  if (section === 'agencies' && code && rest.length === 1 && rest[0] === 'edit') return { name: 'agencyEdit', code };
  // REVIEW: 'new' is the registration page, so a record coded 'new' could not be opened here (none exists).
  // REVIEW: like 'new', 'map' is a page of its own (the map of Korea), so a cluster coded 'map' could not be opened here (none exists).
  if (section === 'clusters' && code === 'map' && rest.length === 0) return { name: 'clustersMap' };
  if ((section === 'clusters' || section === 'agencies') && code === 'new' && rest.length === 0)
    return section === 'clusters' ? { name: 'clusterNew' } : { name: 'agencyNew' };
  if (section === 'issues') return matchIssueRoute(code, rest);
  if (section === 'recommendations' && code && ID.test(code) && rest.length === 1 && rest[0] === 'edit') return { name: 'recommendationEdit', id: Number(code) };
  if (section === 'recommendations' && rest.length === 0) {
    if (!code) return { name: 'recommendations' };
    if (code === 'new') return { name: 'recommendationNew' };
    return ID.test(code) ? { name: 'recommendation', id: Number(code) } : { name: 'notFound' };
  }
  if (section === 'collaborations') {
    if (!code && rest.length === 0) return { name: 'collaborations' };
    if (code === 'new' && rest.length === 0) return { name: 'collaborationNew' };
    if (!code || !ID.test(code)) return { name: 'notFound' };
    if (rest.length === 0) return { name: 'collaboration', id: Number(code) };
    return rest.length === 1 && rest[0] === 'edit' ? { name: 'collaborationEdit', id: Number(code) } : { name: 'notFound' };
  }
  if (section === 'meetings' && rest.length === 0) {
    if (!code) return { name: 'meetings' };
    if (code === 'new') return { name: 'meetingNew' };
    return ID.test(code) ? { name: 'meeting', id: Number(code) } : { name: 'notFound' };
  }
  if (rest.length > 0) return { name: 'notFound' };
  if (section === 'clusters') return code ? { name: 'cluster', code } : { name: 'clusters' };
  if (section === 'agencies') return code ? { name: 'agency', code } : { name: 'agencies' };
  if (section === 'users') {
    if (!code) return { name: 'users' };
    return ID.test(code) ? { name: 'user', id: Number(code) } : { name: 'notFound' };
  }
  if (code) return { name: 'notFound' };
  if (section === 'council') return { name: 'council' };
  if (section === 'follow-ups') return { name: 'followUps' };
  if (section === 'api-keys') return { name: 'apiKeys' };
  if (section === 'audit') return { name: 'audit' };
  if (section === 'imports') return { name: 'imports' };
  if (section === 'holidays') return { name: 'holidays' };
  if (section === 'account') return { name: 'account' };
  if (section === 'search') return { name: 'search' };
  if (section === 'partners') return { name: 'partners' };
  if (section === 'notifications') return { name: 'notifications' };
  if (section === 'notification-deliveries') return { name: 'notificationDeliveries' };
  if (section === 'sign-in') return { name: 'signIn' };
  return { name: 'notFound' };
}

function matchIssueRoute(segment: string | undefined, rest: string[]): Route {
  if (!segment) return { name: 'issues' };
  if (rest.length === 0 && segment === 'new') return { name: 'issueNew' };
  if (rest.length === 0 && segment === 'ministry') return { name: 'issuesMinistry' };
  if (!ID.test(segment)) return { name: 'notFound' };
  if (rest.length === 0) return { name: 'issue', id: Number(segment) };
  if (rest.length === 1 && rest[0] === 'edit') return { name: 'issueEdit', id: Number(segment) };
  if (rest.length === 1 && rest[0] === 'print') return { name: 'issuePrint', id: Number(segment) };
  return { name: 'notFound' };
}

export const paths = {
  home: () => '/',
  clusters: (query?: URLSearchParams) => withQuery('/clusters', query),
  cluster: (code: string, query?: URLSearchParams) => withQuery(`/clusters/${encodeURIComponent(code)}`, query),
  clusterEdit: (code: string) => `/clusters/${encodeURIComponent(code)}/edit`,
  clusterNew: () => '/clusters/new',
  clustersMap: (query?: URLSearchParams) => withQuery('/clusters/map', query),
  agencies: (query?: URLSearchParams) => withQuery('/agencies', query),
  agency: (code: string) => `/agencies/${encodeURIComponent(code)}`,
  agencyEdit: (code: string) => `/agencies/${encodeURIComponent(code)}/edit`,
  agencyNew: () => '/agencies/new',
  issues: (query?: URLSearchParams) => withQuery('/issues', query),
  issuesMinistry: (query?: URLSearchParams) => withQuery('/issues/ministry', query),
  issueNew: () => '/issues/new',
  issue: (id: number, query?: URLSearchParams) => withQuery(`/issues/${id}`, query),
  issueEdit: (id: number) => `/issues/${id}/edit`,
  issuePrint: (id: number) => `/issues/${id}/print`,
  recommendations: (query?: URLSearchParams) => withQuery('/recommendations', query),
  recommendationNew: (query?: URLSearchParams) => withQuery('/recommendations/new', query),
  recommendation: (id: number) => `/recommendations/${id}`,
  recommendationEdit: (id: number) => `/recommendations/${id}/edit`,
  collaborations: (query?: URLSearchParams) => withQuery('/collaborations', query),
  collaborationNew: (query?: URLSearchParams) => withQuery('/collaborations/new', query),
  collaboration: (id: number) => `/collaborations/${id}`,
  collaborationEdit: (id: number) => `/collaborations/${id}/edit`,
  partners: () => '/partners',
  council: () => '/council',
  meetings: (query?: URLSearchParams) => withQuery('/meetings', query),
  meetingNew: () => '/meetings/new',
  meeting: (id: number) => `/meetings/${id}`,
  followUps: (query?: URLSearchParams) => withQuery('/follow-ups', query),
  users: (query?: URLSearchParams) => withQuery('/users', query),
  user: (id: number) => `/users/${id}`,
  apiKeys: () => '/api-keys',
  audit: (query?: URLSearchParams) => withQuery('/audit', query),
  imports: (query?: URLSearchParams) => withQuery('/imports', query),
  holidays: (query?: URLSearchParams) => withQuery('/holidays', query),
  account: () => '/account',
  search: (query?: URLSearchParams) => withQuery('/search', query),
  notifications: () => '/notifications',
  notificationDeliveries: () => '/notification-deliveries',
  /** `next`: where to go after signing in (left out when it is the start page). */
  signIn: (next?: string) => (next && next !== '/' ? `/sign-in?${new URLSearchParams({ next })}` : '/sign-in'),
};

/**
 * Where to go after signing in: only a path on this site, never another origin ("//evil.example"
 * or "/\\evil.example" would leave it), and never the sign-in page itself.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  try {
    const url = new URL(next, 'http://local');
    if (url.origin !== 'http://local' || matchRoute(url.pathname).name === 'signIn') return '/';
    return url.pathname + url.search + url.hash;
  } catch {
    return '/';
  }
}

/** Identifies the page a route shows: a new key is a new page (focus moves, the page starts afresh). */
export function pageKey(route: Route): string {
  if ('code' in route) return `${route.name}:${route.code}`;
  if ('id' in route) return `${route.name}:${route.id}`;
  return route.name;
}

function withQuery(path: string, query?: URLSearchParams): string {
  const text = query?.toString();
  return text ? `${path}?${text}` : path;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
