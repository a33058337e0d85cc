import type { AgencyDto, AgencyRef, Sector } from '../api/client';
import { Breadcrumb } from '../components/Breadcrumb';
import { Detail, ExternalLink, RecordDetail } from '../components/Details';
import { HistorySection } from '../components/History';
import { RemoteStatus } from '../components/RemoteStatus';
import { RecordStatusBadge } from '../components/StatusBadge';
import { useI18n } from '../i18n';
import { useRemote } from '../lib/remote';
import { Link, paths } from '../lib/router';
import { useDocumentTitle } from '../lib/useDocumentTitle';

export function AgencyDetailPage({ code }: { code: string }) {
  const { t, name, fmt } = useI18n();
  const [agency, retry] = useRemote(`agency:${code}`, (clients) => clients.agencies.getAgencyByCode(code));
  useDocumentTitle(agency.state === 'ok' ? name(agency.value) : t.agencies.title);

  return (
    <div className="page">
      <Breadcrumb links={[{ to: paths.agencies(), label: t.agencyDetail.backToList }]} current={agency.state === 'ok' ? name(agency.value) : code} />

      <RemoteStatus remote={agency} notFound={fmt(t.agencyDetail.notFound, { code })} onRetry={retry} />
      {agency.state === 'ok' && <AgencyDetails agency={agency.value} />}
      {agency.state === 'ok' && (
        <HistorySection
          loadKey={`agency-history:${agency.value.id}:${agency.value.updatedAt}`}
          fetchPage={(clients, limit, cursor) => clients.agencies.getAgencyHistory(agency.value.id, limit, cursor)}
        />
      )}
    </div>
  );
}

function AgencyDetails({ agency: a }: { agency: AgencyDto }) {
  const { t, name } = useI18n();
  // REVIEW: the contract declares parent and sector non-nullable, but the API sends null when an
  // agency has none; read them as optional until the spec is corrected.
  const parent = a.parent as AgencyRef | null;
  const sector = a.sector as Sector | null;

  return (
    <RecordDetail
      record={a}
      kind="agency"
      meta={<span className="badge badge--kind">{t.agencyKinds[a.kind] ?? a.kind}</span>}
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
