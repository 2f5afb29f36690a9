/**
 * Grid import (网格导入) from a GeoJSON FeatureCollection: read, check (codes, parents,
 * geometry, topology against the grids already stored), then — when asked and when nothing
 * is an error — write every place in one transaction with its R*Tree box, and record the
 * batch. Places already stored and absent from the file stay: cases refer to them.
 */
import { createHash } from 'node:crypto';
import type { Crs } from '../../core/geo/coordinates';
import { compileGeometry, type PolygonGeometry } from '../../core/geo/point-in-polygon';
import { readGridFeatures, type GridFeature } from '../../core/map/grid-features';
import type { GridIssue } from '../../core/map/grid-issues';
import { checkGridTopology, type TopologyPlace } from '../../core/map/grid-topology';
import type { Db } from '../open';
import { forgetGridLocator } from './grid-locator';
import { writeGridPlaces } from './grid-write';

interface GridImportOptions {
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
    writeGridPlaces(
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

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
