import { Link } from 'react-router';
import type { MeetingDto } from '../../api/client';
import { paths } from '../../lib/paths';
import { can } from '../../lib/permissions';
import { useMe } from '../auth/session';
import { useCollaborationsOf } from './api';
import { CollaborationStateBadge } from './CollaborationBadges';
import { useCollaborationsI18n } from './i18n';

/**
 * "협력 사업" on a meeting's page: the projects its decisions started, under the agenda item that decided them, and for
 * those who keep projects a link from every decided item to register one from that decision.
 */
export function MeetingCollaborations({ meeting }: { meeting: MeetingDto }) {
  const { t, fmt, name } = useCollaborationsI18n();
  const me = useMe();
  const list = useCollaborationsOf({ meetingId: meeting.id });
  const items = list.data?.items ?? [];
  const c = t.meetingCollaborations;
  const keeps = can(me, 'registry:write') || can(me, 'cluster:edit-own');
  const decided = meeting.agenda.filter((item) => item.decision);
  if (list.isSuccess && items.length === 0 && !(keeps && decided.length > 0)) return null;
  return (
    <section className="card" aria-labelledby="meeting-collaborations-title" data-testid="meeting-collaborations">
      <h2 id="meeting-collaborations-title" className="card__title">
        {c.title}
      </h2>
      <div className="card__body">
        <p className="muted">{c.intro}</p>
        {list.isSuccess && items.length === 0 ? (
          <p data-testid="meeting-collaborations-empty">{c.empty}</p>
        ) : (
          <ul>
            {items.map((p) => (
              <li key={p.id} data-testid="meeting-collaboration" data-id={p.id}>
                <Link to={paths.collaboration(p.id)}>{name({ nameKo: p.titleKo, nameEn: p.titleEn })}</Link>
                {p.source?.agendaItemTitleKo && <span className="muted"> · {p.source.agendaItemTitleKo}</span>} <CollaborationStateBadge state={p.state} />
              </li>
            ))}
          </ul>
        )}
        {keeps && decided.length > 0 && (
          <ul className="links">
            {decided.map((item) => (
              <li key={item.id}>
                <Link
                  to={paths.collaborationNew(new URLSearchParams({ meetingId: String(meeting.id), agendaItemId: String(item.id) }))}
                  data-testid="collaboration-from-decision"
                  data-item={item.id}
                >
                  {fmt(c.startFrom, { title: `${item.numbering}. ${item.titleKo}` })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
