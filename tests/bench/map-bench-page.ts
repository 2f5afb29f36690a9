/**
 * The map benchmark's page (bundled by esbuild, loaded from a file in Chromium): draws the
 * city's sub-grids three ways and times the first draw and pans, then clusters case points.
 *   svg       Leaflet's default: one L.polygon per sub-grid, SVG renderer (the baseline)
 *   canvas    one L.polygon per sub-grid on Leaflet's canvas renderer
 *   grouped   the app's GridPolygonLayer: Leaflet's canvas renderer, one layer per colour
 * A draw counts as done when the frame after it has been produced (two animation frames).
 */
import * as L from 'leaflet';
import { GridPolygonLayer, toLatLngPolygons } from '../../renderer/areas/map/grid-layer';
import { CasePointsLayer } from '../../renderer/areas/map/case-points-layer';
import { CITY_BOUNDS, cityCells, cityPoints } from './map-bench-data';

const FILLS = ['#f1f3f5', '#d4ebee', '#9fd0d6', '#55a7b1', '#146f7b'];

function frame(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
  );
}

function makeMap(): L.Map {
  const map = L.map('map', {
    zoomSnap: 0,
    zoomAnimation: false,
    fadeAnimation: false,
    attributionControl: false,
  });
  const { west, south, east, north } = CITY_BOUNDS;
  map.fitBounds([
    [south, west],
    [north, east],
  ]);
  return map;
}

async function pans(map: L.Map, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    map.panBy(i % 2 ? [-240, -160] : [240, 160], { animate: false });
    await frame();
    times.push(performance.now() - started);
  }
  return times;
}

async function draw(kind: 'svg' | 'canvas' | 'grouped', pansWanted: number) {
  const cells = cityCells();
  const map = makeMap();
  await frame();
  const started = performance.now();
  if (kind === 'grouped') {
    const layer = new GridPolygonLayer(map, L.canvas({ padding: 0.3 }));
    layer.setShapes(cells);
    layer.setStyle({
      fillOf: (code) => FILLS[Number(code.slice(-2)) % FILLS.length]!,
      fillOpacity: 0.82,
      stroke: '#ffffff',
      weight: 0.5,
    });
  } else {
    const renderer = kind === 'svg' ? L.svg() : L.canvas();
    for (const cell of cells) {
      L.polygon(toLatLngPolygons(cell.geometry), {
        renderer,
        fillColor: FILLS[Number(cell.code.slice(-2)) % FILLS.length],
        fillOpacity: 0.82,
        color: '#ffffff',
        weight: 0.5,
      }).addTo(map);
    }
  }
  await frame();
  const firstDraw = performance.now() - started;
  const panTimes = await pans(map, pansWanted);
  return { polygons: cells.length, firstDraw, pans: panTimes };
}

async function cluster(count: number) {
  const map = makeMap();
  map.createPane('casePane');
  await frame();
  const points = cityPoints(count).map(([lng, lat], i) => ({
    id: i + 1,
    caseNo: `C${i}`,
    lng,
    lat,
    state: 'dispatched' as const,
    clock: (i % 7 === 0 ? 'overdue' : i % 5 === 0 ? 'near_due' : 'normal') as
      'overdue' | 'near_due' | 'normal',
    categoryName: '暴露垃圾',
    gridCode: null,
  }));
  const started = performance.now();
  const layer = new CasePointsLayer(map, L.canvas({ pane: 'overlayPane' }), {
    onSelect: () => {},
    describe: (p) => p.caseNo,
    clusterLabel: (n) => String(n),
  });
  layer.setPoints(points);
  await frame();
  const firstDraw = performance.now() - started;
  const shown = document.querySelectorAll('.case-cluster').length;
  const panTimes = await pans(map, 5);
  return { points: count, firstDraw, clustersShown: shown, pans: panTimes };
}

export interface MapBenchApi {
  draw: typeof draw;
  cluster: typeof cluster;
}
(window as unknown as { mapBench: MapBenchApi }).mapBench = { draw, cluster };
