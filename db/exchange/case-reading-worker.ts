/**
 * The reading worker of a case import (a worker thread): opens the file, reads and checks
 * every row exactly as an import in one thread does (importCaseRows), and posts the rows to
 * write to the import's thread. Why a thread: reading and checking is about half of a big
 * import's time, and with it here the writing thread only writes, so the two overlap.
 * It reads the database on its own read-only connection, which sees the last commit: the
 * state before this import, which is what the checks compare against (a case number met
 * twice in the file is caught by the repeat check before any look-up).
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { importCaseRows, type CaseRowWriter } from './case-import';
import { loadCaseLookups } from './case-lookups';
import {
  READ_AHEAD_CHUNKS,
  type FromWorker,
  type ReadingJob,
  type ToWorker,
} from './case-reading-protocol';
import { packRow, type PackedRow, type StagedRow } from './case-stage';
import { ExchangeRefusal } from './file-probe';
import { openRowSource } from './import-part';

const port = parentPort!;
const job = workerData as ReadingJob;
const post = (message: FromWorker) => port.postMessage(message);

/** Hands staged rows to the import's thread; waits when it is READ_AHEAD_CHUNKS behind. */
class PostingWriter implements CaseRowWriter {
  private rows: PackedRow[] = [];
  private unacknowledged = 0;
  private wake: (() => void) | null = null;

  get size(): number {
    return this.rows.length;
  }

  stage(row: StagedRow): void {
    this.rows.push(packRow(row));
  }

  async flush(): Promise<void> {
    if (this.rows.length === 0) return;
    post({ type: 'rows', rows: this.rows });
    this.rows = [];
    this.unacknowledged += 1;
    while (this.unacknowledged >= READ_AHEAD_CHUNKS)
      await new Promise<void>((resolve) => (this.wake = resolve));
  }

  /** The import's thread finishes the writing when the worker says 'done'. */
  finish(): Promise<void> {
    return this.flush();
  }

  acknowledged(): void {
    this.unacknowledged -= 1;
    this.wake?.();
    this.wake = null;
  }

  dispose(): void {}
}

async function run(): Promise<void> {
  const db = new Database(job.dbFile, {
    readonly: true,
    fileMustExist: true,
    ...(job.nativeBinding ? { nativeBinding: job.nativeBinding } : {}),
  });
  // One read transaction for the whole file: every look-up reads the same snapshot (the last
  // commit) without taking a read lock per statement, and the TEMP table of case numbers
  // seen is written inside it instead of one journaled transaction per row.
  db.exec('BEGIN');
  const writer = new PostingWriter();
  port.on('message', (message: ToWorker) => {
    if (message.type === 'ack') writer.acknowledged();
  });
  const probed = { ...job.probed, head: Buffer.from(job.probed.head) };
  const source = await openRowSource(probed, job.sheet);
  try {
    post({
      type: 'source',
      facts: {
        format: source.format,
        encoding: source.encoding,
        sheet: source.sheet,
        sheetNames: source.sheetNames,
      },
    });
    const outcome = await importCaseRows(db, source, {
      fileName: probed.name,
      skipInvalid: job.skipInvalid,
      now: job.now,
      actor: job.actor,
      batchId: job.batchId,
      lookups: loadCaseLookups(db, job.now),
      writer,
      ...(job.mapping ? { mapping: job.mapping } : {}),
      ...(job.excluded.length > 0 ? { excluded: new Set(job.excluded) } : {}),
      ...(job.withErrorFile
        ? {
            invalidRows: {
              header: (cells) => post({ type: 'invalidHeader', cells }),
              row: (cells, problems) => post({ type: 'invalidRow', cells, problems }),
            },
          }
        : {}),
      onProgress: (progress) => post({ type: 'progress', progress }),
    });
    post({
      type: 'done',
      outcome: { ...outcome, repeated: [...outcome.repeated] },
      sha256: source.sha256(),
    });
  } finally {
    source.close();
    db.close();
  }
}

run().catch((error: unknown) => {
  const refusal =
    error instanceof ExchangeRefusal
      ? {
          code: error.code,
          sentence: error.sentence,
          ...(error.where ? { where: error.where } : {}),
        }
      : null;
  post({
    type: 'failed',
    refusal,
    message: error instanceof Error ? error.message : String(error),
    stack: error instanceof Error ? (error.stack ?? null) : null,
  });
});
