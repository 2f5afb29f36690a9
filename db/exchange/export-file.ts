/**
 * `exportFile`: the one entry for every export (CLI, app, tests). Writes the file (to a
 * temporary name, renamed when complete, so a half-written export never looks finished),
 * then the package manifest beside it (the same manifest.json the desk reads: the file's
 * kind, rows and SHA-256, merged with the entries of other exports in that folder), then
 * records the batch and marks the exported cases exchanged.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  readManifest,
  type Manifest,
} from '../../core/exchange/manifest';
import { toIsoShanghai } from '../../core/time';
import type { Db } from '../open';
import { exportGridsGeoJson } from '../queries/grid-geojson';
import { lastCaseExportAt, recordExport } from './batches';
import {
  markExchanged,
  writeCaseExport,
  type CaseExportFormat,
  type CaseRowsQuery,
} from './case-export';
import { compactStamp } from './export-names';
import { refuse } from './file-probe';
import { fileSha256 } from './row-source';

export interface ExportOptions {
  kind: 'cases' | 'grids';
  format?: CaseExportFormat;
  /** Every case changed since then; omitted: the desk's changes since the last export. */
  since?: number | null;
  /** A file, or a folder to write a named file into. */
  out: string;
  unmasked: boolean;
  now: number;
  clock?: () => number;
  actor: string;
  signal?: AbortSignal;
}

export interface ExportReport {
  batchId: number;
  file: string;
  fileName: string;
  kind: 'cases' | 'grids';
  format: CaseExportFormat | 'geojson';
  rows: number;
  /** The start of what was exported: the given time, or the last export's (null: never exported). */
  since: number | null;
  sinceLastExport: boolean;
  sha256: string;
  manifest: string;
  unmasked: boolean;
}

const EXTENSION: Record<CaseExportFormat | 'geojson', string> = {
  xlsx: '.xlsx',
  csv: '.csv',
  json: '.json',
  open311: '.json',
  geojson: '.geojson',
};

function targetPath(out: string, name: string): string {
  const resolved = path.resolve(out);
  const isFolder =
    /[\\/]$/.test(out) || (fs.existsSync(resolved) && fs.statSync(resolved).isDirectory());
  return isFolder ? path.join(resolved, name) : resolved;
}

/** manifest.json beside the file: this file's entry replaces an older one of the same name. */
function writeManifest(file: string, entry: Manifest['files'][number], now: number): string {
  const manifestPath = path.join(path.dirname(file), MANIFEST_FILE);
  let files: Manifest['files'] = [];
  if (fs.existsSync(manifestPath)) {
    try {
      const existing = readManifest(JSON.parse(fs.readFileSync(manifestPath, 'utf8')));
      if (existing.ok)
        files = existing.manifest.files.filter(
          (f) => f.path !== entry.path && fs.existsSync(path.join(path.dirname(file), f.path)),
        );
    } catch {
      files = [];
    }
  }
  const manifest: Manifest = {
    format: MANIFEST_FORMAT,
    version: 1,
    created_at: toIsoShanghai(now),
    producer: 'griddesk',
    files: [...files, entry],
  };
  fs.writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifestPath;
}

export async function exportFile(db: Db, options: ExportOptions): Promise<ExportReport> {
  const format = options.kind === 'grids' ? 'geojson' : (options.format ?? 'xlsx');
  const defaultName =
    options.kind === 'grids'
      ? `网格-${compactStamp(options.now)}.geojson`
      : format === 'open311'
        ? 'requests.json'
        : `案卷更新-${compactStamp(options.now)}${EXTENSION[format]}`;
  const file = targetPath(options.out, defaultName);
  const temp = `${file}.part`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
  } catch (error) {
    refuse(
      'export_unwritable',
      `无法创建文件夹 ${path.dirname(file)}（${(error as NodeJS.ErrnoException).code ?? '写入失败'}）。`,
      `Cannot create the folder ${path.dirname(file)} (${(error as NodeJS.ErrnoException).code ?? 'write error'}).`,
      file,
    );
  }
  const sinceLastExport =
    options.kind === 'cases' && (options.since === undefined || options.since === null);
  const query: CaseRowsQuery = {
    since: sinceLastExport ? null : (options.since ?? null),
    until: options.now,
  };
  let rows: number;
  try {
    if (options.kind === 'grids') {
      const collection = exportGridsGeoJson(db);
      fs.writeFileSync(temp, JSON.stringify(collection));
      rows = collection.features.length;
    } else {
      rows = (
        await writeCaseExport(db, temp, format as CaseExportFormat, query, {
          unmasked: options.unmasked,
          ...(options.signal ? { signal: options.signal } : {}),
        })
      ).rows;
    }
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code && /^E[A-Z]+$/.test(code)) {
      refuse(
        'export_unwritable',
        `无法写入 ${file}（${code}）：请换一个可写的位置。`,
        `Cannot write ${file} (${code}): choose a writable place.`,
        file,
      );
    }
    throw error;
  }
  const sha256 = await fileSha256(file);
  const manifest = writeManifest(
    file,
    { path: path.basename(file), kind: options.kind, rows, sha256 },
    options.now,
  );
  const since = sinceLastExport ? lastCaseExportAt(db) : (options.since ?? null);
  const finishedAt = options.clock?.() ?? options.now;
  const report: Omit<ExportReport, 'batchId'> = {
    file,
    fileName: path.basename(file),
    kind: options.kind,
    format,
    rows,
    since,
    sinceLastExport,
    sha256,
    manifest,
    unmasked: options.unmasked,
  };
  let batchId = 0;
  db.transaction(() => {
    batchId = recordExport(db, {
      kind: options.kind,
      fileName: report.fileName,
      sha256,
      format,
      rows,
      sinceAt: since,
      actor: options.actor,
      startedAt: options.now,
      finishedAt,
      report,
    });
    if (options.kind === 'cases') markExchanged(db, query);
  })();
  return { batchId, ...report };
}
