#!/usr/bin/env node
// Derives the 시·도 boundary file the map ships with (web/src/features/cluster-profile/korea-regions.json) from
// Statistics Korea's (통계청, SGIS) 2018 municipal boundaries, KOGL Type 1 (공공누리 제1유형: attribution; use, change and
// redistribution allowed) — the TopoJSON "skorea-municipalities-2018-topo-simple.json" of the public southkorea-maps
// repository (kostat/2018/json). Usage:
//   node scripts/derive-korea-map.mjs path/to/skorea-municipalities-2018-topo-simple.json
// What it does, with no dependencies (see web/src/features/cluster-profile/README.md and ADR 0026):
//   1. decodes the topology's arcs into longitude/latitude;
//   2. simplifies every arc (Douglas–Peucker, ~TOLERANCE_KM), keeping its ends, so neighbours still share borders;
//   3. merges the 250 시·군·구 into the 17 시·도 of today by dropping the arcs two municipalities of the same 시·도 share,
//      then stitching the rest into rings — with the 2023 move of 군위군 from 경상북도 to 대구광역시;
//   4. drops islands smaller than MIN_ISLAND_KM2 and rounds coordinates to 3 decimals (~100 m);
//   5. names each 시·도 as it is named today (강원특별자치도 2023, 전북특별자치도 2024) with the product's region codes.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TOLERANCE_KM = 0.6;
const MIN_ISLAND_KM2 = 25;
const DIGITS = 3;
/** Islands kept whatever their size: 독도 (Dokdo, 울릉군), 0.19 km², part of every map of Korea. */
const KEEP_NEAR = [[131.867, 37.242]];

/** KOSTAT's 2018 province codes → the product's Region wire names and today's names. */
const REGIONS = {
  11: { region: 'seoul', nameKo: '서울특별시', nameEn: 'Seoul' },
  21: { region: 'busan', nameKo: '부산광역시', nameEn: 'Busan' },
  22: { region: 'daegu', nameKo: '대구광역시', nameEn: 'Daegu' },
  23: { region: 'incheon', nameKo: '인천광역시', nameEn: 'Incheon' },
  24: { region: 'gwangju', nameKo: '광주광역시', nameEn: 'Gwangju' },
  25: { region: 'daejeon', nameKo: '대전광역시', nameEn: 'Daejeon' },
  26: { region: 'ulsan', nameKo: '울산광역시', nameEn: 'Ulsan' },
  29: { region: 'sejong', nameKo: '세종특별자치시', nameEn: 'Sejong' },
  31: { region: 'gyeonggi', nameKo: '경기도', nameEn: 'Gyeonggi' },
  32: { region: 'gangwon', nameKo: '강원특별자치도', nameEn: 'Gangwon' }, // 강원도 until June 2023
  33: { region: 'chungbuk', nameKo: '충청북도', nameEn: 'Chungbuk' },
  34: { region: 'chungnam', nameKo: '충청남도', nameEn: 'Chungnam' },
  35: { region: 'jeonbuk', nameKo: '전북특별자치도', nameEn: 'Jeonbuk' }, // 전라북도 until January 2024
  36: { region: 'jeonnam', nameKo: '전라남도', nameEn: 'Jeonnam' },
  37: { region: 'gyeongbuk', nameKo: '경상북도', nameEn: 'Gyeongbuk' },
  38: { region: 'gyeongnam', nameKo: '경상남도', nameEn: 'Gyeongnam' },
  39: { region: 'jeju', nameKo: '제주특별자치도', nameEn: 'Jeju' },
};

/** Municipalities that have changed 시·도 since 2018: 군위군 joined 대구광역시 on 1 July 2023. */
const MOVED = { 37310: 22 };

const source = process.argv[2];
if (!source) {
  console.error('usage: node scripts/derive-korea-map.mjs skorea-municipalities-2018-topo-simple.json');
  process.exit(2);
}
const topology = JSON.parse(readFileSync(source, 'utf8'));
const [sx, sy] = topology.transform.scale;
const [tx, ty] = topology.transform.translate;

// 1. Arcs as [lon, lat] points (TopoJSON arcs are delta-encoded quantized positions).
const arcs = topology.arcs.map((arc) => {
  let x = 0;
  let y = 0;
  return arc.map(([dx, dy]) => {
    x += dx;
    y += dy;
    return [x * sx + tx, y * sy + ty];
  });
});

// 2. Douglas–Peucker on a local equirectangular plane (km), keeping both ends.
const KM_PER_DEG = 111.32;
const COS = Math.cos((36 * Math.PI) / 180);
const km = ([lon, lat]) => [lon * KM_PER_DEG * COS, lat * KM_PER_DEG];
function distanceToSegment(p, a, b) {
  const [px, py] = km(p);
  const [ax, ay] = km(a);
  const [bx, by] = km(b);
  const dx = bx - ax;
  const dy = by - ay;
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
function simplify(points) {
  if (points.length <= 2) return points;
  const keep = new Array(points.length).fill(false);
  keep[0] = keep[points.length - 1] = true;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop();
    let worst = -1;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const d = distanceToSegment(points[i], points[first], points[last]);
      if (d > worst) [worst, index] = [d, i];
    }
    if (worst > TOLERANCE_KM) {
      keep[index] = true;
      stack.push([first, index], [index, last]);
    }
  }
  // A closed arc (an island drawn as one arc) keeps at least a triangle.
  const kept = points.filter((_, i) => keep[i]);
  if (kept.length < 4 && points.length >= 4 && samePoint(points[0], points[points.length - 1])) {
    const third = Math.floor(points.length / 3);
    return [points[0], points[third], points[2 * third], points[points.length - 1]];
  }
  return kept;
}
const samePoint = (a, b) => a[0] === b[0] && a[1] === b[1];
const simplified = arcs.map(simplify);

// 3. Merge municipalities by today's 시·도: arcs shared inside a 시·도 are interior and dropped.
const object = topology.objects[Object.keys(topology.objects)[0]];
const refsByRegion = new Map();
for (const geometry of object.geometries) {
  const code = Number(geometry.properties.code);
  const province = MOVED[code] ?? Math.floor(code / 1000);
  if (!REGIONS[province]) throw new Error(`unknown province of ${geometry.properties.name} (${code})`);
  const polygons = geometry.type === 'Polygon' ? [geometry.arcs] : geometry.type === 'MultiPolygon' ? geometry.arcs : [];
  const refs = refsByRegion.get(province) ?? [];
  for (const polygon of polygons) for (const ring of polygon) refs.push(...ring);
  refsByRegion.set(province, refs);
}

const arcIndex = (ref) => (ref < 0 ? ~ref : ref);
const pointsOf = (ref) => (ref < 0 ? [...simplified[~ref]].reverse() : simplified[ref]);
const key = (p) => `${p[0]},${p[1]}`;

function stitch(refs) {
  const uses = new Map();
  for (const ref of refs) uses.set(arcIndex(ref), (uses.get(arcIndex(ref)) ?? 0) + 1);
  const outer = refs.filter((ref) => uses.get(arcIndex(ref)) === 1);
  const byStart = new Map();
  for (const ref of outer) {
    const k = key(pointsOf(ref)[0]);
    byStart.set(k, [...(byStart.get(k) ?? []), ref]);
  }
  const used = new Set();
  const rings = [];
  for (const start of outer) {
    if (used.has(start)) continue;
    const ring = [];
    let ref = start;
    while (ref !== undefined && !used.has(ref)) {
      used.add(ref);
      const points = pointsOf(ref);
      ring.push(...(ring.length ? points.slice(1) : points));
      const candidates = (byStart.get(key(points[points.length - 1])) ?? []).filter((r) => !used.has(r));
      ref = candidates[0];
    }
    rings.push(ring);
  }
  return rings;
}

// 4. Drop small islands; round.
function areaKm2(ring) {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = km(ring[i]);
    const [x2, y2] = km(ring[(i + 1) % ring.length]);
    sum += x1 * y2 - x2 * y1;
  }
  return Math.abs(sum) / 2;
}
const round = (v) => Number(v.toFixed(DIGITS));
function tidy(ring) {
  const out = [];
  for (const [lon, lat] of ring) {
    const p = [round(lon), round(lat)];
    if (!out.length || !samePoint(out[out.length - 1], p)) out.push(p);
  }
  return out;
}

const regions = Object.entries(REGIONS).map(([code, meta]) => {
  const rings = stitch(refsByRegion.get(Number(code)) ?? [])
    .filter((ring) => areaKm2(ring) >= MIN_ISLAND_KM2 || KEEP_NEAR.some(([lon, lat]) => ring.every((p) => Math.hypot(p[0] - lon, p[1] - lat) < 0.05)))
    .map(tidy)
    .filter((ring) => ring.length >= 3);
  if (!rings.length) throw new Error(`no boundary left for ${meta.nameKo}`);
  return { ...meta, kostatCode: code, rings };
});

const output = {
  source: 'Statistics Korea (통계청) SGIS 2018 municipal boundaries, KOGL Type 1 (공공누리 제1유형), merged into today\'s 17 시·도',
  derivedBy: 'scripts/derive-korea-map.mjs',
  regions,
};
const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, '..', 'web', 'src', 'features', 'cluster-profile', 'korea-regions.json');
const text = JSON.stringify(output);
writeFileSync(target, text + '\n');
const points = regions.reduce((n, r) => n + r.rings.reduce((m, ring) => m + ring.length, 0), 0);
console.log(`${regions.length} regions, ${regions.reduce((n, r) => n + r.rings.length, 0)} rings, ${points} points, ${text.length} bytes → ${target}`);
