import type { ReactNode } from 'react';
import type { Problem } from '../api/api';
import { useI18n } from '../i18n';
import { ProblemView } from './ProblemView';

/** Messages per form field: the dashboard's own checks and the API's `errors`, merged. */
export type FieldErrors = Record<string, string[]>;

/** What a form control needs to be tied to its label, hint and errors. */
export interface ControlProps {
  id: string;
  name: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  'aria-required': true | undefined;
}

interface FieldProps {
  /** The API's field name (camelCase), also the control's name; ids are prefixed with the form's. */
  name: string;
  form: string;
  label: string;
  errors?: FieldErrors;
  hint?: string;
  required?: boolean;
  wide?: boolean;
  children: (control: ControlProps) => ReactNode;
}

/** A labelled control with its hint and, in place, its errors (announced with the control). */
export function Field({ name, form, label, errors, hint, required, wide, children }: FieldProps) {
  const { t } = useI18n();
  const id = `${form}-${name}`;
  const messages = errors?.[name] ?? [];
  const describedBy = [hint ? `${id}-hint` : '', messages.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={wide ? 'form-field form-field--wide' : 'form-field'} data-field={name}>
      <label htmlFor={id}>
        {label}
        {!required && <span className="form-field__optional"> {t.form.optional}</span>}
      </label>
      {children({
        id,
        name,
        'aria-invalid': messages.length ? true : undefined,
        'aria-describedby': describedBy || undefined,
        'aria-required': required ? true : undefined,
      })}
      {hint && (
        <p id={`${id}-hint`} className="form-field__hint">
          {hint}
        </p>
      )}
      {messages.length > 0 && (
        <p id={`${id}-error`} className="form-field__error" data-testid="field-error">
          {messages.join(' ')}
        </p>
      )}
    </div>
  );
}

/**
 * Splits a problem's field errors into those a form shows in place (its own fields) and the rest.
 * Keys like `specializations[2]` belong to `specializations`.
 */
export function splitErrors(problem: Problem | undefined, fields: readonly string[]): { inPlace: FieldErrors; rest: Problem | undefined } {
  if (!problem) return { inPlace: {}, rest: undefined };
  const inPlace: FieldErrors = {};
  const other: FieldErrors = {};
  for (const [key, messages] of Object.entries(problem.errors ?? {})) {
    const field = key.split(/[.[]/)[0];
    const match = fields.find((f) => f.toLowerCase() === field.toLowerCase());
    if (match) inPlace[match] = [...(inPlace[match] ?? []), ...messages];
    else other[key] = messages;
  }
  const placedAll = Object.keys(inPlace).length > 0 && Object.keys(other).length === 0;
  if (placedAll) return { inPlace, rest: undefined };
  const rest: Problem = { ...problem };
  if (Object.keys(other).length > 0) rest.errors = other;
  else delete rest.errors;
  return { inPlace, rest };
}

export function mergeErrors(...all: FieldErrors[]): FieldErrors {
  const merged: FieldErrors = {};
  for (const errors of all) for (const [field, messages] of Object.entries(errors)) merged[field] = [...(merged[field] ?? []), ...messages];
  return merged;
}

/**
 * Above the buttons: a short alert when every error is shown at its field, else the problem
 * itself (with any errors no field of this form owns).
 */
export function FormProblem({ errors, rest, message }: { errors: FieldErrors; rest: Problem | undefined; message?: string }) {
  const { t } = useI18n();
  if (rest) return <ProblemView problem={rest} message={message} />;
  if (Object.keys(errors).length === 0) return null;
  return (
    <p className="form-alert" role="alert" data-testid="form-alert">
      {t.form.checkFields}
    </p>
  );
}

/** A polite "done" line after a successful change. */
export function Notice({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <p className="notice" role="status" data-testid={testId ?? 'notice'}>
      {children}
    </p>
  );
}

/** The trimmed text of a field, or undefined when empty. */
export function textOf(data: FormData, name: string): string | undefined {
  const value = data.get(name);
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** The raw value of a field (passwords are not trimmed), or '' when missing. */
export function rawOf(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
}
