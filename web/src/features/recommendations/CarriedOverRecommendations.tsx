import { Link } from 'react-router';
import { paths } from '../../lib/paths';
import { can } from '../../lib/permissions';
import { useMe } from '../auth/session';
import { useCarriedOver } from './api';
import { RecommendationStateBadge } from './RecommendationBadges';
import { useRecommendationsI18n } from './i18n';

/** Matters arising (계속 안건) on a meeting's page: recommendations raised at earlier meetings that still await an answer. */
export function CarriedOverRecommendations({ meetingId }: { meetingId: number }) {
  const me = useMe();
  if (!can(me, 'recommendations:read')) return null;
  return <CarriedOverList meetingId={meetingId} />;
}

function CarriedOverList({ meetingId }: { meetingId: number }) {
  const { t, name } = useRecommendationsI18n();
  const list = useCarriedOver(meetingId);
  const items = list.data ?? [];
  return (
    <section className="card" aria-labelledby="carried-over-title" data-testid="carried-over">
      <h2 id="carried-over-title" className="card__title">
        {t.carriedOver.title}
      </h2>
      <div className="card__body">
        <p className="muted">{t.carriedOver.intro}</p>
        {list.isSuccess && items.length === 0 ? (
          <p data-testid="carried-over-empty">{t.carriedOver.empty}</p>
        ) : (
          <ul>
            {items.map((r) => (
              <li key={r.id} data-testid="carried-over-item" data-id={r.id}>
                <Link to={paths.recommendation(r.id)}>{name({ nameKo: r.themeKo, nameEn: r.themeEn })}</Link> · {name(r.raisedBy)} → {name(r.leadMinistry)}{' '}
                <RecommendationStateBadge state={r.state} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
