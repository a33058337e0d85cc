import type { FormEvent } from 'react';
import type { AgencyDto } from '../api/client';
import { AGENCY_KINDS, isOneOf } from '../api/enums';
import { ListFooter, countSummary } from '../components/ListFooter';
import { Loading } from '../components/Loading';
import { ProblemView } from '../components/ProblemView';
import { useI18n } from '../i18n';
import { secondaryName } from '../i18n/language';
import { usePagedList } from '../lib/remote';
import { toQuery, textField } from '../lib/query';
import { Link, navigate, paths } from '../lib/router';
import { useDocumentTitle } from '../lib/useDocumentTitle';

const PAGE_SIZE = 50;
/** The API's limit for `q`. */
const MAX_QUERY_LENGTH = 200;

function readFilters(search: URLSearchParams) {
  const kind = search.get('kind');
  return {
    kind: isOneOf(AGENCY_KINDS, kind) ? kind : undefined,
    q: search.get('q')?.trim() || undefined,
  };
}
type Filters = ReturnType<typeof readFilters>;

export function AgenciesPage({ search }: { search: URLSearchParams }) {
  const { t, lang, name, fmt } = useI18n();
  useDocumentTitle(t.agencies.title);
  const filters = readFilters(search);
  const key = toQuery(filters).toString();

  const list = usePagedList<AgencyDto>(key, (clients, cursor) =>
    clients.agencies.listAgencies(
      filters.kind ? [filters.kind] : undefined,
      undefined,
      undefined,
      filters.q,
      undefined,
      PAGE_SIZE,
      cursor,
    ),
  );

  function apply(next: Partial<Filters>) {
    // Each filter change is a history entry, so Back undoes it.
    navigate(paths.agencies(toQuery({ ...filters, ...next })), { keepScroll: true });
  }

  function submitSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    apply({ q: textField(event.currentTarget, 'q') });
  }

  return (
    <div className="page">
      <header className="page__header">
        <h1>{t.agencies.title}</h1>
        <p className="page__intro">{t.agencies.intro}</p>
      </header>

      <form className="filters" role="search" onSubmit={submitSearch} aria-label={t.agencies.filters.legend}>
        <div className="field">
          <label htmlFor="f-kind">{t.agencies.filters.kind}</label>
          <select
            id="f-kind"
            data-testid="agency-kind-filter"
            value={filters.kind ?? ''}
            onChange={(e) => apply({ kind: isOneOf(AGENCY_KINDS, e.target.value) ? e.target.value : undefined })}
          >
            <option value="">{t.common.all}</option>
            {AGENCY_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t.agencyKinds[kind]}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--grow">
          <label htmlFor="f-q">{t.agencies.filters.q}</label>
          <div className="search-box">
            <input
              id="f-q"
              name="q"
              type="search"
              key={filters.q ?? ''}
              defaultValue={filters.q ?? ''}
              placeholder={t.agencies.filters.qPlaceholder}
              autoComplete="off"
              maxLength={MAX_QUERY_LENGTH}
            />
            <button type="submit" className="button button--primary">
              {t.common.search}
            </button>
          </div>
        </div>
        {key && (
          <button
            type="button"
            className="button button--link filters__reset"
            onClick={() => navigate(paths.agencies(), { keepScroll: true })}
          >
            {t.agencies.filters.reset}
          </button>
        )}
      </form>

      {list.first.state === 'loading' && <Loading />}
      {list.first.state === 'problem' && <ProblemView problem={list.first.problem} onRetry={list.retry} />}
      {list.first.state === 'ok' && (
        <section className="card" aria-labelledby="agencies-caption">
          <div className="table-wrap">
            <table className="table table--stack">
              <caption id="agencies-caption" className="visually-hidden">
                {t.agencies.caption}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t.agencies.columns.name}</th>
                  <th scope="col">{t.agencies.columns.kind}</th>
                  <th scope="col">{t.agencies.columns.sector}</th>
                  <th scope="col">{t.agencies.columns.operatedClusters}</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((agency) => {
                  const other = secondaryName(lang, agency);
                  // REVIEW: the contract declares sector non-nullable, but the API sends null for
                  // agencies that are not innovation actors; read it as optional until the spec is fixed.
                  const sector = agency.sector as AgencyDto['sector'] | null;
                  return (
                    <tr key={agency.id} data-testid="agency-row">
                      <td>
                        <Link to={paths.agency(agency.code)} className="row-title">
                          {name(agency)}
                        </Link>
                        {other && <div className="row-sub">{other}</div>}
                      </td>
                      <td data-label={t.agencies.columns.kind}>{t.agencyKinds[agency.kind] ?? agency.kind}</td>
                      <td data-label={t.agencies.columns.sector}>
                        {sector ? (t.sectors[sector] ?? sector) : <span className="muted">{t.common.none}</span>}
                      </td>
                      <td data-label={t.agencies.columns.operatedClusters}>
                        {agency.operatedClusters.length > 0 ? (
                          <ul className="inline-list">
                            {agency.operatedClusters.map((cluster) => (
                              <li key={cluster.id}>
                                <Link to={paths.cluster(cluster.code)}>{name(cluster)}</Link>
                              </li>
                            ))}
                          </ul>
                        ) : (
                          <span className="muted">{t.common.none}</span>
                        )}
                      </td>
                    </tr>
                  );
                })}
                {list.items.length === 0 && (
                  <tr>
                    <td colSpan={4} className="table__empty">
                      {t.agencies.empty}
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
