/**
 * One feature's boundary from a grids file: a Polygon or MultiPolygon of finite lng/lat
 * inside China's range, rings closed (an unclosed ring is closed: common in hand-made files
 * and unambiguous), converted from the file's CRS to the stored WGS-84.
 */
import { toWgs84, type Crs } from '../geo/coordinates';
import type { PolygonGeometry } from '../geo/point-in-polygon';

/** Checks a geometry's shape and converts it to WGS-84; returns a sentence when it is unusable. */
export function readBoundary(
  raw: unknown,
  crs: Crs,
): { geometry: PolygonGeometry } | { problem: { zh: string; en: string } } {
  const g = raw as { type?: unknown; coordinates?: unknown } | null;
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
    return {
      problem: {
        zh: '几何不是 Polygon 或 MultiPolygon',
        en: 'the geometry is not a Polygon or MultiPolygon',
      },
    };
  }
  const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as unknown;
  if (!Array.isArray(polygons) || polygons.length === 0) {
    return { problem: { zh: '几何没有坐标', en: 'the geometry has no coordinates' } };
  }
  const converted: Array<Array<Array<[number, number]>>> = [];
  for (const polygon of polygons) {
    if (!Array.isArray(polygon) || polygon.length === 0) {
      return { problem: { zh: '多边形没有边界环', en: 'a polygon has no ring' } };
    }
    const rings: Array<Array<[number, number]>> = [];
    for (const ring of polygon as unknown[]) {
      if (!Array.isArray(ring))
        return { problem: { zh: '边界环格式不对', en: 'a ring is malformed' } };
      const points: Array<[number, number]> = [];
      for (const position of ring as unknown[]) {
        const [lng, lat] = Array.isArray(position) ? (position as unknown[]) : [];
        if (
          typeof lng !== 'number' ||
          typeof lat !== 'number' ||
          !Number.isFinite(lng) ||
          !Number.isFinite(lat)
        ) {
          return { problem: { zh: '坐标不是数字', en: 'a coordinate is not a number' } };
        }
        if (lng < 73 || lng > 136 || lat < 3 || lat > 54) {
          return {
            problem: {
              zh: `坐标 ${lng}, ${lat} 不在经度 73–136、纬度 3–54 之内（是否把经纬度写反了，或不是经纬度坐标？）`,
              en: `the coordinate ${lng}, ${lat} lies outside lng 73–136 / lat 3–54 (swapped, or not degrees?)`,
            },
          };
        }
        const p = toWgs84(lng, lat, crs);
        points.push([p.lng, p.lat]);
      }
      const first = points[0];
      const last = points[points.length - 1];
      // An unclosed ring is common in hand-made files and unambiguous: close it.
      if (first && last && (first[0] !== last[0] || first[1] !== last[1]))
        points.push([first[0], first[1]]);
      if (points.length < 4) {
        return {
          problem: { zh: '边界环少于 3 个不同的点', en: 'a ring has fewer than 3 distinct points' },
        };
      }
      rings.push(points);
    }
    converted.push(rings);
  }
  return {
    geometry:
      g.type === 'Polygon'
        ? { type: 'Polygon', coordinates: converted[0]! }
        : { type: 'MultiPolygon', coordinates: converted },
  };
}
