import { Fragment, useEffect } from 'react';
import { Outlet, ScrollRestoration, useLocation, useNavigate } from 'react-router';
import { SignInPage } from '../features/auth/SignInPage';
import { session, useSession } from '../features/auth/session';
import { useI18n } from '../i18n';
import { matchRoute, pageKey, paths, safeNext } from '../lib/paths';
import { canOpen } from '../lib/permissions';
import { Loading } from '../ui/Loading';
import { ProblemView } from '../ui/ProblemView';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';

/**
 * The root route: who is signed in decides what any address shows. Without a session, the sign-in
 * page (and the address says where the user was going); with one, the page of the address, or the
 * 403 view when the user may not open it.
 */
export function Shell() {
  const { t } = useI18n();
  const { pathname, search: query } = useLocation();
  const navigate = useNavigate();
  const route = matchRoute(pathname);
  const state = useSession();

  // The address follows the session, so a reload keeps the intended destination.
  useEffect(() => {
    if (state.status === 'signedOut' && route.name !== 'signIn') {
      void navigate(paths.signIn(state.reason === 'signedOut' ? undefined : pathname + query), { replace: true });
    } else if (state.status === 'signedIn' && route.name === 'signIn') {
      void navigate(safeNext(new URLSearchParams(query).get('next')), { replace: true });
    }
  }, [state, route.name, pathname, query, navigate]);

  let content;
  if (state.status === 'loading') {
    content = (
      <Layout route={route}>
        <Loading label={t.auth.checking} />
      </Layout>
    );
  } else if (state.status === 'error') {
    content = (
      <Layout route={route}>
        <ProblemView problem={state.problem} onRetry={() => void session.start()} />
      </Layout>
    );
  } else if (state.status === 'signedOut') {
    content = (
      <Layout route={{ name: 'signIn' }}>
        <SignInPage reason={state.reason} />
      </Layout>
    );
  } else {
    const me = state.me;
    content = (
      <Layout route={route} me={me}>
        {route.name === 'signIn' ? (
          <Loading />
        ) : !canOpen(me, route) ? (
          <ProblemView problem={{ status: 403, title: 'Forbidden' }} message={t.forbidden.body} />
        ) : route.name === 'notFound' ? (
          // Also the addresses react-router matches but the dashboard does not know (/users/abc).
          <NotFoundPage />
        ) : (
          // Another record (another code or id) is a new page: it starts afresh.
          <Fragment key={pageKey(route)}>
            <Outlet />
          </Fragment>
        )}
      </Layout>
    );
  }
  return (
    <>
      {content}
      <ScrollRestoration />
    </>
  );
}

/** While the first page's chunk loads. */
export function ShellFallback() {
  return (
    <Layout route={matchRoute(window.location.pathname)}>
      <Loading />
    </Layout>
  );
}
