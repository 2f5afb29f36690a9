/**
 * A file check off the caller's thread: integrity_check of a 1 GB store takes tens of
 * seconds, and the app and the host must keep answering meanwhile.
 */
import { Worker } from 'node:worker_threads';
import { checkDatabaseFile, type CheckKind, type FileCheck } from './check-file';

let bundledScript: string | null = null;
let binding: string | null = null;

/** The Electron build bundles the worker (scripts/build-electron.mjs) and says where it is. */
export function useBundledCheckWorker(file: string | null, nativeBinding: string | null): void {
  bundledScript = file;
  binding = nativeBinding;
}

/**
 * The check in a worker thread; if the worker itself cannot run (a packaging fault, not a
 * verdict on the file), the same check runs here, blocking, rather than not at all.
 */
export async function checkInWorker(file: string, kind: CheckKind): Promise<FileCheck> {
  try {
    return await runWorker(file, kind);
  } catch {
    return checkDatabaseFile(file, kind, binding);
  }
}

function runWorker(file: string, kind: CheckKind): Promise<FileCheck> {
  const worker = new Worker(bundledScript ?? new URL('./check-worker.dev.mjs', import.meta.url), {
    workerData: { file, kind, nativeBinding: binding },
  });
  return new Promise<FileCheck>((resolve, reject) => {
    worker.once('message', (check: FileCheck) => {
      resolve(check);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the check worker stopped with code ${code}`)));
  });
}
