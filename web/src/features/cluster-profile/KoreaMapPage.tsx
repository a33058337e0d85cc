// The map of Korea (issue 20 item 6, ADR 0026): the 17 시·도 from the boundary file shipped with the product (no tile
// server: it works offline), shaded by the sum of a chosen figure of the clusters in each, and the clusters at their
// locations as links (keyboard: Tab to a dot, Enter opens the cluster). The same numbers are in a table below.
import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { IndicatorKind } from '../../api/client';
import { paths } from '../../lib/paths';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { Breadcrumb } from '../../ui/Breadcrumb';
import { Loading } from '../../ui/Loading';
import { ProblemView } from '../../ui/ProblemView';
import { useComparison } from './api';
import { useProfileI18n } from './i18n';
import boundaries from './korea-regions.json';
import { aggregateByRegion, boundsOf, colourScale, fitMercator, INDICATORS, isIndicator, latestYear, NO_DATA, pathOf, placeLabels, SHADES, UNIT_OF, yearLabel } from './profile';
import './profile.css';

const WIDTH = 520;
const HEIGHT = 620;

export function KoreaMapPage() {
  const { t, fmt, name, lang, locale } = useProfileI18n();
  const [search, setSearch] = useSearchParams();
  const navigate = useNavigate();
  const indicatorParam = search.get('indicator');
  const indicator: IndicatorKind = isIndicator(indicatorParam) ? indicatorParam : 'companies';
  const comparison = useComparison(indicator);
  const latest = comparison.data ? latestYear(comparison.data) : null;
  const yearParam = Number(search.get('year'));
  const year = comparison.data?.years.includes(yearParam) ? yearParam : latest;
  useDocumentTitle(t.map.title);

  const project = useMemo(() => fitMercator(boundsOf(boundaries.regions.flatMap((r) => r.rings)), WIDTH, HEIGHT), []);
  const shapes = useMemo(() => boundaries.regions.map((r) => ({ ...r, d: pathOf(r.rings, project) })), [project]);
  const byRegion = useMemo(() => (comparison.data ? aggregateByRegion(comparison.data, year) : new Map()), [comparison.data, year]);
  const scale = colourScale([...byRegion.values()].map((v) => v.total));
  // Without a single figure for the year the shades say nothing ("0–0" five times): the legend shows "자료 없음" alone.
  const hasData = [...byRegion.values()].some((v) => v.total != null);
  const unit = t.units[UNIT_OF[indicator]];
  const n = (v: number | null | undefined) => (v == null ? t.map.noData : v.toLocaleString(locale));
  const regionName = (r: { nameKo: string; nameEn: string }) => (lang === 'en' ? r.nameEn : r.nameKo);
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(search);
    next.set(key, value);
    if (key === 'indicator') next.delete('year');
    setSearch(next, { replace: true });
  };
  const markers = useMemo(
    () =>
      (comparison.data?.series ?? [])
        .filter((s) => s.latitude != null && s.longitude != null)
        .map((s) => {
          const [x, y] = project([s.longitude!, s.latitude!]);
          return { s, x, y, text: name(s.cluster) };
        }),
    [comparison.data, project, lang], // name() is new on every render; it depends on the language only
  );
  const labels = useMemo(() => placeLabels(markers), [markers]);
  const clusterName = new Map(comparison.data?.series.map((s) => [s.cluster.code, name(s.cluster)]) ?? []);

  return (
    <div className="page">
      <Breadcrumb links={[{ to: paths.clusters(), label: t.profile.listLink }]} current={t.map.title} />
      <header className="page__header">
        <h1>{t.map.title}</h1>
        <p className="page__intro">{t.map.intro}</p>
      </header>
      <div className="profile-controls">
        <label className="field">
          <span className="field__label">{t.profile.indicator}</span>
          <select value={indicator} onChange={(e) => set('indicator', e.target.value)} data-testid="map-indicator">
            {INDICATORS.map((i) => (
              <option key={i} value={i}>
                {t.indicators[i]}
              </option>
            ))}
          </select>
        </label>
        {comparison.data && comparison.data.years.length > 0 && (
          <label className="field">
            <span className="field__label">{t.map.year}</span>
            <select value={year ?? ''} onChange={(e) => set('year', e.target.value)} data-testid="map-year">
              {comparison.data.years.map((y) => (
                <option key={y} value={y}>
                  {yearLabel(y)}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {comparison.isPending && <Loading />}
      {comparison.error && <ProblemView problem={comparison.error} onRetry={() => void comparison.refetch()} />}
      <div className="korea-map">
        <figure className="profile-chart">
          <svg
            className="korea-map__svg"
            viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
            role="group"
            aria-label={fmt(t.map.mapLabel, { indicator: t.indicators[indicator], year: year == null ? t.map.noData : yearLabel(year) })}
            data-testid="korea-map"
          >
            {shapes.map((r) => {
              const total = byRegion.get(r.region)?.total;
              return (
                <path
                  key={r.region}
                  d={r.d}
                  fillRule="evenodd"
                  fill={scale.colourOf(total)}
                  className="korea-map__region"
                  data-testid="map-region"
                  data-region={r.region}
                >
                  <title>{`${regionName(r)}: ${n(total)}${total == null ? '' : ` ${unit}`}`}</title>
                </path>
              );
            })}
            {markers.map(({ s, x, y }, i) => {
                const to = paths.cluster(s.cluster.code);
                const label = labels[i];
                return (
                  <a
                    key={s.cluster.code}
                    href={to}
                    className="korea-map__marker"
                    aria-label={fmt(t.map.clusterMarker, { name: name(s.cluster) })}
                    data-testid="map-cluster"
                    data-code={s.cluster.code}
                    onClick={(e) => {
                      e.preventDefault();
                      void navigate(to);
                    }}
                  >
                    <circle cx={x} cy={y} r={6} />
                    <text x={label.x} y={label.y} textAnchor={label.anchor} className="korea-map__label" aria-hidden="true">
                      {name(s.cluster)}
                    </text>
                  </a>
                );
              })}
          </svg>
          <figcaption className="korea-map__source muted">{t.map.source}</figcaption>
        </figure>
        <div>
          <h2>{t.map.legend}</h2>
          <p>
            {t.indicators[indicator]} ({unit}){year != null && `, ${yearLabel(year)}`}
          </p>
          <ul className="korea-map__legend" data-testid="map-legend">
            {hasData && SHADES.map((shade, i) => (
              <li key={shade}>
                <span className="korea-map__swatch" style={{ background: shade }} aria-hidden="true" />
                {`${(i === 0 ? 0 : scale.bounds[i - 1]).toLocaleString(locale, { maximumFractionDigits: 0 })}–${scale.bounds[i].toLocaleString(locale, { maximumFractionDigits: 0 })}`}
              </li>
            ))}
            <li>
              <span className="korea-map__swatch" style={{ background: NO_DATA }} aria-hidden="true" />
              {t.map.noData}
            </li>
          </ul>
          <table className="table" data-testid="map-table">
            <caption>{t.map.tableTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{t.map.region}</th>
                <th scope="col" className="num">
                  {t.map.total} ({unit})
                </th>
                <th scope="col">{t.map.clustersIn}</th>
              </tr>
            </thead>
            <tbody>
              {shapes.map((r) => {
                const entry = byRegion.get(r.region);
                return (
                  <tr key={r.region}>
                    <th scope="row">{regionName(r)}</th>
                    <td className="num">{n(entry?.total)}</td>
                    <td>
                      {entry?.clusters.map((code: string, i: number) => (
                        <span key={code}>
                          {i > 0 && ', '}
                          <Link to={paths.cluster(code)}>{clusterName.get(code) ?? code}</Link>
                        </span>
                      ))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );
}
