/**
 * What the import's thread and its reading worker say to each other (case-reading.ts and
 * case-reading-worker.ts). The worker reads and checks the file; the import's thread, which
 * holds the one transaction, writes what the worker sends. At most READ_AHEAD_CHUNKS chunks
 * are unacknowledged at once, so a fast reader never piles up a big file in memory.
 */
import type { CellValue } from '../../core/exchange/cell-value';
import type { Sentence } from '../../core/exchange/issues';
import type { ColumnMapping } from '../../core/exchange/header-map';
import type { CaseKey } from '../../core/exchange/case-columns';
import type { FileFormat } from './file-probe';
import type { CaseImportOutcome } from './case-import';
import type { PackedRow } from './case-stage';
import type { ImportProgress } from './import-report';

export const READ_AHEAD_CHUNKS = 2;

export interface ReadingJob {
  dbFile: string;
  nativeBinding: string | null;
  probed: { path: string; name: string; size: number; format: FileFormat; head: Uint8Array };
  sheet: string | null;
  mapping: ColumnMapping<CaseKey> | null;
  skipInvalid: boolean;
  now: number;
  actor: { userId: number | null; name: string };
  batchId: number;
  excluded: string[];
  withErrorFile: boolean;
}

export interface SourceFacts {
  format: 'csv' | 'tsv' | 'xlsx' | 'json';
  encoding: string | null;
  sheet: string | null;
  sheetNames: string[];
}

export type FromWorker =
  | { type: 'source'; facts: SourceFacts }
  /** Packed (case-stage.ts packRow): an array per row clones far faster than a 60-key object. */
  | { type: 'rows'; rows: PackedRow[] }
  | { type: 'invalidHeader'; cells: CellValue[] }
  | { type: 'invalidRow'; cells: CellValue[]; problems: string }
  | { type: 'progress'; progress: ImportProgress }
  | {
      type: 'done';
      outcome: Omit<CaseImportOutcome, 'repeated'> & { repeated: string[] };
      sha256: string | null;
    }
  | {
      type: 'failed';
      refusal: { code: string; sentence: Sentence; where?: string } | null;
      message: string;
      stack: string | null;
    };

export type ToWorker = { type: 'ack' };
