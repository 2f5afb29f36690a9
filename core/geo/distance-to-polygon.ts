/**
 * How far a point lies outside a polygon, in metres: 0 inside or on the boundary, else the
 * distance to the nearest edge. Edges are measured in a local equirectangular projection
 * around the point (metres east and north), which over a street's few kilometres is within
 * a fraction of a percent of the great-circle distance.
 */
import { placePointInCompiled, type CompiledGeometry } from './point-in-polygon';

const EARTH_RADIUS_M = 6371008.8;
const RAD = Math.PI / 180;

/** Metres from (px, py) to the segment (ax, ay)–(bx, by), all in metres. */
function segmentDistance(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t =
    length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
  const x = ax + t * dx - px;
  const y = ay + t * dy - py;
  return Math.sqrt(x * x + y * y);
}

export function metresOutside(lng: number, lat: number, geometry: CompiledGeometry): number {
  if (placePointInCompiled(lng, lat, geometry) !== 'outside') return 0;
  const east = EARTH_RADIUS_M * RAD * Math.cos(lat * RAD);
  const north = EARTH_RADIUS_M * RAD;
  let best = Infinity;
  for (const polygon of geometry.polygons) {
    for (const ring of polygon) {
      const n = ring.length / 2;
      for (let i = 0; i < n; i++) {
        const j = (i + 1) % n;
        const d = segmentDistance(
          0,
          0,
          (ring[i * 2]! - lng) * east,
          (ring[i * 2 + 1]! - lat) * north,
          (ring[j * 2]! - lng) * east,
          (ring[j * 2 + 1]! - lat) * north,
        );
        if (d < best) best = d;
      }
    }
  }
  return best;
}
