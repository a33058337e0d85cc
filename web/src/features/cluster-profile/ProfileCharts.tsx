// The cluster profile's charts, drawn with Chart.js as the home's are (ADR 0021, 0026). This module and the library are
// one lazy chunk: the cluster page shows its facts first and the charts when they are here. Every chart has its numbers
// as a table beside it, for screen readers and for print.
import {
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
import { useEffect, useMemo, useRef } from 'react';
import type { ClusterIndicatorDto, IndicatorComparisonDto, IndicatorKind } from '../../api/client';
import { comparisonRows, INDICATORS, trendOf, UNIT_OF, yearLabel } from './profile';
import { useProfileI18n } from './i18n';

Chart.register(CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

/** Distinct hues for up to ten clusters, then repeated with dashes. */
const PALETTE = ['#2563eb', '#dc2626', '#16a34a', '#d97706', '#7c3aed', '#0f766e', '#db2777', '#4b5563', '#65a30d', '#0891b2'];

function ChartCanvas({ config, label, testId }: { config: ChartConfiguration; label: string; testId: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, { ...config, options: { animation: false, maintainAspectRatio: false, ...config.options } });
    return () => chart.destroy();
  }, [config]);
  return (
    <div className="profile-chart__canvas">
      <canvas ref={canvas} role="img" aria-label={label} data-testid={testId} />
    </div>
  );
}

function useNumber() {
  const { locale, t } = useProfileI18n();
  return (v: number | null | undefined) => (v == null ? t.profile.noValue : v.toLocaleString(locale));
}

/** Small multiples: one line chart per figure of one cluster, over its recorded years, and one table of them all. */
export function TrendCharts({ records }: { records: readonly ClusterIndicatorDto[] }) {
  const { t, fmt, locale } = useProfileI18n();
  const n = useNumber();
  const trends = useMemo(() => INDICATORS.map((indicator) => ({ indicator, ...trendOf(records, indicator) })), [records]);
  const shown = trends.filter((tr) => tr.values.some((v) => v != null));
  const configs = useMemo(
    () =>
      new Map(
        shown.map((tr) => [
          tr.indicator,
          {
            type: 'line',
            data: {
              labels: tr.years.map(yearLabel),
              datasets: [{ label: t.indicators[tr.indicator], data: tr.values, borderColor: PALETTE[0], backgroundColor: PALETTE[0], spanGaps: true }],
            },
            options: {
              plugins: { legend: { display: false } },
              scales: {
                x: { title: { display: true, text: t.profile.year } },
                y: {
                  beginAtZero: true,
                  title: { display: true, text: t.units[UNIT_OF[tr.indicator]] },
                  ticks: { callback: (v: string | number) => Number(v).toLocaleString(locale) },
                },
              },
            },
          } as ChartConfiguration,
        ]),
      ),
    [records, locale],
  );
  if (shown.length === 0) return <p className="muted">{t.profile.trendsNone}</p>;
  const years = trends[0].years;
  return (
    <>
      <div className="profile-charts">
        {shown.map((tr) => (
          <figure key={tr.indicator} className="profile-chart">
            <figcaption className="profile-chart__title">
              {t.indicators[tr.indicator]} <span className="muted">({t.units[UNIT_OF[tr.indicator]]})</span>
            </figcaption>
            <ChartCanvas
              testId={`trend-${tr.indicator}`}
              label={fmt(t.profile.trendChart, {
                indicator: t.indicators[tr.indicator],
                unit: t.units[UNIT_OF[tr.indicator]],
                values: tr.years.map((y, i) => `${yearLabel(y)} ${n(tr.values[i])}`).join(', '),
              })}
              config={configs.get(tr.indicator)!}
            />
          </figure>
        ))}
      </div>
      <details className="profile-chart__table">
        <summary>{t.profile.table}</summary>
        <table className="table" data-testid="trend-table">
          <thead>
            <tr>
              <th scope="col">{t.profile.year}</th>
              {INDICATORS.map((i) => (
                <th key={i} scope="col" className="num">
                  {t.indicators[i]} ({t.units[UNIT_OF[i]]})
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {years.map((y, row) => (
              <tr key={y}>
                <th scope="row">{yearLabel(y)}</th>
                {trends.map((tr) => (
                  <td key={tr.indicator} className="num">
                    {n(tr.values[row])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}

/** One figure of the chosen clusters over the years, the current cluster drawn thicker; with the same numbers as a table. */
export function ComparisonChart({
  comparison,
  indicator,
  chosen,
  current,
}: {
  comparison: IndicatorComparisonDto;
  indicator: IndicatorKind;
  chosen: ReadonlySet<string>;
  current: string;
}) {
  const { t, fmt, name, locale } = useProfileI18n();
  const n = useNumber();
  const rows = useMemo(() => comparisonRows(comparison, chosen), [comparison, chosen]);
  const unit = t.units[UNIT_OF[indicator]];
  const config = useMemo(
    () =>
      ({
        type: 'line',
        data: {
          labels: comparison.years.map(yearLabel),
          datasets: rows.map((r, i) => ({
            label: name(r.cluster),
            data: r.values,
            borderColor: PALETTE[i % PALETTE.length],
            backgroundColor: PALETTE[i % PALETTE.length],
            borderWidth: r.cluster.code === current ? 4 : 2,
            borderDash: i >= PALETTE.length ? [6, 3] : undefined,
            spanGaps: true,
          })),
        },
        options: {
          scales: {
            x: { title: { display: true, text: t.profile.year } },
            y: { beginAtZero: true, title: { display: true, text: unit }, ticks: { callback: (v: string | number) => Number(v).toLocaleString(locale) } },
          },
        },
      }) as ChartConfiguration,
    [rows, comparison, current, locale],
  );
  if (comparison.years.length === 0) return <p className="muted">{t.profile.comparisonNone}</p>;
  const label = fmt(t.profile.comparisonChart, { indicator: t.indicators[indicator], unit });
  return (
    <figure className="profile-chart profile-chart--wide">
      <figcaption className="profile-chart__title">{label}</figcaption>
      <ChartCanvas testId="comparison-chart" label={label} config={config} />
      <details className="profile-chart__table">
        <summary>{t.profile.table}</summary>
        <table className="table" data-testid="comparison-table">
          <caption className="visually-hidden">{label}</caption>
          <thead>
            <tr>
              <th scope="col">{t.profile.clusters}</th>
              {comparison.years.map((y) => (
                <th key={y} scope="col" className="num">
                  {yearLabel(y)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.cluster.code} aria-current={r.cluster.code === current ? 'true' : undefined}>
                <th scope="row">{name(r.cluster)}</th>
                {r.values.map((v, i) => (
                  <td key={comparison.years[i]} className="num">
                    {n(v)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
