import { lazy, Suspense, useEffect } from 'react';
import { Layout } from './components/Layout';
import { Loading } from './components/Loading';
import { ProblemView } from './components/ProblemView';
import { useI18n } from './i18n';
import { canOpen } from './lib/permissions';
import { currentPath, matchRoute, navigate, paths, safeNext, useLocation } from './lib/router';
import { session, useSession } from './lib/session';
import { AccountPage } from './pages/AccountPage';
import { AgenciesPage } from './pages/AgenciesPage';
import { AgencyDetailPage } from './pages/AgencyDetailPage';
import { ApiKeysPage } from './pages/ApiKeysPage';
import { AuditPage } from './pages/AuditPage';
import { ClusterDetailPage } from './pages/ClusterDetailPage';
import { ClusterEditPage } from './pages/ClusterEditPage';
import { ClustersPage } from './pages/ClustersPage';
import { IssueDetailPage } from './pages/IssueDetailPage';
import { IssueEditPage, IssueNewPage } from './pages/IssueFormPage';
import { IssuesPage } from './pages/IssuesPage';
import { MinistryIssuesPage } from './pages/MinistryIssuesPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { SignInPage } from './pages/SignInPage';
import { UserDetailPage } from './pages/UserDetailPage';
import { UsersPage } from './pages/UsersPage';

// Only the secretariat and administrators import: their page loads when first opened, so everyone
// else's first load does not carry it.
const ImportsPage = lazy(() => import('./pages/ImportsPage').then((module) => ({ default: module.ImportsPage })));

export function App() {
  const { t } = useI18n();
  const { pathname, search } = useLocation();
  const route = matchRoute(pathname);
  const state = useSession();

  // Without a session every address shows the sign-in page; with one, the sign-in page moves on to
  // where the user was going. The address follows, so a reload keeps the intended destination.
  useEffect(() => {
    if (state.status === 'signedOut' && route.name !== 'signIn') {
      navigate(paths.signIn(state.reason === 'signedOut' ? undefined : currentPath()), { replace: true });
    } else if (state.status === 'signedIn' && route.name === 'signIn') {
      navigate(safeNext(search.get('next')), { replace: true });
    }
  }, [state, route.name, search]);

  if (state.status === 'loading') {
    return (
      <Layout route={route}>
        <Loading label={t.auth.checking} />
      </Layout>
    );
  }
  if (state.status === 'error') {
    return (
      <Layout route={route}>
        <ProblemView problem={state.problem} onRetry={() => void session.start()} />
      </Layout>
    );
  }
  if (state.status === 'signedOut') {
    return (
      <Layout route={{ name: 'signIn' }}>
        <SignInPage reason={state.reason} />
      </Layout>
    );
  }

  const me = state.me;
  if (route.name === 'signIn') {
    return (
      <Layout route={route} me={me}>
        <Loading />
      </Layout>
    );
  }
  return (
    <Layout route={route} me={me}>
      {!canOpen(me, route) ? (
        <ProblemView problem={{ status: 403, title: 'Forbidden' }} message={t.forbidden.body} />
      ) : (
        <>
          {route.name === 'clusters' && <ClustersPage search={search} />}
          {route.name === 'cluster' && <ClusterDetailPage key={route.code} code={route.code} search={search} />}
          {route.name === 'clusterEdit' && <ClusterEditPage key={route.code} code={route.code} />}
          {route.name === 'agencies' && <AgenciesPage search={search} />}
          {route.name === 'agency' && <AgencyDetailPage key={route.code} code={route.code} />}
          {route.name === 'issues' && <IssuesPage search={search} />}
          {route.name === 'issuesMinistry' && <MinistryIssuesPage search={search} />}
          {route.name === 'issueNew' && <IssueNewPage />}
          {route.name === 'issue' && <IssueDetailPage key={route.id} id={route.id} search={search} />}
          {route.name === 'issueEdit' && <IssueEditPage key={route.id} id={route.id} />}
          {route.name === 'users' && <UsersPage search={search} />}
          {route.name === 'user' && <UserDetailPage key={route.id} id={route.id} />}
          {route.name === 'apiKeys' && <ApiKeysPage />}
          {route.name === 'audit' && <AuditPage search={search} />}
          {route.name === 'imports' && (
            <Suspense fallback={<Loading />}>
              <ImportsPage search={search} />
            </Suspense>
          )}
          {route.name === 'account' && <AccountPage />}
          {route.name === 'notFound' && <NotFoundPage />}
        </>
      )}
    </Layout>
  );
}
