/** The thread that runs one check-file.ts check and posts its verdict back. */
import { parentPort, workerData } from 'node:worker_threads';
import { checkDatabaseFile, type CheckKind } from './check-file';

const job = workerData as { file: string; kind: CheckKind; nativeBinding: string | null };
parentPort?.postMessage(checkDatabaseFile(job.file, job.kind, job.nativeBinding));
