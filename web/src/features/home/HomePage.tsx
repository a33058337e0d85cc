import { lazy, Suspense, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { HomeDto, HomeIssue, HomeIssueList } from '../../api/client';
import { formatDay, formatTimestamp } from '../../lib/format';
import { paths } from '../../lib/paths';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { QueryStatus } from '../../ui/QueryStatus';
import { useMe } from '../auth/session';
import { useHome } from './api';
import { homeLinks } from './home';
import { useHomeI18n } from './i18n';
import './home.css';

// The charts and their library are a chunk of their own, fetched after the lists are on screen.
const HomeCharts = lazy(() => import('./HomeCharts'));

/** 오늘 할 일: the first page after sign-in, its sections chosen by the caller's role. */
export function HomePage() {
  const { t } = useHomeI18n();
  useDocumentTitle(t.home.title);
  const home = useHome();
  return (
    <div className="page page--wide home">
      <header className="page__header">
        <h1>{t.home.title}</h1>
        <p className="page__intro">{t.home.intro}</p>
      </header>
      <QueryStatus query={home} notFound={t.home.title} />
      {home.data && <HomeBody home={home.data} />}
    </div>
  );
}

function HomeBody({ home }: { home: HomeDto }) {
  const { t, fmt, locale } = useHomeI18n();
  return (
    <>
      <Summary home={home} />
      {home.secretariat && <SecretariatSections home={home} />}
      {home.ministry && <MinistrySection home={home} />}
      {home.operator && <OperatorSections home={home} />}
      <section className="card home__charts" aria-labelledby="home-charts" data-testid="home-charts">
        <h2 id="home-charts" className="card__title">
          {t.home.charts.title}
        </h2>
        <Suspense fallback={<p className="card__body muted">{t.home.charts.loading}</p>}>
          <HomeCharts charts={home.charts} />
        </Suspense>
      </section>
      <p className="muted home__generated">{fmt(t.home.generatedAt, { time: formatTimestamp(locale, home.generatedAt) })}</p>
    </>
  );
}

function Summary({ home }: { home: HomeDto }) {
  const { t, locale } = useHomeI18n();
  const s = home.summary;
  const tiles: [string, number, string, boolean][] = [
    [t.home.summary.total, s.total, paths.issues(), false],
    [t.home.summary.open, s.open, paths.issues(), false],
    [t.home.summary.overdue, s.overdue, homeLinks.overdue(), s.overdue > 0],
    [t.home.summary.dueSoon, s.dueSoon, paths.issues(new URLSearchParams({ sort: 'dueAt' })), false],
  ];
  return (
    <section className="home__summary" aria-label={t.home.summary.title} data-testid="home-summary">
      {tiles.map(([label, value, to, alert]) => (
        <Link key={label} to={to} className={`home__tile${alert ? ' home__tile--alert' : ''}`}>
          <span className="home__tile-value">{value.toLocaleString(locale)}</span>
          <span className="home__tile-label">{label}</span>
        </Link>
      ))}
    </section>
  );
}

function Card({ id, title, count, more, children, testId }: { id: string; title: string; count?: number; more?: string; children: ReactNode; testId: string }) {
  const { t, fmt, locale } = useHomeI18n();
  return (
    <section className="card home__card" aria-labelledby={id} data-testid={testId}>
      <h2 id={id} className="card__title">
        {title}
        {count !== undefined && <span className="home__count" data-testid={`${testId}-count`}> {fmt(t.home.count, { count: count.toLocaleString(locale) })}</span>}
      </h2>
      <div className="card__body">{children}</div>
      {more && count !== undefined && count > 0 && (
        <p className="home__more">
          <Link to={more}>{fmt(t.home.more, { count: count.toLocaleString(locale) })}</Link>
        </p>
      )}
    </section>
  );
}

function IssueItems({ list, empty, showPart }: { list: HomeIssue[]; empty: string; showPart?: boolean }) {
  const { t, locale, name } = useHomeI18n();
  if (list.length === 0) return <p className="home__empty">{empty}</p>;
  return (
    <ul className="home__list">
      {list.map((issue) => (
        <li key={issue.id} className="home__item" data-testid="home-issue" data-id={issue.id}>
          <Link to={paths.issue(issue.id)}>{name({ nameKo: issue.titleKo, nameEn: issue.titleEn })}</Link>
          <span className="home__meta">
            <span className={`badge badge--${issue.status}`}>{t.issueStatuses[issue.status]}</span>
            {showPart && issue.part && (
              <span className="badge home__part" data-part={issue.part}>
                {t.home.ministry[issue.part]}
              </span>
            )}
            {issue.leadMinistry && !showPart && <span className="muted">{name(issue.leadMinistry)}</span>}
            <span className={issue.overdue ? 'home__due home__due--overdue' : 'home__due'}>
              {issue.dueAt ? formatDay(locale, issue.dueAt) : t.home.noDue}
              {issue.overdue && <strong> · {t.home.overdueBadge}</strong>}
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}

function SecretariatSections({ home }: { home: HomeDto }) {
  const { t, locale, name } = useHomeI18n();
  const s = home.secretariat!;
  return (
    <div className="home__grid">
      <Card id="home-to-route" testId="home-to-route" title={t.home.secretariat.toRoute} count={s.toRoute.count} more={homeLinks.toRoute()}>
        <IssueItems list={s.toRoute.items} empty={t.home.secretariat.toRouteEmpty} />
      </Card>
      <Card id="home-due" testId="home-due" title={t.home.secretariat.dueByMinistry} count={s.overdue + s.dueSoon}>
        {s.dueByMinistry.length === 0 ? (
          <p className="home__empty">{t.home.secretariat.dueByMinistryEmpty}</p>
        ) : (
          <table className="table home__table">
            <thead>
              <tr>
                <th scope="col">{t.home.secretariat.ministry}</th>
                <th scope="col" className="num">{t.home.secretariat.overdue}</th>
                <th scope="col" className="num">{t.home.secretariat.dueSoon}</th>
              </tr>
            </thead>
            <tbody>
              {s.dueByMinistry.map((d) => (
                <tr key={d.ministry.id} data-testid="home-due-row" data-code={d.ministry.code}>
                  <th scope="row">
                    <Link to={homeLinks.overdue(d.ministry.code)}>{name(d.ministry)}</Link>
                  </th>
                  <td className={d.overdue > 0 ? 'num home__due--overdue' : 'num'}>{d.overdue.toLocaleString(locale)}</td>
                  <td className="num">{d.dueSoon.toLocaleString(locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      <Card id="home-follow-ups" testId="home-follow-ups" title={t.home.secretariat.followUps} count={s.overdueFollowUps.count} more={homeLinks.followUpsOverdue()}>
        {s.overdueFollowUps.items.length === 0 ? (
          <p className="home__empty">{t.home.secretariat.followUpsEmpty}</p>
        ) : (
          <ul className="home__list">
            {s.overdueFollowUps.items.map((f) => (
              <li key={f.id} className="home__item">
                <Link to={paths.meeting(f.meetingId)}>{f.title}</Link>
                <span className="home__meta">
                  {f.owner && <span className="muted">{name(f.owner)}</span>}
                  {f.dueOn && <span className="home__due home__due--overdue">{formatDay(locale, f.dueOn)}</span>}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card id="home-meeting" testId="home-meeting" title={t.home.secretariat.nextMeeting}>
        {s.nextMeeting ? (
          <p>
            <Link to={paths.meeting(s.nextMeeting.id)}>{name({ nameKo: s.nextMeeting.titleKo, nameEn: s.nextMeeting.titleEn })}</Link>
            <br />
            <span className="muted">
              {formatTimestamp(locale, s.nextMeeting.startsAt)}
              {s.nextMeeting.venue ? ` · ${s.nextMeeting.venue}` : ''}
            </span>
          </p>
        ) : (
          <p className="home__empty">
            {t.home.secretariat.nextMeetingEmpty} <Link to={paths.meetings()}>{t.nav.meetings}</Link>
          </p>
        )}
      </Card>
    </div>
  );
}

function MinistrySection({ home }: { home: HomeDto }) {
  const { t, fmt, name } = useHomeI18n();
  const m = home.ministry!;
  return (
    <Card id="home-ministry" testId="home-ministry" title={fmt(t.home.ministry.title, { ministry: name(m.ministry) })} count={m.asLead + m.asCoMinistry} more={homeLinks.ministry()}>
      <p className="home__chips">
        <span>{fmt(t.home.ministry.asLead, { count: m.asLead })}</span>
        <span>{fmt(t.home.ministry.asCo, { count: m.asCoMinistry })}</span>
        {m.overdue > 0 && <span className="home__due--overdue">{fmt(t.home.ministry.overdue, { count: m.overdue })}</span>}
      </p>
      <IssueItems list={m.items} empty={t.home.ministry.empty} showPart />
    </Card>
  );
}

function OperatorSections({ home }: { home: HomeDto }) {
  const { t, name } = useHomeI18n();
  const me = useMe();
  const o = home.operator!;
  const list = (l: HomeIssueList) => l.items;
  return (
    <div className="home__grid">
      <Card id="home-clusters" testId="home-clusters" title={t.home.operator.clusters}>
        {o.clusters.length === 0 ? (
          <p className="home__empty">{t.home.operator.noClusters}</p>
        ) : (
          <ul className="home__list">
            {o.clusters.map((c) => (
              <li key={c.id} className="home__item">
                <Link to={paths.cluster(c.code)}>{name(c)}</Link> <Link to={homeLinks.cluster(c.code)}>{t.nav.issues}</Link>
              </li>
            ))}
          </ul>
        )}
        {o.byStatus.length > 0 && (
          <ul className="home__chips" aria-label={t.home.operator.byStatus}>
            {o.byStatus.map((s) => (
              <li key={s.status}>
                <span className={`badge badge--${s.status}`}>{t.issueStatuses[s.status]}</span> {s.count}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card id="home-answered" testId="home-answered" title={t.home.operator.answered} count={o.answered.count} more={me.agency ? homeLinks.raisedBy(me.agency.code) : undefined}>
        <IssueItems list={list(o.answered)} empty={t.home.operator.answeredEmpty} />
      </Card>
      <Card id="home-recent" testId="home-recent" title={t.home.operator.recent} count={o.recent.count}>
        <IssueItems list={list(o.recent)} empty={t.home.operator.recentEmpty} />
      </Card>
    </div>
  );
}
