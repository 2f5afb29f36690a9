/**
 * The grid map at a whole city's scale (75,081 sub-grids):
 * - point → grid: GridLocator lookups per second (flatbush + exact test), against SQLite's
 *   R*Tree with the same exact test as the baseline, both in this run;
 * - drawing in Chromium: first draw and pan redraw, Leaflet's default SVG renderer (the
 *   baseline) vs one canvas layer per polygon vs the app's grouped canvas layer;
 * - 50,000 case points clustered (supercluster) and drawn.
 * Medians over several runs; the machine is shared and noisy.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { build } from 'esbuild';
import {
  compileGeometry,
  pointInCompiled,
  type PolygonGeometry,
} from '../../core/geo/point-in-polygon';
import { openOrCreateDatabase } from '../../db/bootstrap';
import { GridLocator } from '../../db/queries/grid-locator';
import { chromiumLaunchOptions } from '../chromium';
import { CITY_SUBGRIDS, cityCells, cityPoints } from './map-bench-data';
import type { MapBenchApi } from './map-bench-page';
import { median, percentile, record } from './record';

const root = path.resolve(import.meta.dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-bench-map-'));
const now = Date.now();
// The build machine is shared: its load says how much to trust the figures below.
const loadAtStart = Number(os.loadavg()[0]!.toFixed(2));

// --- point → grid -------------------------------------------------------------------
const cells = cityCells();
const db = openOrCreateDatabase(path.join(dir, 'city.sqlite'), {
  appVersion: 'bench',
  now,
  demoWhenNew: false,
}).db;
db.transaction(() => {
  const place = db.prepare(
    `INSERT INTO places (code, level, grid_type, name, parent_code, community_code, boundary,
       min_lng, min_lat, max_lng, max_lat, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const box = db.prepare('INSERT INTO place_bounds VALUES (?, ?, ?, ?, ?)');
  place.run(
    '990101001',
    'street',
    null,
    '基准城市',
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    now,
    now,
  );
  place.run(
    '990101001001',
    'community',
    null,
    '基准社区',
    '990101001',
    null,
    null,
    null,
    null,
    null,
    null,
    now,
    now,
  );
  const grids = new Set(cells.map((c) => c.code.slice(0, 15)));
  for (const grid of grids) {
    place.run(
      grid,
      'grid',
      'basic',
      `网格${grid}`,
      '990101001001',
      '990101001001',
      null,
      null,
      null,
      null,
      null,
      now,
      now,
    );
  }
  for (const cell of cells) {
    const c = compileGeometry(cell.geometry);
    const { lastInsertRowid } = place.run(
      cell.code,
      'subgrid',
      'basic',
      `子网格${cell.code}`,
      cell.code.slice(0, 15),
      '990101001001',
      JSON.stringify(cell.geometry),
      c.minLng,
      c.minLat,
      c.maxLng,
      c.maxLat,
      now,
      now,
    );
    box.run(lastInsertRowid, c.minLng, c.maxLng, c.minLat, c.maxLat);
  }
})();

const loadTimes: number[] = [];
let locator = GridLocator.load(db);
for (let run = 0; run < 3; run++) {
  const started = performance.now();
  locator = GridLocator.load(db);
  loadTimes.push(performance.now() - started);
}
const LOOKUPS = 1_000_000;
const points = cityPoints(LOOKUPS, 23);
const rates: number[] = [];
let found = 0;
for (let run = 0; run < 5; run++) {
  found = 0;
  const started = performance.now();
  for (const [lng, lat] of points) if (locator.locate(lng, lat)) found++;
  rates.push(LOOKUPS / ((performance.now() - started) / 1000));
}

// Baseline: SQLite's R*Tree for the candidates, the same exact test, boundaries parsed per hit.
const rtree = db.prepare<[number, number, number, number], { code: string; boundary: string }>(
  `SELECT p.code, p.boundary FROM places p
    WHERE p.id IN (SELECT id FROM place_bounds
                    WHERE max_lng >= ? AND min_lng <= ? AND max_lat >= ? AND min_lat <= ?)`,
);
const BASELINE_LOOKUPS = 20_000;
const baselineRates: number[] = [];
for (let run = 0; run < 3; run++) {
  const started = performance.now();
  for (const [lng, lat] of points.slice(0, BASELINE_LOOKUPS)) {
    for (const row of rtree.all(lng, lng, lat, lat)) {
      if (pointInCompiled(lng, lat, compileGeometry(JSON.parse(row.boundary) as PolygonGeometry)))
        break;
    }
  }
  baselineRates.push(BASELINE_LOOKUPS / ((performance.now() - started) / 1000));
}
db.close();

// --- drawing in Chromium ------------------------------------------------------------
const pageDir = path.join(dir, 'page');
fs.mkdirSync(pageDir);
await build({
  entryPoints: [path.join(root, 'tests/bench/map-bench-page.ts')],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'chrome120',
  outfile: path.join(pageDir, 'bench.js'),
  logLevel: 'warning',
});
fs.copyFileSync(
  path.join(root, 'node_modules/leaflet/dist/leaflet.css'),
  path.join(pageDir, 'leaflet.css'),
);
fs.writeFileSync(
  path.join(pageDir, 'index.html'),
  `<!doctype html><meta charset="utf-8"><link rel="stylesheet" href="leaflet.css">
   <style>html,body{margin:0}#map{width:1366px;height:768px;background:#eef0ec}</style>
   <div id="map"></div><script src="bench.js"></script>`,
);

type DrawResult = { polygons: number; firstDraw: number; pans: number[] };
type ClusterResult = { points: number; firstDraw: number; clustersShown: number; pans: number[] };
const browser = await chromium.launch(chromiumLaunchOptions());
async function inPage<T>(run: (page: Page) => Promise<T>): Promise<T> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.setDefaultTimeout(600_000);
  await page.goto(`file://${path.join(pageDir, 'index.html')}`);
  try {
    return await run(page);
  } finally {
    await page.close();
  }
}
const drawRuns = async (kind: 'svg' | 'canvas' | 'grouped', runs: number) => {
  const results: DrawResult[] = [];
  for (let i = 0; i < runs; i++) {
    results.push(
      await inPage((page) =>
        page.evaluate(
          (k) => (window as unknown as { mapBench: MapBenchApi }).mapBench.draw(k, 7),
          kind,
        ),
      ),
    );
    process.stderr.write(
      `[map bench] ${kind} run ${i + 1}: first draw ${Math.round(results[i]!.firstDraw)} ms\n`,
    );
  }
  const allPans = results.flatMap((r) => r.pans.slice(1)); // the first pan warms caches
  return {
    firstDrawMs: Math.round(median(results.map((r) => r.firstDraw))),
    panMedianMs: Math.round(median(allPans)),
    panP95Ms: Math.round(percentile(allPans, 95)),
  };
};
const grouped = await drawRuns('grouped', 5);
const canvas = await drawRuns('canvas', 3);
const svg = await drawRuns('svg', 2);
const clusterResults: ClusterResult[] = [];
for (let i = 0; i < 5; i++) {
  clusterResults.push(
    await inPage((page) =>
      page.evaluate(() =>
        (window as unknown as { mapBench: MapBenchApi }).mapBench.cluster(50_000),
      ),
    ),
  );
}
await browser.close();
fs.rmSync(dir, { recursive: true, force: true });

record('map', {
  subgrids: CITY_SUBGRIDS,
  machineLoadAverageAtStart: loadAtStart,
  locatorLoadMs: Math.round(median(loadTimes)),
  lookupsPerSecond: Math.round(median(rates)),
  lookupsFoundShare: Number((found / LOOKUPS).toFixed(4)),
  baselineRtreeSqlLookupsPerSecond: Math.round(median(baselineRates)),
  chromium: {
    viewport: '1366x768, whole city in view',
    groupedCanvas: grouped,
    canvasOneLayerPerPolygon: canvas,
    svgBaseline: svg,
    firstDrawVsSvg: Number((grouped.firstDrawMs / svg.firstDrawMs).toFixed(3)),
    panVsSvg: Number((grouped.panMedianMs / svg.panMedianMs).toFixed(3)),
  },
  casePoints: {
    points: 50_000,
    clusterAndDrawMs: Math.round(median(clusterResults.map((r) => r.firstDraw))),
    clustersShown: clusterResults[0]!.clustersShown,
    panMedianMs: Math.round(median(clusterResults.flatMap((r) => r.pans.slice(1)))),
  },
});
