import type { AgencyDto, AgencyRef, Sector } from '../api/client';
import { Detail, ExternalLink, Timestamp } from '../components/Details';
import { HistorySection } from '../components/History';
import { Loading } from '../components/Loading';
import { ProblemView } from '../components/ProblemView';
import { RecordStatusBadge } from '../components/StatusBadge';
import { useI18n } from '../i18n';
import { secondaryName } from '../i18n/language';
import { useRemote } from '../lib/remote';
import { Link, paths } from '../lib/router';
import { useDocumentTitle } from '../lib/useDocumentTitle';

export function AgencyDetailPage({ code }: { code: string }) {
  const { t, name, fmt } = useI18n();
  const [agency, retry] = useRemote(`agency:${code}`, (clients) => clients.agencies.getAgencyByCode(code));
  useDocumentTitle(agency.state === 'ok' ? name(agency.value) : t.agencies.title);

  return (
    <div className="page">
      <nav className="breadcrumb" aria-label={t.common.breadcrumb}>
        <ol>
          <li>
            <Link to={paths.agencies()}>{t.agencyDetail.backToList}</Link>
          </li>
          <li aria-current="page">{agency.state === 'ok' ? name(agency.value) : code}</li>
        </ol>
      </nav>

      {agency.state === 'loading' && <Loading />}
      {agency.state === 'problem' && (
        <ProblemView
          problem={agency.problem}
          message={agency.problem.status === 404 ? fmt(t.agencyDetail.notFound, { code }) : undefined}
          onRetry={retry}
        />
      )}
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
  const { t, lang, name } = useI18n();
  const other = secondaryName(lang, a);
  // REVIEW: the contract declares parent and sector non-nullable, but the API sends null when an
  // agency has none; read them as optional until the spec is corrected.
  const parent = a.parent as AgencyRef | null;
  const sector = a.sector as Sector | null;

  return (
    <article className="detail" data-testid="agency-detail">
      <header className="detail__header">
        <div>
          <h1 data-testid="agency-name">{name(a)}</h1>
          {other && (
            <p className="detail__subtitle" lang={lang === 'ko' ? 'en' : 'ko'}>
              {other}
            </p>
          )}
        </div>
        <div className="detail__meta">
          <span className="badge badge--kind">{t.agencyKinds[a.kind] ?? a.kind}</span>
          <span className="code-chip" title={t.common.code}>
            {a.code}
          </span>
        </div>
      </header>

      <section className="card" aria-labelledby="agency-summary">
        <h2 id="agency-summary" className="card__title">
          {t.agencyDetail.summary}
        </h2>
        <dl className="details">
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
          <Detail label={t.common.createdAt}>
            <Timestamp iso={a.createdAt} />
          </Detail>
          <Detail label={t.common.updatedAt}>
            <Timestamp iso={a.updatedAt} />
          </Detail>
        </dl>
      </section>
    </article>
  );
}
