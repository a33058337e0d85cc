// Korea Standard Time (UTC+9, no daylight saving) for entering and placing times: the API speaks UTC instants, people
// enter and read the council's time. Pure, whatever the browser's own time zone is.

const KST_MS = 9 * 3_600_000;

/** An instant as the value of a datetime-local control in Korea ("2026-12-03T14:00"), or '' when it is not one. */
export function toKstLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '';
  return new Date(time + KST_MS).toISOString().slice(0, 16);
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** What a datetime-local control holds, read as Korean time, as an instant with its offset; undefined when malformed. */
export function fromKstLocalInput(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim() ?? '';
  const match = LOCAL.exec(trimmed);
  if (!match) return undefined;
  const instant = `${trimmed}:00+09:00`;
  // Reject 2026-02-31 and the like: the day must survive the round trip.
  return toKstLocalInput(instant) === trimmed ? instant : undefined;
}

/** The calendar day in Korea of an instant ("2026-12-03"). */
export function kstDay(iso: string): string {
  return new Date(Date.parse(iso) + KST_MS).toISOString().slice(0, 10);
}

/** The time of day in Korea of an instant ("14:00"). */
export function kstTime(iso: string): string {
  return new Date(Date.parse(iso) + KST_MS).toISOString().slice(11, 16);
}

/** A month as "2026-12". */
export type Month = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string | null | undefined): value is Month {
  return value != null && MONTH.test(value);
}

/** The month in Korea of an instant (default: now). */
export function kstMonth(now: Date = new Date()): Month {
  return new Date(now.getTime() + KST_MS).toISOString().slice(0, 7);
}

/** The month `delta` months away. */
export function addMonths(month: Month, delta: number): Month {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + delta;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The first and last day of a month ("2026-12-01", "2026-12-31"): the API's from/to filter. */
export function monthBounds(month: Month): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/**
 * A month as the weeks of a calendar, Monday first (as Korean office calendars are): each week seven days, the days
 * outside the month as null.
 */
export function monthWeeks(month: Month): (string | null)[][] {
  const { to } = monthBounds(month);
  const days = Number(to.slice(8));
  const [y, m] = month.split('-').map(Number);
  const firstWeekday = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7; // Monday = 0
  const cells: (string | null)[] = Array.from({ length: firstWeekday }, () => null);
  for (let d = 1; d <= days; d++) cells.push(`${month}-${String(d).padStart(2, '0')}`);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** Whole days from `from` to `to` (calendar days, "2026-12-01" → "2026-12-03" is 2). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
