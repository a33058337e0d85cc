import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api, type Versioned } from '../../api/api';
import type { MeetingDto, MinutesDto, MinutesMoveRequest } from '../../api/client';
import { Detail, Timestamp } from '../../ui/Details';
import { Field, Notice } from '../../ui/Form';
import { Loading } from '../../ui/Loading';
import { ProblemView } from '../../ui/ProblemView';
import { WorkflowMoves, type MoveMutation } from '../../ui/WorkflowMoves';
import { useChangeMinutes, useMinutes } from './api';
import { useMeetingsI18n } from './i18n';
import {
  buildMinutesRequest,
  decisionsSheetHref,
  isLatest,
  minutesPdfHref,
  pickedVersion,
  remarksByAgendaId,
  remarksField,
  withApprovingMeeting,
} from './minutes';
import './meetings.css';

const FORM = 'minutes';
const VERSION_PARAM = 'minutesVersion';

/** The meeting's minutes (회의록): shown once the meeting was held; the secretariat writes, circulates and publishes them. */
export function MinutesSection({ meeting, manages }: { meeting: MeetingDto; manages: boolean }) {
  const { t, fmt } = useMeetingsI18n();
  const [search, setSearch] = useSearchParams();
  const [seen, setSeen] = useState<number[]>([]);
  const version = pickedVersion(search.get(VERSION_PARAM), seen);
  const query = useMinutes(meeting.id, version, true);
  const current = query.data;
  const create = useChangeMinutes(meeting.id, undefined);
  const [done, setDone] = useState<string>();

  function pick(next: number | undefined) {
    const params = new URLSearchParams(search);
    if (next === undefined) params.delete(VERSION_PARAM);
    else params.set(VERSION_PARAM, String(next));
    setSearch(params, { replace: true });
  }

  if (current && current.value.versions.join() !== seen.join()) setSeen(current.value.versions);

  return (
    <section className="card" aria-labelledby="minutes-title" data-testid="minutes">
      <h2 id="minutes-title" className="card__title">
        {t.minutes.title}
      </h2>
      <div className="card__body">
        {done && <Notice testId="minutes-notice">{done}</Notice>}
        {query.isPending && <Loading />}
        {query.isError && <ProblemView problem={query.error} onRetry={() => void query.refetch()} />}
        {current === null && (
          <div data-testid="minutes-none">
            <p className="muted">{t.minutes.none}</p>
            {manages && (
              <>
                {create.error && <ProblemView problem={create.error} />}
                <button
                  type="button"
                  className="button button--primary"
                  disabled={create.isPending}
                  data-testid="minutes-create"
                  onClick={() => create.mutate((clients) => clients.minutes.putMinutes(meeting.id, { summary: null, remarks: {} }))}
                >
                  {t.minutes.create}
                </button>
              </>
            )}
          </div>
        )}
        {current && (
          <MinutesView
            key={`${current.value.versionNo}-${current.etag}`}
            meeting={meeting}
            minutes={current}
            manages={manages}
            picked={version}
            onPick={pick}
            onReload={() => void query.refetch()}
            onDone={setDone}
          />
        )}
        <p className="minutes-links">
          {current && (
            <a href={minutesPdfHref(api.baseUrl, meeting.id, version)} data-testid="minutes-pdf">
              {t.minutes.pdf}
            </a>
          )}
          <a href={decisionsSheetHref(api.baseUrl, meeting.id)} data-testid="decisions-xlsx">
            {t.minutes.decisionsSheet}
          </a>
        </p>
        {current && version !== undefined && <p className="muted">{fmt(t.minutes.viewingOld, { n: version })}</p>}
      </div>
    </section>
  );
}

interface MinutesViewProps {
  meeting: MeetingDto;
  minutes: Versioned<MinutesDto>;
  manages: boolean;
  picked: number | undefined;
  onPick: (version: number | undefined) => void;
  onReload: () => void;
  onDone: (notice: string) => void;
}

function MinutesView({ meeting, minutes, manages, picked, onPick, onReload, onDone: setDone }: MinutesViewProps) {
  const { t, fmt } = useMeetingsI18n();
  const m = minutes.value;
  const latest = isLatest(m);
  const change = useChangeMinutes(meeting.id, minutes.etag);
  const revise = useChangeMinutes(meeting.id, minutes.etag);
  const [approving, setApproving] = useState('');
  const editable = manages && latest && m.state === 'draft';
  const move: MoveMutation<MinutesMoveRequest> = {
    mutate: (body, options) =>
      change.mutate((clients, etag) => clients.minutes.moveMinutes(meeting.id, etag ?? '', withApprovingMeeting(body, approving)), {
        onSuccess: () => {
          onPick(undefined);
          options.onSuccess();
        },
      }),
    isPending: change.isPending,
    error: change.error,
    reset: change.reset,
  };

  return (
    <div className="minutes" data-testid="minutes-view" data-state={m.state} data-version={m.versionNo} data-etag={minutes.etag}>
      <div className="minutes__head">
        <span className={`badge minutes-state minutes-state--${m.state}`} data-testid="minutes-state" data-state={m.state}>
          {t.minutesStates[m.state]}
        </span>
        <span className="code-chip" data-testid="minutes-version">
          {fmt(t.minutes.version, { n: m.versionNo })}
        </span>
        {m.versions.length > 1 && (
          <label className="minutes__picker">
            {t.minutes.pickVersion}{' '}
            <select
              value={picked ?? ''}
              onChange={(event) => onPick(event.target.value ? Number(event.target.value) : undefined)}
              data-testid="minutes-version-picker"
            >
              <option value="">{t.minutes.latest}</option>
              {m.versions.map((v) => (
                <option key={v} value={v}>
                  {fmt(t.minutes.version, { n: v })}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <dl className="details">
        {m.circulatedAt && (
          <Detail label={t.minutes.circulatedAt}>
            <Timestamp iso={m.circulatedAt} />
          </Detail>
        )}
        {m.approvedAt && (
          <Detail label={t.minutes.approvedAt}>
            <Timestamp iso={m.approvedAt} />
            {m.approvedBy && <> · {t.minutesApprovals[m.approvedBy]}</>}
          </Detail>
        )}
        {m.publishedAt && (
          <Detail label={t.minutes.publishedAt}>
            <Timestamp iso={m.publishedAt} />
          </Detail>
        )}
      </dl>
      {editable ? (
        <MinutesForm meeting={meeting} minutes={minutes} onSaved={() => setDone(t.minutes.saved)} onReload={onReload} />
      ) : (
        <>
          <h3 className="minutes__subtitle">{t.minutes.summary}</h3>
          {m.summary?.trim() ? (
            <p className="prose" data-testid="minutes-summary">
              {m.summary}
            </p>
          ) : (
            <p className="muted">{t.minutes.noSummary}</p>
          )}
          <h3 className="minutes__subtitle">{t.minutes.remarks}</h3>
          <ol className="minutes-items">
            {m.items.map((item) => (
              <li key={item.numbering} data-testid="minutes-item" data-numbering={item.numbering}>
                <span className="row-title">
                  {item.numbering} {item.titleKo}
                </span>
                {item.remarks?.trim() ? <p className="prose">{item.remarks}</p> : <p className="muted">{t.minutes.noRemarks}</p>}
              </li>
            ))}
          </ol>
        </>
      )}
      {manages && latest && m.moveForms.length > 0 && (
        <div className="minutes__moves" data-testid="minutes-moves">
          {m.moveForms.some((f) => f.to === 'approved') && (
            <div className="form-field">
              <label htmlFor="minutes-approving-meeting">{t.minutes.approvingMeeting}</label>
              <input
                id="minutes-approving-meeting"
                type="number"
                min={1}
                step={1}
                inputMode="numeric"
                value={approving}
                onChange={(event) => setApproving(event.target.value)}
                aria-describedby="minutes-approving-meeting-hint"
              />
              <p id="minutes-approving-meeting-hint" className="form-field__hint">
                {t.minutes.approvingMeetingHint}
              </p>
            </div>
          )}
          <WorkflowMoves
            key={minutes.etag}
            moveForms={m.moveForms}
            label={(to) => t.minutesMoves[to as keyof typeof t.minutesMoves] ?? to}
            fieldLabel={(name) => t.minutes.fields[name as keyof typeof t.minutes.fields] ?? name}
            choiceLabel={(field, choice) => (field === 'approvedBy' && choice in t.minutesApprovals ? t.minutesApprovals[choice as keyof typeof t.minutesApprovals] : choice)}
            mutation={move}
            onReload={onReload}
            onMoved={(to) => setDone(fmt(t.minutes.moved, { move: t.minutesMoves[to as keyof typeof t.minutesMoves] ?? to }))}
            idPrefix="minutes-move"
          />
        </div>
      )}
      {manages && latest && m.state === 'published' && (
        <div className="minutes__revise">
          {revise.error && <ProblemView problem={revise.error} />}
          <button
            type="button"
            className="button"
            disabled={revise.isPending}
            data-testid="minutes-revise"
            onClick={() => revise.mutate((clients, etag) => clients.minutes.reviseMinutes(meeting.id, etag ?? ''), {
                onSuccess: () => {
                  onPick(undefined);
                  setDone(t.minutes.revised);
                },
              })
            }
          >
            {t.minutes.revise}
          </button>
        </div>
      )}
    </div>
  );
}

function MinutesForm({ meeting, minutes, onSaved, onReload }: { meeting: MeetingDto; minutes: Versioned<MinutesDto>; onSaved: () => void; onReload: () => void }) {
  const { t } = useMeetingsI18n();
  const m = minutes.value;
  const save = useChangeMinutes(meeting.id, minutes.etag);
  const initial = remarksByAgendaId(meeting.agenda, m.items);
  const idOf = new Map(meeting.agenda.map((a) => [a.numbering, a.id]));
  const errors = save.error?.errors;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const remarks = Object.fromEntries(meeting.agenda.map((a) => [a.id, String(data.get(remarksField(a.id)) ?? '')]));
    const body = buildMinutesRequest(String(data.get('summary') ?? ''), remarks);
    save.mutate((clients, etag) => clients.minutes.putMinutes(meeting.id, body, etag), { onSuccess: onSaved });
  }

  return (
    <form className="minutes-form" onSubmit={submit} noValidate aria-busy={save.isPending} data-testid="minutes-form">
      <Field form={FORM} name="summary" label={t.minutes.summary} errors={errors} wide>
        {(p) => <textarea {...p} rows={5} maxLength={20000} defaultValue={m.summary ?? ''} />}
      </Field>
      {m.items.map((item) => {
        const id = idOf.get(item.numbering);
        if (id === undefined) return null;
        return (
          <Field key={id} form={FORM} name={remarksField(id)} label={`${item.numbering} ${item.titleKo} — ${t.minutes.remarksOf}`} errors={errors} wide>
            {(p) => <textarea {...p} rows={3} maxLength={20000} defaultValue={initial[id] ?? ''} data-testid="minutes-remarks" />}
          </Field>
        );
      })}
      {save.error && (
        <>
          <ProblemView problem={save.error} />
          {save.error.status === 412 && (
            <button type="button" className="button" onClick={onReload}>
              {t.minutes.reload}
            </button>
          )}
        </>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={save.isPending} data-testid="minutes-save">
          {save.isPending ? t.minutes.saving : t.minutes.save}
        </button>
      </div>
    </form>
  );
}
