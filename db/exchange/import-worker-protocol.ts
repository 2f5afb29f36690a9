/**
 * What the app's thread and an import's worker thread say to each other (import-in-worker.ts
 * and import-worker.ts). The whole import (reading, checking, writing, the one transaction)
 * runs in the worker on its own connection; the app's thread only starts it, hears its
 * progress and its report, and may cancel it.
 */
import type { Sentence } from '../../core/exchange/issues';
import type { ImportKind, ImportProgress, ImportReport } from './import-report';

export interface ImportWorkerJob {
  dbFile: string;
  appVersion: string;
  nativeBinding: string | null;
  /** The bundled reading worker (Electron), for the import's own reading thread. */
  readingWorkerScript: string | null;
  path: string;
  kind: ImportKind | null;
  skipInvalid: boolean;
  sheet: string | null;
  mapping: Record<string, string> | null;
  now: number;
  actor: { userId: number | null; name: string };
  /** Whether the app asked to hear of an import of more than LARGE_IMPORT_ROWS before its commit. */
  askBeforeLargeImport: boolean;
}

export type FromImportWorker =
  | { type: 'progress'; progress: ImportProgress }
  /** The import is about to commit more than LARGE_IMPORT_ROWS rows: waits for 'proceed'. */
  | { type: 'beforeLargeImport'; rows: number }
  | { type: 'done'; report: ImportReport }
  | { type: 'failed'; message: string; stack: string | null };

export type ToImportWorker =
  | { type: 'cancel' }
  | { type: 'proceed' }
  /** The app's step before a large import failed: the import is refused with this sentence. */
  | { type: 'stop'; sentence: Sentence };
