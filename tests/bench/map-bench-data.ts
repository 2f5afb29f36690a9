/**
 * A city's worth of sub-grids for the map benchmark, made on the fly (never committed):
 * 75,081 six-sided cells (a square with its top edge kinked, like real boundaries that
 * follow a lane) tiling a 40 km × 40 km area around Tangshan, each a GeoJSON Polygon with
 * its code, plus case points scattered over them. Deterministic, so runs compare.
 */
import type { PolygonGeometry } from '../../core/geo/point-in-polygon';

export const CITY_SUBGRIDS = 75_081;
export const CITY_BOUNDS = { west: 117.9, south: 39.45, east: 118.37, north: 39.81 };

export interface BenchCell {
  code: string;
  geometry: PolygonGeometry;
}

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function cityCells(count = CITY_SUBGRIDS): BenchCell[] {
  const side = Math.ceil(Math.sqrt(count));
  const { west, south, east, north } = CITY_BOUNDS;
  const dx = (east - west) / side;
  const dy = (north - south) / side;
  const cells: BenchCell[] = [];
  // Kinks are shared by the two cells on either side of an edge, so the cells still tile.
  const kink = random(7);
  const kinks = Array.from({ length: (side + 1) * side }, () => (kink() - 0.5) * dy * 0.3);
  for (let row = 0; row < side && cells.length < count; row++) {
    for (let col = 0; col < side && cells.length < count; col++) {
      const x0 = west + col * dx;
      const y0 = south + row * dy;
      const x1 = x0 + dx;
      const y1 = y0 + dy;
      const bottom = kinks[row * side + col]!;
      const top = kinks[(row + 1) * side + col]!;
      const xm = (x0 + x1) / 2;
      const index = cells.length;
      const grid = Math.floor(index / 900);
      const code = `990101001${String(1 + Math.floor(grid / 900)).padStart(3, '0')}${String(1 + (grid % 900)).padStart(3, '0')}${String(1 + (index % 900)).padStart(3, '0')}`;
      cells.push({
        code,
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [x0, y0],
              [xm, y0 + bottom],
              [x1, y0],
              [x1, y1],
              [xm, y1 + top],
              [x0, y1],
              [x0, y0],
            ],
          ],
        },
      });
    }
  }
  return cells;
}

export function cityPoints(count: number, seed = 11): Array<[number, number]> {
  const next = random(seed);
  const { west, south, east, north } = CITY_BOUNDS;
  // Denser towards the centre, as cases are.
  return Array.from({ length: count }, () => {
    const u = (next() + next() + next()) / 3;
    const v = (next() + next() + next()) / 3;
    return [west + u * (east - west), south + v * (north - south)] as [number, number];
  });
}
