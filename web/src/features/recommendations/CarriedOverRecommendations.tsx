import { Link } from 'react-router';
import type { MeetingDto } from '../../api/client';
import { paths } from '../../lib/paths';
import { can } from '../../lib/permissions';
import { useMe } from '../auth/session';
import { useCarriedOver } from './api';
import { RecommendationStateBadge } from './RecommendationBadges';
import { useRecommendationsI18n } from './i18n';

/**
 * Matters arising (계속 안건) on a meeting's page: recommendations raised at earlier meetings that still await an answer;
 * and for those who raise recommendations, a link from every agenda item to raise one there (the form comes with the
 * meeting and the item filled in).
 */
export function CarriedOverRecommendations({ meeting }: { meeting: MeetingDto }) {
  const me = useMe();
  if (!can(me, 'recommendations:read')) return null;
  return <CarriedOverList meeting={meeting} raises={can(me, 'recommendations:raise')} />;
}

function CarriedOverList({ meeting, raises }: { meeting: MeetingDto; raises: boolean }) {
  const { t, name, fmt } = useRecommendationsI18n();
  const list = useCarriedOver(meeting.id);
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
        {raises && meeting.agenda.length > 0 && (
          <ul className="links">
            {meeting.agenda.map((item) => (
              <li key={item.id}>
                <Link
                  to={paths.recommendationNew(new URLSearchParams({ meetingId: String(meeting.id), agendaItemId: String(item.id) }))}
                  data-testid="recommendation-from-item"
                  data-item={item.id}
                >
                  {fmt(t.carriedOver.raiseFrom, { title: `${item.numbering}. ${item.titleKo}` })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
