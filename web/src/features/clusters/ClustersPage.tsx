import { api } from '../../api/api';
import { CLUSTER_STATUSES, REGIONS, isOneOf } from '../../api/enums';
import { DataTable, useOpenRow } from '../../ui/DataTable';
import { FilterBar, SearchField, SelectFilter } from '../../ui/FilterBar';
import { ClusterStatusBadge } from '../../ui/StatusBadge';
import { useI18n } from '../../i18n';
import { secondaryName } from '../../i18n/language';
import { clusterExportUrl } from '../../lib/exports';
import { filterNavigation, toQuery } from '../../lib/query';
import { Link, useSearchParams } from 'react-router';
import { paths } from '../../lib/paths';
import { useGo } from '../../lib/navigation';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useClusterOperators } from '../agencies/api';
import { useMe } from '../auth/session';
import { can } from '../../lib/permissions';
import { useClusterList, type ClusterFilters } from './api';

/** The filters live in the query string, so a filtered list can be bookmarked and shared. */
export function readFilters(search: URLSearchParams): ClusterFilters {
  const region = search.get('region');
  const status = search.get('status');
  return {
    region: isOneOf(REGIONS, region) ? region : undefined,
    operatorCode: search.get('operatorCode')?.trim() || undefined,
    status: isOneOf(CLUSTER_STATUSES, status) ? status : undefined,
    q: search.get('q')?.trim() || undefined,
  };
}

export function ClustersPage() {
  const { t, lang, locale, name } = useI18n();
  const me = useMe();
  useDocumentTitle(t.clusters.title);
  const [search] = useSearchParams();
  const go = useGo();
  const openRow = useOpenRow();
  const filters = readFilters(search);
  const key = toQuery(filters).toString();

  const list = useClusterList(filters);
  const operators = useClusterOperators();
  const operatorOptions = (operators.data?.items ?? [])
    .map((agency) => ({ code: agency.code, label: name(agency) }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));

  const { apply, submitSearch, reset } = filterNavigation(filters, paths.clusters, go);

  return (
    <div className="page">
      <header className="page__header page__header--actions">
        <div>
          <h1>{t.clusters.title}</h1>
          <p className="page__intro">{t.clusters.intro}</p>
        </div>
        <div className="page__actions">
          {can(me, 'registry:write') && (
            <Link to={paths.clusterNew()} className="button button--primary" data-testid="cluster-new">
              {t.clusters.newCluster}
            </Link>
          )}
          <Link to={paths.clustersMap()} className="button" data-testid="clusters-map-link">
            {t.clusters.map}
          </Link>
          <a className="button" href={clusterExportUrl(api.baseUrl, filters, 'csv', lang)} download title={t.clusters.exportHint} data-testid="clusters-export-csv">
            {t.clusters.exportCsv}
          </a>
          <a className="button" href={clusterExportUrl(api.baseUrl, filters, 'xlsx', lang)} download title={t.clusters.exportHint} data-testid="clusters-export-xlsx">
            {t.clusters.exportXlsx}
          </a>
        </div>
      </header>

      <FilterBar label={t.clusters.filters.legend} onSubmit={submitSearch} resetLabel={t.clusters.filters.reset} onReset={key ? reset : undefined}>
        <SelectFilter
          id="f-region"
          label={t.clusters.filters.region}
          value={filters.region}
          choices={REGIONS.map((region) => ({ code: region, label: t.regions[region] }))}
          onChange={(value) => apply({ region: isOneOf(REGIONS, value) ? value : undefined })}
        />
        <SelectFilter
          id="f-operator"
          label={t.clusters.filters.operator}
          value={filters.operatorCode}
          choices={operatorOptions}
          onChange={(value) => apply({ operatorCode: value })}
        />
        <SelectFilter
          id="f-status"
          label={t.clusters.filters.status}
          value={filters.status}
          choices={CLUSTER_STATUSES.map((status) => ({ code: status, label: t.clusterStatuses[status] }))}
          all={t.clusters.filters.statusDefault}
          onChange={(value) => apply({ status: isOneOf(CLUSTER_STATUSES, value) ? value : undefined })}
        />
        <SearchField id="f-q" label={t.clusters.filters.q} value={filters.q} placeholder={t.clusters.filters.qPlaceholder} />
      </FilterBar>

      <DataTable
        list={list}
        name="clusters"
        caption={t.clusters.caption}
        className="table table--clickable table--stack"
        columns={[
          t.clusters.columns.name,
          t.clusters.columns.region,
          t.clusters.columns.operator,
          t.clusters.columns.designation,
          t.clusters.columns.status,
        ]}
        empty={t.clusters.empty}
        row={(cluster) => {
          const other = secondaryName(lang, cluster);
          return (
            <tr key={cluster.id} data-testid="cluster-row" onClick={(e) => openRow(e, paths.cluster(cluster.code))}>
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
        }}
      />
    </div>
  );
}
