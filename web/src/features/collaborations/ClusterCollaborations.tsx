import { Link } from 'react-router';
import type { ClusterDto } from '../../api/client';
import { paths } from '../../lib/paths';
import { can, canEditCluster } from '../../lib/permissions';
import { useMe } from '../auth/session';
import { useCollaborationsOf } from './api';
import { CollaborationStateBadge, Period } from './CollaborationBadges';
import { collaborationQuery } from './collaborations';
import { useCollaborationsI18n } from './i18n';

/** "협력 사업" on a cluster's page: the projects it takes part in, and a way to register one for those who may. */
export function ClusterCollaborations({ cluster }: { cluster: ClusterDto }) {
  const { t, name } = useCollaborationsI18n();
  const me = useMe();
  const list = useCollaborationsOf({ clusterId: cluster.id });
  const items = list.data?.items ?? [];
  const c = t.clusterCollaborations;
  const mayCreate = can(me, 'registry:write') || canEditCluster(me, cluster);
  return (
    <section className="card" aria-labelledby="cluster-collaborations-title" data-testid="cluster-collaborations">
      <h2 id="cluster-collaborations-title" className="card__title">
        {c.title}
      </h2>
      <div className="card__body">
        <p className="muted">{c.intro}</p>
        {list.isSuccess && items.length === 0 ? (
          <p data-testid="cluster-collaborations-empty">{c.empty}</p>
        ) : (
          <ul>
            {items.map((p) => (
              <li key={p.id} data-testid="cluster-collaboration" data-id={p.id}>
                <Link to={paths.collaboration(p.id)}>{name({ nameKo: p.titleKo, nameEn: p.titleEn })}</Link> ·{' '}
                {p.partners
                  .filter((x) => !(x.kind === 'cluster' && x.code === cluster.code))
                  .map((x) => name(x))
                  .join(', ')}{' '}
                · <Period project={p} /> <CollaborationStateBadge state={p.state} />
              </li>
            ))}
          </ul>
        )}
        <p>
          {(list.data?.totalCount ?? 0) > items.length && (
            <Link to={paths.collaborations(collaborationQuery({ clusterCode: cluster.code }))}>{c.all}</Link>
          )}{' '}
          {mayCreate && (
            <Link className="button" to={paths.collaborationNew(new URLSearchParams({ clusterCode: cluster.code }))} data-testid="cluster-collaboration-create">
              {c.create}
            </Link>
          )}
        </p>
      </div>
    </section>
  );
}
