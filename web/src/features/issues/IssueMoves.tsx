import { useState, type FormEvent } from 'react';
import { useIssueDeadlinesI18n } from './i18n/deadlines';
import type { Problem, Versioned } from '../../api/api';
import type { RegulatoryIssueDto, WorkflowMoveDto } from '../../api/client';
import { INSTRUMENTS, isOneOf } from '../../api/enums';
import type { Dictionary } from '../../i18n/ko';
import {
  fieldOf,
  apiToday,
  buildMove,
  formKey,
  formKind,
  isRequired,
  moveErrorField,
  moveFields,
  type MoveError,
  type MoveField,
  type MoveKind,
  type MoveValues,
} from './issueMoves';
import { can } from '../../lib/permissions';
import { useMe } from '../auth/session';
import { Field, FormProblem, mergeErrors, splitErrors, type FieldErrors } from '../../ui/Form';
import { useMinistryChoices, withCurrent } from './IssueChoices';
import { useMoveIssue } from './api';
import './issues.css';
import { decidedItems } from './IssueMeetings';
import { useIssueCouncilI18n } from './i18n/council';

interface IssueMovesProps {
  issue: Versioned<RegulatoryIssueDto>;
  /** A move went through: the issue as it is now, with its new ETag. */
  onMoved: (next: Versioned<RegulatoryIssueDto>, kind: MoveKind) => void;
  onReload: () => void;
}

/**
 * Only the moves the API says this caller may make now (`moveForms`: the changes of state and the named deadline
 * moves that keep it), each with its own form.
 */
export function IssueMoves({ issue, onMoved, onReload }: IssueMovesProps) {
  const { t } = useIssueDeadlinesI18n();
  const me = useMe();
  const [open, setOpen] = useState<string>();
  const i = issue.value;
  const forms = i.moveForms;
  const opened = forms.find((f) => formKey(f) === open);
  // Someone who never moves issues (a viewer) is not shown an empty panel.
  if (forms.length === 0 && !can(me, 'issues:move')) return null;

  return (
    <section className="card moves" aria-labelledby="moves-title" data-testid="issue-moves">
      <h2 id="moves-title" className="card__title">
        {t.issueMoves.title}
      </h2>
      <div className="card__body">
        {forms.length === 0 ? (
          <p className="muted" data-testid="no-moves">
            {t.issueMoves.none}
          </p>
        ) : (
          <>
            <p className="moves__intro">{t.issueMoves.intro}</p>
            <div className="moves__buttons">
              {forms.map((form) => {
                const kind = formKind(i.status, form);
                const key = formKey(form);
                return (
                  <button
                    key={key}
                    type="button"
                    className={`button move-button move-button--${kind}${open === key ? ' button--primary' : ''}`}
                    aria-expanded={open === key}
                    aria-controls={`move-form-${key}`}
                    onClick={() => setOpen(open === key ? undefined : key)}
                    data-testid="move-button"
                    data-move={kind}
                    data-to={form.to}
                  >
                    {t.moves[kind]}
                  </button>
                );
              })}
            </div>
          </>
        )}
        {opened && (
          <MoveForm
            key={`${open}:${issue.etag}`}
            issue={issue}
            definition={opened}
            onCancel={() => setOpen(undefined)}
            onReload={() => {
              setOpen(undefined);
              onReload();
            }}
            onMoved={(next) => {
              setOpen(undefined);
              onMoved(next, formKind(i.status, opened));
            }}
          />
        )}
      </div>
    </section>
  );
}

function errorText(t: Dictionary, fmt: (s: string, v: Record<string, number>) => string, error: MoveError): string {
  if (error.code === 'tooShort') return fmt(t.issueMoves.errors.tooShort, { min: error.min });
  if (error.code === 'range') return fmt(t.issueMoves.errors.range, { min: error.min ?? 0, max: error.max ?? 0 });
  return t.issueMoves.errors[error.code];
}

interface MoveFormProps {
  issue: Versioned<RegulatoryIssueDto>;
  /** The form is the API's published definition of this move (its fields and their rules). */
  definition: WorkflowMoveDto;
  onMoved: (next: Versioned<RegulatoryIssueDto>) => void;
  onCancel: () => void;
  onReload: () => void;
}

function MoveForm({ issue, definition, onMoved, onCancel, onReload }: MoveFormProps) {
  const { t, fmt, lang } = useIssueDeadlinesI18n();
  const ministries = useMinistryChoices();
  const i = issue.value;
  const kind = formKind(i.status, definition);
  const to = formKey(definition);
  const fields = moveFields(definition);
  const form = `move-${to}`;
  const move = useMoveIssue();
  const problem = move.error ?? undefined;
  const pending = move.isPending;
  const [ownErrors, setOwnErrors] = useState<FieldErrors>({});
  const [lead, setLead] = useState(kind === 'reroute' ? '' : (i.leadMinistry?.code ?? ''));
  const { t: council, fmt: fmtCouncil } = useIssueCouncilI18n();
  const decided = decidedItems(i.meetings ?? []);

  // The API names the official's parts "official.name" …: put them at their controls.
  const renamed: Problem | undefined = problem?.errors
    ? {
        ...problem,
        errors: Object.fromEntries(Object.entries(problem.errors).map(([key, messages]) => [moveErrorField(key) ?? key, messages])),
      }
    : problem;
  const blocking = problem && [403, 409, 412].includes(problem.status) ? problem.status : undefined;
  const { inPlace, rest } = splitErrors(blocking ? undefined : renamed, [...fields, 'comment', 'agendaItemId']);
  const errors = mergeErrors(ownErrors, inPlace);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const values: MoveValues = { text: {}, coMinistryCodes: data.getAll('coMinistryCodes').map(String), comment: String(data.get('comment') ?? '') };
    for (const field of fields) if (field !== 'coMinistryCodes') values.text[field] = String(data.get(field) ?? '');
    const { body, errors: found } = buildMove(definition, values, apiToday());
    setOwnErrors(Object.fromEntries(Object.entries(found).map(([field, error]) => [field, [errorText(t, fmt, error)]])));
    if (!body) {
      move.reset();
      return;
    }
    const decision = String(data.get('agendaItemId') ?? '');
    move.mutate({ issue, body: decision ? { ...body, agendaItemId: Number(decision) } : body }, { onSuccess: onMoved });
  }

  const ministryOptions = withCurrent(ministries.data ?? [], lead || undefined);
  const text = (field: MoveField, props: { long?: boolean; hint?: string; defaultValue?: string; type?: string; wide?: boolean } = {}) => {
    const rules = fieldOf(definition, field);
    const min = rules?.minLength ?? undefined;
    const hint = props.hint ?? (min ? fmt(t.issueMoves.errors.tooShort, { min }) : undefined);
    return (
      <Field key={field} form={form} name={field} label={t.issueFields[field]} errors={errors} required={isRequired(definition, field)} hint={hint} wide={props.wide ?? props.long}>
        {(p) =>
          props.long ? (
            <textarea {...p} rows={(rules?.maxLength ?? 0) > 4000 ? 5 : 3} maxLength={rules?.maxLength ?? 4000} defaultValue={props.defaultValue} />
          ) : (
            <input {...p} type={props.type ?? 'text'} defaultValue={props.defaultValue} maxLength={props.type ? undefined : 200} />
          )
        }
      </Field>
    );
  };

  function control(field: MoveField) {
    switch (field) {
      case 'leadMinistryCode':
        return (
          <Field key={field} form={form} name={field} label={t.issueFields.leadMinistryCode} errors={errors} required>
            {(p) => (
              <select {...p} value={lead} onChange={(e) => setLead(e.target.value)} data-testid="move-lead-ministry">
                <option value="">{t.issueMoves.chooseMinistry}</option>
                {ministryOptions.map((m) => (
                  <option key={m.code} value={m.code}>
                    {m.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        );
      case 'coMinistryCodes':
        return (
          <fieldset key={field} className="form-field form-field--wide checkbox-group" aria-invalid={errors.coMinistryCodes ? true : undefined}>
            <legend>
              {t.issueFields.coMinistryCodes} <span className="form-field__optional">{t.form.optional}</span>
            </legend>
            <div className="checkbox-row">
              {ministryOptions
                .filter((m) => m.code !== lead)
                .map((m) => (
                  <label key={m.code} className="checkbox">
                    <input type="checkbox" name="coMinistryCodes" value={m.code} defaultChecked={i.coMinistries.some((c) => c.code === m.code)} />
                    {m.label}
                  </label>
                ))}
            </div>
            {errors.coMinistryCodes && (
              <p className="form-field__error" data-testid="field-error">
                {errors.coMinistryCodes.join(' ')}
              </p>
            )}
          </fieldset>
        );
      case 'responseDueAt':
        return text(field, { type: 'date', hint: kind === 'assign' || kind === 'rereview' ? t.issueMoves.dueHint : undefined });
      case 'proposedDueOn':
        return text(field, { type: 'date' });
      case 'proposedMinistryCode':
        return (
          <Field key={field} form={form} name={field} label={t.issueFields.proposedMinistryCode} errors={errors} required>
            {(p) => (
              <select {...p} defaultValue="" data-testid="move-proposed-ministry">
                <option value="">{t.issueMoves.chooseMinistry}</option>
                {(ministries.data ?? [])
                  .filter((m) => m.code !== i.leadMinistry?.code)
                  .map((m) => (
                    <option key={m.code} value={m.code}>
                      {m.label}
                    </option>
                  ))}
              </select>
            )}
          </Field>
        );
      case 'reason':
        return kind === 'withdraw' ? text(field, { long: true }) : (
          <Field key={field} form={form} name={field} label={t.issueFields.moveReason} errors={errors} required wide>
            {(p) => <textarea {...p} rows={3} maxLength={fieldOf(definition, field)?.maxLength ?? 4000} />}
          </Field>
        );
      case 'officialName':
        return text(field, { defaultValue: i.official?.name, hint: t.issueMoves.officialHint });
      case 'officialDepartment':
        return text(field, { defaultValue: i.official?.department ?? undefined });
      case 'officialContact':
        return text(field, { defaultValue: i.official?.contact ?? undefined });
      case 'instrument':
        return (
          <Field key={field} form={form} name={field} label={t.issueFields.instrument} errors={errors} required>
            {(p) => (
              <select {...p} defaultValue={i.instrument ?? ''}>
                <option value="">{t.issueMoves.chooseInstrument}</option>
                {(fieldOf(definition, field)?.choices ?? []).filter((c) => isOneOf(INSTRUMENTS, c)).map((instrument) => (
                  <option key={instrument} value={instrument}>
                    {t.instruments[instrument]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        );
      case 'plannedCompletionOn':
      case 'reviewOn':
      case 'completedOn':
        return text(field, { type: 'date' });
      case 'progressPercent':
        return (
          <Field key={field} form={form} name={field} label={t.issueFields.progressPercent} errors={errors} required>
            {(p) => (
              <input
                {...p}
                type="number"
                min={fieldOf(definition, field)?.minimum ?? undefined}
                max={fieldOf(definition, field)?.maximum ?? undefined}
                step={1}
                inputMode="numeric"
                defaultValue={i.progressPercent ?? 0}
              />
            )}
          </Field>
        );
      default:
        return text(field, { long: true });
    }
  }

  return (
    <form
      id={`move-form-${to}`}
      className="move-form"
      onSubmit={submit}
      noValidate
      aria-busy={pending}
      aria-labelledby={`${form}-title`}
      data-testid="move-form"
      data-to={to}
    >
      <h3 id={`${form}-title`} className="move-form__title">
        {t.moves[kind]}
      </h3>
      <p className="form__intro">{t.moveHints[kind]}</p>
      <div className="form__grid">
        {fields.map(control)}
        <Field form={form} name="comment" label={t.issueFields.comment} errors={errors} hint={t.issueMoves.commentHint} wide>
          {(p) => <textarea {...p} rows={2} maxLength={4000} />}
        </Field>
        {decided.length > 0 && (
          <Field form={form} name="agendaItemId" label={council.issueMeetings.decision} errors={errors} hint={council.issueMeetings.decisionHint} wide>
            {(p) => (
              <select {...p} defaultValue="">
                <option value="">{council.issueMeetings.noDecision}</option>
                {decided.map((m) => (
                  <option key={m.agendaItemId} value={m.agendaItemId}>
                    {m.meetingNumber != null ? fmtCouncil(council.issueMeetings.number, { n: m.meetingNumber }) : council.issueMeetings.unnumbered} {m.meetingTitleKo} · {m.itemTitleKo} ·{' '}
                    {council.decisionOutcomes[m.outcome!]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      </div>
      <div className="form__footer">
        {blocking ? (
          <div className="problem" role="alert" data-testid={blocking === 412 ? 'stale-notice' : 'move-refused'} data-status={blocking}>
            <p className="problem__message">
              {blocking === 412 ? t.issueMoves.stale : blocking === 409 ? t.issueMoves.conflict : t.issueMoves.forbidden}
            </p>
            {problem?.detail && (
              <p className="problem__server" lang={lang}>
                {problem.detail}
              </p>
            )}
            <button type="button" className="button" onClick={onReload}>
              {t.issueMoves.reload}
            </button>
          </div>
        ) : (
          <FormProblem errors={errors} rest={rest} />
        )}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={pending} data-testid="move-submit">
            {pending ? t.issueMoves.submitting : fmt(t.issueMoves.submit, { move: t.moves[kind] })}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t.common.cancel}
          </button>
        </div>
      </div>
    </form>
  );
}
