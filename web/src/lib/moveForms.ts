// Workflow move forms drawn from the definitions the API publishes with a record (`moveForms`: each move's
// target and fields, with inputs, required, lengths, ranges, choices and date rules). Shared by every workflow
// the dashboard shows (regulatory issues, meetings, follow-ups): the dashboard restates no rule, it only checks a
// form by its published definition before sending, and the API has the last word.
import type { MoveFieldDto, WorkflowMoveDto } from '../api/client';

/** Why the dashboard refuses a value before sending it; the view words it. */
export type MoveError =
  | { code: 'required' }
  | { code: 'tooShort'; min: number }
  | { code: 'future' }
  | { code: 'notFuture' }
  | { code: 'percent' }
  | { code: 'range'; min?: number; max?: number }
  | { code: 'date' }
  | { code: 'officialName' };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * "Today" as the API judges move dates: the calendar day in Korea (UTC+9, no daylight saving),
 * whatever time zone the browser is in.
 */
export function apiToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}

/** A date-only answer deadline becomes the end of that day in Korea, as an instant. */
export function endOfKstDayInstant(day: string): string {
  return `${day}T23:59:59+09:00`;
}

/**
 * One simple field of a move (text, long text, integer, date, instant, choice) by its published rules: the value
 * to send, nothing (an empty optional field), or what is wrong with it. `value` is as typed (untrimmed).
 */
export function checkMoveField(f: MoveFieldDto, raw: string | undefined, today: string): { value?: unknown; error?: MoveError } {
  const value = raw?.trim();
  if (!value) return f.required ? { error: { code: 'required' } } : {};
  switch (f.input) {
    case 'date':
    case 'instant':
      if (!DAY.test(value) || Number.isNaN(Date.parse(value))) return { error: { code: 'date' } };
      if (f.dates === 'future' && !(value > today)) return { error: { code: 'future' } };
      if (f.dates === 'not_future' && value > today) return { error: { code: 'notFuture' } };
      return { value: f.input === 'instant' ? endOfKstDayInstant(value) : value };
    case 'integer': {
      const n = Number(value);
      const ok = /^\d{1,9}$/.test(value) && (f.minimum == null || n >= f.minimum) && (f.maximum == null || n <= f.maximum);
      if (ok) return { value: n };
      return { error: f.minimum === 0 && f.maximum === 100 ? { code: 'percent' } : { code: 'range', min: f.minimum ?? undefined, max: f.maximum ?? undefined } };
    }
    case 'choice':
      return f.choices?.includes(value) ? { value } : { error: { code: 'required' } };
    default:
      if (f.minLength != null && value.length < f.minLength) return { error: { code: 'tooShort', min: f.minLength } };
      return { value };
  }
}

/**
 * The request of a move whose fields are all simple ones, or what is wrong with the form: `{ to, …fields }`, only the
 * move's own fields (the API refuses the others), empty optional fields left out.
 */
export function buildSimpleMove<Body extends { to: string }>(
  form: WorkflowMoveDto,
  values: Record<string, string | undefined>,
  today: string,
): { body?: Body; errors: Record<string, MoveError> } {
  const errors: Record<string, MoveError> = {};
  const body: Record<string, unknown> = form.move ? { to: form.to, move: form.move } : { to: form.to };
  for (const f of form.fields) {
    const { value, error } = checkMoveField(f, values[f.name], today);
    if (error) errors[f.name] = error;
    else if (value !== undefined) body[f.name] = value;
  }
  return Object.keys(errors).length > 0 ? { errors } : { body: body as Body, errors };
}
