/**
 * A backup's heavy work off the caller's thread: integrity_check of a 1 GB store takes tens
 * of seconds and the copy's final sync about a second, and the app and the host must keep
 * answering meanwhile.
 */
import { Worker } from 'node:worker_threads';
import { checkDatabaseFile, type CheckKind, type FileCheck } from './check-file';
import type { FromWorker, ToWorker } from './check-worker-protocol';

let bundledScript: string | null = null;
let binding: string | null = null;

/** The Electron build bundles the worker (scripts/build-electron.mjs) and says where it is. */
export function useBundledCheckWorker(file: string | null, nativeBinding: string | null): void {
  bundledScript = file;
  binding = nativeBinding;
}

/** The worker could not run at all: a packaging fault, never a verdict on a file. */
class WorkerUnavailable extends Error {}

/**
 * The check in a worker thread; if the worker itself cannot run, the same check runs here,
 * blocking, rather than not at all.
 */
export async function checkInWorker(file: string, kind: CheckKind): Promise<FileCheck> {
  try {
    const answer = await runWorker({ type: 'check', file, kind, nativeBinding: binding });
    if (answer.type === 'check') return answer.check;
  } catch {
    // Falls through to the check on this thread.
  }
  return checkDatabaseFile(file, kind, binding);
}

/**
 * Copies `source` to `dest` with the backup API in a worker thread. Resolves false when the
 * worker cannot run (the caller then copies on its own connection); rejects with the
 * copy's own error (a full disk, say) when it ran and failed.
 */
export async function copyInWorker(
  source: string,
  dest: string,
  onProgress?: (copiedPages: number, totalPages: number) => void,
): Promise<boolean> {
  let answer: FromWorker;
  try {
    answer = await runWorker({ type: 'copy', source, dest, nativeBinding: binding }, onProgress);
  } catch (error) {
    if (error instanceof WorkerUnavailable) return false;
    throw error;
  }
  if (answer.type === 'copyFailed')
    throw Object.assign(new Error(answer.message), { code: answer.code });
  return true;
}

function runWorker(
  job: ToWorker,
  onProgress?: (copiedPages: number, totalPages: number) => void,
): Promise<FromWorker> {
  const worker = new Worker(bundledScript ?? new URL('./check-worker.dev.mjs', import.meta.url), {
    workerData: job,
  });
  return new Promise<FromWorker>((resolve, reject) => {
    let answered = false;
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'progress') {
        onProgress?.(message.copiedPages, message.totalPages);
        return;
      }
      answered = true;
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', (error) => reject(new WorkerUnavailable(error.message)));
    worker.once('exit', (code) => {
      if (!answered) reject(new WorkerUnavailable(`the backup worker stopped with code ${code}`));
    });
  });
}
