/**
 * Grid import (网格导入) from a GeoJSON FeatureCollection: read, check (codes, parents,
 * geometry, topology against the grids already stored), then — when asked and when nothing
 * is an error — write every place in one transaction with its R*Tree box, and record the
 * batch. Places already stored and absent from the file stay: cases refer to them.
 */
import { createHash } from 'node:crypto';
import type { Crs } from '../../core/geo/coordinates';
import { compileGeometry, type PolygonGeometry } from '../../core/geo/point-in-polygon';
import { interiorPoint } from '../../core/geo/topology';
import { readGridFeatures, type GridFeature } from '../../core/map/grid-features';
import type { GridIssue } from '../../core/map/grid-issues';
import { checkGridTopology, type TopologyPlace } from '../../core/map/grid-topology';
import type { Db } from '../open';
import { forgetGridLocator } from './grid-locator';

export interface GridImportOptions {
  mode: 'check' | 'import';
  crs: Crs;
  now: number;
  actor: string;
  fileName: string;
  /** The file's bytes, for the batch's checksum. */
  sha256?: string;
}

export interface GridImportReport {
  mode: 'check' | 'import';
  written: boolean;
  batchId: number | null;
  counts: { features: number; new: number; updated: number; unchanged: number; invalid: number };
  errors: number;
  warnings: number;
  issues: GridIssue[];
}

interface StoredPlace {
  id: number;
  code: string;
  level: TopologyPlace['level'];
  gridType: TopologyPlace['gridType'];
  name: string;
  parentCode: string | null;
  communityCode: string | null;
  households: number | null;
  population: number | null;
  boundary: string | null;
}

function readStoredPlaces(db: Db): Map<string, StoredPlace> {
  const rows = db
    .prepare<[], StoredPlace>(
      `SELECT id, code, level, grid_type AS gridType, name, parent_code AS parentCode,
              community_code AS communityCode, households, population, boundary FROM places`,
    )
    .all();
  return new Map(rows.map((row) => [row.code, row]));
}

/** The community a place belongs to, following parents through the file and the store. */
function communityOf(
  code: string,
  parentOf: (code: string) => string | null | undefined,
  levelOf: (code: string) => string | undefined,
): string | null {
  let cursor: string | null | undefined = code;
  for (let hops = 0; cursor && hops < 4; hops++) {
    if (levelOf(cursor) === 'community') return cursor;
    cursor = parentOf(cursor);
  }
  return null;
}

export function importGridsGeoJson(
  db: Db,
  collection: unknown,
  options: GridImportOptions,
): GridImportReport {
  const parsed = readGridFeatures(collection, options.crs);
  const issues: GridIssue[] = [...parsed.issues];
  const stored = readStoredPlaces(db);
  const fileByCode = new Map(parsed.features.map((f) => [f.code, f]));
  const levelOf = (code: string) => fileByCode.get(code)?.level ?? stored.get(code)?.level;
  const parentOf = (code: string) =>
    fileByCode.has(code) ? fileByCode.get(code)!.parentCode : stored.get(code)?.parentCode;

  // Parents must exist (in the file or the store) one level up; a missing street is created.
  const streetsToCreate = new Set<string>();
  const usable: GridFeature[] = [];
  for (const f of parsed.features) {
    if (f.parentCode === null) {
      usable.push(f);
      continue;
    }
    const parentLevel = levelOf(f.parentCode);
    const expected = { street: null, community: 'street', grid: 'community', subgrid: 'grid' }[
      f.level
    ];
    if (parentLevel === undefined && f.level === 'community') {
      streetsToCreate.add(f.parentCode);
    } else if (parentLevel !== expected) {
      issues.push({
        code: 'unknown_parent',
        severity: 'error',
        feature: f.feature,
        gridCodes: [f.code, f.parentCode],
        message: {
          zh: `第 ${f.feature} 个要素（${f.code}）的所属编码 ${f.parentCode} 在文件和数据库中都找不到对应的上一级。`,
          en: `Feature ${f.feature} (${f.code}): its parent ${f.parentCode} is neither in the file nor in the database at the level above.`,
        },
      });
      continue;
    }
    usable.push(f);
  }
  for (const street of streetsToCreate) {
    issues.push({
      code: 'street_created',
      severity: 'warning',
      feature: 0,
      gridCodes: [street],
      message: {
        zh: `街道 ${street} 尚不存在，导入时将新建（名称暂为“街道${street}”，可在网格管理中改名）。`,
        en: `Street ${street} does not exist yet and will be created (named "街道${street}" until renamed).`,
      },
    });
  }

  const compiled = new Map<string, ReturnType<typeof compileGeometry>>();
  const topology: TopologyPlace[] = [];
  for (const place of stored.values()) {
    if (fileByCode.has(place.code) || !place.boundary) continue;
    const geometry = compileGeometry(JSON.parse(place.boundary) as PolygonGeometry);
    topology.push({
      ...place,
      communityCode: communityOf(place.code, parentOf, levelOf),
      geometry,
      feature: 0,
    });
  }
  for (const f of usable) {
    const geometry = f.geometry ? compileGeometry(f.geometry) : null;
    if (geometry) compiled.set(f.code, geometry);
    topology.push({
      code: f.code,
      level: f.level,
      gridType: f.gridType,
      communityCode: communityOf(f.code, parentOf, levelOf),
      geometry,
      feature: f.feature,
    });
  }
  issues.push(...checkGridTopology(topology));
  issues.sort((a, b) => a.feature - b.feature || a.code.localeCompare(b.code));

  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  const invalid = new Set(
    issues.filter((i) => i.severity === 'error' && i.feature > 0).map((i) => i.feature),
  ).size;
  const counts = {
    features: parsed.features.length + parsed.issues.length,
    new: 0,
    updated: 0,
    unchanged: 0,
    invalid,
  };
  for (const f of usable) {
    const old = stored.get(f.code);
    if (!old) counts.new++;
    else if (sameAsStored(f, old, communityOf(f.code, parentOf, levelOf))) counts.unchanged++;
    else counts.updated++;
  }
  const report: GridImportReport = {
    mode: options.mode,
    written: false,
    batchId: null,
    counts,
    errors,
    warnings,
    issues,
  };
  if (options.mode === 'check') return report;

  if (errors > 0) {
    report.batchId = recordBatch(db, options, report, 'refused');
    return report;
  }
  // The batch, the places and the audit line commit together or not at all.
  db.transaction(() => {
    report.batchId = recordBatch(db, options, report, 'done');
    writePlaces(
      db,
      usable,
      streetsToCreate,
      compiled,
      (code) => communityOf(code, parentOf, levelOf),
      options.now,
    );
    db.prepare(
      `INSERT INTO audit_log (at, actor, action, detail) VALUES (?, ?, 'grids.import', ?)`,
    ).run(
      options.now,
      options.actor,
      JSON.stringify({ batchId: report.batchId, fileName: options.fileName, ...counts }),
    );
  })();
  forgetGridLocator(db);
  report.written = true;
  return report;
}

function sameAsStored(f: GridFeature, old: StoredPlace, communityCode: string | null): boolean {
  return (
    old.name === f.name &&
    old.level === f.level &&
    old.gridType === f.gridType &&
    old.parentCode === f.parentCode &&
    (f.level === 'community' || f.level === 'street' || old.communityCode === communityCode) &&
    (f.households === null || old.households === f.households) &&
    (f.population === null || old.population === f.population) &&
    (f.geometry === null || old.boundary === JSON.stringify(f.geometry))
  );
}

function recordBatch(
  db: Db,
  options: GridImportOptions,
  report: GridImportReport,
  status: 'done' | 'refused',
): number {
  const { counts } = report;
  const result = db
    .prepare(
      `INSERT INTO exchange_batches (direction, kind, file_name, sha256, format, rows_total, rows_new,
         rows_updated, rows_unchanged, rows_invalid, status, actor, started_at, finished_at, report)
       VALUES ('import', 'grids', ?, ?, 'geojson', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      options.fileName,
      options.sha256 ?? null,
      counts.features,
      status === 'done' ? counts.new : 0,
      status === 'done' ? counts.updated : 0,
      status === 'done' ? counts.unchanged : 0,
      counts.invalid,
      status,
      options.actor,
      options.now,
      options.now,
      JSON.stringify({
        errors: report.errors,
        warnings: report.warnings,
        issues: report.issues.slice(0, 500),
      }),
    );
  return Number(result.lastInsertRowid);
}

function writePlaces(
  db: Db,
  features: GridFeature[],
  streetsToCreate: Set<string>,
  compiled: Map<string, ReturnType<typeof compileGeometry>>,
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

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
