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
