// The workflow moves as the detail page offers them: which form each move needs, and the request it
// sends. The API's IssueWorkflow has the last word (it answers 400 with errors by field); these rules
// only catch what the dashboard can already tell, so the form can say so at once.
import type { Instrument, IssueStatus, IssueTransitionRequest } from '../../api/client';
import { INSTRUMENTS, isOneOf } from '../../api/enums';

/** A move as people name it: the same target can be two different acts (assign / re-review). */
export type MoveKind =
  | 'assign'
  | 'rereview'
  | 'accept'
  | 'partiallyAccept'
  | 'longTermReview'
  | 'refuse'
  | 'start'
  | 'progress'
  | 'complete'
  | 'withdraw';

export function moveKind(from: IssueStatus, to: IssueStatus): MoveKind {
  switch (to) {
    case 'under_review':
      return from === 'not_accepted' ? 'rereview' : 'assign';
    case 'accepted':
      return 'accept';
    case 'partially_accepted':
      return 'partiallyAccept';
    case 'long_term_review':
      return 'longTermReview';
    case 'not_accepted':
      return 'refuse';
    case 'in_progress':
      return from === 'in_progress' ? 'progress' : 'start';
    case 'completed':
      return 'complete';
    default:
      return 'withdraw';
  }
}

/** The form controls of the moves; `official*` become one `official` object in the request. */
export type MoveField =
  | 'leadMinistryCode'
  | 'coMinistryCodes'
  | 'responseDueAt'
  | 'officialName'
  | 'officialDepartment'
  | 'officialContact'
  | 'plannedChange'
  | 'instrument'
  | 'plannedCompletionOn'
  | 'reviewOn'
  | 'justification'
  | 'progressPercent'
  | 'progressNote'
  | 'completedOn'
  | 'evidence'
  | 'reason';

/** What each target needs (IssueWorkflow.FieldsOf); sending another move's field is refused. */
export function moveFields(to: IssueStatus): readonly MoveField[] {
  switch (to) {
    case 'under_review':
      return ['leadMinistryCode', 'coMinistryCodes', 'responseDueAt', 'officialName', 'officialDepartment', 'officialContact'];
    case 'accepted':
    case 'partially_accepted':
      return ['plannedChange', 'instrument', 'plannedCompletionOn'];
    case 'long_term_review':
      return ['reviewOn'];
    case 'not_accepted':
      return ['justification'];
    case 'in_progress':
      return ['progressPercent', 'progressNote'];
    case 'completed':
      return ['completedOn', 'evidence'];
    case 'withdrawn':
      return ['reason'];
    default:
      return [];
  }
}

/** Shortest text the API accepts, per field (IssueWorkflow.CheckFields). */
export const MIN_LENGTH: Partial<Record<MoveField, number>> = {
  plannedChange: 10,
  justification: 50,
  progressNote: 2,
  evidence: 5,
  reason: 5,
};

const REQUIRED: ReadonlySet<MoveField> = new Set<MoveField>([
  'leadMinistryCode',
  'plannedChange',
  'instrument',
  'plannedCompletionOn',
  'reviewOn',
  'justification',
  'progressPercent',
  'progressNote',
  'completedOn',
  'evidence',
  'reason',
]);

export function isRequired(field: MoveField): boolean {
  return REQUIRED.has(field);
}

/** Why the dashboard refuses a value before sending it; the view words it. */
export type MoveError =
  | { code: 'required' }
  | { code: 'tooShort'; min: number }
  | { code: 'future' }
  | { code: 'notFuture' }
  | { code: 'percent' }
  | { code: 'date' }
  | { code: 'officialName' };

export interface MoveValues {
  /** Single-valued fields as typed (untrimmed); co-ministries as a list. */
  text: Partial<Record<Exclude<MoveField, 'coMinistryCodes'>, string>>;
  coMinistryCodes?: string[];
  comment?: string;
}

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
 * The request for a move, or what is wrong with the form. Only the target's own fields go into the
 * body (the API refuses the others); empty optional fields are left out.
 */
export function buildMove(
  to: IssueStatus,
  values: MoveValues,
  today: string,
): { body?: IssueTransitionRequest; errors: Partial<Record<MoveField | 'comment', MoveError>> } {
  const errors: Partial<Record<MoveField | 'comment', MoveError>> = {};
  const fields = moveFields(to);
  const text = (field: Exclude<MoveField, 'coMinistryCodes'>): string | undefined => {
    const value = values.text[field]?.trim();
    return value ? value : undefined;
  };

  for (const field of fields) {
    if (field === 'coMinistryCodes') continue;
    const value = text(field);
    if (value === undefined) {
      if (isRequired(field)) errors[field] = { code: 'required' };
      continue;
    }
    const min = MIN_LENGTH[field];
    if (min !== undefined && value.length < min) errors[field] = { code: 'tooShort', min };
  }

  const date = (field: 'responseDueAt' | 'plannedCompletionOn' | 'reviewOn' | 'completedOn', rule: 'future' | 'notFuture') => {
    const value = text(field);
    if (value === undefined || errors[field]) return value;
    if (!DAY.test(value) || Number.isNaN(Date.parse(value))) {
      errors[field] = { code: 'date' };
      return undefined;
    }
    if (rule === 'future' && !(value > today)) errors[field] = { code: 'future' };
    if (rule === 'notFuture' && value > today) errors[field] = { code: 'notFuture' };
    return value;
  };

  const body: IssueTransitionRequest = { to };
  const comment = values.comment?.trim();
  if (comment) body.comment = comment;

  switch (to) {
    case 'under_review': {
      body.leadMinistryCode = text('leadMinistryCode');
      const co = (values.coMinistryCodes ?? []).filter((c) => c && c !== body.leadMinistryCode);
      if (co.length > 0) body.coMinistryCodes = co;
      const due = date('responseDueAt', 'future');
      if (due) body.responseDueAt = endOfKstDayInstant(due);
      const name = text('officialName');
      const department = text('officialDepartment');
      const contact = text('officialContact');
      if (name) body.official = { name, department: department ?? null, contact: contact ?? null };
      else if (department || contact) errors.officialName = { code: 'officialName' };
      break;
    }
    case 'accepted':
    case 'partially_accepted': {
      body.plannedChange = text('plannedChange');
      const instrument = text('instrument');
      if (instrument !== undefined && !isOneOf(INSTRUMENTS, instrument)) errors.instrument = { code: 'required' };
      else if (instrument !== undefined) body.instrument = instrument as Instrument;
      body.plannedCompletionOn = date('plannedCompletionOn', 'future');
      break;
    }
    case 'long_term_review':
      body.reviewOn = date('reviewOn', 'future');
      break;
    case 'not_accepted':
      body.justification = text('justification');
      break;
    case 'in_progress': {
      const raw = text('progressPercent');
      if (raw !== undefined) {
        const percent = Number(raw);
        if (!/^\d{1,3}$/.test(raw) || percent > 100) errors.progressPercent = { code: 'percent' };
        else body.progressPercent = percent;
      }
      body.progressNote = text('progressNote');
      break;
    }
    case 'completed':
      body.completedOn = date('completedOn', 'notFuture');
      body.evidence = text('evidence');
      break;
    case 'withdrawn':
      body.reason = text('reason');
      break;
  }

  // Undefined members are not sent at all (JSON.stringify leaves them out).
  return Object.keys(errors).length > 0 ? { errors } : { body, errors };
}

/**
 * The API names errors of the official by its nested path ("official.name"); the form has one
 * control per part.
 */
export function moveErrorField(key: string): MoveField | 'comment' | undefined {
  const normalised = key.replace(/\[\d+\]$/, '').toLowerCase();
  const nested: Record<string, MoveField> = {
    'official.name': 'officialName',
    'official.department': 'officialDepartment',
    'official.contact': 'officialContact',
    official: 'officialName',
  };
  if (nested[normalised]) return nested[normalised];
  const all: (MoveField | 'comment')[] = [
    'leadMinistryCode', 'coMinistryCodes', 'responseDueAt', 'officialName', 'officialDepartment', 'officialContact',
    'plannedChange', 'instrument', 'plannedCompletionOn', 'reviewOn', 'justification', 'progressPercent',
    'progressNote', 'completedOn', 'evidence', 'reason', 'comment',
  ];
  return all.find((f) => f.toLowerCase() === normalised);
}
