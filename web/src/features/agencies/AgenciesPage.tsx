import { api } from '../../api/api';
import type { AgencyDto } from '../../api/client';
import { AGENCY_KINDS, isOneOf } from '../../api/enums';
import { DataTable } from '../../ui/DataTable';
import { FilterBar, SearchField, SelectFilter } from '../../ui/FilterBar';
import { RecordStatusBadge } from '../../ui/StatusBadge';
import { can } from '../../lib/permissions';
import { useMe } from '../auth/session';
import { useRegistryI18n } from '../registry/i18n';
import { secondaryName } from '../../i18n/language';
import { agencyExportUrl } from '../../lib/exports';
import { filterNavigation, toQuery } from '../../lib/query';
import { Link, useSearchParams } from 'react-router';
import { paths } from '../../lib/paths';
import { useGo } from '../../lib/navigation';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useAgencyList, type AgencyFilters } from './api';

export function readFilters(search: URLSearchParams): AgencyFilters {
  const kind = search.get('kind');
  return {
    kind: isOneOf(AGENCY_KINDS, kind) ? kind : undefined,
    q: search.get('q')?.trim() || undefined,
    archived: search.get('archived') === '1' ? '1' : undefined,
  };
}

export function AgenciesPage() {
  const { t, lang, name } = useRegistryI18n();
  const me = useMe();
  useDocumentTitle(t.agencies.title);
  const [search] = useSearchParams();
  const go = useGo();
  const filters = readFilters(search);
  const key = toQuery(filters).toString();
  const list = useAgencyList(filters);

  const { apply, submitSearch, reset } = filterNavigation(filters, paths.agencies, go);

  return (
    <div className="page">
      <header className="page__header page__header--actions">
        <div>
          <h1>{t.agencies.title}</h1>
          <p className="page__intro">{t.agencies.intro}</p>
        </div>
        <div className="page__actions">
          {can(me, 'registry:write') && (
            <Link to={paths.agencyNew()} className="button button--primary" data-testid="agency-new">
              {t.registry.newAgency}
            </Link>
          )}
          <a className="button" href={agencyExportUrl(api.baseUrl, filters, 'csv', lang)} download title={t.agencies.exportHint} data-testid="agencies-export">
            {t.agencies.export}
          </a>
          <a className="button" href={agencyExportUrl(api.baseUrl, filters, 'xlsx', lang)} download title={t.agencies.exportXlsxHint} data-testid="agencies-export-xlsx">
            {t.agencies.exportXlsx}
          </a>
        </div>
      </header>

      <FilterBar label={t.agencies.filters.legend} onSubmit={submitSearch} resetLabel={t.agencies.filters.reset} onReset={key ? reset : undefined}>
        <SelectFilter
          id="f-kind"
          label={t.agencies.filters.kind}
          value={filters.kind}
          choices={AGENCY_KINDS.map((kind) => ({ code: kind, label: t.agencyKinds[kind] }))}
          onChange={(value) => apply({ kind: isOneOf(AGENCY_KINDS, value) ? value : undefined })}
          testId="agency-kind-filter"
        />
        <SearchField id="f-q" label={t.agencies.filters.q} value={filters.q} placeholder={t.agencies.filters.qPlaceholder} />
        <label className="field field--check">
          <input
            type="checkbox"
            checked={filters.archived === '1'}
            onChange={(event) => apply({ archived: event.target.checked ? '1' : undefined })}
            data-testid="agency-archived-filter"
          />{' '}
          {t.registry.includeArchived}
        </label>
      </FilterBar>

      <DataTable
        list={list}
        name="agencies"
        caption={t.agencies.caption}
        className="table table--stack"
        columns={[t.agencies.columns.name, t.agencies.columns.kind, t.agencies.columns.sector, t.agencies.columns.operatedClusters]}
        empty={t.agencies.empty}
        row={(agency) => {
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
              <td data-label={t.agencies.columns.kind}>
                {t.agencyKinds[agency.kind] ?? agency.kind}
                {agency.status === 'archived' && (
                  <>
                    {' '}
                    <RecordStatusBadge status={agency.status} />
                  </>
                )}
              </td>
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
        }}
      />
    </div>
  );
}
