/**
 * The parts every import run shares: its options, a blank report, how a part's outcome
 * fills the report, the transaction's start and end, and how a run that wrote nothing is
 * ended and recorded (refused with a sentence, cancelled, or failed).
 */
import type { Db } from '../open';
import { recordUnwrittenBatch } from './batches';
import { ExchangeRefusal, refusal } from './file-probe';
import {
  emptyCounts,
  type ImportKind,
  type ImportProgress,
  type ImportReport,
} from './import-report';
import type { PartOutcome } from './import-part';

export interface ImportFileOptions {
  kind?: ImportKind;
  skipInvalid: boolean;
  sheet?: string | null;
  /** header → key (or 'ignore'): the admin's column mapping for this source. */
  mapping?: Record<string, string>;
  /** The import's time: events, "not after now plus a day", the batch's start. */
  now: number;
  /** Reads the clock for the batch's finishing time (defaults to `now`). */
  clock?: () => number;
  actor: { userId: number | null; name: string };
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /**
   * The hook point for the backup before a large import (issue 10): called once the file is
   * read and checked, before the commit of more than LARGE_IMPORT_ROWS rows, while this
   * import's transaction is still open (a backup taken on another connection then holds the
   * database as it was before the import). A throw refuses the import: nothing is written.
   */
  beforeLargeImport?: (rows: number) => Promise<void>;
}

/** Imports of more than this many rows are preceded by a backup (beforeLargeImport). */
const LARGE_IMPORT_ROWS = 10_000;

/** Runs beforeLargeImport when the import about to commit is large. */
export async function beforeCommitOf(rows: number, options: ImportFileOptions): Promise<void> {
  if (options.beforeLargeImport && rows > LARGE_IMPORT_ROWS) await options.beforeLargeImport(rows);
}

export function blankReport(
  file: string,
  fileName: string,
  kind: ImportReport['kind'],
  now: number,
): ImportReport {
  return {
    batchId: null,
    file,
    fileName,
    kind,
    format: '',
    encoding: null,
    sheet: null,
    sheetNames: [],
    headerRow: null,
    sha256: null,
    status: 'refused',
    written: false,
    counts: emptyCounts(),
    conflicts: { fileWon: 0, deskWon: 0 },
    errors: [],
    errorCount: 0,
    notes: [],
    refusal: null,
    errorFile: null,
    alreadyImported: null,
    startedAt: now,
    finishedAt: now,
    parts: [],
  };
}

/** Fills a report from a part's outcome. */
export function applyOutcome(report: ImportReport, part: PartOutcome): void {
  Object.assign(report, {
    kind: part.kind,
    format: part.format,
    encoding: part.encoding,
    sheet: part.sheet,
    sheetNames: part.sheetNames,
    headerRow: part.headerRow,
    sha256: part.sha256,
    counts: part.counts,
    conflicts: part.conflicts,
    errors: part.issues,
    errorCount: part.issueCount,
    notes: part.notes,
  });
}

/** BEGIN IMMEDIATE, or a sentence when another writer holds the database. */
export function beginImport(db: Db, fileName: string): void {
  try {
    db.exec('BEGIN IMMEDIATE');
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) {
      throw refusal(
        'database_busy',
        '数据库正被另一项导入或写入占用，请稍后再试。',
        'The database is busy with another import or write: try again shortly.',
        fileName,
      );
    }
    throw error;
  }
}

export function rollback(db: Db): void {
  if (db.inTransaction) db.exec('ROLLBACK');
}

/** How an import that did not write ends: refused (a sentence), cancelled, or failed. */
export function endUnwritten(
  db: Db,
  report: ImportReport,
  error: unknown,
  options: ImportFileOptions,
): ImportReport {
  rollback(db);
  report.written = false;
  report.finishedAt = options.clock?.() ?? options.now;
  report.counts = { ...report.counts, new: 0, updated: 0, unchanged: 0 };
  report.conflicts = { fileWon: 0, deskWon: 0 };
  if (error instanceof ExchangeRefusal) {
    report.status = 'refused';
    report.refusal = error.sentence;
  } else if (options.signal?.aborted) {
    report.status = 'cancelled';
    report.refusal = {
      zh: '导入已取消，未写入任何内容。',
      en: 'The import was cancelled; nothing was written.',
    };
  } else if (error !== null) {
    report.status = 'failed';
    report.batchId = recordUnwrittenBatch(db, report, options.actor.name);
    throw error;
  }
  report.batchId = recordUnwrittenBatch(db, report, options.actor.name);
  return report;
}
