/**
 * The thread a backup's heavy work runs in: a check-file.ts check, or the copy itself.
 * The copy is made on a read connection of this thread's own, in as few steps as the
 * backup API allows, so the destination's final commit and its sync of a 1 GB file stall
 * this thread, never the desk's.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { checkDatabaseFile, singleFile } from './check-file';
import type { ToWorker, FromWorker } from './check-worker-protocol';

const job = workerData as ToWorker;
const post = (message: FromWorker) => parentPort?.postMessage(message);

async function copy(source: string, dest: string, nativeBinding: string | null): Promise<void> {
  const db = new Database(source, {
    readonly: true,
    fileMustExist: true,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  try {
    await db.backup(dest, {
      progress: ({ totalPages, remainingPages }) => {
        post({ type: 'progress', copiedPages: totalPages - remainingPages, totalPages });
        // The rest in one step: one read transaction, so another connection's writes
        // meanwhile cannot make the backup start over.
        return Math.max(remainingPages, 1);
      },
    });
  } finally {
    db.close();
  }
  singleFile(dest, nativeBinding);
}

if (job.type === 'check') {
  post({ type: 'check', check: checkDatabaseFile(job.file, job.kind, job.nativeBinding) });
} else {
  copy(job.source, job.dest, job.nativeBinding).then(
    () => post({ type: 'copied' }),
    (error: unknown) =>
      post({
        type: 'copyFailed',
        message: (error as Error).message,
        code: String((error as { code?: unknown }).code ?? ''),
      }),
  );
}
