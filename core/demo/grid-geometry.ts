/**
 * The little plane geometry the demo street needs: bounding boxes and point-in-polygon on
 * GeoJSON lng/lat rings. At a street's scale (a few kilometres) treating degrees as a flat
 * plane is exact enough for "is this point in that grid".
 */

export type Position = readonly [number, number];
/** GeoJSON Polygon coordinates: the outer ring, then holes. */
type PolygonRings = ReadonlyArray<ReadonlyArray<Position>>;

export type GridGeometry =
  | { type: 'Polygon'; coordinates: PolygonRings }
  | { type: 'MultiPolygon'; coordinates: ReadonlyArray<PolygonRings> };

export interface Bbox {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

function polygonsOf(geometry: GridGeometry): ReadonlyArray<PolygonRings> {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

export function geometryBbox(geometry: GridGeometry): Bbox {
  const box = { minLng: Infinity, minLat: Infinity, maxLng: -Infinity, maxLat: -Infinity };
  for (const polygon of polygonsOf(geometry)) {
    // The outer ring bounds the polygon; holes lie inside it.
    for (const [lng, lat] of polygon[0] ?? []) {
      box.minLng = Math.min(box.minLng, lng);
      box.minLat = Math.min(box.minLat, lat);
      box.maxLng = Math.max(box.maxLng, lng);
      box.maxLat = Math.max(box.maxLat, lat);
    }
  }
  if (!Number.isFinite(box.minLng)) throw new RangeError('a geometry without coordinates');
  return box;
}

export function unionBbox(boxes: Iterable<Bbox>): Bbox {
  const union = { minLng: Infinity, minLat: Infinity, maxLng: -Infinity, maxLat: -Infinity };
  for (const box of boxes) {
    union.minLng = Math.min(union.minLng, box.minLng);
    union.minLat = Math.min(union.minLat, box.minLat);
    union.maxLng = Math.max(union.maxLng, box.maxLng);
    union.maxLat = Math.max(union.maxLat, box.maxLat);
  }
  return union;
}

export function bboxPolygon(box: Bbox): GridGeometry {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [box.minLng, box.minLat],
        [box.maxLng, box.minLat],
        [box.maxLng, box.maxLat],
        [box.minLng, box.maxLat],
        [box.minLng, box.minLat],
      ],
    ],
  };
}

export function bboxCenter(box: Bbox): Position {
  return [(box.minLng + box.maxLng) / 2, (box.minLat + box.maxLat) / 2];
}

/** Even-odd ray casting over every ring, so holes count as outside. */
export function pointInGeometry(lng: number, lat: number, geometry: GridGeometry): boolean {
  let inside = false;
  for (const polygon of polygonsOf(geometry)) {
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i]!;
        const [xj, yj] = ring[j]!;
        if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) {
          inside = !inside;
        }
      }
    }
  }
  return inside;
}
