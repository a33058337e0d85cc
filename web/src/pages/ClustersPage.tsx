import type { FormEvent, MouseEvent } from 'react';
import type { ClusterDto } from '../api/client';
import { CLUSTER_STATUSES, REGIONS, isOneOf } from '../api/enums';
import { ListFooter, countSummary } from '../components/ListFooter';
import { Loading } from '../components/Loading';
import { ProblemView } from '../components/ProblemView';
import { ClusterStatusBadge } from '../components/StatusBadge';
import { useI18n } from '../i18n';
import { secondaryName } from '../i18n/language';
import { usePagedList, useRemote } from '../lib/remote';
import { toQuery, textField } from '../lib/query';
import { Link, navigate, paths } from '../lib/router';
import { useDocumentTitle } from '../lib/useDocumentTitle';

const PAGE_SIZE = 50;
/** The API's limit for `q`. */
const MAX_QUERY_LENGTH = 200;

/** The filters live in the query string, so a filtered list can be bookmarked and shared. */
function readFilters(search: URLSearchParams) {
  const region = search.get('region');
  const status = search.get('status');
  return {
    region: isOneOf(REGIONS, region) ? region : undefined,
    operatorCode: search.get('operatorCode')?.trim() || undefined,
    status: isOneOf(CLUSTER_STATUSES, status) ? status : undefined,
    q: search.get('q')?.trim() || undefined,
  };
}
type Filters = ReturnType<typeof readFilters>;

export function ClustersPage({ search }: { search: URLSearchParams }) {
  const { t, lang, locale, name, fmt } = useI18n();
  useDocumentTitle(t.clusters.title);
  const filters = readFilters(search);
  const key = toQuery(filters).toString();

  const list = usePagedList<ClusterDto>(key, (clients, cursor) =>
    clients.clusters.listClusters(
      filters.region ? [filters.region] : undefined,
      filters.operatorCode,
      filters.status ? [filters.status] : undefined,
      filters.q,
      undefined,
      PAGE_SIZE,
      cursor,
    ),
  );

  const [operators] = useRemote('cluster-operators', (clients) =>
    clients.agencies.listAgencies(['cluster_operator'], undefined, undefined, undefined, undefined, 200),
  );
  const operatorOptions = (operators.state === 'ok' ? operators.value.items : [])
    .map((agency) => ({ code: agency.code, label: name(agency) }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  if (filters.operatorCode && !operatorOptions.some((o) => o.code === filters.operatorCode)) {
    operatorOptions.push({ code: filters.operatorCode, label: filters.operatorCode });
  }

  function apply(next: Partial<Filters>) {
    // Each filter change is a history entry, so Back undoes it.
    navigate(paths.clusters(toQuery({ ...filters, ...next })), { keepScroll: true });
  }

  function submitSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    apply({ q: textField(event.currentTarget, 'q') });
  }

  function openRow(event: MouseEvent<HTMLTableRowElement>, code: string) {
    // Links inside the row do their own thing; selecting text is not a click.
    if ((event.target as HTMLElement).closest('a, button')) return;
    if (window.getSelection()?.toString()) return;
    navigate(paths.cluster(code));
  }

  const hasFilters = key.length > 0;

  return (
    <div className="page">
      <header className="page__header">
        <h1>{t.clusters.title}</h1>
        <p className="page__intro">{t.clusters.intro}</p>
      </header>

      <form className="filters" role="search" onSubmit={submitSearch} aria-label={t.clusters.filters.legend}>
        <div className="field">
          <label htmlFor="f-region">{t.clusters.filters.region}</label>
          <select
            id="f-region"
            value={filters.region ?? ''}
            onChange={(e) => apply({ region: isOneOf(REGIONS, e.target.value) ? e.target.value : undefined })}
          >
            <option value="">{t.common.all}</option>
            {REGIONS.map((region) => (
              <option key={region} value={region}>
                {t.regions[region]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-operator">{t.clusters.filters.operator}</label>
          <select
            id="f-operator"
            value={filters.operatorCode ?? ''}
            onChange={(e) => apply({ operatorCode: e.target.value || undefined })}
          >
            <option value="">{t.common.all}</option>
            {operatorOptions.map((option) => (
              <option key={option.code} value={option.code}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-status">{t.clusters.filters.status}</label>
          <select
            id="f-status"
            value={filters.status ?? ''}
            onChange={(e) =>
              apply({ status: isOneOf(CLUSTER_STATUSES, e.target.value) ? e.target.value : undefined })
            }
          >
            <option value="">{t.clusters.filters.statusDefault}</option>
            {CLUSTER_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t.clusterStatuses[status]}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--grow">
          <label htmlFor="f-q">{t.clusters.filters.q}</label>
          <div className="search-box">
            <input
              id="f-q"
              name="q"
              type="search"
              key={filters.q ?? ''}
              defaultValue={filters.q ?? ''}
              placeholder={t.clusters.filters.qPlaceholder}
              autoComplete="off"
              maxLength={MAX_QUERY_LENGTH}
            />
            <button type="submit" className="button button--primary">
              {t.common.search}
            </button>
          </div>
        </div>
        {hasFilters && (
          <button type="button" className="button button--link filters__reset" onClick={() => navigate(paths.clusters(), { keepScroll: true })}>
            {t.clusters.filters.reset}
          </button>
        )}
      </form>

      {list.first.state === 'loading' && <Loading />}
      {list.first.state === 'problem' && <ProblemView problem={list.first.problem} onRetry={list.retry} />}
      {list.first.state === 'ok' && (
        <section className="card" aria-labelledby="clusters-caption">
          <div className="table-wrap">
            <table className="table table--clickable table--stack">
              <caption id="clusters-caption" className="visually-hidden">
                {t.clusters.caption}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t.clusters.columns.name}</th>
                  <th scope="col">{t.clusters.columns.region}</th>
                  <th scope="col">{t.clusters.columns.operator}</th>
                  <th scope="col">{t.clusters.columns.designation}</th>
                  <th scope="col">{t.clusters.columns.status}</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((cluster) => {
                  const other = secondaryName(lang, cluster);
                  return (
                    <tr key={cluster.id} data-testid="cluster-row" onClick={(e) => openRow(e, cluster.code)}>
                      <td>
                        <Link to={paths.cluster(cluster.code)} className="row-title">
                          {name(cluster)}
                        </Link>
                        {other && <div className="row-sub">{other}</div>}
                      </td>
                      <td data-label={t.clusters.columns.region}>{t.regions[cluster.region] ?? cluster.region}</td>
                      <td data-label={t.clusters.columns.operator}>
                        <Link to={paths.agency(cluster.operator.code)}>{name(cluster.operator)}</Link>
                      </td>
                      <td data-label={t.clusters.columns.designation}>
                        {cluster.designation || <span className="muted">{t.common.none}</span>}
                      </td>
                      <td data-label={t.clusters.columns.status}>
                        <ClusterStatusBadge status={cluster.status} />
                      </td>
                    </tr>
                  );
                })}
                {list.items.length === 0 && (
                  <tr>
                    <td colSpan={5} className="table__empty">
                      {t.clusters.empty}
                    </td>
                  </tr>
                )}
              </tbody>
            </table>
          </div>
          <ListFooter
            hasMore={list.hasMore}
            loadingMore={list.loadingMore}
            problem={list.moreProblem}
            onLoadMore={list.loadMore}
            summary={countSummary(t, fmt, list.items.length, list.totalCount)}
          />
        </section>
      )}
    </div>
  );
}
