/**
 * An import started in the app, in a worker thread of its own (import-in-worker.ts starts
 * it): it opens its own connection to the database file, runs the same importFile the CLI
 * runs (reading, checking, writing, the one transaction) and posts its progress and report.
 * Why: the import's SQLite work and row checking then never run on the app's thread, so
 * every window, the live stream and the overdue alarm keep answering while it runs.
 * A 'cancel' message aborts it (rolled back: nothing written); if the thread dies, its
 * connection closes with the transaction uncommitted, so nothing is written either.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../open';
import { useBundledReadingWorker } from './case-reading';
import { ExchangeRefusal } from './file-probe';
import { importFile } from './import-file';
import { useNativeBindingForImports } from './import-connection';
import type { ImportProgress } from './import-report';
import type { FromImportWorker, ImportWorkerJob, ToImportWorker } from './import-worker-protocol';

const port = parentPort!;
const job = workerData as ImportWorkerJob;
const post = (message: FromImportWorker) => port.postMessage(message);

/** Progress at most every PROGRESS_EVERY_MS (the app polls it three times a second), and every phase change. */
const PROGRESS_EVERY_MS = 100;

function progressPoster(): (progress: ImportProgress) => void {
  let last = 0;
  let phase: ImportProgress['phase'] | null = null;
  return (progress) => {
    const now = performance.now();
    if (progress.phase === phase && now - last < PROGRESS_EVERY_MS) return;
    last = now;
    phase = progress.phase;
    post({ type: 'progress', progress });
  };
}

async function run(): Promise<void> {
  useNativeBindingForImports(job.nativeBinding ?? undefined);
  if (job.readingWorkerScript) useBundledReadingWorker(job.readingWorkerScript);
  const abort = new AbortController();
  let answer: ((message: ToImportWorker) => void) | null = null;
  port.on('message', (message: ToImportWorker) => {
    if (message.type === 'cancel') abort.abort(new Error('cancelled by the user'));
    answer?.(message);
  });
  const { db } = openDatabase(job.dbFile, {
    appVersion: job.appVersion,
    now: job.now,
    ...(job.nativeBinding ? { nativeBinding: job.nativeBinding } : {}),
  });
  // The clock of the app's thread is not here: the batch's end is the job's time plus what
  // this thread has measured since.
  const startedAt = performance.now();
  let report;
  try {
    report = await importFile(db, job.path, {
      skipInvalid: job.skipInvalid,
      now: job.now,
      clock: () => job.now + Math.round(performance.now() - startedAt),
      actor: job.actor,
      signal: abort.signal,
      onProgress: progressPoster(),
      ...(job.kind ? { kind: job.kind } : {}),
      ...(job.sheet ? { sheet: job.sheet } : {}),
      ...(job.mapping ? { mapping: job.mapping } : {}),
      ...(job.askBeforeLargeImport
        ? {
            beforeLargeImport: (rows: number) =>
              new Promise<void>((resolve, reject) => {
                answer = (message) => {
                  answer = null;
                  if (message.type === 'proceed') resolve();
                  else if (message.type === 'stop')
                    reject(new ExchangeRefusal('before_large_import', message.sentence));
                  else reject(abort.signal.reason);
                };
                post({ type: 'beforeLargeImport', rows });
              }),
          }
        : {}),
    });
  } finally {
    db.close();
  }
  post({ type: 'done', report });
}

run()
  .catch((error: unknown) => {
    post({
      type: 'failed',
      message: error instanceof Error ? error.message : String(error),
      stack: error instanceof Error ? (error.stack ?? null) : null,
    });
  })
  // The port's listener would keep the thread alive: let it end once its last message is out.
  .finally(() => port.unref());
