// The cluster profile's and the map's logic, pure so it is unit-tested: which figures there are and their units, years
// as labels, the series of one cluster, the sum of a figure per 시·도, the colour classes of the map, and the projection
// of longitude/latitude into the map's SVG.
import type { IndicatorComparisonDto, IndicatorKind, IndicatorUnit, Region, TimelineEntryDto } from '../../api/client';
import { paths } from '../../lib/paths';

export const INDICATORS = [
  'companies',
  'employees',
  'revenue_million_krw',
  'rd_spend_million_krw',
  'investment_million_krw',
  'exports_thousand_usd',
] as const satisfies readonly IndicatorKind[];

export const UNIT_OF: Record<IndicatorKind, IndicatorUnit> = {
  companies: 'companies',
  employees: 'persons',
  revenue_million_krw: 'million_krw',
  rd_spend_million_krw: 'million_krw',
  investment_million_krw: 'million_krw',
  exports_thousand_usd: 'thousand_usd',
};

/** The camelCase field of a yearly figures record that holds the figure. */
export const FIELD_OF = {
  companies: 'companies',
  employees: 'employees',
  revenue_million_krw: 'revenueMillionKrw',
  rd_spend_million_krw: 'rdSpendMillionKrw',
  investment_million_krw: 'investmentMillionKrw',
  exports_thousand_usd: 'exportsThousandUsd',
} as const satisfies Record<IndicatorKind, string>;

/** A year as a label: never with a thousands separator ("2024", not "2,024"). */
export const yearLabel = (year: number): string => String(Math.trunc(year));

export function isIndicator(value: string | null | undefined): value is IndicatorKind {
  return (INDICATORS as readonly string[]).includes(value ?? '');
}

type YearFigures = { year: number } & Partial<Record<(typeof FIELD_OF)[IndicatorKind], number | null>>;

/** One figure of one cluster's yearly records, oldest year first, for every year recorded (null where unknown). */
export function trendOf(records: readonly YearFigures[], indicator: IndicatorKind): { years: number[]; values: (number | null)[] } {
  const sorted = [...records].sort((a, b) => a.year - b.year);
  return { years: sorted.map((r) => r.year), values: sorted.map((r) => r[FIELD_OF[indicator]] ?? null) };
}

/** Each compared cluster's value in each of the comparison's years (null where it has none), in the years' order. */
export function comparisonRows(comparison: IndicatorComparisonDto, codes?: ReadonlySet<string>) {
  return comparison.series
    .filter((s) => !codes || codes.has(s.cluster.code))
    .map((s) => ({
      cluster: s.cluster,
      values: comparison.years.map((y) => s.values.find((v) => v.year === y)?.value ?? null),
    }));
}

/** The latest year any cluster has a value for, or null. */
export function latestYear(comparison: IndicatorComparisonDto): number | null {
  return comparison.years.length ? comparison.years[comparison.years.length - 1] : null;
}

/** Per 시·도: the sum of its clusters' values in that year (null when none of them has one), and its clusters. */
export function aggregateByRegion(comparison: IndicatorComparisonDto, year: number | null) {
  const out = new Map<Region, { total: number | null; clusters: string[] }>();
  for (const s of comparison.series) {
    const entry = out.get(s.region) ?? { total: null, clusters: [] };
    entry.clusters.push(s.cluster.code);
    const value = year == null ? null : (s.values.find((v) => v.year === year)?.value ?? null);
    if (value != null) entry.total = (entry.total ?? 0) + value;
    out.set(s.region, entry);
  }
  return out;
}

/** Five shades of one hue, light to dark (ColorBrewer-like Blues): readable in greyscale by lightness. */
export const SHADES = ['#dbe9f6', '#a9cce3', '#6aaed6', '#3082be', '#08519c'] as const;
export const NO_DATA = '#f1f1f1';

/**
 * Equal-interval classes between 0 and the largest value: a value's class index (0–4), or -1 for no value.
 * The legend's upper bounds come with it. Equal intervals, not quantiles: with a handful of regions, quantiles would
 * colour near-equal values differently.
 */
export function colourScale(values: readonly (number | null)[], classes = SHADES.length) {
  const max = Math.max(0, ...values.filter((v): v is number => v != null && Number.isFinite(v)));
  const bounds = Array.from({ length: classes }, (_, i) => (max * (i + 1)) / classes);
  const classOf = (value: number | null | undefined): number => {
    if (value == null || !Number.isFinite(value)) return -1;
    if (max === 0) return 0;
    const index = bounds.findIndex((b) => value <= b);
    return index === -1 ? classes - 1 : index;
  };
  return { max, bounds, classOf, colourOf: (value: number | null | undefined) => (classOf(value) < 0 ? NO_DATA : SHADES[classOf(value)]) };
}

export type Bounds = { west: number; south: number; east: number; north: number };

/** Web Mercator's y of a latitude (radians of the projected plane). */
const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

/**
 * A Mercator projection fitted into width × height (keeping the aspect, centred, with a margin): [lon, lat] → [x, y],
 * north up. Korea spans 33–39°N, so Mercator's stretch is under 10 % across it, and the clusters' dots and the
 * boundaries are projected alike.
 */
export function fitMercator(bounds: Bounds, width: number, height: number, margin = 8) {
  const x0 = (bounds.west * Math.PI) / 180;
  const x1 = (bounds.east * Math.PI) / 180;
  const y0 = mercatorY(bounds.south);
  const y1 = mercatorY(bounds.north);
  const scale = Math.min((width - 2 * margin) / (x1 - x0), (height - 2 * margin) / (y1 - y0));
  const offsetX = (width - scale * (x1 - x0)) / 2;
  const offsetY = (height - scale * (y1 - y0)) / 2;
  return ([lon, lat]: readonly [number, number] | readonly number[]): [number, number] => [
    offsetX + scale * ((lon * Math.PI) / 180 - x0),
    offsetY + scale * (y1 - mercatorY(lat)),
  ];
}

/** The bounds of every ring. */
export function boundsOf(rings: readonly (readonly (readonly number[])[])[]): Bounds {
  let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity;
  for (const ring of rings)
    for (const [lon, lat] of ring) {
      west = Math.min(west, lon);
      east = Math.max(east, lon);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    }
  return { west, south, east, north };
}

/** An SVG path of rings (draw with fill-rule evenodd, so a ring inside another is a hole). */
export function pathOf(rings: readonly (readonly (readonly number[])[])[], project: (p: readonly number[]) => [number, number]): string {
  return rings
    .map((ring) => ring.map((p, i) => {
      const [x, y] = project(p);
      return `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`;
    }).join('') + 'Z')
    .join('');
}

/** Where a timeline entry leads: the record's page (and the place in it). */
export function timelineLink(entry: TimelineEntryDto, clusterCode: string): string {
  switch (entry.targetKind) {
    case 'regulatory_issue':
      return paths.issue(entry.targetId);
    case 'policy_recommendation':
      return paths.recommendation(entry.targetId);
    case 'meeting':
      return paths.meeting(entry.targetId);
    case 'site_project':
      return `${paths.cluster(clusterCode)}#cluster-projects-title`; // the site projects section of the cluster page
    case 'collaboration_project':
      return paths.collaboration(entry.targetId);
  }
}

export type LabelPlacement = { x: number; y: number; anchor: 'start' | 'end' };

/**
 * Where each marker's label goes so that labels do not cover each other or another marker: to the right, else to the
 * left, else further up or down, greedily from the top of the map (a few clusters, so a greedy pass is enough).
 * Label boxes are estimated from the text length (Hangul is about one em wide).
 */
export function placeLabels(markers: readonly { x: number; y: number; text: string }[], fontSize = 11, radius = 6): LabelPlacement[] {
  type Box = { left: number; right: number; top: number; bottom: number };
  const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  const dots: Box[] = markers.map((m) => ({ left: m.x - radius, right: m.x + radius, top: m.y - radius, bottom: m.y + radius }));
  const placed: Box[] = [];
  const out: LabelPlacement[] = new Array(markers.length);
  const order = markers.map((_, i) => i).sort((a, b) => markers[a].y - markers[b].y || markers[a].x - markers[b].x);
  for (const i of order) {
    const m = markers[i];
    const width = [...m.text].length * fontSize * 0.95;
    const gap = radius + 3;
    const candidates: LabelPlacement[] = [];
    for (const shift of [0, -1, 1, -2, 2, -3, 3]) {
      const y = m.y + fontSize * 0.35 + shift * fontSize * 1.2;
      candidates.push({ x: m.x + gap, y, anchor: 'start' }, { x: m.x - gap, y, anchor: 'end' });
    }
    const boxOf = (c: LabelPlacement): Box => ({
      left: c.anchor === 'start' ? c.x : c.x - width,
      right: c.anchor === 'start' ? c.x + width : c.x,
      top: c.y - fontSize * 0.9,
      bottom: c.y + fontSize * 0.25,
    });
    const free = candidates.find((c) => {
      const box = boxOf(c);
      return !placed.some((p) => overlaps(p, box)) && !dots.some((d, j) => j !== i && overlaps(d, box));
    });
    const chosen = free ?? candidates[0];
    placed.push(boxOf(chosen));
    out[i] = chosen;
  }
  return out;
}
