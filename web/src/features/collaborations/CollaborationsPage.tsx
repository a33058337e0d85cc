import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useGo } from '../../lib/navigation';
import { paths } from '../../lib/paths';
import { can } from '../../lib/permissions';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { DataTable, useOpenRow } from '../../ui/DataTable';
import { ExportLinks } from '../../ui/ExportLinks';
import { FilterBar, FilterField } from '../../ui/FilterBar';
import { useAgencyChoices } from '../agencies/AgencyChoice';
import { useMe } from '../auth/session';
import { useClusterChoices } from '../issues/IssueChoices';
import { useCollaborationList } from './api';
import { CollaborationStateBadge, Period, Won } from './CollaborationBadges';
import { COLLABORATION_STATES, collaborationQuery, readCollaborationFilters, type CollaborationFilters } from './collaborations';
import { useCollaborationsI18n } from './i18n';

/** The collaboration projects, newest first, filtered by state, cluster, agency and text; the address keeps the filters. */
export function CollaborationsPage() {
  const { t, name } = useCollaborationsI18n();
  useDocumentTitle(t.collaborations.title);
  const me = useMe();
  const [search] = useSearchParams();
  const navigate = useGo();
  const filters = readCollaborationFilters(search);
  const go = (next: Partial<CollaborationFilters>) => navigate(paths.collaborations(collaborationQuery({ ...filters, ...next })), { keepScroll: true });
  const list = useCollaborationList(filters);
  const clusters = useClusterChoices();
  const agencies = useAgencyChoices();
  const openRow = useOpenRow();
  const [q, setQ] = useState(filters.q ?? '');
  const c = t.collaborations.columns;
  const f = t.collaborations.filters;

  function submit(event: FormEvent) {
    event.preventDefault();
    go({ q: q.trim() || undefined });
  }

  return (
    <div className="page page--wide">
      <header className="page__header">
        <h1>{t.collaborations.title}</h1>
        <p className="page__intro">{t.collaborations.intro}</p>
        <div className="page__actions">
          {(can(me, 'registry:write') || can(me, 'cluster:edit-own')) && (
            <Link className="button button--primary" to={paths.collaborationNew()} data-testid="collaboration-create">
              {t.collaborations.create}
            </Link>
          )}
          <ExportLinks path="/api/v1/collaboration-projects/export" query={collaborationQuery(filters)} hint={t.collaborations.exportHint} testId="collaborations-export" />
        </div>
      </header>
      <FilterBar
        label={f.legend}
        onSubmit={submit}
        testId="collaboration-filters"
        resetLabel={f.reset}
        onReset={collaborationQuery(filters).toString() ? () => navigate(paths.collaborations(), { keepScroll: true }) : undefined}
      >
        <FilterField id="cp-q" label={f.q}>
          <input id="cp-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} onBlur={() => go({ q: q.trim() || undefined })} data-testid="q-filter" />
        </FilterField>
        <FilterField id="cp-state" label={f.state}>
          <select id="cp-state" value={filters.state ?? ''} onChange={(e) => go({ state: COLLABORATION_STATES.find((s) => s === e.target.value) })} data-testid="state-filter">
            <option value="">{f.anyState}</option>
            {COLLABORATION_STATES.map((s) => (
              <option key={s} value={s}>
                {t.collaborationStates[s]}
              </option>
            ))}
          </select>
        </FilterField>
        <FilterField id="cp-cluster" label={f.cluster}>
          <select id="cp-cluster" value={filters.clusterCode ?? ''} onChange={(e) => go({ clusterCode: e.target.value || undefined })} data-testid="cluster-filter">
            <option value="">{f.anyCluster}</option>
            {(clusters.data ?? []).map((cl) => (
              <option key={cl.code} value={cl.code}>
                {cl.label}
              </option>
            ))}
          </select>
        </FilterField>
        <FilterField id="cp-agency" label={f.agency}>
          <select id="cp-agency" value={filters.agencyCode ?? ''} onChange={(e) => go({ agencyCode: e.target.value || undefined })} data-testid="agency-filter">
            <option value="">{f.anyAgency}</option>
            {(agencies.data ?? []).map((a) => (
              <option key={a.code} value={a.code}>
                {a.label}
              </option>
            ))}
          </select>
        </FilterField>
      </FilterBar>
      <DataTable
        list={list}
        name="collaborations"
        caption={t.collaborations.caption}
        className="table"
        columns={[c.title, c.partners, c.period, c.budget, c.state]}
        empty={t.collaborations.empty}
        row={(p) => (
          <tr key={p.id} className="table__row--link" onClick={(e) => openRow(e, paths.collaboration(p.id))} data-testid="collaboration-row" data-id={p.id}>
            <td>
              <Link to={paths.collaboration(p.id)} className="row-title">
                {name({ nameKo: p.titleKo, nameEn: p.titleEn })}
              </Link>
            </td>
            <td>{p.partners.map((x) => `${name(x)} (${t.partnerRoles[x.role]})`).join(', ')}</td>
            <td>
              <Period project={p} />
            </td>
            <td className="number">
              <Won amount={p.budgetKrw} />
            </td>
            <td>
              <CollaborationStateBadge state={p.state} />
            </td>
          </tr>
        )}
      />
    </div>
  );
}
