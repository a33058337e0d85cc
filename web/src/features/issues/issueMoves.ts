// The workflow moves as the detail page offers them. Each form is drawn from the move's definition that the API
// publishes with the issue (`moveForms`: fields, inputs, required, lengths, ranges, date rules), so the dashboard
// restates no rule; it checks them before sending so the form can say so at once, and the API has the last word.
import type { IssueStatus, IssueTransitionRequest, MoveFieldDto, WorkflowMoveDto } from '../../api/client';
import { checkMoveField, type MoveError } from '../../lib/moveForms';

export { apiToday, endOfKstDayInstant, type MoveError } from '../../lib/moveForms';

/** A move as people name it: the same target can be two different acts (assign / re-review). */
export type StateMoveKind =
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

/** The deadline moves, which keep the issue's state (issue 19). */
export type MoveKind =
  | StateMoveKind
  | 'reroute'
  | 'extend'
  | 'askRelief'
  | 'askExtension'
  | 'grantRequest'
  | 'refuseRequest';

/** The deadline moves the API names (`move`), which keep the issue's state, as people name them. */
const NAMED: Record<string, MoveKind> = {
  reroute: 'reroute',
  extension: 'extend',
  relief_request: 'askRelief',
  extension_request: 'askExtension',
  grant_request: 'grantRequest',
  refuse_request: 'refuseRequest',
};

/** A published move as people name it: a named deadline move by its name, any other by its states. */
export function formKind(from: IssueStatus, form: WorkflowMoveDto): MoveKind {
  return (form.move && NAMED[form.move]) || moveKind(from, form.to as IssueStatus);
}

/** The key of a published move among an issue's forms: its name, or its target. */
export function formKey(form: WorkflowMoveDto): string {
  return form.move ?? form.to;
}

export function moveKind(from: IssueStatus, to: IssueStatus): StateMoveKind {
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
  | 'reason'
  | 'proposedMinistryCode'
  | 'proposedDueOn';

/**
 * The form controls of a move, from the definition the API publishes with the issue (`moveForms`); the API's
 * person field (`official`) is three controls. No form (no such move): no controls.
 */
export function moveFields(form: WorkflowMoveDto | undefined): readonly MoveField[] {
  return (form?.fields ?? []).flatMap((f): MoveField[] =>
    f.input === 'person' ? ['officialName', 'officialDepartment', 'officialContact'] : [f.name as MoveField],
  );
}

/** The API's rules of one control (the person's parts share the person's, which has none beyond the name rule). */
export function fieldOf(form: WorkflowMoveDto | undefined, field: MoveField): MoveFieldDto | undefined {
  return form?.fields.find((f) => f.name === field);
}

export function isRequired(form: WorkflowMoveDto | undefined, field: MoveField): boolean {
  return fieldOf(form, field)?.required ?? false;
}

export interface MoveValues {
  /** Single-valued fields as typed (untrimmed); co-ministries as a list. */
  text: Partial<Record<Exclude<MoveField, 'coMinistryCodes'>, string>>;
  coMinistryCodes?: string[];
  comment?: string;
}

/**
 * The request for a move, or what is wrong with the form, by the move's published definition. Only the move's own
 * fields go into the body (the API refuses the others); empty optional fields are left out.
 */
export function buildMove(
  form: WorkflowMoveDto,
  values: MoveValues,
  today: string,
): { body?: IssueTransitionRequest; errors: Partial<Record<MoveField | 'comment', MoveError>> } {
  const errors: Partial<Record<MoveField | 'comment', MoveError>> = {};
  const text = (field: Exclude<MoveField, 'coMinistryCodes'>): string | undefined => {
    const value = values.text[field]?.trim();
    return value ? value : undefined;
  };
  const body: IssueTransitionRequest = { to: form.to as IssueStatus };
  if (form.move) body.move = form.move as IssueTransitionRequest['move'];
  const comment = values.comment?.trim();
  if (comment) body.comment = comment;
  const set = body as unknown as Record<string, unknown>;

  for (const f of form.fields) {
    const name = f.name as Exclude<MoveField, 'coMinistryCodes'>;
    switch (f.input) {
      case 'agency_list': {
        const lead = body.leadMinistryCode ?? text('leadMinistryCode');
        const chosen = (values.coMinistryCodes ?? []).filter((c) => c && c !== lead);
        if (chosen.length > 0) set[f.name] = chosen;
        continue;
      }
      case 'person': {
        const [name, department, contact] = [text('officialName'), text('officialDepartment'), text('officialContact')];
        if (name) set[f.name] = { name, department: department ?? null, contact: contact ?? null };
        else if (department || contact) errors.officialName = { code: 'officialName' };
        continue;
      }
    }
    const { value, error } = checkMoveField(f, values.text[name], today);
    if (error) errors[name] = error;
    else if (value !== undefined) set[f.name] = value;
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
    'progressNote', 'completedOn', 'evidence', 'reason', 'proposedMinistryCode', 'proposedDueOn', 'comment',
  ];
  return all.find((f) => f.toLowerCase() === normalised);
}
