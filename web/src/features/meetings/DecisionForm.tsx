import { useRef, useState, type FormEvent } from 'react';
import type { Versioned } from '../../api/api';
import type { AgendaItemDto, MeetingDto } from '../../api/client';
import { DECISION_OUTCOMES, isOneOf } from '../../api/enums';
import { useMeetingsI18n } from './i18n';
import { Field, FormProblem, mergeErrors, splitErrors, type FieldErrors } from '../../ui/Form';
import { useAgencyChoices } from '../agencies/AgencyChoice';
import { useChangeMeeting } from './api';
import { decisionRequest, type DecisionValues, type FollowUpValues } from './meetings';

interface DecisionViewProps {
  meeting: Versioned<MeetingDto>;
  item: AgendaItemDto;
  manages: boolean;
  onReload: () => void;
}

/** An item's decision as recorded, and for the secretariat (while the meeting is convened or held) the form to record it. */
export function DecisionView({ meeting, item, manages }: DecisionViewProps) {
  const { t, fmt } = useMeetingsI18n();
  const [open, setOpen] = useState(false);
  const m = meeting.value;
  const decidable = manages && (m.state === 'convened' || m.state === 'held');
  const d = item.decision;
  return (
    <div className="decision" data-testid="decision" data-decided={d ? 'true' : 'false'} data-outcome={d?.outcome}>
      {d ? (
        <div className="decision__recorded">
          <span className={`badge decision-outcome decision-outcome--${d.outcome}`}>{t.decisionOutcomes[d.outcome]}</span>{' '}
          <span className="prose">{d.text}</span>
          {(d.votesFor != null || d.votesAgainst != null || d.votesAbstaining != null) && (
            <span className="row-sub">{fmt(t.decisions.votes, { for: d.votesFor ?? 0, against: d.votesAgainst ?? 0, abstaining: d.votesAbstaining ?? 0 })}</span>
          )}
          <span className={d.quorumMet ? 'decision__quorum' : 'decision__quorum decision__quorum--not'}>
            {d.quorumMet ? t.decisions.quorumMet : t.decisions.quorumNotMet}
          </span>
        </div>
      ) : (
        m.state !== 'planned' && <span className="muted decision__none">{t.decisions.none}</span>
      )}
      {decidable && !open && (
        <button type="button" className="button button--small" onClick={() => setOpen(true)} data-testid="decision-open">
          {d ? t.decisions.rerecord : t.decisions.record}
        </button>
      )}
      {decidable && open && <DecisionForm meeting={meeting} item={item} onDone={() => setOpen(false)} />}
    </div>
  );
}

const DECISION_FIELDS = ['outcome', 'text', 'votesFor', 'votesAgainst', 'votesAbstaining', 'followUps'] as const;

function DecisionForm({ meeting, item, onDone }: { meeting: Versioned<MeetingDto>; item: AgendaItemDto; onDone: () => void }) {
  const { t, fmt } = useMeetingsI18n();
  const m = meeting.value;
  const change = useChangeMeeting(meeting);
  const agencies = useAgencyChoices();
  const next = useRef(0);
  const [followUps, setFollowUps] = useState<FollowUpValues[]>([]);
  const [ownErrors, setOwnErrors] = useState<FieldErrors>({});
  const { inPlace, rest } = splitErrors(change.error ?? undefined, DECISION_FIELDS);
  const errors = mergeErrors(ownErrors, inPlace);
  const form = `decision-${item.id}`;
  const present = m.quorum.present;

  function update(key: string, patch: Partial<FollowUpValues>) {
    setFollowUps((all) => all.map((f) => (f.key === key ? { ...f, ...patch } : f)));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (f: string) => String(data.get(f) ?? '');
    const outcome = text('outcome');
    const values: DecisionValues = {
      outcome: isOneOf(DECISION_OUTCOMES, outcome) ? outcome : '',
      text: text('text'),
      votesFor: text('votesFor'),
      votesAgainst: text('votesAgainst'),
      votesAbstaining: text('votesAbstaining'),
      followUps,
    };
    const { body, errors: found } = decisionRequest(values, present);
    setOwnErrors(Object.fromEntries(Object.entries(found).map(([field, code]) => [field, [t.formErrors[code]]])));
    if (!body) return change.reset();
    change.mutate((clients, etag) => clients.meetings.decideAgendaItem(m.id, item.id, etag, body), { onSuccess: onDone });
  }

  const f = t.decisions.fields;
  return (
    <form className="move-form decision-form" onSubmit={submit} noValidate data-testid="decision-form" aria-busy={change.isPending}>
      <h3 className="move-form__title">{fmt(t.decisions.form, { title: item.titleKo })}</h3>
      <div className="form__grid">
        <Field form={form} name="outcome" label={f.outcome} errors={errors} required>
          {(p) => (
            <select {...p} defaultValue={item.decision?.outcome ?? ''}>
              <option value="">{t.decisions.chooseOutcome}</option>
              {DECISION_OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {t.decisionOutcomes[o]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field form={form} name="text" label={f.text} errors={errors} required wide>
          {(p) => <textarea {...p} rows={3} maxLength={8000} defaultValue={item.decision?.text ?? ''} />}
        </Field>
        <div className="form__grid--three decision-form__votes form-field--wide">
          {(['votesFor', 'votesAgainst', 'votesAbstaining'] as const).map((v) => (
            <Field key={v} form={form} name={v} label={f[v]} errors={errors} hint={v === 'votesFor' ? fmt(t.decisions.votesHint, { present }) : undefined}>
              {(p) => <input {...p} type="number" min={0} max={present} step={1} inputMode="numeric" defaultValue={item.decision?.[v] ?? ''} />}
            </Field>
          ))}
        </div>
      </div>
      <fieldset className="decision-form__follow-ups">
        <legend>{t.decisions.followUps}</legend>
        {followUps.map((fu, index) => {
          const err = (field: string) => ownErrors[`followUps.${fu.key}.${field}`];
          const id = (field: string) => `${form}-fu-${fu.key}-${field}`;
          const ff = t.decisions.followUpFields;
          return (
            <div key={fu.key} className="decision-form__follow-up" data-testid="follow-up-line" data-index={index}>
              {(
                [
                  ['title', ff.title, <input id={id('title')} name="fuTitle" value={fu.title} maxLength={300} onChange={(e) => update(fu.key, { title: e.target.value })} aria-invalid={err('title') ? true : undefined} />],
                  [
                    'ownerAgencyCode',
                    ff.ownerAgencyCode,
                    <select id={id('ownerAgencyCode')} name="fuOwner" value={fu.ownerAgencyCode} onChange={(e) => update(fu.key, { ownerAgencyCode: e.target.value })} aria-invalid={err('ownerAgencyCode') ? true : undefined}>
                      <option value="">{t.decisions.chooseOwner}</option>
                      {(agencies.data ?? []).map((a) => (
                        <option key={a.code} value={a.code}>
                          {a.label}
                        </option>
                      ))}
                    </select>,
                  ],
                  ['ownerPerson', ff.ownerPerson, <input id={id('ownerPerson')} name="fuPerson" value={fu.ownerPerson} maxLength={100} onChange={(e) => update(fu.key, { ownerPerson: e.target.value })} />],
                  ['dueOn', ff.dueOn, <input id={id('dueOn')} name="fuDue" type="date" value={fu.dueOn} onChange={(e) => update(fu.key, { dueOn: e.target.value })} aria-invalid={err('dueOn') ? true : undefined} />],
                ] as const
              ).map(([field, label, control]) => (
                <div key={field} className="form-field" data-field={`followUps.${field}`}>
                  <label htmlFor={id(field)}>{label}</label>
                  {control}
                  {err(field) && (
                    <p className="form-field__error" data-testid="field-error">
                      {err(field)!.join(' ')}
                    </p>
                  )}
                </div>
              ))}
              <button type="button" className="button button--link" onClick={() => setFollowUps((all) => all.filter((x) => x.key !== fu.key))}>
                {t.decisions.removeFollowUp}
              </button>
            </div>
          );
        })}
        <button
          type="button"
          className="button button--small"
          onClick={() => setFollowUps((all) => [...all, { key: `f${++next.current}`, title: '', ownerAgencyCode: '', ownerPerson: '', dueOn: '' }])}
          data-testid="follow-up-add"
        >
          {t.decisions.addFollowUp}
        </button>
      </fieldset>
      <div className="form__footer">
        <FormProblem errors={errors} rest={rest} />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={change.isPending} data-testid="decision-submit">
            {change.isPending ? t.common.saving : t.decisions.record}
          </button>
          <button type="button" className="button" onClick={onDone}>
            {t.common.cancel}
          </button>
        </div>
      </div>
    </form>
  );
}
