import { describe, expect, it } from 'vitest';
import { addMonths, daysBetween, fromKstLocalInput, isMonth, kstDay, kstMonth, kstTime, monthBounds, monthWeeks, toKstLocalInput } from './kst';

describe('Korean time for entering and placing meetings', () => {
  it('shows an instant in Korea and reads an entered time as Korean', () => {
    expect(toKstLocalInput('2026-12-03T05:00:00Z')).toBe('2026-12-03T14:00');
    expect(toKstLocalInput('2026-12-03T16:30:00Z')).toBe('2026-12-04T01:30'); // after midnight in Seoul
    expect(toKstLocalInput(null)).toBe('');
    expect(fromKstLocalInput('2026-12-03T14:00')).toBe('2026-12-03T14:00:00+09:00');
    expect(Date.parse(fromKstLocalInput('2026-12-03T14:00')!)).toBe(Date.parse('2026-12-03T05:00:00Z'));
    expect(fromKstLocalInput('2026-02-31T10:00')).toBeUndefined();
    expect(fromKstLocalInput('')).toBeUndefined();
  });

  it('places an instant on its Korean day and time', () => {
    expect(kstDay('2024-05-29T06:00:00Z')).toBe('2024-05-29');
    expect(kstDay('2024-05-29T15:30:00Z')).toBe('2024-05-30');
    expect(kstTime('2024-05-29T06:00:00Z')).toBe('15:00');
    expect(kstMonth(new Date('2026-11-30T15:10:00Z'))).toBe('2026-12');
  });

  it('walks months and draws them Monday first', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(monthBounds('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('2026-12')).toBe(true);
    const weeks = monthWeeks('2026-12'); // 1 December 2026 is a Tuesday
    expect(weeks[0]).toEqual([null, '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
    expect(daysBetween('2026-12-01', '2026-12-03')).toBe(2);
  });
});
