// The home's pure logic: chart series from the API's chart data, and the filtered lists each section links to.
import type { HomeCharts, IssueStatus } from '../../api/client';
import { paths } from '../../lib/paths';

/** The order states are stacked in, from the first move to the last. */
export const STATUS_ORDER: IssueStatus[] = [
  'submitted',
  'under_review',
  'accepted',
  'partially_accepted',
  'long_term_review',
  'not_accepted',
  'in_progress',
  'completed',
  'withdrawn',
] as IssueStatus[];

export interface Series {
  key: string;
  values: number[];
}

/** Moves per month as one series per state that occurs, each with a value for every month (zero when none). */
export function movesSeries(charts: Pick<HomeCharts, 'months' | 'movesByMonth'>): Series[] {
  const index = new Map(charts.months.map((m, i) => [m, i]));
  const byStatus = new Map<string, number[]>();
  for (const m of charts.movesByMonth) {
    const i = index.get(m.month);
    if (i === undefined) continue;
    const values = byStatus.get(m.status) ?? charts.months.map(() => 0);
    values[i] += m.count;
    byStatus.set(m.status, values);
  }
  return STATUS_ORDER.filter((s) => byStatus.has(s)).map((s) => ({ key: s, values: byStatus.get(s)! }));
}

/** Whether the charts have anything to draw at all. */
export function hasChartData(charts: HomeCharts): boolean {
  return (
    charts.movesByMonth.length > 0 ||
    charts.openByMinistry.length > 0 ||
    charts.openByCategory.length > 0 ||
    charts.answerTimes.some((a) => a.answered > 0)
  );
}

/** The first `n` items, the rest summed under "other" (a bar chart of 40 ministries is not read by anyone). */
export function topWithRest<T>(items: T[], n: number, count: (item: T) => number): { top: T[]; rest: number } {
  return { top: items.slice(0, n), rest: items.slice(n).reduce((sum, item) => sum + count(item), 0) };
}

/** Where each section's "see all" goes: the issue list filtered the same way. */
export const homeLinks = {
  toRoute: () => paths.issues(new URLSearchParams({ status: 'submitted', sort: 'createdAt' })),
  overdue: (ministryCode?: string) =>
    paths.issues(new URLSearchParams({ overdue: 'true', sort: 'dueAt', ...(ministryCode ? { leadMinistryCode: ministryCode } : {}) })),
  ministry: () => paths.issuesMinistry(),
  followUpsOverdue: () => paths.followUps(new URLSearchParams({ overdue: 'true' })),
  raisedBy: (agencyCode: string) => paths.issues(new URLSearchParams({ raisedByCode: agencyCode, sort: '-updatedAt' })),
  cluster: (clusterCode: string, status?: string) =>
    paths.issues(new URLSearchParams({ clusterCode, ...(status ? { status } : {}) })),
};
