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
