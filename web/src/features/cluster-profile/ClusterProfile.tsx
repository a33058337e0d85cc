// The cluster page's profile sections (issue 20 item 5, ADR 0026): the cluster's figures over the years, a comparison
// with the other clusters, and the timeline of what the council did for it. The charts are a lazy chunk (Chart.js).
import { lazy, Suspense, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { ClusterDto, IndicatorKind, TimelineEntryDto } from '../../api/client';
import { formatDay, formatTimestamp } from '../../lib/format';
import { paths } from '../../lib/paths';
import { Loading } from '../../ui/Loading';
import { ProblemView } from '../../ui/ProblemView';
import { useClusterFigures, useClusterTimeline, useComparison } from './api';
import { useProfileI18n } from './i18n';
import { INDICATORS, isIndicator, timelineLink } from './profile';
import './profile.css';

const TrendCharts = lazy(() => import('./ProfileCharts').then((m) => ({ default: m.TrendCharts })));
const ComparisonChart = lazy(() => import('./ProfileCharts').then((m) => ({ default: m.ComparisonChart })));

export function ClusterProfile({ cluster }: { cluster: ClusterDto }) {
  return (
    <>
      <ClusterTrends cluster={cluster} />
      <ClusterComparison cluster={cluster} />
      <ClusterTimeline cluster={cluster} />
    </>
  );
}

function ClusterTrends({ cluster }: { cluster: ClusterDto }) {
  const { t } = useProfileI18n();
  const figures = useClusterFigures(cluster.code);
  return (
    <section className="card" aria-labelledby="cluster-trends-title" data-testid="cluster-trends">
      <h2 id="cluster-trends-title" className="card__title">
        {t.profile.trendsTitle}
      </h2>
      <div className="card__body">
        {figures.isPending && <Loading />}
        {figures.error && <ProblemView problem={figures.error} onRetry={() => void figures.refetch()} />}
        {figures.data && (
          <Suspense fallback={<Loading />}>
            <TrendCharts records={figures.data.items} />
          </Suspense>
        )}
      </div>
    </section>
  );
}

function ClusterComparison({ cluster }: { cluster: ClusterDto }) {
  const { t, name } = useProfileI18n();
  const [indicator, setIndicator] = useState<IndicatorKind>('companies');
  const [unchosen, setUnchosen] = useState<ReadonlySet<string>>(new Set());
  const comparison = useComparison(indicator);
  const series = comparison.data?.series ?? [];
  const chosen = useMemo(() => new Set(series.map((s) => s.cluster.code).filter((c) => !unchosen.has(c))), [series, unchosen]);
  const toggle = (code: string) =>
    setUnchosen((old) => {
      const next = new Set(old);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });
  return (
    <section className="card" aria-labelledby="cluster-comparison-title" data-testid="cluster-comparison">
      <h2 id="cluster-comparison-title" className="card__title">
        {t.profile.comparisonTitle}
      </h2>
      <div className="card__body">
        <div className="profile-controls">
          <label className="field">
            <span className="field__label">{t.profile.indicator}</span>
            <select
              value={indicator}
              data-testid="comparison-indicator"
              onChange={(e) => isIndicator(e.target.value) && setIndicator(e.target.value)}
            >
              {INDICATORS.map((i) => (
                <option key={i} value={i}>
                  {t.indicators[i]}
                </option>
              ))}
            </select>
          </label>
          {series.length > 0 && (
            <fieldset className="profile-clusters">
              <legend>{t.profile.clusters}</legend>
              {series.map((s) => (
                <label key={s.cluster.code} className="profile-clusters__item">
                  <input type="checkbox" checked={chosen.has(s.cluster.code)} onChange={() => toggle(s.cluster.code)} />{' '}
                  {name(s.cluster)}
                </label>
              ))}
              {unchosen.size > 0 && (
                <button type="button" className="button button--small" onClick={() => setUnchosen(new Set())}>
                  {t.profile.allClusters}
                </button>
              )}
            </fieldset>
          )}
        </div>
        {comparison.isPending && <Loading />}
        {comparison.error && <ProblemView problem={comparison.error} onRetry={() => void comparison.refetch()} />}
        {comparison.data && (
          <Suspense fallback={<Loading />}>
            <ComparisonChart comparison={comparison.data} indicator={indicator} chosen={chosen} current={cluster.code} />
          </Suspense>
        )}
        <p>
          <Link to={paths.clustersMap(new URLSearchParams({ indicator }))} data-testid="cluster-map-link">
            {t.profile.mapLink}
          </Link>
        </p>
      </div>
    </section>
  );
}

function ClusterTimeline({ cluster }: { cluster: ClusterDto }) {
  const { t, fmt } = useProfileI18n();
  const timeline = useClusterTimeline(cluster.id);
  return (
    <section className="card" aria-labelledby="cluster-timeline-title" data-testid="cluster-timeline">
      <h2 id="cluster-timeline-title" className="card__title">
        {t.profile.timelineTitle}
      </h2>
      <div className="card__body">
        <p className="muted">{t.profile.timelineIntro}</p>
        {timeline.status === 'pending' && <Loading />}
        {timeline.problem && <ProblemView problem={timeline.problem} onRetry={timeline.retry} />}
        {timeline.status === 'success' && timeline.items.length === 0 && <p className="muted">{t.profile.timelineNone}</p>}
        {timeline.items.length > 0 && (
          <ol className="timeline" data-testid="timeline">
            {timeline.items.map((entry) => (
              <TimelineEntry key={`${entry.kind}-${entry.id}-${entry.anchorId ?? ''}`} entry={entry} clusterCode={cluster.code} />
            ))}
          </ol>
        )}
        {timeline.items.length > 0 && (
          <p className="muted">{fmt(t.profile.shown, { shown: timeline.items.length, count: timeline.totalCount })}</p>
        )}
        {timeline.moreProblem && <ProblemView problem={timeline.moreProblem} onRetry={timeline.loadMore} />}
        {timeline.hasMore && (
          <button type="button" className="button" onClick={timeline.loadMore} disabled={timeline.loadingMore} data-testid="timeline-more">
            {t.profile.more}
          </button>
        )}
      </div>
    </section>
  );
}

function TimelineEntry({ entry, clusterCode }: { entry: TimelineEntryDto; clusterCode: string }) {
  const { t, locale, lang } = useProfileI18n();
  const title = lang === 'en' ? entry.titleEn?.trim() || entry.titleKo : entry.titleKo;
  return (
    <li className={`timeline__entry timeline__entry--${entry.kind}`} data-testid="timeline-entry" data-kind={entry.kind}>
      <time className="timeline__when" dateTime={entry.at ?? entry.on}>
        {entry.at ? formatTimestamp(locale, entry.at) : formatDay(locale, entry.on)}
      </time>
      <span className="timeline__kind">{t.timelineKinds[entry.kind]}</span>
      <Link to={timelineLink(entry, clusterCode)} className="timeline__title">
        {title}
      </Link>
      {entry.state && <span className="badge timeline__state">{t.timelineStates[entry.state] ?? entry.state}</span>}
    </li>
  );
}
