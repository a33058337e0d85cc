import { ExportLinks } from '../../ui/ExportLinks';
import { Link, useSearchParams } from 'react-router';
import type { MeetingSummaryDto } from '../../api/client';
import { MEETING_STATES } from '../../api/enums';
import { useMeetingsI18n } from './i18n';
import { addMonths, kstDay, kstMonth, kstTime, monthWeeks } from '../../lib/kst';
import { useGo } from '../../lib/navigation';
import { paths } from '../../lib/paths';
import { managesCouncil } from '../../lib/permissions';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { DataTable, useOpenRow } from '../../ui/DataTable';
import { Timestamp } from '../../ui/Details';
import { Loading } from '../../ui/Loading';
import { ProblemView } from '../../ui/ProblemView';
import { useMe } from '../auth/session';
import { useMeetingList, useMeetingMonth } from './api';
import { MeetingNumber, MeetingStateBadge } from './MeetingBadges';
import { meetingExportQuery, meetingListQuery, readMeetingList, type MeetingListState } from './meetings';
import './meetings.css';

export function MeetingsPage() {
  const { t } = useMeetingsI18n();
  useDocumentTitle(t.meetings.title);
  const me = useMe();
  const [search] = useSearchParams();
  const navigate = useGo();
  const state = readMeetingList(search);
  const go = (next: Partial<MeetingListState>) => navigate(paths.meetings(meetingListQuery({ ...state, ...next })), { keepScroll: true });

  return (
    <div className="page page--wide">
      <header className="page__header page__header--actions">
        <div>
          <h1>{t.meetings.title}</h1>
          <p className="page__intro">{t.meetings.intro}</p>
        </div>
        <div className="page__actions">
          <ExportLinks path="/api/v1/meetings/export" query={meetingExportQuery(state)} hint={t.meetings.exportHint} testId="meetings-export" />
          {managesCouncil(me) && (
            <Link to={paths.meetingNew()} className="button button--primary" data-testid="meeting-plan">
              {t.meetings.plan}
            </Link>
          )}
        </div>
      </header>
      <div className="toolbar">
        <div className="segmented" role="group" aria-label={t.meetings.viewLabel}>
          <button type="button" className="segmented__item" aria-pressed={state.view === 'calendar'} onClick={() => go({ view: 'calendar' })} data-testid="view-calendar">
            {t.meetings.viewCalendar}
          </button>
          <button type="button" className="segmented__item" aria-pressed={state.view === 'list'} onClick={() => go({ view: 'list' })} data-testid="view-list">
            {t.meetings.viewList}
          </button>
        </div>
        {state.view === 'list' && (
          <div className="field field--inline">
            <label htmlFor="m-state">{t.meetings.stateFilter}</label>
            <select id="m-state" value={state.state[0] ?? ''} onChange={(e) => go({ state: MEETING_STATES.filter((s) => s === e.target.value) })} data-testid="meeting-state-filter">
              <option value="">{t.common.all}</option>
              {MEETING_STATES.map((s) => (
                <option key={s} value={s}>
                  {t.meetingStates[s]}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {state.view === 'calendar' ? <MeetingCalendar state={state} go={go} /> : <MeetingTable state={state} />}
    </div>
  );
}

function MeetingCalendar({ state, go }: { state: MeetingListState; go: (next: Partial<MeetingListState>) => void }) {
  const { t, fmt, lang } = useMeetingsI18n();
  const month = useMeetingMonth(state.month);
  const [year, monthNumber] = state.month.split('-').map(Number);
  const today = kstDay(new Date().toISOString());
  const meetings = month.data?.items ?? [];
  const weekdays = t.meetings.weekdays.split(',');
  const title = (m: MeetingSummaryDto) => (lang === 'en' ? m.titleEn?.trim() || m.titleKo : m.titleKo);

  return (
    <section className="card meeting-calendar" aria-labelledby="calendar-title" data-testid="meeting-calendar" data-month={state.month}>
      <div className="meeting-calendar__head">
        <button type="button" className="button button--small" onClick={() => go({ month: addMonths(state.month, -1) })} aria-label={t.meetings.previousMonth}>
          ‹
        </button>
        <h2 id="calendar-title" className="card__title" aria-live="polite">
          {fmt(t.meetings.monthTitle, { year, month: monthNumber })}
        </h2>
        <button type="button" className="button button--small" onClick={() => go({ month: addMonths(state.month, 1) })} aria-label={t.meetings.nextMonth}>
          ›
        </button>
        {state.month !== kstMonth() && (
          <button type="button" className="button button--link" onClick={() => go({ month: kstMonth() })}>
            {t.meetings.thisMonth}
          </button>
        )}
      </div>
      {month.isPending ? (
        <Loading />
      ) : month.error ? (
        <ProblemView problem={month.error} onRetry={() => void month.refetch()} />
      ) : (
        <>
          <table className="meeting-calendar__grid">
            <thead>
              <tr>
                {weekdays.map((d) => (
                  <th key={d} scope="col">
                    {d}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {monthWeeks(state.month).map((week, w) => (
                <tr key={w}>
                  {week.map((day, d) => (
                    <td key={d} className={day === today ? 'meeting-calendar__day meeting-calendar__day--today' : 'meeting-calendar__day'} data-day={day ?? undefined}>
                      {day && (
                        <>
                          <span className="meeting-calendar__date">{Number(day.slice(8))}</span>
                          <ul>
                            {meetings
                              .filter((m) => kstDay(m.startsAt) === day)
                              .map((m) => (
                                <li key={m.id} className={`meeting-calendar__event meeting-calendar__event--${m.state}`}>
                                  <Link to={paths.meeting(m.id)} data-testid="calendar-meeting" data-id={m.id}>
                                    <span className="meeting-calendar__time">{kstTime(m.startsAt)}</span> {title(m)}
                                  </Link>
                                  <MeetingStateBadge state={m.state} />
                                </li>
                              ))}
                          </ul>
                        </>
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {meetings.length === 0 && <p className="card__body muted">{t.meetings.noMeetings}</p>}
        </>
      )}
    </section>
  );
}

function MeetingTable({ state }: { state: MeetingListState }) {
  const { t, fmt, lang } = useMeetingsI18n();
  const list = useMeetingList(state.state);
  const openRow = useOpenRow();
  const c = t.meetings.columns;
  return (
    <DataTable
      list={list}
      name="meetings"
      caption={t.meetings.caption}
      className="table table--clickable"
      columns={[c.number, c.title, c.startsAt, c.venue, c.state, c.agenda, c.followUps]}
      empty={t.meetings.empty}
      row={(m: MeetingSummaryDto) => (
        <tr key={m.id} onClick={(e) => openRow(e, paths.meeting(m.id))} data-testid="meeting-row" data-id={m.id} data-state={m.state}>
          <td>
            <MeetingNumber number={m.number} />
          </td>
          <td>
            <Link to={paths.meeting(m.id)} className="row-title">
              {lang === 'en' ? m.titleEn?.trim() || m.titleKo : m.titleKo}
            </Link>
          </td>
          <td>
            <Timestamp iso={m.startsAt} />
          </td>
          <td>{m.venue ?? t.meetingKinds[m.kind]}</td>
          <td>
            <MeetingStateBadge state={m.state} />
          </td>
          <td>{fmt(t.meetings.agendaCount, { count: m.agendaItems })}</td>
          <td>{m.openFollowUps}</td>
        </tr>
      )}
    />
  );
}
