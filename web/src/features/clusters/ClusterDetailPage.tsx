import type { ClusterDto } from '../../api/client';
import { Breadcrumb } from '../../ui/Breadcrumb';
import { Detail, ExternalLink, RecordDetail } from '../../ui/Details';
import { Notice } from '../../ui/Form';
import { HistorySection } from '../audit/History';
import { QueryStatus } from '../../ui/QueryStatus';
import { ClusterStatusBadge } from '../../ui/StatusBadge';
import { useI18n } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { can, canEditCluster } from '../../lib/permissions';
import { ClusterMeetings } from '../meetings/ClusterMeetings';
import { useMe } from '../auth/session';
import { Link, useParams, useSearchParams } from 'react-router';
import { paths } from '../../lib/paths';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { clusterKeys, useCluster } from './api';
import { getClusterHistory } from '../../api/operations';
import './clusters.css';

export function ClusterDetailPage() {
  const { t, name, fmt } = useI18n();
  const code = useParams().code ?? '';
  const [search] = useSearchParams();
  const query = useCluster(code);
  const cluster = query.data;
  const me = useMe();
  useDocumentTitle(cluster ? name(cluster) : t.clusters.title);

  return (
    <div className="page">
      <Breadcrumb links={[{ to: paths.clusters(), label: t.clusterDetail.backToList }]} current={cluster ? name(cluster) : code} />

      <QueryStatus query={query} notFound={fmt(t.clusterDetail.notFound, { code })} />
      {cluster && search.get('saved') === '1' && <Notice testId="saved-notice">{t.clusterDetail.saved}</Notice>}
      {cluster && <ClusterDetails cluster={cluster} />}
      {cluster && can(me, 'council:read') && <ClusterMeetings cluster={cluster} />}
      {cluster && (
        <HistorySection
          queryKey={clusterKeys.history(cluster.id)}
          fetchPage={(clients, limit, cursor) => getClusterHistory(clients.clusters, { id: cluster.id, limit, cursor })}
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
