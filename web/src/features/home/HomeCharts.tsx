// The home's charts, drawn with Chart.js (ADR 0021). This module and the library are one lazy chunk: the first
// screen never waits for them. Every chart has its numbers as a table beside it, for screen readers and for print.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { useEffect, useRef } from 'react';
import type { HomeCharts as HomeChartsData } from '../../api/client';
import { hasChartData, movesSeries, topWithRest } from './home';
import { useHomeI18n } from './i18n';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

/** One colour per state, in the order of the workflow; distinguishable in greyscale by position in the stack. */
const STATUS_COLOURS: Record<string, string> = {
  submitted: '#94a3b8',
  under_review: '#2563eb',
  accepted: '#16a34a',
  partially_accepted: '#65a30d',
  long_term_review: '#d97706',
  not_accepted: '#dc2626',
  in_progress: '#7c3aed',
  completed: '#0f766e',
  withdrawn: '#6b7280',
};

function ChartCanvas({ config, label, testId }: { config: ChartConfiguration; label: string; testId: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, { ...config, options: { animation: false, maintainAspectRatio: false, ...config.options } });
    return () => chart.destroy();
  }, [config]);
  return (
    <div className="home-chart__canvas">
      <canvas ref={canvas} role="img" aria-label={label} data-testid={testId} />
    </div>
  );
}

function Figure({ title, children, table }: { title: string; children: React.ReactNode; table: React.ReactNode }) {
  const { t } = useHomeI18n();
  return (
    <figure className="home-chart">
      <figcaption className="home-chart__title">{title}</figcaption>
      {children}
      <details className="home-chart__table">
        <summary>{t.home.charts.table}</summary>
        {table}
      </details>
    </figure>
  );
}

export default function HomeCharts({ charts }: { charts: HomeChartsData }) {
  const { t, name, locale } = useHomeI18n();
  if (!hasChartData(charts)) return <p className="card__body home__empty">{t.home.charts.empty}</p>;
  const series = movesSeries(charts);
  const ministries = topWithRest(charts.openByMinistry, 12, (m) => m.count);
  const n = (v: number | null | undefined) => (v == null ? '–' : v.toLocaleString(locale));
  const movesTotal = series.reduce((sum, s) => sum + s.values.reduce((a, b) => a + b, 0), 0);

  return (
    <div className="home-charts">
      <Figure
        title={t.home.charts.moves}
        table={
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t.home.charts.month}</th>
                {series.map((s) => (
                  <th key={s.key} scope="col" className="num">
                    {t.issueStatuses[s.key as keyof typeof t.issueStatuses]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {charts.months.map((month, i) => (
                <tr key={month}>
                  <th scope="row">{month}</th>
                  {series.map((s) => (
                    <td key={s.key} className="num">
                      {n(s.values[i])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        }
      >
        <ChartCanvas
          testId="chart-moves"
          label={`${t.home.charts.moves}: ${n(movesTotal)}`}
          config={{
            type: 'bar',
            data: {
              labels: charts.months,
              datasets: series.map((s) => ({
                label: t.issueStatuses[s.key as keyof typeof t.issueStatuses],
                data: s.values,
                backgroundColor: STATUS_COLOURS[s.key],
              })),
            },
            options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } },
          }}
        />
      </Figure>
      <Figure
        title={t.home.charts.byMinistry}
        table={
          <table className="table">
            <tbody>
              {charts.openByMinistry.map((m) => (
                <tr key={m.ministry.id}>
                  <th scope="row">{name(m.ministry)}</th>
                  <td className="num">{n(m.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      >
        <ChartCanvas
          testId="chart-ministries"
          label={t.home.charts.byMinistry}
          config={{
            type: 'bar',
            data: {
              labels: ministries.top.map((m) => name(m.ministry)),
              datasets: [{ label: t.home.charts.count, data: ministries.top.map((m) => m.count), backgroundColor: '#2563eb' }],
            },
            options: { indexAxis: 'y', plugins: { legend: { display: false } } },
          }}
        />
      </Figure>
      <Figure
        title={t.home.charts.byCategory}
        table={
          <table className="table">
            <tbody>
              {charts.openByCategory.map((c) => (
                <tr key={c.category}>
                  <th scope="row">{t.issueCategories[c.category]}</th>
                  <td className="num">{n(c.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      >
        <ChartCanvas
          testId="chart-categories"
          label={t.home.charts.byCategory}
          config={{
            type: 'bar',
            data: {
              labels: charts.openByCategory.map((c) => t.issueCategories[c.category]),
              datasets: [{ label: t.home.charts.count, data: charts.openByCategory.map((c) => c.count), backgroundColor: '#0f766e' }],
            },
            options: { indexAxis: 'y', plugins: { legend: { display: false } } },
          }}
        />
      </Figure>
      <Figure
        title={t.home.charts.answerTimes}
        table={
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t.home.charts.month}</th>
                <th scope="col" className="num">{t.home.charts.answered}</th>
                <th scope="col" className="num">{t.home.charts.median}</th>
                <th scope="col" className="num">{t.home.charts.p90}</th>
              </tr>
            </thead>
            <tbody>
              {charts.answerTimes.map((a) => (
                <tr key={a.month}>
                  <th scope="row">{a.month}</th>
                  <td className="num">{n(a.answered)}</td>
                  <td className="num">{n(a.medianDays)}</td>
                  <td className="num">{n(a.p90Days)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      >
        <ChartCanvas
          testId="chart-answer-times"
          label={t.home.charts.answerTimes}
          config={{
            type: 'line',
            data: {
              labels: charts.answerTimes.map((a) => a.month),
              datasets: [
                { label: t.home.charts.median, data: charts.answerTimes.map((a) => a.medianDays), borderColor: '#2563eb', spanGaps: true },
                { label: t.home.charts.p90, data: charts.answerTimes.map((a) => a.p90Days), borderColor: '#d97706', borderDash: [6, 4], spanGaps: true },
              ],
            },
            options: { scales: { y: { beginAtZero: true } } },
          }}
        />
      </Figure>
    </div>
  );
}
