/**
 * Writing imported places (网格导入的写入): upsert each place with its box in the R*Tree and a
 * label point inside it, parents before children; communities without figures of their own
 * get their basic grids' households and population. Runs inside the import's transaction.
 */
import type { CompiledGeometry } from '../../core/geo/point-in-polygon';
import { interiorPoint } from '../../core/geo/topology';
import type { GridFeature } from '../../core/map/grid-features';
import type { Db } from '../open';

export function writeGridPlaces(
  db: Db,
  features: GridFeature[],
  streetsToCreate: Set<string>,
  compiled: Map<string, CompiledGeometry>,
  communityOfCode: (code: string) => string | null,
  now: number,
): void {
  const upsert = db.prepare(
    `INSERT INTO places (code, level, grid_type, name, parent_code, community_code, households, population,
       boundary, min_lng, min_lat, max_lng, max_lat, center_lng, center_lat, created_at, updated_at)
     VALUES (@code, @level, @gridType, @name, @parentCode, @communityCode, @households, @population,
       @boundary, @minLng, @minLat, @maxLng, @maxLat, @centerLng, @centerLat, @now, @now)
     ON CONFLICT(code) DO UPDATE SET level = excluded.level, grid_type = excluded.grid_type,
       name = excluded.name, parent_code = excluded.parent_code, community_code = excluded.community_code,
       households = coalesce(excluded.households, places.households),
       population = coalesce(excluded.population, places.population),
       boundary = coalesce(excluded.boundary, places.boundary),
       min_lng = coalesce(excluded.min_lng, places.min_lng), min_lat = coalesce(excluded.min_lat, places.min_lat),
       max_lng = coalesce(excluded.max_lng, places.max_lng), max_lat = coalesce(excluded.max_lat, places.max_lat),
       center_lng = coalesce(excluded.center_lng, places.center_lng),
       center_lat = coalesce(excluded.center_lat, places.center_lat),
       updated_at = excluded.updated_at`,
  );
  const idOf = db.prepare<[string], number>('SELECT id FROM places WHERE code = ?').pluck();
  const deleteBox = db.prepare('DELETE FROM place_bounds WHERE id = ?');
  const insertBox = db.prepare(
    'INSERT INTO place_bounds (id, min_lng, max_lng, min_lat, max_lat) VALUES (?, ?, ?, ?, ?)',
  );
  const sumCommunities = db.prepare(
    `UPDATE places SET
       households = (SELECT sum(households) FROM places g WHERE g.parent_code = places.code AND g.level = 'grid' AND g.grid_type = 'basic'),
       population = (SELECT sum(population) FROM places g WHERE g.parent_code = places.code AND g.level = 'grid' AND g.grid_type = 'basic')
     WHERE code = ?`,
  );
  // Parents before children: streets, communities, grids, sub-grids (code length order).
  const ordered = [...features].sort(
    (a, b) => a.code.length - b.code.length || (a.code < b.code ? -1 : 1),
  );
  db.transaction(() => {
    for (const street of streetsToCreate) {
      upsert.run({
        code: street,
        level: 'street',
        gridType: null,
        name: `街道${street}`,
        parentCode: null,
        communityCode: null,
        households: null,
        population: null,
        boundary: null,
        minLng: null,
        minLat: null,
        maxLng: null,
        maxLat: null,
        centerLng: null,
        centerLat: null,
        now,
      });
    }
    for (const f of ordered) {
      const shape = compiled.get(f.code);
      const label = shape
        ? (interiorPoint(shape) ?? {
            lng: (shape.minLng + shape.maxLng) / 2,
            lat: (shape.minLat + shape.maxLat) / 2,
          })
        : null;
      upsert.run({
        code: f.code,
        level: f.level,
        gridType: f.gridType,
        name: f.name,
        parentCode: f.parentCode,
        communityCode: f.level === 'grid' || f.level === 'subgrid' ? communityOfCode(f.code) : null,
        households: f.households,
        population: f.population,
        boundary: f.geometry ? JSON.stringify(f.geometry) : null,
        minLng: shape?.minLng ?? null,
        minLat: shape?.minLat ?? null,
        maxLng: shape?.maxLng ?? null,
        maxLat: shape?.maxLat ?? null,
        centerLng: label?.lng ?? null,
        centerLat: label?.lat ?? null,
        now,
      });
      if (shape && f.level !== 'street') {
        const id = idOf.get(f.code)!;
        deleteBox.run(id);
        insertBox.run(id, shape.minLng, shape.maxLng, shape.minLat, shape.maxLat);
      }
    }
    // A community's households and population are its basic grids' sums unless the file gave them.
    for (const f of ordered) {
      if (f.level === 'community' && f.households === null && f.population === null)
        sumCommunities.run(f.code);
    }
  })();
}
