/**
 * `exportFile`: the one entry for every export (CLI, app, tests). Nothing is ever lost:
 * - names are unique to the second plus a counter (案卷更新-20261121-140501-2.xlsx), and an
 *   existing file is never overwritten;
 * - a folder holding another producer's manifest.json gets a new subfolder for this export;
 *   a folder holding files this desk did not make is written into only when the user says so
 *   (`confirmForeignFolder`);
 * - the file is written to a temporary name in the same folder, fsynced, put in place without
 *   overwriting, the folder fsynced; then the manifest beside it the same way (the same
 *   manifest.json the desk reads, merged with this desk's earlier exports in that folder);
 * - only then is the batch recorded and the exported cases marked exchanged (the "since the
 *   last export" marker), in one transaction: a failed or interrupted write moves nothing;
 * - an export with no rows writes no file unless asked (`writeEmpty`);
 * - a full disk is said to be one ("磁盘已满"), naming the folder, with no partial file left.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MANIFEST_FILE } from '../../core/exchange/manifest';
import { formatDateTime } from '../../core/time';
import type { Db } from '../open';
import { exportGridsGeoJson } from '../queries/grid-geojson';
import { diskFullRefusal, isDiskFullError } from '../temp-folders';
import { lastCaseExportAt, recordExport } from './batches';
import {
  countCaseRows,
  markExchanged,
  writeCaseExport,
  type CaseExportFormat,
  type CaseRowsQuery,
} from './case-export';
import { secondStamp, uniqueName } from './export-names';
import { refusal } from './file-probe';
import {
  fsyncPath,
  lookAtFolder,
  placeWithoutOverwrite,
  readIfExists,
  splitTarget,
  tempNameFor,
  writeError,
  writeManifest,
} from './export-folder';
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
  /** Write the file even when it has no rows (default: refuse, "没有需要回传的更新"). */
  writeEmpty?: boolean;
  /** The user agreed to write into a folder that holds files this desk did not make. */
  confirmForeignFolder?: boolean;
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
  /**
   * The new subfolder this export went into because the chosen folder held another
   * producer's manifest.json (null: written where asked).
   */
  newFolder?: string | null;
}

const EXTENSION: Record<CaseExportFormat | 'geojson', string> = {
  xlsx: '.xlsx',
  csv: '.csv',
  json: '.json',
  open311: '.json',
  geojson: '.geojson',
};

function emptyRefusal(kind: 'cases' | 'grids', since: number | null, sinceLast: boolean) {
  const from =
    since === null
      ? { zh: '', en: '' }
      : sinceLast
        ? {
            zh: `自上次导出（${formatDateTime(since)}）以来`,
            en: ` since the last export (${formatDateTime(since)})`,
          }
        : { zh: `自 ${formatDateTime(since)} 以来`, en: ` since ${formatDateTime(since)}` };
  return kind === 'grids'
    ? refusal(
        'export_empty',
        '没有可导出的网格：本系统还没有网格；未写入文件。',
        'There are no grids to export: this desk has none yet; no file was written.',
      )
    : refusal(
        'export_empty',
        `没有需要回传的更新：${from.zh}本系统没有变动的案卷；未写入文件，上次导出的位置不变。如确需一个空文件，请选择“仍写出空文件”（命令行 --allow-empty）。`,
        `There are no updates to send back: no case changed${from.en}; no file was written and the export marker did not move. To write an empty file anyway, ask for it (--allow-empty on the command line).`,
      );
}

/**
 * Before a byte goes to the city's folder: the store must be able to take the export's own
 * record. A store held read-only (damaged, or being checked) or locked by an import would
 * refuse it after the file was out, and a file the desk never recorded would reach the city.
 * The SQLite errors thrown here are the ones every caller already turns into a sentence.
 */
function assertStoreTakesWrites(db: Db): void {
  if (db.pragma('query_only', { simple: true }) === 1) {
    throw Object.assign(new Error('attempt to write a readonly database'), {
      code: 'SQLITE_READONLY',
    });
  }
  db.exec('BEGIN IMMEDIATE');
  db.exec('ROLLBACK');
}

export async function exportFile(db: Db, options: ExportOptions): Promise<ExportReport> {
  assertStoreTakesWrites(db);
  const format = options.kind === 'grids' ? 'geojson' : (options.format ?? 'xlsx');
  const stamp = secondStamp(options.now);
  const sinceLastExport =
    options.kind === 'cases' && (options.since === undefined || options.since === null);
  const query: CaseRowsQuery = {
    since: sinceLastExport ? null : (options.since ?? null),
    until: options.now,
  };
  const since = sinceLastExport ? lastCaseExportAt(db) : (options.since ?? null);

  // What goes where: never over another's files, never over an existing file.
  const target = splitTarget(options.out);
  let dir = target.dir;
  let look = lookAtFolder(db, dir);
  let newFolder: string | null = null;
  if (look.foreignManifest) {
    const sub = uniqueName(`griddesk-回传-${stamp}`, '', (n) => fs.existsSync(path.join(dir, n)));
    dir = path.join(dir, sub);
    newFolder = dir;
    look = { ours: null, foreignManifest: false, foreign: [] };
  } else if (look.foreign.length > 0 && !options.confirmForeignFolder) {
    const shown = look.foreign.slice(0, 3).join('、');
    const more = look.foreign.length > 3 ? ` 等 ${look.foreign.length} 项` : '';
    const moreEn = look.foreign.length > 3 ? ` and ${look.foreign.length - 3} more` : '';
    throw refusal(
      'export_foreign_folder',
      `文件夹 ${dir} 中已有不是本系统导出的文件（${shown}${more}），未写入：请选择一个空文件夹，或确认仍写入此文件夹（命令行加 --into-nonempty）。`,
      `The folder ${dir} holds files this desk did not export (${look.foreign.slice(0, 3).join(', ')}${moreEn}); nothing was written: choose an empty folder, or confirm writing into this one (--into-nonempty on the command line).`,
      dir,
    );
  }
  let name: string;
  if (target.name !== null) {
    name = target.name;
    if (fs.existsSync(path.join(dir, name))) {
      throw refusal(
        'export_exists',
        `文件 ${path.join(dir, name)} 已存在：导出从不覆盖已有文件，请换一个文件名，或只给出文件夹（将自动命名）。`,
        `The file ${path.join(dir, name)} exists: an export never overwrites a file; choose another name, or give only the folder (the name is then chosen for you).`,
        path.join(dir, name),
      );
    }
  } else {
    const stem =
      options.kind === 'grids'
        ? `网格-${stamp}`
        : format === 'open311'
          ? 'requests'
          : `案卷更新-${stamp}`;
    name = uniqueName(
      stem,
      EXTENSION[format],
      (n) => n === MANIFEST_FILE || fs.existsSync(path.join(dir, n)),
    );
  }
  const file = path.join(dir, name);

  // Nothing to send: say so, and leave the folder and the marker as they are.
  const grids = options.kind === 'grids' ? exportGridsGeoJson(db) : null;
  const expected = grids ? grids.features.length : countCaseRows(db, query);
  if (expected === 0 && !options.writeEmpty)
    throw emptyRefusal(options.kind, since, sinceLastExport);

  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (error) {
    if (isDiskFullError(error)) throw diskFullRefusal(dir);
    throw refusal(
      'export_unwritable',
      `无法创建文件夹 ${dir}（${(error as NodeJS.ErrnoException).code ?? '写入失败'}）。`,
      `Cannot create the folder ${dir} (${(error as NodeJS.ErrnoException).code ?? 'write error'}).`,
      dir,
    );
  }

  const temp = tempNameFor(file);
  let rows: number;
  let placed = false;
  let sha256: string;
  let manifest: string;
  let previousManifest: string | null;
  try {
    if (grids) {
      fs.writeFileSync(temp, JSON.stringify(grids));
      rows = grids.features.length;
    } else {
      rows = (
        await writeCaseExport(db, temp, format as CaseExportFormat, query, {
          unmasked: options.unmasked,
          ...(options.signal ? { signal: options.signal } : {}),
        })
      ).rows;
    }
    fsyncPath(temp, false);
    sha256 = await fileSha256(temp);
    placeWithoutOverwrite(temp, file);
    placed = true;
    fsyncPath(dir, true);
    previousManifest = readIfExists(path.join(dir, MANIFEST_FILE));
    manifest = writeManifest(
      dir,
      look.ours,
      { path: name, kind: options.kind, rows, sha256 },
      options.now,
    );
  } catch (error) {
    fs.rmSync(temp, { force: true });
    // A file without its manifest entry is half an export: take it back.
    if (placed) fs.rmSync(file, { force: true });
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw refusal(
        'export_exists',
        `文件 ${file} 刚被另一个程序写入：导出从不覆盖已有文件，请重试。`,
        `The file ${file} was just written by another program: an export never overwrites a file; try again.`,
        file,
      );
    }
    throw writeError(error, dir, file);
  }

  const finishedAt = options.clock?.() ?? options.now;
  const report: Omit<ExportReport, 'batchId'> = {
    file,
    fileName: name,
    kind: options.kind,
    format,
    rows,
    since,
    sinceLastExport,
    sha256,
    manifest,
    unmasked: options.unmasked,
    newFolder,
  };
  // The marker moves only now, with the file and its manifest on the disk.
  let batchId = 0;
  try {
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
  } catch (error) {
    // Refused at the last step (an import took the lock meanwhile): the file and its manifest
    // entry are taken back, so the folder holds only what the desk recorded.
    fs.rmSync(file, { force: true });
    if (previousManifest === null) fs.rmSync(manifest, { force: true });
    else fs.writeFileSync(manifest, previousManifest);
    throw error;
  }
  return { batchId, ...report };
}
