import { Link } from 'react-router';
import type { Sector, SiteProjectDto } from '../../api/client';
import { SECTORS } from '../../api/enums';
import { formatDay, formatNumber } from '../../lib/format';
import { paths } from '../../lib/paths';
import { Loading } from '../../ui/Loading';
import { ProblemView } from '../../ui/ProblemView';
import { canEditCluster } from '../../lib/permissions';
import { useMe } from '../auth/session';
import { useCluster } from '../clusters/api';
import { useActors, useSectorCounts, useSiteProjects } from './api';
import { ActorActions, AddSiteProject, PlaceActor, SiteProjectActions } from './ClusterNetworkForms';
import { useActorsI18n } from './i18n';
import './actors.css';

/** The cluster's innovation actors: counts by sector (산·학·연·병), then who they are. */
export function ClusterActors({ clusterCode }: { clusterCode: string }) {
  const { t, lang } = useActorsI18n();
  const counts = useSectorCounts(clusterCode);
  const actors = useActors({ clusterCode });
  const row = counts.data?.[0];
  const cluster = useEditableCluster(clusterCode);
  const bySector = (sector: Sector) => actors.items.filter((a) => a.sector === sector);
  return (
    <section className="card" aria-labelledby="cluster-actors-title" data-testid="cluster-actors">
      <h2 id="cluster-actors-title" className="card__title">
        {t.actors.clusterTitle}
      </h2>
      <div className="card__body">
        {counts.isPending && <Loading />}
        {counts.error && <ProblemView problem={counts.error} onRetry={() => void counts.refetch()} />}
        {row && (
          <dl className="sector-counts" data-testid="sector-counts">
            {SECTORS.map((s) => (
              <div key={s} className="sector-counts__item" data-sector={s}>
                <dt>{t.sectors[s]}</dt>
                <dd>{row[s]}</dd>
              </div>
            ))}
            {row.unclassified > 0 && (
              <div className="sector-counts__item">
                <dt>{t.actors.unclassified}</dt>
                <dd>{row.unclassified}</dd>
              </div>
            )}
            <div className="sector-counts__item sector-counts__item--total">
              <dt>{t.actors.total}</dt>
              <dd>{row.total}</dd>
            </div>
          </dl>
        )}
        {actors.status === 'success' && actors.items.length === 0 && <p className="muted">{t.actors.none}</p>}
        {SECTORS.filter((s) => bySector(s).length > 0).map((s) => (
          <div key={s} className="actor-group">
            <h3 className="actor-group__title">{t.sectors[s]}</h3>
            <ul className="tags">
              {bySector(s).map((a) => (
                <li key={a.id} className="tag" data-testid="cluster-actor" data-code={a.code}>
                  <Link to={paths.agency(a.code)}>{lang === 'en' ? a.nameEn?.trim() || a.nameKo : a.nameKo}</Link>
                  {cluster && <ActorActions clusterId={cluster.id} actor={a} />}
                </li>
              ))}
            </ul>
          </div>
        ))}
        {actors.hasMore && (
          <button type="button" className="button" onClick={actors.loadMore} disabled={actors.loadingMore}>
            {t.actors.more}
          </button>
        )}
        {cluster && <PlaceActor clusterId={cluster.id} />}
        <p>
          <Link to={`/partners?${new URLSearchParams({ clusterCode })}`} data-testid="cluster-partners-link">
            {t.actors.partnersTitle}
          </Link>
        </p>
      </div>
    </section>
  );
}

/** The cluster (from the page's own query) when the caller may change it: the secretariat, or its operator. */
function useEditableCluster(clusterCode: string) {
  const me = useMe();
  const cluster = useCluster(clusterCode).data?.value;
  return cluster && canEditCluster(me, cluster) ? cluster : undefined;
}

/** The cluster's site projects, each with its size, developer and stages. */
export function ClusterSiteProjects({ clusterCode }: { clusterCode: string }) {
  const { t } = useActorsI18n();
  const projects = useSiteProjects(clusterCode);
  const editable = useEditableCluster(clusterCode) !== undefined;
  return (
    <section className="card" aria-labelledby="cluster-projects-title" data-testid="cluster-site-projects">
      <h2 id="cluster-projects-title" className="card__title">
        {t.siteProjects.title}
      </h2>
      <div className="card__body">
        {projects.isPending && <Loading />}
        {projects.error && <ProblemView problem={projects.error} onRetry={() => void projects.refetch()} />}
        {projects.data &&
          (projects.data.items.length === 0 ? (
            <p className="muted">{t.siteProjects.none}</p>
          ) : (
            projects.data.items.map((p) => (
              <div key={p.id}>
                <SiteProject project={p} />
                {editable && <SiteProjectActions clusterCode={clusterCode} project={p} />}
              </div>
            ))
          ))}
        {editable && <AddSiteProject clusterCode={clusterCode} />}
      </div>
    </section>
  );
}

function SiteProject({ project: p }: { project: SiteProjectDto }) {
  const { t, fmt, locale, lang } = useActorsI18n();
  const m2 = (value: number | null | undefined) => (value == null ? null : `${formatNumber(locale, value, 0)} ㎡`);
  const day = (value: string | null | undefined) => (value ? formatDay(locale, value) : '–');
  return (
    <article className="site-project" data-testid="site-project">
      <h3 className="site-project__title">
        {lang === 'en' ? p.nameEn?.trim() || p.nameKo : p.nameKo} <span className="badge">{t.siteProjects.states[p.state]}</span>
      </h3>
      <dl className="site-project__facts">
        {p.address && (
          <>
            <dt>{t.siteProjects.address}</dt>
            <dd>{p.address}</dd>
          </>
        )}
        {p.landAreaM2 != null && (
          <>
            <dt>{t.siteProjects.landArea}</dt>
            <dd>{m2(p.landAreaM2)}</dd>
          </>
        )}
        {p.floorAreaM2 != null && (
          <>
            <dt>{t.siteProjects.floorArea}</dt>
            <dd>{m2(p.floorAreaM2)}</dd>
          </>
        )}
        {(p.floorsBelow != null || p.floorsAbove != null) && (
          <>
            <dt>{t.siteProjects.floors}</dt>
            <dd>{fmt(t.siteProjects.floorsValue, { below: String(p.floorsBelow ?? 0), above: String(p.floorsAbove ?? 0) })}</dd>
          </>
        )}
        {p.developer && (
          <>
            <dt>{t.siteProjects.developer}</dt>
            <dd>{lang === 'en' ? p.developer.nameEn?.trim() || p.developer.nameKo : p.developer.nameKo}</dd>
          </>
        )}
      </dl>
      {p.description && <p className="site-project__text">{p.description}</p>}
      {p.stages.length > 0 && (
        <table className="table site-project__stages">
          <caption>{t.siteProjects.stages}</caption>
          <thead>
            <tr>
              <th scope="col">{t.siteProjects.stages}</th>
              <th scope="col">{t.siteProjects.planned}</th>
              <th scope="col">{t.siteProjects.actual}</th>
            </tr>
          </thead>
          <tbody>
            {p.stages.map((s, k) => (
              <tr key={k} data-testid="site-project-stage">
                <th scope="row">{lang === 'en' ? s.nameEn?.trim() || s.nameKo : s.nameKo}</th>
                <td>
                  {day(s.plannedStart)} – {day(s.plannedEnd)}
                </td>
                <td>
                  {day(s.actualStart)} – {day(s.actualEnd)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
