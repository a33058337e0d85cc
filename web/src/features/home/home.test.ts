import { describe, expect, it } from 'vitest';
import type { HomeCharts } from '../../api/client';
import { hasChartData, homeLinks, movesSeries, topWithRest } from './home';

const empty: HomeCharts = { months: ['2026-10', '2026-11', '2026-12'], movesByMonth: [], openByMinistry: [], openByCategory: [], answerTimes: [] };

describe('moves per month as chart series', () => {
  it('gives one series per state that occurs, in workflow order, with a zero for every month without moves', () => {
    const charts = {
      ...empty,
      movesByMonth: [
        { month: '2026-12', status: 'completed', count: 2 },
        { month: '2026-10', status: 'submitted', count: 5 },
        { month: '2026-12', status: 'submitted', count: 1 },
        { month: '2025-01', status: 'submitted', count: 9 }, // outside the months shown: left out
      ],
    } as HomeCharts;
    expect(movesSeries(charts)).toEqual([
      { key: 'submitted', values: [5, 0, 1] },
      { key: 'completed', values: [0, 0, 2] },
    ]);
  });

  it('is empty with no moves, and the charts say there is nothing to draw', () => {
    expect(movesSeries(empty)).toEqual([]);
    expect(hasChartData(empty)).toBe(false);
    expect(hasChartData({ ...empty, answerTimes: [{ month: '2026-12', answered: 0, medianDays: null, p90Days: null }] })).toBe(false);
    expect(hasChartData({ ...empty, answerTimes: [{ month: '2026-12', answered: 1, medianDays: 3, p90Days: 3 }] })).toBe(true);
  });
});

describe('the rest of a long list', () => {
  it('keeps the first n and sums the others', () => {
    expect(topWithRest([5, 4, 3, 2], 2, (n) => n)).toEqual({ top: [5, 4], rest: 5 });
    expect(topWithRest([1], 3, (n) => n)).toEqual({ top: [1], rest: 0 });
  });
});

describe('where the sections link to', () => {
  it('opens the issue list filtered as the section is', () => {
    expect(homeLinks.toRoute()).toBe('/issues?status=submitted&sort=createdAt');
    expect(homeLinks.overdue('mfds')).toBe('/issues?overdue=true&sort=dueAt&leadMinistryCode=mfds');
    expect(homeLinks.overdue()).toBe('/issues?overdue=true&sort=dueAt');
    expect(homeLinks.ministry()).toBe('/issues/ministry');
    expect(homeLinks.followUpsOverdue()).toBe('/follow-ups?overdue=true');
    expect(homeLinks.cluster('osong', 'under_review')).toBe('/issues?clusterCode=osong&status=under_review');
  });
});
