/**
 * Running an import in a worker thread (import-worker.ts) from the app's thread: the worker
 * opens its own connection and holds the import's one transaction, so the app's event loop
 * never waits on the import's reading, checking or writing. Progress and the report come
 * back as messages; cancel is a message (the worker rolls back); a worker that dies writes
 * nothing (its connection closes with the transaction uncommitted) and the promise rejects.
 */
import { Worker } from 'node:worker_threads';
import type { Db } from '../open';
import { ExchangeRefusal } from './file-probe';
import { importNativeBinding } from './import-connection';
import type { ImportFileOptions } from './import-run';
import type { ImportReport } from './import-report';
import type { FromImportWorker, ImportWorkerJob, ToImportWorker } from './import-worker-protocol';
import type { Sentence } from '../../core/exchange/issues';

/** The Electron build bundles both workers (scripts/build-electron.mjs) and says where they are. */
let bundled: { importWorker: string; readingWorker: string } | null = null;

export function useBundledImportWorkers(
  files: { importWorker: string; readingWorker: string } | null,
): void {
  bundled = files;
}

/** A thread that said 'done' but has not ended this long after is ended. */
const THREAD_END_GRACE_MS = 2000;
const liveWorkers = new Set<Worker>();

/** How many import threads are alive (tests: none is left behind once its job has ended). */
export function liveImportWorkers(): number {
  return liveWorkers.size;
}

interface WorkerImportOptions extends Omit<
  ImportFileOptions,
  'clock' | 'signal' | 'beforeLargeImport'
> {
  appVersion: string;
  /** Called before an import of more than LARGE_IMPORT_ROWS rows commits; a throw refuses it. */
  beforeLargeImport?: (rows: number) => Promise<void>;
  /** What the import is refused with when beforeLargeImport throws without a sentence. */
  beforeLargeImportFailed?: (error: unknown) => Sentence;
}

export interface RunningWorkerImport {
  report: Promise<ImportReport>;
  cancel(): void;
  /** Ends the thread at once, as a crash would (tests). */
  terminate(): Promise<void>;
}

class ImportWorkerStopped extends Error {
  constructor(
    message: string,
    readonly detail: string | null,
  ) {
    super(message);
    this.name = 'ImportWorkerStopped';
  }
}

export function importInWorker(
  db: Db,
  file: string,
  options: WorkerImportOptions,
): RunningWorkerImport {
  const job: ImportWorkerJob = {
    dbFile: db.name,
    appVersion: options.appVersion,
    nativeBinding: importNativeBinding() ?? null,
    readingWorkerScript: bundled?.readingWorker ?? null,
    path: file,
    kind: options.kind ?? null,
    skipInvalid: options.skipInvalid,
    sheet: options.sheet ?? null,
    mapping: options.mapping ?? null,
    now: options.now,
    actor: options.actor,
    askBeforeLargeImport: options.beforeLargeImport !== undefined,
  };
  const worker = new Worker(
    bundled?.importWorker ?? new URL('./import-worker.dev.mjs', import.meta.url),
    { workerData: job },
  );
  liveWorkers.add(worker);
  const tell = (message: ToImportWorker) => worker.postMessage(message);
  const report = new Promise<ImportReport>((resolve, reject) => {
    let settled = false;
    let failure: Error | null = null;
    let ended: ImportReport | null = null;
    const settle = (error: Error | null, result?: ImportReport) => {
      if (settled) return;
      settled = true;
      if (error || !result) reject(error);
      else resolve(result);
    };
    worker.on('message', (message: FromImportWorker) => {
      switch (message.type) {
        case 'progress':
          options.onProgress?.(message.progress);
          break;
        case 'beforeLargeImport':
          void runBeforeLargeImport(options, message.rows).then(tell);
          break;
        case 'done':
          // Its transaction is committed and its connection closed: the thread ends next.
          ended = message.report;
          setTimeout(() => void worker.terminate(), THREAD_END_GRACE_MS).unref();
          break;
        case 'failed':
          failure = new ImportWorkerStopped(message.message, message.stack);
          break;
      }
    });
    worker.on('error', (error) => (failure ??= error));
    // Settled at the thread's exit, so its connection (and the write lock) is gone by then.
    worker.on('exit', (code) => {
      liveWorkers.delete(worker);
      if (ended) return settle(null, ended);
      settle(
        failure ??
          new ImportWorkerStopped(
            `The import's thread stopped (exit code ${code}) before the end of the import.`,
            null,
          ),
      );
    });
  });
  return {
    report,
    cancel: () => tell({ type: 'cancel' }),
    terminate: async () => {
      await worker.terminate();
    },
  };
}

async function runBeforeLargeImport(
  options: WorkerImportOptions,
  rows: number,
): Promise<ToImportWorker> {
  try {
    await options.beforeLargeImport!(rows);
    return { type: 'proceed' };
  } catch (error) {
    const sentence =
      error instanceof ExchangeRefusal
        ? error.sentence
        : ((error as { sentence?: Sentence }).sentence ??
          options.beforeLargeImportFailed?.(error) ?? {
            zh: '导入前的准备未能完成，未写入任何内容。',
            en: 'The step before the import could not be completed; nothing was written.',
          });
    return { type: 'stop', sentence };
  }
}
