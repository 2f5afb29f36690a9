/**
 * Exact "which side of the boundary is this point" for GeoJSON Polygon / MultiPolygon in
 * lng/lat, treated as a plane (a grid is a few hundred metres across). Holes are outside;
 * a point on any ring (outer or hole) is ON the boundary, and the callers count that as
 * inside (docs/design/CITY-EXCHANGE.md: a point on a shared edge goes to the grid with the smaller code,
 * so both grids must claim it first).
 */

type Position = readonly [number, number] | readonly number[];
type PolygonCoordinates = ReadonlyArray<ReadonlyArray<Position>>;

export type PolygonGeometry =
  | { type: 'Polygon'; coordinates: PolygonCoordinates }
  | { type: 'MultiPolygon'; coordinates: ReadonlyArray<PolygonCoordinates> };

type PointPlacement = 'inside' | 'boundary' | 'outside';

/**
 * Distance (in degrees, ~0.1 mm) within which a point counts as on an edge. Shared edges in
 * real files differ in the last float digit (118.16 vs 118.16000000000001); this keeps such
 * a point on both grids' edges instead of in neither.
 */
export const EDGE_TOLERANCE_DEG = 1e-9;

/**
 * A geometry flattened for repeated tests: each polygon is a list of rings, each ring a
 * Float64Array [x0, y0, x1, y1, …] (closed or not; the closing edge is implied).
 */
export interface CompiledGeometry {
  polygons: Float64Array[][];
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

export function compileGeometry(geometry: PolygonGeometry): CompiledGeometry {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let minLng = Infinity;
  let minLat = Infinity;
  let maxLng = -Infinity;
  let maxLat = -Infinity;
  const compiled = polygons.map((rings) =>
    rings.map((ring) => {
      const flat = new Float64Array(ring.length * 2);
      ring.forEach((p, i) => {
        const x = Number(p[0]);
        const y = Number(p[1]);
        flat[i * 2] = x;
        flat[i * 2 + 1] = y;
        if (x < minLng) minLng = x;
        if (x > maxLng) maxLng = x;
        if (y < minLat) minLat = y;
        if (y > maxLat) maxLat = y;
      });
      return flat;
    }),
  );
  return { polygons: compiled, minLng, minLat, maxLng, maxLat };
}

/**
 * Where a point lies relative to one polygon (outer ring + holes), by even-odd ray casting;
 * an edge hit anywhere returns 'boundary' at once. This is the point → grid hot loop (a
 * city's 75,081 sub-grids at hundreds of thousands of lookups a second), so the edge test
 * is inlined: a cheap box test first, the exact distance only for edges the point is near.
 */
function placeInPolygon(x: number, y: number, rings: Float64Array[]): PointPlacement {
  const tol = EDGE_TOLERANCE_DEG;
  let inside = false;
  for (const ring of rings) {
    const n = ring.length / 2;
    if (n < 3) continue;
    let xj = ring[(n - 1) * 2]!;
    let yj = ring[(n - 1) * 2 + 1]!;
    for (let i = 0; i < n; i++) {
      const xi = ring[i * 2]!;
      const yi = ring[i * 2 + 1]!;
      const loY = yi < yj ? yi : yj;
      const hiY = yi < yj ? yj : yi;
      if (y >= loY - tol && y <= hiY + tol) {
        const loX = xi < xj ? xi : xj;
        const hiX = xi < xj ? xj : xi;
        if (x >= loX - tol && x <= hiX + tol) {
          // Near this edge's box: on the edge if the distance to its line is within tolerance.
          const dx = xi - xj;
          const dy = yi - yj;
          const cross = dx * (y - yj) - dy * (x - xj);
          const lengthSquared = dx * dx + dy * dy;
          if (
            lengthSquared === 0
              ? (x - xj) * (x - xj) + (y - yj) * (y - yj) <= tol * tol
              : cross * cross <= tol * tol * lengthSquared
          ) {
            return 'boundary';
          }
        }
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
      xj = xi;
      yj = yi;
    }
  }
  return inside ? 'inside' : 'outside';
}

export function placePointInCompiled(
  lng: number,
  lat: number,
  geometry: CompiledGeometry,
): PointPlacement {
  const tol = EDGE_TOLERANCE_DEG;
  if (
    lng < geometry.minLng - tol ||
    lng > geometry.maxLng + tol ||
    lat < geometry.minLat - tol ||
    lat > geometry.maxLat + tol
  ) {
    return 'outside';
  }
  let result: PointPlacement = 'outside';
  for (const rings of geometry.polygons) {
    const placement = placeInPolygon(lng, lat, rings);
    if (placement === 'inside') return 'inside';
    if (placement === 'boundary') result = 'boundary';
  }
  return result;
}

export function placePoint(lng: number, lat: number, geometry: PolygonGeometry): PointPlacement {
  return placePointInCompiled(lng, lat, compileGeometry(geometry));
}

/** Inside or on the boundary: the rule every point → grid placement uses. */
export function pointInPolygon(lng: number, lat: number, geometry: PolygonGeometry): boolean {
  return placePoint(lng, lat, geometry) !== 'outside';
}

export function pointInCompiled(lng: number, lat: number, geometry: CompiledGeometry): boolean {
  return placePointInCompiled(lng, lat, geometry) !== 'outside';
}
