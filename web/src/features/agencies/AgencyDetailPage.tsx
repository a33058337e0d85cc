import type { AgencyDto, AgencyRef, Sector } from '../../api/client';
import { Breadcrumb } from '../../ui/Breadcrumb';
import { Detail, ExternalLink, RecordDetail } from '../../ui/Details';
import { HistorySection } from '../audit/History';
import { QueryStatus } from '../../ui/QueryStatus';
import { RecordStatusBadge } from '../../ui/StatusBadge';
import { useI18n } from '../../i18n';
import { Link, useParams } from 'react-router';
import { paths } from '../../lib/paths';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { agencyKeys, useAgency } from './api';
import { getAgencyHistory } from '../../api/operations';

export function AgencyDetailPage() {
  const { t, name, fmt } = useI18n();
  const code = useParams().code ?? '';
  const query = useAgency(code);
  const agency = query.data;
  useDocumentTitle(agency ? name(agency) : t.agencies.title);

  return (
    <div className="page">
      <Breadcrumb links={[{ to: paths.agencies(), label: t.agencyDetail.backToList }]} current={agency ? name(agency) : code} />

      <QueryStatus query={query} notFound={fmt(t.agencyDetail.notFound, { code })} />
      {agency && <AgencyDetails agency={agency} />}
      {agency && (
        <HistorySection
          queryKey={agencyKeys.history(agency.id)}
          fetchPage={(clients, limit, cursor) => getAgencyHistory(clients.agencies, { id: agency.id, limit, cursor })}
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
