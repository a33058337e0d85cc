import type { Versioned } from '../../api/api';
import type { AgencyDto, AgencyRef, Sector } from '../../api/client';
import { Breadcrumb } from '../../ui/Breadcrumb';
import { Detail, ExternalLink, RecordDetail } from '../../ui/Details';
import { Notice } from '../../ui/Form';
import { HistorySection } from '../audit/History';
import { QueryStatus } from '../../ui/QueryStatus';
import { RecordStatusBadge } from '../../ui/StatusBadge';
import { can } from '../../lib/permissions';
import { Link, useParams, useSearchParams } from 'react-router';
import { paths } from '../../lib/paths';
import { useGo } from '../../lib/navigation';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useMe } from '../auth/session';
import { ArchiveControl } from '../registry/ArchiveControl';
import { useRegistryI18n } from '../registry/i18n';
import { agencyKeys, useAgency, useArchiveAgency } from './api';
import { getAgencyHistory } from '../../api/operations';

export function AgencyDetailPage() {
  const { t, name, fmt } = useRegistryI18n();
  const code = useParams().code ?? '';
  const [search] = useSearchParams();
  const query = useAgency(code);
  const loaded = query.data;
  const agency = loaded?.value;
  useDocumentTitle(agency ? name(agency) : t.agencies.title);
  const done = search.get('created') ? t.registry.created : search.get('saved') ? t.registry.saved
    : search.get('archived') ? t.registry.archived : search.get('unarchived') ? t.registry.unarchived : undefined;

  return (
    <div className="page">
      <Breadcrumb links={[{ to: paths.agencies(), label: t.agencyDetail.backToList }]} current={agency ? name(agency) : code} />

      <QueryStatus query={query} notFound={fmt(t.agencyDetail.notFound, { code })} />
      {agency && done && <Notice testId="saved-notice">{done}</Notice>}
      {agency?.status === 'archived' && (
        <p className="notice notice--archived" data-testid="archived-banner">
          {t.registry.archivedBanner}
        </p>
      )}
      {loaded && <AgencyDetails loaded={loaded} onReload={() => void query.refetch()} />}
      {agency && (
        <HistorySection
          queryKey={agencyKeys.history(agency.id)}
          fetchPage={(clients, limit, cursor) => getAgencyHistory(clients.agencies, { id: agency.id, limit, cursor })}
        />
      )}
    </div>
  );
}

function AgencyDetails({ loaded, onReload }: { loaded: Versioned<AgencyDto>; onReload: () => void }) {
  const { t, name } = useRegistryI18n();
  const me = useMe();
  const go = useGo();
  const archive = useArchiveAgency();
  const a = loaded.value;
  // REVIEW: the contract declares parent and sector non-nullable, but the API sends null when an
  // agency has none; read them as optional until the spec is corrected.
  const parent = a.parent as AgencyRef | null;
  const sector = a.sector as Sector | null;
  const archived = a.status === 'archived';

  return (
    <RecordDetail
      record={a}
      kind="agency"
      meta={<span className="badge badge--kind">{t.agencyKinds[a.kind] ?? a.kind}</span>}
      actions={
        can(me, 'registry:write') && (
          <>
            <Link to={paths.agencyEdit(a.code)} className="button button--primary" data-testid="agency-edit">
              {t.registry.edit}
            </Link>
            <ArchiveControl
              kind="agency"
              archived={archived}
              pending={archive.isPending}
              problem={archive.error}
              onReload={() => {
                archive.reset();
                onReload();
              }}
              act={(toArchive, close) =>
                archive.mutate(
                  { loaded, archive: toArchive },
                  {
                    onSuccess: () => {
                      close();
                      go(`${paths.agency(a.code)}?${toArchive ? 'archived' : 'unarchived'}=1`, { replace: true });
                    },
                  },
                )
              }
            />
          </>
        )
      }
      summaryTitle={t.agencyDetail.summary}
    >
      <Detail label={t.agencyDetail.nameKo}>
        <span lang="ko">{a.nameKo}</span>
      </Detail>
      <Detail label={t.agencyDetail.nameEn}>{a.nameEn && <span lang="en">{a.nameEn}</span>}</Detail>
      <Detail label={t.agencyDetail.kind}>{t.agencyKinds[a.kind] ?? a.kind}</Detail>
      <Detail label={t.agencyDetail.sector}>{sector && (t.sectors[sector] ?? sector)}</Detail>
      <Detail label={t.agencyDetail.parent}>
        {parent && <Link to={paths.agency(parent.code)}>{name(parent)}</Link>}
      </Detail>
      <Detail label={t.common.website}>{a.website && <ExternalLink href={a.website} />}</Detail>
      <Detail label={t.agencyDetail.operatedClusters} wide>
        {a.operatedClusters.length > 0 ? (
          <ul className="inline-list">
            {a.operatedClusters.map((cluster) => (
              <li key={cluster.id}>
                <Link to={paths.cluster(cluster.code)}>{name(cluster)}</Link>
              </li>
            ))}
          </ul>
        ) : (
          <span className="muted">{t.agencyDetail.noClusters}</span>
        )}
      </Detail>
      <Detail label={t.common.status}>
        <RecordStatusBadge status={a.status} />
      </Detail>
    </RecordDetail>
  );
}
