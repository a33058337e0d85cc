import type { Versioned } from '../../api/api';
import type { ClusterDto } from '../../api/client';
import { Breadcrumb } from '../../ui/Breadcrumb';
import { Detail, ExternalLink, RecordDetail } from '../../ui/Details';
import { Notice } from '../../ui/Form';
import { HistorySection } from '../audit/History';
import { QueryStatus } from '../../ui/QueryStatus';
import { ClusterStatusBadge } from '../../ui/StatusBadge';
import { formatNumber } from '../../lib/format';
import { can, canEditCluster } from '../../lib/permissions';
import { useGo } from '../../lib/navigation';
import { ArchiveControl } from '../registry/ArchiveControl';
import { useRegistryI18n } from '../registry/i18n';
import { ClusterMeetings } from '../meetings/ClusterMeetings';
import { ClusterActors, ClusterSiteProjects } from '../actors/ClusterActors';
import { ClusterCollaborations } from '../collaborations/ClusterCollaborations';
import { ClusterProfile } from '../cluster-profile/ClusterProfile';
import { useMe } from '../auth/session';
import { Link, useParams, useSearchParams } from 'react-router';
import { paths } from '../../lib/paths';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { clusterKeys, useArchiveCluster, useCluster } from './api';
import { getClusterHistory } from '../../api/operations';
import './clusters.css';

export function ClusterDetailPage() {
  const { t, name, fmt } = useRegistryI18n();
  const code = useParams().code ?? '';
  const [search] = useSearchParams();
  const query = useCluster(code);
  const loaded = query.data;
  const cluster = loaded?.value;
  const done = search.get('created') ? t.registry.created : search.get('archived') ? t.registry.archived
    : search.get('unarchived') ? t.registry.unarchived : undefined;
  const me = useMe();
  useDocumentTitle(cluster ? name(cluster) : t.clusters.title);

  return (
    <div className="page">
      <Breadcrumb links={[{ to: paths.clusters(), label: t.clusterDetail.backToList }]} current={cluster ? name(cluster) : code} />

      <QueryStatus query={query} notFound={fmt(t.clusterDetail.notFound, { code })} />
      {cluster && search.get('saved') === '1' && <Notice testId="saved-notice">{t.clusterDetail.saved}</Notice>}
      {cluster && done && <Notice testId="saved-notice">{done}</Notice>}
      {cluster?.status === 'archived' && (
        <p className="notice notice--archived" data-testid="archived-banner">
          {t.registry.archivedBanner}
        </p>
      )}
      {loaded && <ClusterDetails loaded={loaded} onReload={() => void query.refetch()} />}
      {cluster && <ClusterActors clusterCode={cluster.code} />}
      {cluster && <ClusterSiteProjects clusterCode={cluster.code} />}
      {cluster && <ClusterCollaborations cluster={cluster} />}
      {cluster && can(me, 'council:read') && <ClusterMeetings cluster={cluster} />}
      {cluster && <ClusterProfile cluster={cluster} />}
      {cluster && (
        <HistorySection
          queryKey={clusterKeys.history(cluster.id)}
          fetchPage={(clients, limit, cursor) => getClusterHistory(clients.clusters, { id: cluster.id, limit, cursor })}
        />
      )}
    </div>
  );
}

function ClusterDetails({ loaded, onReload }: { loaded: Versioned<ClusterDto>; onReload: () => void }) {
  const { t, locale, name, fmt } = useRegistryI18n();
  const me = useMe();
  const go = useGo();
  const archive = useArchiveCluster();
  const c = loaded.value;
  return (
    <RecordDetail
      record={c}
      kind="cluster"
      meta={<ClusterStatusBadge status={c.status} />}
      actions={
        <>
          {canEditCluster(me, c) && (
            <Link to={paths.clusterEdit(c.code)} className="button button--primary" data-testid="cluster-edit">
              {t.clusterDetail.edit}
            </Link>
          )}
          {can(me, 'registry:write') && (
            <ArchiveControl
              kind="cluster"
              archived={c.status === 'archived'}
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
                      go(paths.cluster(c.code, new URLSearchParams({ [toArchive ? 'archived' : 'unarchived']: '1' })), { replace: true });
                    },
                  },
                )
              }
            />
          )}
        </>
      }
      summaryTitle={t.clusterDetail.summary}
    >
      <Detail label={t.clusterDetail.nameKo}>
        <span lang="ko">{c.nameKo}</span>
      </Detail>
      <Detail label={t.clusterDetail.nameEn}>{c.nameEn && <span lang="en">{c.nameEn}</span>}</Detail>
      <Detail label={t.clusterDetail.region}>{t.regions[c.region] ?? c.region}</Detail>
      <Detail label={t.clusterDetail.operator}>
        <Link to={paths.agency(c.operator.code)} data-testid="cluster-operator">
          {name(c.operator)}
        </Link>
      </Detail>
      <Detail label={t.clusterDetail.designation}>{c.designation}</Detail>
      <Detail label={t.clusterDetail.establishedYear}>
        {c.establishedYear != null && String(c.establishedYear)}
      </Detail>
      <Detail label={t.clusterDetail.specializations} wide>
        {c.specializations.length > 0 && (
          <ul className="tags">
            {c.specializations.map((field) => (
              <li key={field} className="tag">
                {field}
              </li>
            ))}
          </ul>
        )}
      </Detail>
      <Detail label={t.clusterDetail.area}>
        {c.areaKm2 != null && fmt(t.clusterDetail.areaValue, { value: formatNumber(locale, c.areaKm2, 2) })}
      </Detail>
      <Detail label={t.clusterDetail.location}>
        {c.latitude != null && c.longitude != null && (
          <span className="coords">
            <span>
              {t.clusterDetail.latitude} <data value={c.latitude}>{formatNumber(locale, c.latitude)}</data>
            </span>
            <span>
              {t.clusterDetail.longitude}{' '}
              <data value={c.longitude}>{formatNumber(locale, c.longitude)}</data>
            </span>
          </span>
        )}
      </Detail>
      <Detail label={t.common.website}>{c.website && <ExternalLink href={c.website} />}</Detail>
      <Detail label={t.common.status}>
        <ClusterStatusBadge status={c.status} />
      </Detail>
    </RecordDetail>
  );
}
