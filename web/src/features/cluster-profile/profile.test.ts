import { describe, expect, it } from 'vitest';
import type { IndicatorComparisonDto } from '../../api/client';
import regions from './korea-regions.json';
import {
  aggregateByRegion,
  boundsOf,
  colourScale,
  comparisonRows,
  fitMercator,
  latestYear,
  NO_DATA,
  pathOf,
  placeLabels,
  SHADES,
  timelineLink,
  trendOf,
  yearLabel,
} from './profile';

const ref = (id: number, code: string) => ({ id, code, nameKo: code, nameEn: null });
const comparison: IndicatorComparisonDto = {
  indicator: 'companies',
  unit: 'companies',
  years: [2022, 2023, 2024],
  series: [
    { cluster: ref(1, 'gwanggyo'), region: 'gyeonggi', latitude: 37.288, longitude: 127.048, values: [{ year: 2023, value: 120 }, { year: 2024, value: 150 }] },
    { cluster: ref(2, 'pangyo'), region: 'gyeonggi', latitude: 37.4, longitude: 127.1, values: [{ year: 2024, value: 50 }] },
    { cluster: ref(3, 'osong'), region: 'chungbuk', latitude: 36.634, longitude: 127.327, values: [{ year: 2022, value: 80 }, { year: 2024, value: null }] },
    { cluster: ref(4, 'wonju'), region: 'gangwon', latitude: null, longitude: null, values: [] },
  ],
};

describe('the cluster profile', () => {
  it('labels years without thousands separators', () => {
    expect(yearLabel(2024)).toBe('2024');
    expect([2019, 2020].map(yearLabel)).toEqual(['2019', '2020']);
  });

  it("takes one figure of a cluster's records oldest first, unknown years as null", () => {
    const trend = trendOf(
      [
        { year: 2024, companies: 30, employees: null },
        { year: 2022, companies: 10, employees: 300 },
      ],
      'employees',
    );
    expect(trend).toEqual({ years: [2022, 2024], values: [300, null] });
  });

  it("lays out each cluster's values along the comparison's years, only the chosen ones", () => {
    expect(comparisonRows(comparison).map((r) => r.values)).toEqual([[null, 120, 150], [null, null, 50], [80, null, null], [null, null, null]]);
    expect(comparisonRows(comparison, new Set(['osong'])).map((r) => r.cluster.code)).toEqual(['osong']);
    expect(latestYear(comparison)).toBe(2024);
    expect(latestYear({ ...comparison, years: [] })).toBeNull();
  });

  it('sums a figure per 시·도 for the year, null where no cluster has a value', () => {
    const byRegion = aggregateByRegion(comparison, 2024);
    expect(byRegion.get('gyeonggi')).toEqual({ total: 200, clusters: ['gwanggyo', 'pangyo'] });
    expect(byRegion.get('chungbuk')).toEqual({ total: null, clusters: ['osong'] });
    expect(byRegion.get('gangwon')).toEqual({ total: null, clusters: ['wonju'] });
    expect(byRegion.has('seoul')).toBe(false);
    expect(aggregateByRegion(comparison, 2022).get('chungbuk')?.total).toBe(80);
  });

  it('colours equal intervals up to the largest value, and no value apart', () => {
    const scale = colourScale([200, 80, null, 0]);
    expect(scale.bounds).toEqual([40, 80, 120, 160, 200]);
    expect([0, 40, 41, 80, 199, 200].map(scale.classOf)).toEqual([0, 0, 1, 1, 4, 4]);
    expect(scale.colourOf(200)).toBe(SHADES[4]);
    expect(scale.colourOf(null)).toBe(NO_DATA);
    expect(colourScale([null]).classOf(0)).toBe(0); // all zero or none: the lightest shade for zero
  });

  it('projects with Mercator into the box, north up, keeping the aspect', () => {
    const project = fitMercator({ west: 126, south: 33, east: 130, north: 38.6 }, 400, 600, 0);
    const [wx, ny] = project([126, 38.6]);
    const [ex, sy] = project([130, 33]);
    expect(wx).toBeCloseTo(Math.min(wx, ex));
    expect(ny).toBeLessThan(sy); // north is up
    expect(Math.max(ex - wx, sy - ny)).toBeCloseTo(Math.max(ex - wx, sy - ny));
    expect(ex - wx <= 400 + 1e-9 && sy - ny <= 600 + 1e-9).toBe(true);
    expect(Math.abs(ex - wx - 400) < 1e-6 || Math.abs(sy - ny - 600) < 1e-6).toBe(true); // fills one side
    // Mercator: a degree of latitude is longer in the north than in the south.
    const [, y33] = project([128, 33]);
    const [, y34] = project([128, 34]);
    const [, y37] = project([128, 37]);
    const [, y38] = project([128, 38]);
    expect(y37 - y38).toBeGreaterThan(y33 - y34);
    expect(pathOf([[[126, 38.6], [130, 38.6], [130, 33]]], project)).toMatch(/^M[\d.]+,[\d.]+L[\d.]+,[\d.]+L[\d.]+,[\d.]+Z$/);
  });

  it('links each timeline entry to its record', () => {
    const entry = { kind: 'decision', id: 5, on: '2026-12-10', at: null, titleKo: '의결', titleEn: null, state: 'approved', anchorId: 5 } as const;
    expect(timelineLink({ ...entry, targetKind: 'meeting', targetId: 9 }, 'osong')).toBe('/meetings/9');
    expect(timelineLink({ ...entry, targetKind: 'regulatory_issue', targetId: 3 }, 'osong')).toBe('/issues/3');
    expect(timelineLink({ ...entry, targetKind: 'policy_recommendation', targetId: 4 }, 'osong')).toBe('/recommendations/4');
    expect(timelineLink({ ...entry, targetKind: 'site_project', targetId: 2 }, 'osong')).toBe('/clusters/osong#cluster-projects-title');
    expect(timelineLink({ ...entry, targetKind: 'collaboration_project', targetId: 5 }, 'osong')).toBe('/collaborations/5');
  });
});

describe('the shipped boundary file', () => {
  it('has the 17 시·도 of today, each with closed rings inside Korea', () => {
    expect(regions.regions.map((r) => r.region).sort()).toEqual(
      ['seoul', 'busan', 'daegu', 'incheon', 'gwangju', 'daejeon', 'ulsan', 'sejong', 'gyeonggi', 'gangwon', 'chungbuk', 'chungnam', 'jeonbuk', 'jeonnam', 'gyeongbuk', 'gyeongnam', 'jeju'].sort(),
    );
    const names = Object.fromEntries(regions.regions.map((r) => [r.region, r.nameKo]));
    expect(names.sejong).toBe('세종특별자치시');
    expect(names.gangwon).toBe('강원특별자치도');
    expect(names.jeonbuk).toBe('전북특별자치도');
    const all = regions.regions.flatMap((r) => r.rings);
    const b = boundsOf(all);
    expect(b.west).toBeGreaterThan(124);
    expect(b.east).toBeLessThan(132);
    expect(b.south).toBeGreaterThan(33);
    expect(b.north).toBeLessThan(38.7);
    for (const r of regions.regions) expect(r.rings.every((ring) => ring.length >= 3)).toBe(true);
    // 군위군 is in 대구광역시 since 2023: Daegu reaches north of 36.1°N.
    expect(boundsOf(regions.regions.find((r) => r.region === 'daegu')!.rings).north).toBeGreaterThan(36.1);
  });
});

describe('the map labels', () => {
  it('go right of their dot unless that covers another label or dot', () => {
    const markers = [
      { x: 100, y: 100, text: '송도 바이오 클러스터' },
      { x: 110, y: 103, text: '경기 바이오 클러스터' },
      { x: 130, y: 98, text: '원주 의료기기 클러스터' },
      { x: 300, y: 300, text: '오송' },
    ];
    const placed = placeLabels(markers);
    expect(placed[3]).toEqual({ x: 309, y: 300 + 11 * 0.35, anchor: 'start' }); // alone: to the right
    const boxes = placed.map((p, i) => {
      const width = [...markers[i].text].length * 11 * 0.95;
      return { left: p.anchor === 'start' ? p.x : p.x - width, right: p.anchor === 'start' ? p.x + width : p.x, top: p.y - 9.9, bottom: p.y + 2.75 };
    });
    const meets = (a: (typeof boxes)[number], b: (typeof boxes)[number]) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    for (let i = 0; i < boxes.length; i++) {
      for (let j = 0; j < boxes.length; j++) if (i !== j) expect(meets(boxes[i], boxes[j])).toBe(false);
      markers.forEach((m, j) => {
        if (j !== i) expect(meets(boxes[i], { left: m.x - 6, right: m.x + 6, top: m.y - 6, bottom: m.y + 6 })).toBe(false);
      });
    }
  });
});
