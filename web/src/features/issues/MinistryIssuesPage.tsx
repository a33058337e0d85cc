import { useSearchParams } from 'react-router';
import { SavedViews } from '../saved-views/SavedViews';
import { viewQuery } from '../saved-views/savedViews';
import { useIssueDeadlinesI18n } from './i18n/deadlines';
import type { IssueStatus, MinistryRole } from '../../api/client';
import { DeadlineBadge, IssueStatusBadge, PriorityBadge } from './IssueBadges';
import { useMinistryChoices, withCurrent } from './IssueChoices';
import { CardList, ColumnHeads, PagedListFooter } from '../../ui/DataTable';
import { SelectFilter } from '../../ui/FilterBar';
import { Loading } from '../../ui/Loading';
import { ProblemView } from '../../ui/ProblemView';
import { useI18n } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { OWES_ANSWER, OWES_IMPROVEMENT, readIssueList, type IssueFilters } from './issues';
import { answersForMinistry } from '../../lib/permissions';
import { Link } from 'react-router';
import { paths } from '../../lib/paths';
import { useGo } from '../../lib/navigation';
import { useMe } from '../auth/session';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { IssueTitle } from './IssuesPage';
import { useIssueList, useIssueStats, useOverdueCount } from './api';
import './issues.css';

const CODE = /^[a-z0-9][a-z0-9_-]{0,49}$/i;

/**
 * "What my ministry owes and by when": the issues a ministry leads that wait for its answer or its
 * improvement, nearest deadline first (so the overdue ones lead). A ministry reviewer sees their own
 * ministry; anyone else picks one.
 */
export function MinistryIssuesPage() {
  const { t } = useIssueDeadlinesI18n();
  const [search] = useSearchParams();
  const navigate = useGo();
  useDocumentTitle(t.ministryView.title);
  const me = useMe();
  const ministries = useMinistryChoices();
  const own = answersForMinistry(me) ? me.agency?.code : undefined;
  const chosen = search.get('ministry')?.trim();
  const ministry = own ?? (chosen && CODE.test(chosen) ? chosen : undefined);
  const options = withCurrent(ministries.data ?? [], ministry);
  const ministryName = options.find((m) => m.code === ministry)?.label ?? ministry;
  const roleParam = search.get('role');
  const role: MinistryRole | undefined = roleParam === 'lead' || roleParam === 'co_ministry' ? roleParam : undefined;
  const address = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(search);
    for (const [key, value] of Object.entries(changes)) if (value) next.set(key, value); else next.delete(key);
    return paths.issuesMinistry(next.toString() ? next : undefined);
  };

  return (
    <div className="page page--wide">
      <header className="page__header page__header--actions">
        <div>
          <h1>
            {t.ministryView.title}
            {own && ministryName && <span className="page__title-sub"> · {ministryName}</span>}
          </h1>
          <p className="page__intro">{t.ministryView.intro}</p>
        </div>
        <div className="page__actions">
          <Link to={paths.issues()} className="button">
            {t.ministryView.allIssues}
          </Link>
          {me?.actorType === 'user' && (
            <SavedViews
              page="ministry_issues"
              query={viewQuery(search)}
              onOpen={(query) => navigate(paths.issuesMinistry(query ? new URLSearchParams(query) : undefined))}
            />
          )}
        </div>
      </header>

      <div className="filters">
        {!own && (
          <SelectFilter
            id="m-ministry"
            label={t.ministryView.ministry}
            value={ministry}
            choices={options}
            all={t.ministryView.choose}
            onChange={(value) => navigate(address({ ministry: value }), { keepScroll: true })}
            testId="ministry-select"
          />
        )}
        {ministry && (
          <SelectFilter
            id="m-role"
            label={t.issueFields.ministryRole}
            value={role}
            choices={(['lead', 'co_ministry'] as const).map((r) => ({ code: r, label: t.ministryRoles[r] }))}
            all={t.ministryRoles.all}
            onChange={(value) => navigate(address({ role: value }), { keepScroll: true })}
            testId="role-select"
          />
        )}
      </div>

      {ministry ? (
        <div className="owed" data-testid="ministry-owes" data-ministry={ministry}>
          <OwedList ministry={ministry} role={role} statuses={OWES_ANSWER} title={t.ministryView.owesAnswer} testId="owes-answer" />
          <OwedList ministry={ministry} role={role} statuses={OWES_IMPROVEMENT} title={t.ministryView.owesImprovement} testId="owes-improvement" />
        </div>
      ) : (
        <MinistryOverview />
      )}
    </div>
  );
}

function OwedList({ ministry, role, statuses, title, testId }: { ministry: string; role?: MinistryRole; statuses: readonly IssueStatus[]; title: string; testId: string }) {
  const { t, fmt, name, locale } = useIssueDeadlinesI18n();
  // The ministry's queue: what it leads and what it cooperates on (협조 부처), each row with its role.
  const filters: IssueFilters = { ...readIssueList(new URLSearchParams()).filters, status: [...statuses], ministryCode: ministry, ministryRole: role };
  const list = useIssueList(filters, 'dueAt');
  const late = useOverdueCount(filters).data ?? 0;
  const headingId = `${testId}-title`;

  return (
    <section className="card" aria-labelledby={headingId} data-testid={testId}>
      <h2 id={headingId} className="card__title owed__title">
        {title}
        {list.status === 'success' && (
          <span className="owed__counts">
            <span className="owed__count" data-testid="owed-count">
              {fmt(t.ministryView.count, { count: formatNumber(locale, list.totalCount) })}
            </span>
            {late > 0 && (
              <span className="deadline deadline--late" data-testid="owed-overdue">
                {fmt(t.ministryView.overdueCount, { count: formatNumber(locale, late) })}
              </span>
            )}
          </span>
        )}
      </h2>
      <CardList list={list}>
        {list.items.length === 0 ? (
          <p className="card__body muted">{t.ministryView.nothing}</p>
        ) : (
          <>
            <div className="table-wrap">
              <table className="table table--stack issues-table">
                <ColumnHeads
                  columns={[t.issues.columns.due, t.issues.columns.title, t.issueFields.ministryRole, t.issues.columns.status, t.issues.columns.raisedBy, t.issues.columns.priority]}
                />
                <tbody>
                  {list.items.map((issue) => (
                    <tr key={issue.id} className={issue.overdue ? 'row--late' : undefined} data-testid="owed-row" data-id={issue.id} data-overdue={issue.overdue}>
                      <td>
                        <DeadlineBadge issue={issue} long />
                      </td>
                      <td data-label={t.issues.columns.title}>
                        <IssueTitle issue={issue} />
                        <div className="row-sub">{issue.clusters.map((c) => name(c)).join(', ')}</div>
                      </td>
                      <td data-label={t.issueFields.ministryRole} data-testid="owed-role" data-role={issue.ministryRole ?? undefined}>
                        {issue.ministryRole ? t.ministryRoles[issue.ministryRole] : ''}
                        {(issue.deadlineExtensions ?? 0) > 0 && (
                          <div className="row-sub">{fmt(t.deadlines.extensions, { count: issue.deadlineExtensions ?? 0 })}</div>
                        )}
                      </td>
                      <td data-label={t.issues.columns.status}>
                        <IssueStatusBadge status={issue.status} />
                      </td>
                      <td data-label={t.issues.columns.raisedBy}>{name(issue.raisedBy)}</td>
                      <td data-label={t.issues.columns.priority}>
                        <PriorityBadge priority={issue.priority} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <PagedListFooter list={list} />
          </>
        )}
      </CardList>
    </section>
  );
}

/** Before a ministry is chosen: every ministry's waiting and overdue issues, from the statistics. */
function MinistryOverview() {
  const { t, name, locale } = useI18n();
  const stats = useIssueStats();
  if (stats.isPending) return <Loading />;
  if (stats.isError && !stats.data) return <ProblemView problem={stats.error} onRetry={() => void stats.refetch()} />;

  const owed = new Set<IssueStatus>([...OWES_ANSWER, ...OWES_IMPROVEMENT]);
  const rows = new Map<string, { ministry: { code: string; nameKo: string; nameEn: string | null }; open: number; overdue: number }>();
  const row = (ministry: { code: string; nameKo: string; nameEn: string | null }) => {
    let found = rows.get(ministry.code);
    if (!found) rows.set(ministry.code, (found = { ministry, open: 0, overdue: 0 }));
    return found;
  };
  for (const entry of stats.data.byMinistryAndStatus) if (owed.has(entry.status)) row(entry.ministry).open += entry.count;
  for (const entry of stats.data.overdueByMinistry) row(entry.ministry).overdue += entry.overdue;
  const sorted = [...rows.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open);

  return (
    <section className="card" aria-labelledby="overview-title" data-testid="ministry-overview">
      <h2 id="overview-title" className="card__title">
        {t.ministryView.overview}
      </h2>
      <p className="card__body muted">{t.ministryView.pick}</p>
      {sorted.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t.ministryView.overviewCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.ministryView.ministry}</th>
                <th scope="col">{t.ministryView.open}</th>
                <th scope="col">{t.issueStats.overdue}</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map(({ ministry, open, overdue }) => (
                <tr key={ministry.code} className={overdue > 0 ? 'row--late' : undefined}>
                  <td>
                    <Link to={paths.issuesMinistry(new URLSearchParams({ ministry: ministry.code }))}>{name(ministry)}</Link>
                  </td>
                  <td>{formatNumber(locale, open)}</td>
                  <td>{overdue > 0 ? <strong className="late-text">{formatNumber(locale, overdue)}</strong> : '0'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
