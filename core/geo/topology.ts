/**
 * Topology checks for grid polygons (网格拓扑检查) before an import writes them: a ring that
 * crosses itself, two grids that overlap, ground inside a community that no grid covers.
 * Plane geometry on lng/lat, with areas in square metres from a local equirectangular
 * scale (a community is a few kilometres across; the error is far below a household).
 */
import {
  EDGE_TOLERANCE_DEG,
  placePointInCompiled,
  type CompiledGeometry,
} from './point-in-polygon';

export interface PointLngLat {
  lng: number;
  lat: number;
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/** Sign of an orientation, with collinearity within the edge tolerance counted as 0. */
function side(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const value = orient(ax, ay, bx, by, cx, cy);
  const length = Math.hypot(bx - ax, by - ay);
  if (Math.abs(value) <= EDGE_TOLERANCE_DEG * length) return 0;
  return value > 0 ? 1 : -1;
}

function within(a: number, b: number, v: number): boolean {
  return v >= Math.min(a, b) - EDGE_TOLERANCE_DEG && v <= Math.max(a, b) + EDGE_TOLERANCE_DEG;
}

/** Segments a–b and c–d cross at a single interior point of both (touching does not count). */
function crossProperly(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
): boolean {
  const d1 = side(ax, ay, bx, by, cx, cy);
  const d2 = side(ax, ay, bx, by, dx, dy);
  const d3 = side(cx, cy, dx, dy, ax, ay);
  const d4 = side(cx, cy, dx, dy, bx, by);
  return d1 * d2 < 0 && d3 * d4 < 0;
}

/** Segments share any point at all (crossing, touching or overlapping). */
function segmentsMeet(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
): boolean {
  const d1 = side(ax, ay, bx, by, cx, cy);
  const d2 = side(ax, ay, bx, by, dx, dy);
  const d3 = side(cx, cy, dx, dy, ax, ay);
  const d4 = side(cx, cy, dx, dy, bx, by);
  if (d1 * d2 < 0 && d3 * d4 < 0) return true;
  if (d1 === 0 && within(ax, bx, cx) && within(ay, by, cy)) return true;
  if (d2 === 0 && within(ax, bx, dx) && within(ay, by, dy)) return true;
  if (d3 === 0 && within(cx, dx, ax) && within(cy, dy, ay)) return true;
  if (d4 === 0 && within(cx, dx, bx) && within(cy, dy, by)) return true;
  return false;
}

interface Edge {
  ring: number;
  index: number;
  ringSize: number;
  ax: number;
  ay: number;
  bx: number;
  by: number;
}

/** A ring's distinct edges, dropping repeated points and the closing duplicate. */
function edgesOf(ring: Float64Array, ringNo: number): Edge[] {
  const points: Array<[number, number]> = [];
  for (let i = 0; i < ring.length; i += 2) {
    const x = ring[i]!;
    const y = ring[i + 1]!;
    const last = points[points.length - 1];
    if (!last || last[0] !== x || last[1] !== y) points.push([x, y]);
  }
  const first = points[0];
  const last = points[points.length - 1];
  if (points.length > 1 && first![0] === last![0] && first![1] === last![1]) points.pop();
  return points.map(([ax, ay], index) => {
    const [bx, by] = points[(index + 1) % points.length]!;
    return { ring: ringNo, index, ringSize: points.length, ax, ay, bx, by };
  });
}

function adjacent(e: Edge, f: Edge): boolean {
  if (e.ring !== f.ring) return false;
  const gap = Math.abs(e.index - f.index);
  return gap === 1 || gap === e.ringSize - 1;
}

/**
 * The first point where a polygon's rings cross or touch themselves or each other (a
 * bow-tie, a hole poking out of its outer ring), or null when the polygon is simple.
 */
export function findSelfIntersection(geometry: CompiledGeometry): PointLngLat | null {
  for (const rings of geometry.polygons) {
    const edges = rings.flatMap((ring, ringNo) => edgesOf(ring, ringNo));
    for (let i = 0; i < edges.length; i++) {
      const e = edges[i]!;
      const eMinX = Math.min(e.ax, e.bx);
      const eMaxX = Math.max(e.ax, e.bx);
      const eMinY = Math.min(e.ay, e.by);
      const eMaxY = Math.max(e.ay, e.by);
      for (let j = i + 1; j < edges.length; j++) {
        const f = edges[j]!;
        if (adjacent(e, f)) continue;
        if (Math.max(f.ax, f.bx) < eMinX || Math.min(f.ax, f.bx) > eMaxX) continue;
        if (Math.max(f.ay, f.by) < eMinY || Math.min(f.ay, f.by) > eMaxY) continue;
        if (segmentsMeet(e.ax, e.ay, e.bx, e.by, f.ax, f.ay, f.bx, f.by)) {
          return intersectionPoint(e, f);
        }
      }
    }
  }
  return null;
}

function intersectionPoint(e: Edge, f: Edge): PointLngLat {
  const denominator = (e.bx - e.ax) * (f.by - f.ay) - (e.by - e.ay) * (f.bx - f.ax);
  if (Math.abs(denominator) < 1e-30) return { lng: f.ax, lat: f.ay };
  const t = ((f.ax - e.ax) * (f.by - f.ay) - (f.ay - e.ay) * (f.bx - f.ax)) / denominator;
  return { lng: e.ax + t * (e.bx - e.ax), lat: e.ay + t * (e.by - e.ay) };
}

/** Area in square metres (holes subtracted, parts of a multipolygon added). */
export function areaSquareMetres(geometry: CompiledGeometry): number {
  const lat0 = ((geometry.minLat + geometry.maxLat) / 2) * (Math.PI / 180);
  const metresPerDegLat = 110_574;
  const metresPerDegLng = 111_320 * Math.cos(lat0);
  let total = 0;
  for (const rings of geometry.polygons) {
    rings.forEach((ring, ringNo) => {
      let twice = 0;
      const n = ring.length / 2;
      for (let i = 0, j = n - 1; i < n; j = i++) {
        twice += ring[j * 2]! * ring[i * 2 + 1]! - ring[i * 2]! * ring[j * 2 + 1]!;
      }
      const area = Math.abs(twice / 2) * metresPerDegLat * metresPerDegLng;
      total += ringNo === 0 ? area : -area;
    });
  }
  return total;
}

/** A point strictly inside the geometry (not on its boundary), or null for a degenerate one. */
export function interiorPoint(geometry: CompiledGeometry): PointLngLat | null {
  // Scan horizontal lines across the box; take the middle of the widest inside run.
  const steps = 16;
  for (let k = 1; k < steps; k++) {
    const fraction = k % 2 ? 0.5 + Math.ceil(k / 2) / steps : 0.5 - k / 2 / steps;
    const lat = geometry.minLat + (geometry.maxLat - geometry.minLat) * fraction;
    const crossings: number[] = [];
    for (const rings of geometry.polygons) {
      for (const ring of rings) {
        const n = ring.length / 2;
        for (let i = 0, j = n - 1; i < n; j = i++) {
          const yi = ring[i * 2 + 1]!;
          const yj = ring[j * 2 + 1]!;
          if (yi > lat !== yj > lat) {
            const xi = ring[i * 2]!;
            const xj = ring[j * 2]!;
            crossings.push(xi + ((lat - yi) / (yj - yi)) * (xj - xi));
          }
        }
      }
    }
    crossings.sort((a, b) => a - b);
    let best: PointLngLat | null = null;
    let bestWidth = 0;
    for (let i = 0; i + 1 < crossings.length; i += 2) {
      const width = crossings[i + 1]! - crossings[i]!;
      if (width > bestWidth) {
        bestWidth = width;
        best = { lng: (crossings[i]! + crossings[i + 1]!) / 2, lat };
      }
    }
    if (best && placePointInCompiled(best.lng, best.lat, geometry) === 'inside') return best;
  }
  return null;
}

function boxesMeet(a: CompiledGeometry, b: CompiledGeometry): boolean {
  return !(
    a.maxLng < b.minLng ||
    b.maxLng < a.minLng ||
    a.maxLat < b.minLat ||
    b.maxLat < a.minLat
  );
}

/**
 * Where two geometries share interior (not just an edge or a corner), or null. Shared edges
 * between neighbours are normal; an overlap is two grids claiming the same ground.
 */
export function findOverlap(a: CompiledGeometry, b: CompiledGeometry): PointLngLat | null {
  if (!boxesMeet(a, b)) return null;
  const edgesA = a.polygons.flatMap((rings) => rings.flatMap((ring, n) => edgesOf(ring, n)));
  const edgesB = b.polygons.flatMap((rings) => rings.flatMap((ring, n) => edgesOf(ring, n)));
  for (const e of edgesA) {
    for (const f of edgesB) {
      if (crossProperly(e.ax, e.ay, e.bx, e.by, f.ax, f.ay, f.bx, f.by)) {
        return intersectionPoint(e, f);
      }
    }
  }
  // No crossing: one may still lie inside the other, or share a stretch of ground along
  // collinear edges. A vertex or edge midpoint strictly inside the other tells.
  const probes = (edges: Edge[], other: CompiledGeometry) => {
    for (const e of edges) {
      for (const p of [
        { lng: e.ax, lat: e.ay },
        { lng: (e.ax + e.bx) / 2, lat: (e.ay + e.by) / 2 },
      ]) {
        if (placePointInCompiled(p.lng, p.lat, other) === 'inside') return p;
      }
    }
    return null;
  };
  const probe = probes(edgesA, b) ?? probes(edgesB, a);
  if (probe) return probe;
  // Identical outlines: every probe sits on the other's boundary.
  const inside = interiorPoint(a);
  if (inside && placePointInCompiled(inside.lng, inside.lat, b) === 'inside') return inside;
  return null;
}

interface CoverageGap {
  /** Uncovered area in square metres (community area minus its grids' areas). */
  areaSquareMetres: number;
  /** A point in the gap, when the sampling found one. */
  at: PointLngLat | null;
}

/**
 * Ground inside a community that none of its grids covers, or null. `grids` are expected
 * not to overlap (checked separately), so the areas subtract; a lattice of points finds
 * where the gap is.
 */
export function findCoverageGap(
  community: CompiledGeometry,
  grids: readonly CompiledGeometry[],
  minimumSquareMetres = 1,
): CoverageGap | null {
  const communityArea = areaSquareMetres(community);
  const covered = grids.reduce((sum, grid) => sum + areaSquareMetres(grid), 0);
  const missing = communityArea - covered;
  const lattice = 48;
  let at: PointLngLat | null = null;
  for (let i = 0; i < lattice && !at; i++) {
    for (let j = 0; j < lattice && !at; j++) {
      const lng = community.minLng + ((i + 0.5) / lattice) * (community.maxLng - community.minLng);
      const lat = community.minLat + ((j + 0.5) / lattice) * (community.maxLat - community.minLat);
      if (placePointInCompiled(lng, lat, community) !== 'inside') continue;
      if (grids.every((grid) => placePointInCompiled(lng, lat, grid) === 'outside')) {
        at = { lng, lat };
      }
    }
  }
  if (!at && missing <= Math.max(minimumSquareMetres, communityArea * 1e-6)) return null;
  return { areaSquareMetres: Math.max(0, missing), at };
}

/** Part of `inner` that lies outside `outer` (a grid sticking out of its community), or null. */
export function findOutside(inner: CompiledGeometry, outer: CompiledGeometry): PointLngLat | null {
  for (const rings of inner.polygons) {
    const outerRing = rings[0];
    if (!outerRing) continue;
    for (const e of edgesOf(outerRing, 0)) {
      for (const p of [
        { lng: e.ax, lat: e.ay },
        { lng: (e.ax + e.bx) / 2, lat: (e.ay + e.by) / 2 },
      ]) {
        if (placePointInCompiled(p.lng, p.lat, outer) === 'outside') return p;
      }
    }
  }
  return null;
}
