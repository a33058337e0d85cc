import { Link, useSearchParams } from 'react-router';
import { ExportLinks } from '../../ui/ExportLinks';
import { formatDay, formatTimestamp } from '../../lib/format';
import { useGo } from '../../lib/navigation';
import { paths } from '../../lib/paths';
import { can } from '../../lib/permissions';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { DataTable, useOpenRow } from '../../ui/DataTable';
import { FilterBar, FilterField } from '../../ui/FilterBar';
import { useMe } from '../auth/session';
import { useClusterChoices, useMinistryChoices } from '../issues/IssueChoices';
import { useRecommendationList } from './api';
import { RecommendationStateBadge } from './RecommendationBadges';
import { useRecommendationsI18n } from './i18n';
import { readRecommendationFilters, RECOMMENDATION_STATES, recommendationQuery, type RecommendationFilters } from './recommendations';

/** The recommendations, newest first, filtered by state, ministry (lead or other) and cluster; the address keeps the filters. */
export function RecommendationsPage() {
  const { t, fmt, name, locale } = useRecommendationsI18n();
  useDocumentTitle(t.recommendations.title);
  const me = useMe();
  const [search] = useSearchParams();
  const navigate = useGo();
  const filters = readRecommendationFilters(search);
  const go = (next: Partial<RecommendationFilters>) => navigate(paths.recommendations(recommendationQuery({ ...filters, ...next })), { keepScroll: true });
  const list = useRecommendationList(filters);
  const ministries = useMinistryChoices();
  const clusters = useClusterChoices();
  const openRow = useOpenRow();
  const c = t.recommendations.columns;

  return (
    <div className="page page--wide">
      <header className="page__header">
        <h1>{t.recommendations.title}</h1>
        <p className="page__intro">{t.recommendations.intro}</p>
        <div className="page__actions">
          {can(me, 'recommendations:raise') && (
            <Link className="button button--primary" to={paths.recommendationNew()} data-testid="raise-recommendation">
              {t.recommendations.raise}
            </Link>
          )}
          <ExportLinks
            path="/api/v1/policy-recommendations/export"
            query={recommendationQuery({ ...filters, state: filters.state })}
            hint={t.recommendations.exportHint}
            testId="recommendations-export"
          />
        </div>
      </header>
      <FilterBar
        label={t.recommendations.filters.legend}
        onSubmit={(e) => e.preventDefault()}
        testId="recommendation-filters"
        resetLabel={t.recommendations.filters.reset}
        onReset={recommendationQuery(filters).toString() ? () => navigate(paths.recommendations(), { keepScroll: true }) : undefined}
      >
        <FilterField id="r-state" label={t.recommendations.filters.state}>
          <select
            id="r-state"
            value={filters.state ?? ''}
            onChange={(e) => go({ state: RECOMMENDATION_STATES.find((s) => s === e.target.value) })}
            data-testid="state-filter"
          >
            <option value="">{t.recommendations.filters.anyState}</option>
            {RECOMMENDATION_STATES.map((s) => (
              <option key={s} value={s}>
                {t.recommendationStates[s]}
              </option>
            ))}
          </select>
        </FilterField>
        <FilterField id="r-ministry" label={t.recommendations.filters.ministry}>
          <select id="r-ministry" value={filters.ministryCode ?? ''} onChange={(e) => go({ ministryCode: e.target.value || undefined })} data-testid="ministry-filter">
            <option value="">{t.recommendations.filters.anyMinistry}</option>
            {(ministries.data ?? []).map((m) => (
              <option key={m.code} value={m.code}>
                {m.label}
              </option>
            ))}
          </select>
        </FilterField>
        <FilterField id="r-cluster" label={t.recommendations.filters.cluster}>
          <select id="r-cluster" value={filters.clusterCode ?? ''} onChange={(e) => go({ clusterCode: e.target.value || undefined })} data-testid="cluster-filter">
            <option value="">{t.recommendations.filters.anyCluster}</option>
            {(clusters.data ?? []).map((cl) => (
              <option key={cl.code} value={cl.code}>
                {cl.label}
              </option>
            ))}
          </select>
        </FilterField>
        <label className="field field--check">
          <input type="checkbox" checked={filters.overdue} onChange={(e) => go({ overdue: e.target.checked })} data-testid="overdue-filter" />
          {t.recommendations.filters.overdueOnly}
        </label>
      </FilterBar>
      <DataTable
        list={list}
        name="recommendations"
        caption={t.recommendations.caption}
        className="table"
        columns={[c.theme, c.raisedBy, c.ministry, c.state, c.due, c.created]}
        empty={t.recommendations.empty}
        row={(r) => (
          <tr key={r.id} className="table__row--link" onClick={(e) => openRow(e, paths.recommendation(r.id))} data-testid="recommendation-row" data-id={r.id}>
            <td>
              <Link to={paths.recommendation(r.id)} className="row-title">
                {name({ nameKo: r.themeKo, nameEn: r.themeEn })}
              </Link>
            </td>
            <td>{name(r.raisedBy)}</td>
            <td>{name(r.leadMinistry)}</td>
            <td>
              <RecommendationStateBadge state={r.state} />
            </td>
            <td>
              {r.responseDueAt ? formatTimestamp(locale, r.responseDueAt) : r.reviewOn ? formatDay(locale, r.reviewOn) : t.recommendation.none}
              {r.overdue && (
                <span className="deadline deadline--late" data-testid="days-late">
                  {fmt(t.recommendations.daysLate, { days: r.daysLate ?? 1 })}
                </span>
              )}
            </td>
            <td>{formatTimestamp(locale, r.createdAt)}</td>
          </tr>
        )}
      />
    </div>
  );
}
