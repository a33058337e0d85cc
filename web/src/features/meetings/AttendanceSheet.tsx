import { useRef, useState } from 'react';
import type { Versioned } from '../../api/api';
import type { MeetingDto, QuorumRule, SeatDto } from '../../api/client';
import { ATTENDANCE_STATUSES, isOneOf } from '../../api/enums';
import { useMeetingsI18n } from './i18n';
import { ColumnHeads } from '../../ui/DataTable';
import { FormProblem, Notice, splitErrors } from '../../ui/Form';
import { Loading } from '../../ui/Loading';
import { ProblemView } from '../../ui/ProblemView';
import { useAgencyChoices } from '../agencies/AgencyChoice';
import { useCouncilSeats } from '../council/api';
import { seatLabel } from '../council/council';
import { useChangeMeeting } from './api';
import { attendanceRequest, initialSheet, sheetQuorum, type AttendanceSheet as Sheet, type QuorumCount, type SeatLine } from './meetings';

interface AttendanceProps {
  meeting: Versioned<MeetingDto>;
  manages: boolean;
  onReload: () => void;
}

/** How each seat took part, with the quorum: computed live from the sheet before saving, and as the API saved it. */
export function AttendanceSheet({ meeting, manages }: AttendanceProps) {
  const { t } = useMeetingsI18n();
  const m = meeting.value;
  const editable = manages && (m.state === 'convened' || m.state === 'held');
  const seats = useCouncilSeats(m.bodyCode);
  // Which version the sheet was saved as: the notice stays while that version is the one shown.
  const [savedAs, setSavedAs] = useState<string>();
  return (
    <section className="card" aria-labelledby="attendance-title" data-testid="attendance">
      <h2 id="attendance-title" className="card__title">
        {t.attendance.title}
      </h2>
      <div className="card__body">
        {m.attendance.length > 0 || m.state !== 'planned' ? <QuorumIndicator quorum={m.quorum} label={t.quorum.saved} testId="quorum-saved" /> : null}
        {!editable ? (
          <SavedAttendance meeting={m} />
        ) : seats.isPending ? (
          <Loading />
        ) : seats.error ? (
          <ProblemView problem={seats.error} onRetry={() => void seats.refetch()} />
        ) : (
          // A new version of the meeting (saved, or changed elsewhere and reloaded) starts the sheet afresh.
          <SheetForm key={meeting.etag} meeting={meeting} seats={seats.data} onSaved={setSavedAs} />
        )}
        {savedAs === meeting.etag && <Notice testId="attendance-saved-notice">{t.attendance.saved}</Notice>}
        {manages && m.state === 'planned' && <p className="muted">{t.attendance.notYet}</p>}
      </div>
    </section>
  );
}

export function QuorumIndicator({ quorum, label, testId }: { quorum: QuorumCount & { openingRule?: QuorumRule }; label: string; testId: string }) {
  const { t, fmt } = useMeetingsI18n();
  return (
    <p className={quorum.met ? 'quorum quorum--met' : 'quorum quorum--not'} data-testid={testId} data-met={quorum.met} data-present={quorum.present} data-needed={quorum.needed} aria-live="polite">
      <span className="quorum__label">{label}</span> <strong>{quorum.met ? t.quorum.met : t.quorum.notMet}</strong>{' '}
      <span className="quorum__detail">
        {fmt(t.quorum.detail, { seats: quorum.seats, present: quorum.present, needed: quorum.needed, votes: quorum.votesToDecide })}
      </span>
    </p>
  );
}

function SavedAttendance({ meeting }: { meeting: MeetingDto }) {
  const { t, name } = useMeetingsI18n();
  if (meeting.attendance.length === 0) return <p className="muted">{t.attendance.none}</p>;
  return (
    <ul className="attendance-saved" data-testid="attendance-saved">
      {meeting.attendance.map((a, i) => (
        <li key={i}>
          <span className={`badge attendance-status attendance-status--${a.status}`}>{t.attendanceStatuses[a.status]}</span> {a.seatLabel ?? a.name}
          {a.seatLabel && a.name !== a.seatLabel && <span className="row-sub"> {a.name}</span>}
          {a.substituteName && <span className="row-sub"> ({a.substituteName})</span>}
          {!a.seatLabel && a.agency && <span className="row-sub"> {name(a.agency)}</span>}
        </li>
      ))}
    </ul>
  );
}

function SheetForm({ meeting, seats, onSaved }: { meeting: Versioned<MeetingDto>; seats: SeatDto[]; onSaved: (etag: string) => void }) {
  const { t, fmt, lang } = useMeetingsI18n();
  const m = meeting.value;
  const change = useChangeMeeting(meeting);
  const agencies = useAgencyChoices();
  const [sheet, setSheet] = useState<Sheet>(() => initialSheet(seats, m.attendance));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const next = useRef(0);
  const live = sheetQuorum(seats, sheet, m.quorum.openingRule, m.quorum.decisionRule);
  const { rest } = splitErrors(change.error ?? undefined, []);
  const statuses = ATTENDANCE_STATUSES.filter((s) => s !== 'observer');

  const setLine = (seatId: number, patch: Partial<SeatLine>) => {
    setSheet((s) => ({ ...s, seats: s.seats.map((l) => (l.seatId === seatId ? { ...l, ...patch } : l)) }));
  };

  function save() {
    const { body, errors: found } = attendanceRequest(sheet);
    setErrors(Object.fromEntries(Object.entries(found).map(([key, code]) => [key, t.attendance.errors[code]])));
    if (!body) return change.reset();
    change.mutate((clients, etag) => clients.meetings.putAttendance(m.id, etag, body), { onSuccess: (next) => onSaved(next.etag) });
  }

  return (
    <div className="attendance-sheet" data-testid="attendance-sheet">
      <p className="muted">{t.attendance.intro}</p>
      <QuorumIndicator quorum={live} label={t.quorum.live} testId="quorum-live" />
      <div className="toolbar">
        <button
          type="button"
          className="button button--small"
          onClick={() => {
                    setSheet((s) => ({ ...s, seats: s.seats.map((l) => ({ ...l, status: 'present' })) }));
          }}
          data-testid="attendance-all-present"
        >
          {t.attendance.allPresent}
        </button>
      </div>
      <div className="table-wrap">
        <table className="table attendance-table">
          <caption className="visually-hidden">{t.attendance.caption}</caption>
          <ColumnHeads columns={[t.attendance.seat, t.attendance.holder, t.attendance.status, t.attendance.substituteName]} />
          <tbody>
            {sheet.seats.map((line) => {
              const seat = seats.find((s) => s.id === line.seatId)!;
              const label = seatLabel(seat, lang);
              const error = errors[`seat-${seat.id}`];
              return (
                <tr key={seat.id} data-testid="attendance-row" data-seat={seat.id} data-status={line.status}>
                  <td>{label}</td>
                  <td>{seat.holder?.personName ?? <span className="muted">{t.attendance.vacant}</span>}</td>
                  <td>
                    <select
                      value={line.status}
                      aria-label={fmt(t.attendance.statusLabel, { seat: label })}
                      onChange={(e) => isOneOf(statuses, e.target.value) && setLine(seat.id, { status: e.target.value })}
                      data-testid="attendance-status"
                    >
                      {statuses.map((s) => (
                        <option key={s} value={s}>
                          {t.attendanceStatuses[s]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    {line.status === 'substitute' && (
                      <>
                        <input
                          value={line.substituteName}
                          maxLength={100}
                          aria-label={fmt(t.attendance.substituteNameLabel, { seat: label })}
                          aria-invalid={error ? true : undefined}
                          onChange={(e) => setLine(seat.id, { substituteName: e.target.value })}
                          data-testid="attendance-substitute"
                        />
                        {error && (
                          <p className="form-field__error" data-testid="field-error">
                            {error}
                          </p>
                        )}
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <fieldset className="attendance-observers">
        <legend>{t.attendance.observers}</legend>
        {sheet.observers.map((o) => (
          <div key={o.key} className="attendance-observer" data-testid="observer-line">
            <label>
              {t.attendance.observerName}
              <input
                value={o.name}
                maxLength={100}
                aria-invalid={errors[o.key] ? true : undefined}
                onChange={(e) => setSheet((s) => ({ ...s, observers: s.observers.map((x) => (x.key === o.key ? { ...x, name: e.target.value } : x)) }))}
              />
            </label>
            <label>
              {t.attendance.observerAgency}
              <select value={o.agencyCode} onChange={(e) => setSheet((s) => ({ ...s, observers: s.observers.map((x) => (x.key === o.key ? { ...x, agencyCode: e.target.value } : x)) }))}>
                <option value="">{t.attendance.noAgency}</option>
                {(agencies.data ?? []).map((a) => (
                  <option key={a.code} value={a.code}>
                    {a.label}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="button button--link" onClick={() => setSheet((s) => ({ ...s, observers: s.observers.filter((x) => x.key !== o.key) }))}>
              {t.attendance.removeObserver}
            </button>
            {errors[o.key] && (
              <p className="form-field__error" data-testid="field-error">
                {errors[o.key]}
              </p>
            )}
          </div>
        ))}
        <button
          type="button"
          className="button button--small"
          onClick={() => setSheet((s) => ({ ...s, observers: [...s.observers, { key: `new-${++next.current}`, name: '', agencyCode: '' }] }))}
          data-testid="observer-add"
        >
          {t.attendance.addObserver}
        </button>
      </fieldset>
      <div className="form__footer">
        {change.error && <FormProblem errors={{}} rest={rest} />}
        <div className="form__actions">
          <button type="button" className="button button--primary" onClick={save} disabled={change.isPending} data-testid="attendance-save">
            {change.isPending ? t.common.saving : t.attendance.save}
          </button>
        </div>
      </div>
    </div>
  );
}
