/**
 * A case file imported with its reading in a worker thread (case-reading-worker.ts): this
 * thread holds the import's one transaction and writes the rows the worker has read and
 * checked, chunk by chunk, while the worker reads on. Refusals come back as the same
 * sentences; a cancel stops the worker and leaves the transaction to the caller's rollback.
 * Used for a single case file in a database file (not in-memory, not inside a package, whose
 * earlier parts the worker's connection could not see before the commit).
 */
import { Worker } from 'node:worker_threads';
import type { CaseKey } from '../../core/exchange/case-columns';
import type { ColumnMapping } from '../../core/exchange/header-map';
import type { CaseImportOutcome, InvalidRowSink } from './case-import';
import type { FromWorker, ReadingJob, SourceFacts, ToWorker } from './case-reading-protocol';
import { CaseStage } from './case-stage';
import { ExchangeRefusal, type ProbedFile } from './file-probe';
import type { ImportProgress } from './import-report';
import type { Db } from '../open';

/** The Electron build bundles the worker (scripts/build-electron.mjs) and says where it is. */
let bundledWorkerScript: string | null = null;

export function useBundledReadingWorker(file: string | null): void {
  bundledWorkerScript = file;
}

/**
 * Below this a file is read in the import's thread: starting a worker costs more than the
 * overlap saves (a few hundred milliseconds from a source checkout, about 30,000 rows of CSV).
 */
const WORKER_MIN_BYTES = 8 * 1024 * 1024;

/**
 * Whether to read a case file in a worker: big files in a database file. GRIDDESK_IMPORT_WORKER
 * = 1 always (tests), = 0 never (the benchmark compares both ways).
 */
export function readingWorkerWanted(db: Db, fileBytes: number): boolean {
  const setting = process.env.GRIDDESK_IMPORT_WORKER;
  if (setting === '0' || db.memory || db.name === ':memory:') return false;
  return setting === '1' || fileBytes >= WORKER_MIN_BYTES;
}

interface WorkerReadOptions {
  sheet: string | null;
  mapping: Record<string, string> | null;
  skipInvalid: boolean;
  now: number;
  actor: { userId: number | null; name: string };
  batchId: number;
  excluded?: ReadonlySet<string>;
  invalidRows?: InvalidRowSink;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  nativeBinding?: string;
}

interface WorkerReadResult {
  facts: SourceFacts;
  outcome: CaseImportOutcome;
  sha256: string | null;
}

export function importCasesWithReadingWorker(
  db: Db,
  probed: ProbedFile,
  options: WorkerReadOptions,
): Promise<WorkerReadResult> {
  const job: ReadingJob = {
    dbFile: db.name,
    nativeBinding: options.nativeBinding ?? null,
    probed: { ...probed, head: new Uint8Array(probed.head) },
    sheet: options.sheet,
    mapping: options.mapping as ColumnMapping<CaseKey> | null,
    skipInvalid: options.skipInvalid,
    now: options.now,
    actor: options.actor,
    batchId: options.batchId,
    excluded: [...(options.excluded ?? [])],
    withErrorFile: options.invalidRows !== undefined,
  };
  const stage = new CaseStage(db, {
    actorId: options.actor.userId,
    actorName: options.actor.name,
    at: options.now,
    batchId: options.batchId,
  });
  const worker = new Worker(
    bundledWorkerScript ?? new URL('./case-reading-worker.dev.mjs', import.meta.url),
    // The worker's heap is kept small: it holds two chunks at a time, and the import as a
    // whole must stay under 500 MB (issue 5) beside the writing thread's page cache.
    {
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16 },
    },
  );
  return new Promise<WorkerReadResult>((resolve, reject) => {
    let facts: SourceFacts | null = null;
    let settled = false;
    const settle = (error: unknown, result?: WorkerReadResult) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      try {
        stage.dispose();
      } catch (disposeError) {
        error ??= disposeError;
      }
      if (error || !result) reject(error);
      else resolve(result);
    };
    const onAbort = () => settle(options.signal?.reason ?? new Error('cancelled'));
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });

    worker.on('message', (message: FromWorker) => {
      if (settled) return;
      try {
        switch (message.type) {
          case 'source':
            facts = message.facts;
            break;
          case 'rows':
            for (const row of message.rows) stage.stagePacked(row);
            stage.flush();
            worker.postMessage({ type: 'ack' } satisfies ToWorker);
            break;
          case 'invalidHeader':
            options.invalidRows?.header(message.cells);
            break;
          case 'invalidRow':
            options.invalidRows?.row(message.cells, message.problems);
            break;
          case 'progress':
            options.onProgress?.(message.progress);
            break;
          case 'done':
            // A file refused for its invalid rows is rolled back: no need to finish its writing.
            if (options.skipInvalid || message.outcome.counts.invalid === 0) stage.finish();
            settle(null, {
              facts: facts!,
              outcome: { ...message.outcome, repeated: new Set(message.outcome.repeated) },
              sha256: message.sha256,
            });
            break;
          case 'failed':
            settle(
              message.refusal
                ? new ExchangeRefusal(
                    message.refusal.code,
                    message.refusal.sentence,
                    message.refusal.where,
                  )
                : Object.assign(new Error(message.message), {
                    stack: message.stack ?? message.message,
                  }),
            );
            break;
        }
      } catch (error) {
        settle(error);
      }
    });
    worker.on('error', (error) => settle(error));
    worker.on('exit', (code) =>
      settle(
        new Error(`The reading worker stopped (exit code ${code}) before the end of the file.`),
      ),
    );
  });
}
