import { Link } from 'react-router';
import type { IssueMeetingDto } from '../../api/client';
import { paths } from '../../lib/paths';
import { Timestamp } from '../../ui/Details';
import { useIssueCouncilI18n } from './i18n/council';

/** The meetings whose agenda named this issue, each with its item and the decision on it (links to the meeting). */
export function IssueMeetings({ meetings }: { meetings: readonly IssueMeetingDto[] }) {
  const { t, fmt } = useIssueCouncilI18n();
  return (
    <section className="card" aria-labelledby="issue-meetings-title" data-testid="issue-meetings">
      <h2 id="issue-meetings-title" className="card__title">
        {t.issueMeetings.title}
      </h2>
      <div className="card__body">
        {meetings.length === 0 ? (
          <p className="muted">{t.issueMeetings.none}</p>
        ) : (
          <>
            <p className="muted">{t.issueMeetings.intro}</p>
            <ul className="comments">
              {meetings.map((m) => (
                <li key={m.agendaItemId} className="comment" data-testid="issue-meeting" data-meeting-id={m.meetingId} data-outcome={m.outcome ?? ''}>
                  <div className="comment__head">
                    <Link to={paths.meeting(m.meetingId)}>
                      {m.meetingNumber != null ? fmt(t.issueMeetings.number, { n: m.meetingNumber }) : t.issueMeetings.unnumbered} {m.meetingTitleKo}
                    </Link>
                    <span className="history__time">
                      <Timestamp iso={m.startsAt} />
                    </span>
                  </div>
                  <p>
                    {m.itemTitleKo} · <strong>{m.outcome ? t.decisionOutcomes[m.outcome] : t.issueMeetings.undecided}</strong>
                  </p>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}

/** The decided items a move may name as the decision it carries out. */
export function decidedItems(meetings: readonly IssueMeetingDto[]): IssueMeetingDto[] {
  return meetings.filter((m) => m.outcome != null);
}
