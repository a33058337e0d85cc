import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { MeetingSummaryDto } from '../../api/client';
import { listMeetings } from '../../api/operations';
import { run } from '../../lib/apiQuery';
import { paths } from '../../lib/paths';
import { Timestamp } from '../../ui/Details';
import { Loading } from '../../ui/Loading';
import { ProblemView } from '../../ui/ProblemView';
import { useMeeting } from './api';
import { useMeetingsI18n } from './i18n';
import { MeetingNumber, MeetingStateBadge } from './MeetingBadges';
import { itemsConcerning } from './meetings';
import './meetings.css';

/** How many of a cluster's meetings the page lists (newest first): a council meets a few times a year. */
const SHOWN = 20;

/** The meetings whose agenda names the cluster (the list's clusterCode filter), each with the items and decisions about it. */
export function ClusterMeetings({ cluster }: { cluster: { id: number; code: string } }) {
  const { t } = useMeetingsI18n();
  const query = useQuery({
    queryKey: ['meetings', 'cluster', cluster.code],
    queryFn: ({ signal }) => run((clients) => listMeetings(clients.meetings, { clusterCode: cluster.code, limit: SHOWN }), signal),
  });
  return (
    <section className="card" aria-labelledby="cluster-meetings-title" data-testid="cluster-meetings">
      <h2 id="cluster-meetings-title" className="card__title">
        {t.clusterMeetings.title}
      </h2>
      <div className="card__body">
        {query.isPending && <Loading />}
        {query.error && <ProblemView problem={query.error} onRetry={() => void query.refetch()} />}
        {query.data &&
          (query.data.items.length === 0 ? (
            <p className="muted">{t.clusterMeetings.none}</p>
          ) : (
            <ul className="comments">
              {query.data.items.map((m) => (
                <ClusterMeeting key={m.id} meeting={m} clusterId={cluster.id} />
              ))}
            </ul>
          ))}
      </div>
    </section>
  );
}

// REVIEW: one read of each listed meeting (at most SHOWN) for its items and decisions; a meeting list that carried
// them would save the reads, but a council's few meetings a year do not need it yet.
function ClusterMeeting({ meeting: m, clusterId }: { meeting: MeetingSummaryDto; clusterId: number }) {
  const { t, lang } = useMeetingsI18n();
  const detail = useMeeting(m.id);
  const items = detail.data ? itemsConcerning(detail.data.value.agenda, clusterId) : [];
  return (
    <li className="comment" data-testid="cluster-meeting" data-meeting-id={m.id}>
      <div className="comment__head">
        <Link to={paths.meeting(m.id)}>
          <MeetingNumber number={m.number} /> {lang === 'en' ? m.titleEn?.trim() || m.titleKo : m.titleKo}
        </Link>
        <MeetingStateBadge state={m.state} />
        <span className="history__time">
          <Timestamp iso={m.startsAt} />
        </span>
      </div>
      {items.length > 0 && (
        <ul className="meeting-follow-ups">
          {items.map((item) => (
            <li key={item.id} data-testid="cluster-decision" data-outcome={item.decision?.outcome ?? ''}>
              <span className="row-title">
                {item.numbering} {lang === 'en' ? item.titleEn?.trim() || item.titleKo : item.titleKo}
              </span>
              <span className="row-sub">
                {item.decision ? `${t.decisionOutcomes[item.decision.outcome]} — ${item.decision.text}` : t.clusterMeetings.undecided}
              </span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
