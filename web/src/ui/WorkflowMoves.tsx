import { useState, type FormEvent, type ReactNode } from 'react';
import type { Problem } from '../api/api';
import type { MoveFieldDto, WorkflowMoveDto } from '../api/client';
import { useI18n } from '../i18n';
import type { Dictionary } from '../i18n/ko';
import { apiToday, buildSimpleMove, type MoveError } from '../lib/moveForms';
import { Field, FormProblem, mergeErrors, splitErrors, type FieldErrors } from './Form';

/** What a move's mutation offers the form (a TanStack `useMutation` result fits). */
export interface MoveMutation<Body> {
  mutate: (body: Body, options: { onSuccess: () => void }) => void;
  isPending: boolean;
  error: Problem | null;
  reset: () => void;
}

interface WorkflowMovesProps<Body extends { to: string }> {
  /** The moves the API says this caller may make now, with their published fields. */
  moveForms: readonly WorkflowMoveDto[];
  /** The move's name as people say it ("소집", "취소"), by its target. */
  label: (to: string) => string;
  /** A line under the form's title. */
  hint?: (to: string) => string | undefined;
  fieldLabel: (name: string) => string;
  /** A choice field's option as people say it (default: the API's value). */
  choiceLabel?: (field: string, choice: string) => string;
  mutation: MoveMutation<Body>;
  onReload: () => void;
  /** Done: the form closes (the caller shows what changed). */
  onMoved?: (to: string) => void;
  /** Identifies the forms' controls on a page that has several records' moves. */
  idPrefix?: string;
  /** Shown small: a row of a board. */
  compact?: boolean;
}

/** A move's key among a record's moves: its name for a named move that keeps the state, else its target. */
export function moveKey(m: WorkflowMoveDto): string {
  return m.move ?? m.to;
}

/** Words one refusal of the dashboard's own check. */
export function moveErrorText(t: Dictionary, fmt: (s: string, v: Record<string, number>) => string, error: MoveError): string {
  if (error.code === 'tooShort') return fmt(t.workflow.errors.tooShort, { min: error.min });
  if (error.code === 'range') return fmt(t.workflow.errors.range, { min: error.min ?? 0, max: error.max ?? 0 });
  return t.workflow.errors[error.code];
}

/**
 * The buttons of the moves a record offers, each opening its own small form drawn from the move's published fields
 * (a move without fields asks only for confirmation). Shared by the workflows whose fields are all simple ones
 * (meetings, follow-ups); regulatory issues add agency and person fields of their own (features/issues/IssueMoves).
 */
export function WorkflowMoves<Body extends { to: string }>(props: WorkflowMovesProps<Body>) {
  const { moveForms, label, compact, idPrefix = 'move' } = props;
  const [open, setOpen] = useState<string>();
  const definition = moveForms.find((m) => moveKey(m) === open);
  return (
    <div className={compact ? 'workflow-moves workflow-moves--compact' : 'workflow-moves'}>
      <div className="moves__buttons">
        {moveForms.map((m) => (
          <button
            key={moveKey(m)}
            type="button"
            className={`button${compact ? ' button--small' : ''}${open === moveKey(m) ? ' button--primary' : ''}${m.to === 'cancelled' ? ' button--danger' : ''}`}
            aria-expanded={open === moveKey(m)}
            aria-controls={`${idPrefix}-form-${moveKey(m)}`}
            onClick={() => {
              props.mutation.reset();
              setOpen(open === moveKey(m) ? undefined : moveKey(m));
            }}
            data-testid="move-button"
            data-to={m.to}
            data-move={m.move ?? undefined}
            data-kind={m.kind}
          >
            {label(moveKey(m))}
          </button>
        ))}
      </div>
      {definition && (
        <SimpleMoveForm
          key={moveKey(definition)}
          {...props}
          definition={definition}
          onCancel={() => setOpen(undefined)}
          onDone={() => {
            setOpen(undefined);
            props.onMoved?.(moveKey(definition));
          }}
        />
      )}
    </div>
  );
}

function SimpleMoveForm<Body extends { to: string }>({
  definition,
  label,
  hint,
  fieldLabel,
  choiceLabel,
  mutation,
  onReload,
  onCancel,
  onDone,
  idPrefix = 'move',
}: WorkflowMovesProps<Body> & { definition: WorkflowMoveDto; onCancel: () => void; onDone: () => void }) {
  const { t, fmt } = useI18n();
  const [ownErrors, setOwnErrors] = useState<FieldErrors>({});
  const to = moveKey(definition);
  const form = `${idPrefix}-${to}`;
  const problem = mutation.error ?? undefined;
  const blocking = problem && [403, 409, 412].includes(problem.status) ? problem.status : undefined;
  const { inPlace, rest } = splitErrors(blocking ? undefined : problem, definition.fields.map((f) => f.name));
  const errors = mergeErrors(ownErrors, inPlace);
  const line = hint?.(to);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const values = Object.fromEntries(definition.fields.map((f) => [f.name, String(data.get(f.name) ?? '')]));
    const { body, errors: found } = buildSimpleMove<Body>(definition, values, apiToday());
    setOwnErrors(Object.fromEntries(Object.entries(found).map(([field, error]) => [field, [moveErrorText(t, fmt, error)]])));
    if (!body) {
      mutation.reset();
      return;
    }
    mutation.mutate(body, { onSuccess: onDone });
  }

  return (
    <form id={`${idPrefix}-form-${to}`} className="move-form" onSubmit={submit} noValidate aria-busy={mutation.isPending} data-testid="move-form" data-to={to}>
      <h3 className="move-form__title">{label(to)}</h3>
      {line && <p className="form__intro">{line}</p>}
      {definition.fields.length > 0 && (
        <div className="form__grid">
          {definition.fields.map((f) => (
            <Field key={f.name} form={form} name={f.name} label={fieldLabel(f.name)} errors={errors} required={f.required} wide={f.input === 'long_text'}>
              {(p) => control(f, p, choiceLabel)}
            </Field>
          ))}
        </div>
      )}
      <div className="form__footer">
        {blocking ? (
          <div className="problem" role="alert" data-testid={blocking === 412 ? 'stale-notice' : 'move-refused'} data-status={blocking}>
            <p className="problem__message">{blocking === 412 ? t.workflow.stale : blocking === 409 ? t.workflow.conflict : t.workflow.forbidden}</p>
            {problem?.detail && <p className="problem__server">{problem.detail}</p>}
            <button type="button" className="button" onClick={onReload}>
              {t.workflow.reload}
            </button>
          </div>
        ) : (
          <FormProblem errors={errors} rest={rest} />
        )}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={mutation.isPending} data-testid="move-submit">
            {mutation.isPending ? t.workflow.submitting : fmt(t.workflow.submit, { move: label(to) })}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t.common.cancel}
          </button>
        </div>
      </div>
    </form>
  );
}

function control(f: MoveFieldDto, p: Parameters<Parameters<typeof Field>[0]['children']>[0], choiceLabel?: (field: string, choice: string) => string): ReactNode {
  switch (f.input) {
    case 'long_text':
      return <textarea {...p} rows={3} maxLength={f.maxLength ?? 4000} />;
    case 'integer':
      return <input {...p} type="number" min={f.minimum ?? undefined} max={f.maximum ?? undefined} step={1} inputMode="numeric" />;
    case 'date':
    case 'instant':
      return <input {...p} type="date" />;
    case 'choice':
      return (
        <select {...p}>
          <option value="" />
          {(f.choices ?? []).map((c) => (
            <option key={c} value={c}>
              {choiceLabel?.(f.name, c) ?? c}
            </option>
          ))}
        </select>
      );
    default:
      return <input {...p} type="text" maxLength={f.maxLength ?? 200} />;
  }
}
