import type { ClusterDto } from '../api/client';
import { Breadcrumb } from '../components/Breadcrumb';
import { Detail, ExternalLink, RecordDetail } from '../components/Details';
import { Notice } from '../components/Form';
import { HistorySection } from '../components/History';
import { RemoteStatus } from '../components/RemoteStatus';
import { ClusterStatusBadge } from '../components/StatusBadge';
import { useI18n } from '../i18n';
import { formatNumber } from '../lib/format';
import { canEditCluster } from '../lib/permissions';
import { useRemote } from '../lib/remote';
import { useMe } from '../lib/session';
import { Link, paths } from '../lib/router';
import { useDocumentTitle } from '../lib/useDocumentTitle';

export function ClusterDetailPage({ code, search }: { code: string; search: URLSearchParams }) {
  const { t, name, fmt } = useI18n();
  const [cluster, retry] = useRemote(`cluster:${code}`, async (clients) => (await clients.clusters.getClusterByCode(code)).result);
  useDocumentTitle(cluster.state === 'ok' ? name(cluster.value) : t.clusters.title);

  return (
    <div className="page">
      <Breadcrumb links={[{ to: paths.clusters(), label: t.clusterDetail.backToList }]} current={cluster.state === 'ok' ? name(cluster.value) : code} />

      <RemoteStatus remote={cluster} notFound={fmt(t.clusterDetail.notFound, { code })} onRetry={retry} />
      {cluster.state === 'ok' && search.get('saved') === '1' && <Notice testId="saved-notice">{t.clusterDetail.saved}</Notice>}
      {cluster.state === 'ok' && <ClusterDetails cluster={cluster.value} />}
      {cluster.state === 'ok' && (
        <HistorySection
          loadKey={`cluster-history:${cluster.value.id}:${cluster.value.updatedAt}`}
          fetchPage={(clients, limit, cursor) => clients.clusters.getClusterHistory(cluster.value.id, limit, cursor)}
        />
      )}
    </div>
  );
}

function ClusterDetails({ cluster: c }: { cluster: ClusterDto }) {
  const { t, locale, name, fmt } = useI18n();
  const me = useMe();
  return (
    <RecordDetail
      record={c}
      kind="cluster"
      meta={<ClusterStatusBadge status={c.status} />}
      actions={
        canEditCluster(me, c) && (
          <Link to={paths.clusterEdit(c.code)} className="button button--primary" data-testid="cluster-edit">
            {t.clusterDetail.edit}
          </Link>
        )
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
