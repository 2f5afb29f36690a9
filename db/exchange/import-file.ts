/**
 * `importFile`: the one entry for every import (CLI, app, tests). Looks at the file, picks
 * its kind when not told, and runs it in ONE transaction: committed only when the file may
 * be written (no invalid row, or "import valid rows"), rolled back on a refusal, a cancel
 * or any failure. A killed process leaves the transaction uncommitted, so none of its rows.
 * Every run is recorded in exchange_batches with the file's SHA-256 and the counts.
 */
import type { Db } from '../open';
import { finishBatch, insertRunningBatch, previousImport } from './batches';
import { loadCaseLookups, type CaseImportLookups } from './case-lookups';
import { ErrorFileWriter, errorFilePathFor } from './error-file';
import { ExchangeRefusal, probeFile, refusal, type ProbedFile } from './file-probe';
import type { ImportKind, ImportReport } from './import-report';
import { detectKind, importPart, INVALID_ROWS_REFUSAL, type PartKind } from './import-part';
import {
  applyOutcome,
  beforeCommitOf,
  beginImport,
  blankReport,
  endUnwritten,
  rollback,
  type ImportFileOptions,
} from './import-run';
import { importPackage } from './package-import';
import { readingWorkerWanted } from './case-reading';
import { importNativeBinding } from './import-connection';

export type { ImportFileOptions } from './import-run';

export async function importFile(
  db: Db,
  file: string,
  options: ImportFileOptions,
): Promise<ImportReport> {
  const report = blankReport(
    file,
    file.split(/[\\/]/).pop() ?? file,
    options.kind ?? 'cases',
    options.now,
  );
  let probed: ProbedFile;
  // A bigger page cache while the import runs: a big import inserts into a dozen indexes and
  // the full-text index of `cases`, and past the default 16 MB every insert starts missing.
  const cacheBefore = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  try {
    probed = probeFile(file);
    report.fileName = probed.name;
    report.format = probed.format;
    const kind: ImportKind =
      options.kind ??
      (probed.format === 'folder' || probed.format === 'zip'
        ? 'package'
        : await detectKind(probed, options.sheet ?? null, options.signal));
    report.kind = kind;
    if (kind === 'package') return await importPackage(db, probed, report, options);
    if (probed.format === 'folder' || probed.format === 'zip') {
      throw refusal(
        'package_not_table',
        `${probed.name} 是交换包（文件夹或 zip），请按“交换包”导入。`,
        `${probed.name} is an exchange package (folder or zip): import it as a package.`,
        probed.name,
      );
    }
    return await importSingle(db, probed, kind, report, options);
  } catch (error) {
    return endUnwritten(db, report, error, options);
  } finally {
    db.pragma(`cache_size = ${cacheBefore}`);
  }
}

/**
 * 64 MB: measured on a million rows, it cuts the write time by about a quarter against the
 * default; peak memory stays near 350 MB. 128 MB was tried (alternated runs, a million rows:
 * 63.6 and 85.8 s against 81.1 and 63.1 s with 64 MB): no gain this machine's noise shows,
 * for 60 MB more at peak; 256 MB went over the 500 MB the import may use.
 */
const IMPORT_CACHE_KIB = 64 * 1024;

async function importSingle(
  db: Db,
  probed: ProbedFile,
  kind: PartKind,
  report: ImportReport,
  options: ImportFileOptions,
): Promise<ImportReport> {
  let lookups: CaseImportLookups | null = null;
  const errorFile =
    options.skipInvalid && kind !== 'grids'
      ? new ErrorFileWriter(errorFilePathFor(probed.path, options.now, db.name))
      : null;
  const run = async (excluded?: ReadonlySet<string>) => {
    beginImport(db, probed.name);
    const batchId =
      kind === 'grids'
        ? 0
        : insertRunningBatch(db, kind, probed.name, probed.format, options.actor.name, options.now);
    const part = await importPart(db, probed, kind, {
      ...options,
      batchId,
      lookups: () => (lookups ??= loadCaseLookups(db, options.now)),
      readInWorker: readingWorkerWanted(db, probed.size),
      ...(importNativeBinding() ? { nativeBinding: importNativeBinding()! } : {}),
      ...(excluded ? { excluded } : {}),
      ...(errorFile ? { invalidRows: errorFile } : {}),
    });
    return { batchId, part };
  };
  try {
    let { batchId, part } = await run();
    if (part.repeated.size > 0 && options.skipInvalid) {
      // Rows written before a later repeat showed them invalid: start over without them.
      rollback(db);
      await errorFile?.discard();
      ({ batchId, part } = await run(part.repeated));
    }
    applyOutcome(report, part);
    report.alreadyImported = part.sha256
      ? previousImport(db, part.sha256, part.ownBatchId ?? batchId)
      : null;
    const writable = part.counts.invalid === 0 || (options.skipInvalid && kind !== 'grids');
    if (!writable) {
      await errorFile?.discard();
      throw new ExchangeRefusal(
        'invalid_rows',
        INVALID_ROWS_REFUSAL(part.counts.invalid, part.issueCount),
      );
    }
    await beforeCommitOf(part.counts.rows, options);
    options.onProgress?.({
      phase: 'committing',
      rows: part.counts.rows,
      bytesRead: probed.size,
      bytesTotal: probed.size,
      rowsPerSecond: 0,
      fileName: probed.name,
    });
    report.status = 'done';
    report.written = true;
    report.errorFile = (await errorFile?.close()) ?? null;
    report.finishedAt = options.clock?.() ?? options.now;
    report.batchId = part.ownBatchId ?? batchId;
    if (kind !== 'grids') finishBatch(db, batchId, report);
    db.exec('COMMIT');
    options.onProgress?.({
      phase: 'done',
      rows: part.counts.rows,
      bytesRead: probed.size,
      bytesTotal: probed.size,
      rowsPerSecond: 0,
      fileName: probed.name,
    });
    return report;
  } catch (error) {
    await errorFile?.discard();
    throw error;
  }
}
