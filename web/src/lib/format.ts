// Numbers and times in the user's language. Times are shown in Korea Standard Time, the council's
// working time zone, whatever the browser's own zone is.

export function formatNumber(locale: string, value: number, maximumFractionDigits = 6): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits }).format(value);
}

export function formatTimestamp(locale: string, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Seoul',
  }).format(date);
}

/**
 * A calendar day: a date-only value ("2027-03-31") as written, an instant as its day in Korea.
 */
export function formatDay(locale: string, value: string): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: dateOnly ? 'UTC' : 'Asia/Seoul' }).format(date);
}

/** A share (0–1) as a percentage, e.g. 0.625 → "62.5%". */
export function formatPercent(locale: string, share: number): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}
