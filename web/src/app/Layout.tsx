import { lazy, Suspense, useEffect, useRef, type ReactNode } from 'react';
import { HeaderNav } from './HeaderNav';
import type { MeDto } from '../api/client';
import { useI18n } from '../i18n';
import { answersForMinistry, type Section } from '../lib/permissions';
import { Link } from 'react-router';
import { pageKey as keyOf, paths, type Route } from '../lib/paths';
import { UserMenu } from '../features/auth/UserMenu';
import { HeaderSearch } from '../features/search/HeaderSearch';

// Not on the first screen's budget: the bell, its strings and its client load as their own chunk.
const NotificationBell = lazy(() => import('../features/notifications/NotificationBell'));

interface LayoutProps {
  route: Route;
  /** Absent on the sign-in page: no menu, nothing to sign out of. */
  me?: MeDto;
  children: ReactNode;
}

const SECTION_PATHS: Record<Section, string> = {
  home: paths.home(),
  clusters: paths.clusters(),
  agencies: paths.agencies(),
  issues: paths.issues(),
  recommendations: paths.recommendations(),
  collaborations: paths.collaborations(),
  partners: paths.partners(),
  council: paths.council(),
  meetings: paths.meetings(),
  followUps: paths.followUps(),
  users: paths.users(),
  apiKeys: paths.apiKeys(),
  audit: paths.audit(),
  imports: paths.imports(),
  holidays: paths.holidays(),
};

/** Where a menu item leads; a ministry reviewer's issues open on what their ministry owes. */
function sectionPath(section: Section, me: MeDto): string {
  return section === 'issues' && answersForMinistry(me) ? paths.issuesMinistry() : SECTION_PATHS[section];
}

function sectionOf(route: Route): Section | undefined {
  switch (route.name) {
    case 'home':
      return 'home';
    case 'clusters':
    case 'cluster':
    case 'clusterEdit':
    case 'clustersMap':
      return 'clusters';
    case 'agencies':
    case 'agency':
      return 'agencies';
    case 'issues':
    case 'issuesMinistry':
    case 'issueNew':
    case 'issue':
    case 'issueEdit':
    case 'issuePrint':
      return 'issues';
    case 'recommendations':
    case 'recommendationNew':
    case 'recommendation':
    case 'recommendationEdit':
      return 'recommendations';
    case 'collaborations':
    case 'collaborationNew':
    case 'collaboration':
    case 'collaborationEdit':
      return 'collaborations';
    case 'partners':
      return 'partners';
    case 'council':
      return 'council';
    case 'meetings':
    case 'meetingNew':
    case 'meeting':
      return 'meetings';
    case 'followUps':
      return 'followUps';
    case 'users':
    case 'user':
      return 'users';
    case 'apiKeys':
      return 'apiKeys';
    case 'audit':
      return 'audit';
    case 'imports':
      return 'imports';
    case 'holidays':
      return 'holidays';
    default:
      return undefined;
  }
}

export function Layout({ route, me, children }: LayoutProps) {
  const { t, lang, toggle } = useI18n();
  const main = useRef<HTMLElement>(null);
  const section = sectionOf(route);
  // A new page (not a filter change) moves focus to the main region, so screen readers follow.
  const pageKey = keyOf(route);
  const shownPage = useRef(pageKey);

  useEffect(() => {
    if (shownPage.current === pageKey) return; // first load: leave focus where the browser put it
    shownPage.current = pageKey;
    main.current?.focus({ preventScroll: true });
  }, [pageKey]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t.app.skipToContent}
      </a>
      <header className="header">
        <div className="header__inner">
          <Link to="/" className="brand">
            <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
              <circle cx="11" cy="12" r="4.5" fill="#7cc4b0" />
              <circle cx="21.5" cy="10.5" r="3" fill="#ffffff" />
              <circle cx="17" cy="21.5" r="5.5" fill="#ffffff" fillOpacity="0.85" />
            </svg>
            <span className="brand__text">
              <span className="brand__name">{t.app.name}</span>
              <span className="brand__sep" aria-hidden="true">
                ·
              </span>
              <span className="brand__product" lang="en">
                {t.app.brand}
              </span>
            </span>
          </Link>
          {me ? <HeaderNav me={me} current={section} pageKey={pageKey} pathOf={(item) => sectionPath(item, me)} /> : <span className="nav" />}
          {me && <HeaderSearch />}
          <button
            type="button"
            className="lang-toggle"
            data-testid="lang-toggle"
            onClick={toggle}
            lang={lang === 'ko' ? 'en' : 'ko'}
            title={t.lang.switchToLabel}
          >
            <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="lang-toggle__icon">
              <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="1.6" />
              <path
                d="M3 12h18M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9c-2.5-2.6-3.8-5.6-3.8-9S9.5 5.6 12 3z"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.6"
              />
            </svg>
            {t.lang.switchTo}
          </button>
          {me?.permissions.includes('notifications:own') && (
            <Suspense fallback={null}>
              <NotificationBell />
            </Suspense>
          )}
          {me && <UserMenu me={me} />}
        </div>
      </header>
      <main id="main" className="main" ref={main} tabIndex={-1}>
        {children}
      </main>
      <footer className="footer">
        <div className="footer__inner">
          {t.app.footer} · <span lang="en">{t.app.brand}</span>
        </div>
      </footer>
    </div>
  );
}
