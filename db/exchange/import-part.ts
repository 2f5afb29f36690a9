/**
 * One file of an import, read and written inside the caller's transaction: cases, staff or
 * grids. Opens the right reader for what the file really is and hands its rows to the
 * importer of its kind; says what kind a file is when the caller did not.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CASE_HEADER_LOOKUP, type CaseKey } from '../../core/exchange/case-columns';
import {
  findHeaderRow,
  knownCount,
  mapHeaderRow,
  type ColumnMapping,
} from '../../core/exchange/header-map';
import { sentence, type ImportNote, type RowIssue } from '../../core/exchange/issues';
import { STAFF_HEADER_LOOKUP, type StaffKey } from '../../core/exchange/staff-row';
import { STANDARD_HEADER_LOOKUP } from '../../core/exchange/standard-columns';
import { parseCrs, type Crs } from '../../core/geo/coordinates';
import type { Db } from '../open';
import { importGridsGeoJson } from '../queries/grid-import';
import { importCaseRows, type CaseImportOutcome, type InvalidRowSink } from './case-import';
import { importCasesWithReadingWorker } from './case-reading';
import type { CaseImportLookups } from './case-lookups';
import { openCsvSource } from './csv-source';
import { oneLine, refuse, type ProbedFile } from './file-probe';
import type { ImportCounts, ImportProgress } from './import-report';
import { openJsonSource } from './json-source';
import type { RowSource } from './row-source';
import { importStaffRows } from './staff-import';
import { openXlsxSource } from './xlsx-source';

export type PartKind = 'cases' | 'grids' | 'staff';

interface PartOptions {
  skipInvalid: boolean;
  sheet?: string | null;
  mapping?: Record<string, string>;
  now: number;
  actor: { userId: number | null; name: string };
  batchId: number;
  lookups: () => CaseImportLookups;
  excluded?: ReadonlySet<string>;
  invalidRows?: InvalidRowSink;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /** Read and check a case file in a worker thread (case-reading.ts) while this one writes. */
  readInWorker?: boolean;
  nativeBinding?: string;
}

export interface PartOutcome {
  kind: PartKind;
  format: string;
  encoding: string | null;
  sheet: string | null;
  sheetNames: string[];
  headerRow: number | null;
  sha256: string | null;
  counts: ImportCounts;
  conflicts: { fileWon: number; deskWon: number };
  issues: RowIssue[];
  issueCount: number;
  notes: ImportNote[];
  repeated: Set<string>;
  /** Grid imports record their own batch (db/queries/grid-import). */
  ownBatchId: number | null;
}

export async function openRowSource(
  probed: ProbedFile,
  sheet: string | null,
  signal?: AbortSignal,
  withChecksum = true,
): Promise<RowSource> {
  if (probed.format === 'csv') return openCsvSource(probed, signal);
  if (probed.format === 'json') return openJsonSource(probed, signal);
  if (probed.format === 'xlsx') return openXlsxSource(probed, sheet, signal, withChecksum);
  return refuse(
    'not_a_table',
    `${probed.name} 不是表格文件（.xlsx、.csv 或 .json）。`,
    `${probed.name} is not a table (.xlsx, .csv or .json).`,
    probed.name,
  );
}

/** A GeoJSON FeatureCollection is grids; a table is cases or staff by its header. */
export async function detectKind(
  probed: ProbedFile,
  sheet: string | null,
  signal?: AbortSignal,
): Promise<PartKind> {
  if (probed.format === 'json') {
    const start = probed.head.subarray(0, 4096).toString('utf8');
    return /^\uFEFF?\s*\{/.test(start) && /FeatureCollection|"features"/.test(start)
      ? 'grids'
      : 'cases';
  }
  if (path.extname(probed.name).toLowerCase() === '.geojson') return 'grids';
  const source = await openRowSource(probed, sheet, signal, false);
  const rows: (readonly (string | number | boolean | null)[])[] = [];
  for await (const batch of source.batches()) {
    rows.push(...batch.map((r) => r.cells ?? []));
    if (rows.length >= 30) break;
  }
  const best = (lookup: ReadonlyMap<string, string>) => {
    const index = findHeaderRow(rows, lookup);
    return index < 0 ? 0 : knownCount(mapHeaderRow(rows[index]!, lookup));
  };
  return best(STAFF_HEADER_LOOKUP) > best(CASE_HEADER_LOOKUP) ? 'staff' : 'cases';
}

/**
 * Whether a table is a category standard (立结案标准) rather than cases or staff: its header
 * names more of the standard's columns (立案条件, 结案条件, 处置时限…) than of the others'.
 */
export async function looksLikeStandardTable(probed: ProbedFile): Promise<boolean> {
  if (probed.format !== 'xlsx' && probed.format !== 'csv') return false;
  const source = await openRowSource(probed, null, undefined, false);
  const rows: (readonly (string | number | boolean | null)[])[] = [];
  try {
    for await (const batch of source.batches()) {
      rows.push(...batch.map((r) => r.cells ?? []));
      if (rows.length >= 30) break;
    }
  } finally {
    source.close();
  }
  const best = (lookup: ReadonlyMap<string, string>) => {
    const index = findHeaderRow(rows, lookup);
    return index < 0 ? 0 : knownCount(mapHeaderRow(rows[index]!, lookup));
  };
  const standard = best(STANDARD_HEADER_LOOKUP);
  return standard > best(CASE_HEADER_LOOKUP) && standard > best(STAFF_HEADER_LOOKUP);
}

/** GeoJSON names its CRS rarely; when it does, EPSG:4490 is CGCS2000 (RFC 7946 says WGS-84). */
function geoJsonCrs(collection: unknown): Crs {
  const name =
    (collection as { crs?: { properties?: { name?: string } } })?.crs?.properties?.name ?? '';
  const code = /(\d{4})\s*$/.exec(name)?.[1];
  return parseCrs(code ?? name) ?? 'WGS84';
}

const MAX_GEOJSON_BYTES = 256 * 1024 * 1024;

async function importGridsPart(
  db: Db,
  probed: ProbedFile,
  options: PartOptions,
): Promise<PartOutcome> {
  if (probed.format !== 'json')
    refuse(
      'not_geojson',
      `${probed.name} 不是 GeoJSON 文件，无法作为网格导入。`,
      `${probed.name} is not GeoJSON, so it cannot be imported as grids.`,
      probed.name,
    );
  if (probed.size > MAX_GEOJSON_BYTES)
    refuse(
      'geojson_too_large',
      `${probed.name} 超过 256 MB，不像是一个街道的网格文件。`,
      `${probed.name} is over 256 MB: that is not one street's grid file.`,
      probed.name,
    );
  const bytes = await fs.promises.readFile(probed.path);
  let collection: unknown;
  try {
    collection = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    refuse(
      'bad_json',
      `${probed.name} 不是有效的 JSON（${oneLine((error as Error).message)}），文件可能不完整。`,
      `${probed.name} is not valid JSON (${oneLine((error as Error).message)}): the file may be incomplete.`,
      probed.name,
    );
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const report = importGridsGeoJson(db, collection, {
    mode: 'import',
    crs: geoJsonCrs(collection),
    now: options.now,
    actor: options.actor.name,
    fileName: probed.name,
    sha256,
  });
  const errors = report.issues.filter((i) => i.severity === 'error');
  const counts: ImportCounts = {
    rows: report.counts.features,
    new: report.counts.new,
    updated: report.counts.updated,
    unchanged: report.counts.unchanged,
    invalid: Math.max(report.counts.invalid, errors.length > 0 ? 1 : 0),
  };
  return {
    kind: 'grids',
    format: 'geojson',
    encoding: 'UTF-8',
    sheet: null,
    sheetNames: [],
    headerRow: null,
    sha256,
    counts,
    conflicts: { fileWon: 0, deskWon: 0 },
    issues: errors.map((i) => ({
      row: i.feature,
      column: i.gridCodes.join(' / ') || '网格编码',
      value: i.gridCodes[0] ?? '',
      message: i.message,
    })),
    issueCount: errors.length,
    notes: report.issues
      .filter((i) => i.severity !== 'error')
      .map((i) => ({ column: i.gridCodes[0] ?? '', message: i.message })),
    repeated: new Set(),
    ownBatchId: report.written ? report.batchId : null,
  };
}

export async function importPart(
  db: Db,
  probed: ProbedFile,
  kind: PartKind,
  options: PartOptions,
): Promise<PartOutcome> {
  if (kind === 'grids') return importGridsPart(db, probed, options);
  if (kind === 'cases' && options.readInWorker) return importCasesPartInWorker(db, probed, options);
  const source = await openRowSource(probed, options.sheet ?? null, options.signal);
  const common = {
    fileName: probed.name,
    skipInvalid: options.skipInvalid,
    now: options.now,
    ...(options.invalidRows ? { invalidRows: options.invalidRows } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  };
  try {
    const shared = {
      format: source.format,
      encoding: source.encoding,
      sheet: source.sheet,
      sheetNames: source.sheetNames,
    };
    if (kind === 'staff') {
      if (source.format === 'json')
        refuse(
          'staff_not_table',
          `人员名单须为 .xlsx 或 .csv 表格，${probed.name} 不是。`,
          `A staff roster must be an .xlsx or .csv table; ${probed.name} is not.`,
          probed.name,
        );
      const staff = await importStaffRows(db, source, {
        ...common,
        ...(options.mapping ? { mapping: options.mapping as ColumnMapping<StaffKey> } : {}),
      });
      return {
        kind,
        ...shared,
        headerRow: staff.headerRow,
        sha256: source.sha256(),
        counts: staff.counts,
        conflicts: { fileWon: 0, deskWon: 0 },
        issues: staff.issues,
        issueCount: staff.issueCount,
        notes: staff.notes,
        repeated: new Set(),
        ownBatchId: null,
      };
    }
    const cases = await importCaseRows(db, source, {
      ...common,
      actor: options.actor,
      batchId: options.batchId,
      lookups: options.lookups(),
      ...(options.mapping ? { mapping: options.mapping as ColumnMapping<CaseKey> } : {}),
      ...(options.excluded ? { excluded: options.excluded } : {}),
    });
    return casesPartOutcome(shared, cases, source.sha256());
  } finally {
    source.close();
  }
}

async function importCasesPartInWorker(
  db: Db,
  probed: ProbedFile,
  options: PartOptions,
): Promise<PartOutcome> {
  const { facts, outcome, sha256 } = await importCasesWithReadingWorker(db, probed, {
    sheet: options.sheet ?? null,
    mapping: options.mapping ?? null,
    skipInvalid: options.skipInvalid,
    now: options.now,
    actor: options.actor,
    batchId: options.batchId,
    ...(options.excluded ? { excluded: options.excluded } : {}),
    ...(options.invalidRows ? { invalidRows: options.invalidRows } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  return casesPartOutcome(facts, outcome, sha256);
}

function casesPartOutcome(
  facts: Pick<PartOutcome, 'format' | 'encoding' | 'sheet' | 'sheetNames'>,
  cases: CaseImportOutcome,
  sha256: string | null,
): PartOutcome {
  return {
    kind: 'cases',
    ...facts,
    headerRow: cases.headerRow,
    sha256,
    counts: cases.counts,
    conflicts: cases.conflicts,
    issues: cases.issues,
    issueCount: cases.issueCount,
    notes: cases.notes,
    repeated: cases.repeated,
    ownBatchId: null,
  };
}

export const INVALID_ROWS_REFUSAL = (invalid: number, problems: number) =>
  sentence(
    `有 ${invalid.toLocaleString()} 行不符合要求（共 ${problems.toLocaleString()} 个问题），整个文件未导入。改正后重新导入，或选择“只导入有效行”。`,
    `${invalid.toLocaleString()} rows are invalid (${problems.toLocaleString()} problems): nothing was imported. Fix them and import again, or choose "import valid rows".`,
  );
