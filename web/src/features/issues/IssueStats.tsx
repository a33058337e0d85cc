import { ISSUE_STATUSES } from '../../api/enums';
import { useI18n } from '../../i18n';
import { formatNumber, formatPercent } from '../../lib/format';
import { useIssueStats } from './api';
import { Link } from 'react-router';
import { paths } from '../../lib/paths';
import { IssueStatusBadge } from './IssueBadges';
import { ProblemView } from '../../ui/ProblemView';
import './issues.css';

/** The pipeline at a glance (GET …/stats): over every issue, whatever the list's filters. */
export function IssueStats() {
  const { t, fmt, locale } = useI18n();
  const stats = useIssueStats();

  if (stats.isPending) return <section className="card stats stats--loading" aria-busy="true" />;
  if (stats.isError && !stats.data) return <ProblemView problem={stats.error} onRetry={() => void stats.refetch()} />;
  const s = stats.data;
  const counts = new Map(s.byStatus.map((c) => [c.status, c.count]));
  const days = (value: number | null) => (value == null ? t.common.none : fmt(t.issueStats.days, { days: formatNumber(locale, value, 1) }));

  return (
    <section className="card stats" aria-labelledby="issue-stats-title" data-testid="issue-stats">
      <h2 id="issue-stats-title" className="visually-hidden">
        {t.issueStats.title}
      </h2>
      <dl className="stats__figures">
        <div className="stats__figure">
          <dt>{t.issueStats.total}</dt>
          <dd data-testid="stats-total">{formatNumber(locale, s.total)}</dd>
        </div>
        <div className={s.overdue > 0 ? 'stats__figure stats__figure--late' : 'stats__figure'}>
          <dt>{t.issueStats.overdue}</dt>
          <dd>
            {s.overdue > 0 ? (
              <Link to={paths.issues(new URLSearchParams({ overdue: 'true' }))} data-testid="stats-overdue">
                {formatNumber(locale, s.overdue)}
              </Link>
            ) : (
              <span data-testid="stats-overdue">0</span>
            )}
          </dd>
        </div>
        <div className="stats__figure">
          <dt title={t.issueStats.acceptanceHint}>{t.issueStats.acceptanceRate}</dt>
          <dd>{s.acceptanceRate == null ? t.common.none : formatPercent(locale, s.acceptanceRate)}</dd>
        </div>
        <div className="stats__figure">
          <dt>{t.issueStats.medianDays}</dt>
          <dd>{days(s.medianDaysToAnswer)}</dd>
        </div>
        <div className="stats__figure">
          <dt>{t.issueStats.completedThisYear}</dt>
          <dd>{formatNumber(locale, s.completedThisYear)}</dd>
        </div>
      </dl>
      <ul className="stats__statuses" aria-label={t.issueStats.byStatus}>
        {ISSUE_STATUSES.filter((status) => counts.has(status)).map((status) => (
          <li key={status}>
            <Link to={paths.issues(new URLSearchParams({ status }))} className="stats__status">
              <IssueStatusBadge status={status} /> <strong>{formatNumber(locale, counts.get(status) ?? 0)}</strong>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
