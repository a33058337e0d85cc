// Every address of the dashboard and its page (react-router's data router). The sign-in form is in the entry chunk;
// the home (`/`, the first page after sign-in) is a chunk of its own, its charts another; every other page, the cluster
// list included, is its own chunk, loaded when first opened. lib/paths.ts holds the same addresses as typed routes, for links and permissions.
import { createBrowserRouter, type RouteObject } from 'react-router';
import { NotFoundPage } from './NotFoundPage';
import { Shell, ShellFallback } from './Shell';

const children: RouteObject[] = [
  { index: true, lazy: async () => ({ Component: (await import('../features/home/HomePage')).HomePage }) },
  { path: 'clusters', lazy: async () => ({ Component: (await import('../features/clusters/ClustersPage')).ClustersPage }) },
  { path: 'clusters/map', lazy: async () => ({ Component: (await import('../features/cluster-profile/KoreaMapPage')).KoreaMapPage }) },
  { path: 'clusters/new', lazy: async () => ({ Component: (await import('../features/clusters/ClusterEditPage')).ClusterNewPage }) },
  { path: 'clusters/:code', lazy: async () => ({ Component: (await import('../features/clusters/ClusterDetailPage')).ClusterDetailPage }) },
  { path: 'clusters/:code/edit', lazy: async () => ({ Component: (await import('../features/clusters/ClusterEditPage')).ClusterEditPage }) },
  { path: 'agencies', lazy: async () => ({ Component: (await import('../features/agencies/AgenciesPage')).AgenciesPage }) },
  { path: 'agencies/new', lazy: async () => ({ Component: (await import('../features/registry/AgencyFormPage')).AgencyNewPage }) },
  { path: 'agencies/:code', lazy: async () => ({ Component: (await import('../features/agencies/AgencyDetailPage')).AgencyDetailPage }) },
  { path: 'agencies/:code/edit', lazy: async () => ({ Component: (await import('../features/registry/AgencyFormPage')).AgencyEditPage }) },
  { path: 'issues', lazy: async () => ({ Component: (await import('../features/issues/IssuesPage')).IssuesPage }) },
  { path: 'issues/ministry', lazy: async () => ({ Component: (await import('../features/issues/MinistryIssuesPage')).MinistryIssuesPage }) },
  { path: 'issues/new', lazy: async () => ({ Component: (await import('../features/issues/IssueFormPage')).IssueNewPage }) },
  { path: 'issues/:id', lazy: async () => ({ Component: (await import('../features/issues/IssueDetailPage')).IssueDetailPage }) },
  { path: 'issues/:id/edit', lazy: async () => ({ Component: (await import('../features/issues/IssueFormPage')).IssueEditPage }) },
  { path: 'issues/:id/print', lazy: async () => ({ Component: (await import('../features/issues/IssuePrintPage')).IssuePrintPage }) },
  { path: 'recommendations', lazy: async () => ({ Component: (await import('../features/recommendations/RecommendationsPage')).RecommendationsPage }) },
  { path: 'recommendations/new', lazy: async () => ({ Component: (await import('../features/recommendations/RecommendationFormPage')).RecommendationNewPage }) },
  { path: 'recommendations/:id/edit', lazy: async () => ({ Component: (await import('../features/recommendations/RecommendationFormPage')).RecommendationEditPage }) },
  { path: 'recommendations/:id', lazy: async () => ({ Component: (await import('../features/recommendations/RecommendationPage')).RecommendationPage }) },
  { path: 'collaborations', lazy: async () => ({ Component: (await import('../features/collaborations/CollaborationsPage')).CollaborationsPage }) },
  { path: 'collaborations/new', lazy: async () => ({ Component: (await import('../features/collaborations/CollaborationFormPage')).CollaborationNewPage }) },
  { path: 'collaborations/:id', lazy: async () => ({ Component: (await import('../features/collaborations/CollaborationPage')).CollaborationPage }) },
  { path: 'collaborations/:id/edit', lazy: async () => ({ Component: (await import('../features/collaborations/CollaborationFormPage')).CollaborationEditPage }) },
  { path: 'council', lazy: async () => ({ Component: (await import('../features/council/CouncilPage')).CouncilPage }) },
  { path: 'meetings', lazy: async () => ({ Component: (await import('../features/meetings/MeetingsPage')).MeetingsPage }) },
  { path: 'meetings/new', lazy: async () => ({ Component: (await import('../features/meetings/MeetingFormPage')).MeetingNewPage }) },
  { path: 'meetings/:id', lazy: async () => ({ Component: (await import('../features/meetings/MeetingPage')).MeetingPage }) },
  { path: 'partners', lazy: async () => ({ Component: (await import('../features/actors/PartnersPage')).PartnersPage }) },
  { path: 'holidays', lazy: async () => ({ Component: (await import('../features/holidays/HolidaysPage')).HolidaysPage }) },
  { path: 'follow-ups', lazy: async () => ({ Component: (await import('../features/follow-ups/FollowUpsPage')).FollowUpsPage }) },
  { path: 'users', lazy: async () => ({ Component: (await import('../features/users/UsersPage')).UsersPage }) },
  { path: 'users/:id', lazy: async () => ({ Component: (await import('../features/users/UserDetailPage')).UserDetailPage }) },
  { path: 'api-keys', lazy: async () => ({ Component: (await import('../features/api-keys/ApiKeysPage')).ApiKeysPage }) },
  { path: 'audit', lazy: async () => ({ Component: (await import('../features/audit/AuditPage')).AuditPage }) },
  { path: 'imports', lazy: async () => ({ Component: (await import('../features/imports/ImportsPage')).ImportsPage }) },
  { path: 'search', lazy: async () => ({ Component: (await import('../features/search/SearchPage')).SearchPage }) },
  { path: 'notifications', lazy: async () => ({ Component: (await import('../features/notifications/NotificationsPage')).NotificationsPage }) },
  { path: 'notification-deliveries', lazy: async () => ({ Component: (await import('../features/notifications/DeliveriesPage')).DeliveriesPage }) },
  { path: 'account', lazy: async () => ({ Component: (await import('../features/account/AccountPage')).AccountPage }) },
  // The shell shows the sign-in form itself (to anyone without a session, at any address).
  { path: 'sign-in', Component: null },
  { path: '*', Component: NotFoundPage },
];

export const router = createBrowserRouter([{ path: '/', Component: Shell, HydrateFallback: ShellFallback, children }]);
