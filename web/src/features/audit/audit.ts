// Reading audit entries: which fields one change touched. Pure, so it is unit-tested without a DOM.

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/**
 * Bookkeeping every change moves, and values the API works out at read time (older entries still carry them; the
 * API no longer records them: AuditJson.Derived): showing them would bury the fields a person changed.
 */
const IGNORED_FIELDS = new Set([
  'id', 'createdAt', 'updatedAt', 'version',
  'allowedMoves', 'moveForms', 'overdue', 'overdueKind', 'daysRemaining', 'daysLate', 'closeBlockers', 'quorum', 'meetings',
  'challengeDueOn', 'challengeOpen', 'finalAnswerDueOn', 'finalAnswerOverdue',
]);

/**
 * The top-level fields whose values differ between `before` and `after` (either may be null: a
 * creation has no before). Field order follows the record.
 */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const from = isRecord(before) ? before : {};
  const to = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  return fields
    .filter((field) => !IGNORED_FIELDS.has(field) && !sameValue(from[field], to[field]))
    .map((field) => ({ field, before: from[field] ?? null, after: to[field] ?? null }));
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A calendar day (YYYY-MM-DD, as typed in a date field) as the instant it starts in Korea. */
export function startOfKstDay(day: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) return undefined;
  return `${day}T00:00:00+09:00`;
}

/** The instant after a calendar day ends in Korea: an exclusive upper bound that includes the day. */
export function endOfKstDay(day: string): string | undefined {
  if (!startOfKstDay(day)) return undefined;
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return `${next}T00:00:00+09:00`;
}

/** Label tables an audit entry's action and values are read with (the shared dictionary's and the council's). */
export interface AuditLabels {
  transition: string;
  actions: Record<string, string>;
  issueStatuses: Record<string, string>;
  meetingStates: Record<string, string>;
  followUpStates: Record<string, string>;
  minutesStates: Record<string, string>;
  minutesMove: string;
  collaborationStates?: Record<string, string>;
}

/** The states a record of this type moves through, for its "transition:<state>" actions and its `state` field. */
export function statesOf(labels: AuditLabels, entityType: string | undefined): Record<string, string> | undefined {
  if (entityType === 'meeting') return labels.meetingStates;
  if (entityType === 'follow_up') return labels.followUpStates;
  if (entityType === 'meeting_minutes') return labels.minutesStates;
  if (entityType === 'collaboration_project') return labels.collaborationStates;
  if (entityType === 'regulatory_issue' || entityType === undefined) return labels.issueStatuses;
  return undefined;
}

/**
 * An action as people read it: "transition:<state>" with the label of that record type's state (an issue's status, a
 * meeting's, a follow-up's), "minutes:<state>" as the minutes' move, other actions by their own label; unknown ones raw.
 */
export function actionLabel(labels: AuditLabels, entityType: string | undefined, action: string): string {
  const fill = (template: string, state: string) => template.replace('{status}', state).replace('{state}', state);
  if (action.startsWith('transition:')) {
    const to = action.slice('transition:'.length);
    return fill(labels.transition, statesOf(labels, entityType)?.[to] ?? to);
  }
  if (labels.actions[action]) return labels.actions[action];
  if (action.startsWith('minutes:')) {
    const to = action.slice('minutes:'.length);
    return fill(labels.minutesMove, labels.minutesStates[to] ?? to);
  }
  return action;
}
