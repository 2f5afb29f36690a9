/** The messages between check-runner.ts and its worker thread. */
import type { CheckKind, FileCheck } from './check-file';

export type ToWorker =
  | { type: 'check'; file: string; kind: CheckKind; nativeBinding: string | null }
  | { type: 'copy'; source: string; dest: string; nativeBinding: string | null };

export type FromWorker =
  | { type: 'check'; check: FileCheck }
  | { type: 'progress'; copiedPages: number; totalPages: number }
  | { type: 'copied' }
  | { type: 'copyFailed'; message: string; code: string };
