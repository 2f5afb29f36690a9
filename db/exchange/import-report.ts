/**
 * What an import reports back, to the CLI's --json, the API's job status and the history:
 * counts, every problem by row and column (kept up to a cap in memory; the error file holds
 * all), remarks that did not stop a row, and why nothing was written when it was refused.
 */
import type { ImportNote, RowIssue, Sentence } from '../../core/exchange/issues';
import type { PackageRegisterKind } from '../../core/exchange/manifest';

export type ImportKind = 'cases' | 'grids' | 'staff' | 'package';
export type ImportStatus = 'done' | 'refused' | 'cancelled' | 'failed';

export interface ImportCounts {
  /** Data rows read (blank rows and banner rows above the header not counted). */
  rows: number;
  new: number;
  updated: number;
  unchanged: number;
  invalid: number;
}

export interface ImportReport {
  batchId: number | null;
  /** The path given. */
  file: string;
  fileName: string;
  /** A package's part may be a party-building register's file (issue 14). */
  kind: ImportKind | PackageRegisterKind;
  format: string;
  encoding: string | null;
  sheet: string | null;
  sheetNames: string[];
  /** The header row as Excel numbers it (null for JSON). */
  headerRow: number | null;
  sha256: string | null;
  status: ImportStatus;
  /** True when the rows went into the database (all of them, or the valid ones). */
  written: boolean;
  counts: ImportCounts;
  /** Cases both sides changed since the last exchange: which side's newer version won. */
  conflicts: { fileWon: number; deskWon: number };
  /** The problems, in file order, up to MAX_KEPT_ISSUES. */
  errors: RowIssue[];
  /** How many problems there were in all. */
  errorCount: number;
  notes: ImportNote[];
  /** Why the file was refused as a whole (nothing written), when it was. */
  refusal: Sentence | null;
  /** The invalid rows as an .xlsx to fix and import again ("import valid rows" only). */
  errorFile: string | null;
  /** The same file (by SHA-256) imported before: when. */
  alreadyImported: { batchId: number; at: number } | null;
  startedAt: number;
  finishedAt: number;
  /** The files of an exchange package, each with its own report. */
  parts: ImportReport[];
}

/** What a register's file in a package adds to the package's report. */
export interface PackagePart {
  kind: PackageRegisterKind;
  fileName: string;
  counts: ImportCounts;
  issues: RowIssue[];
  issueCount: number;
  notes: ImportNote[];
}

export interface ImportProgress {
  phase: 'checking' | 'reading' | 'writing' | 'committing' | 'done';
  rows: number;
  bytesRead: number;
  bytesTotal: number;
  rowsPerSecond: number;
  fileName: string;
}

export const MAX_KEPT_ISSUES = 10_000;
/** What the history keeps of a report (the batch row's JSON). */
export const MAX_STORED_ISSUES = 1_000;

export function emptyCounts(): ImportCounts {
  return { rows: 0, new: 0, updated: 0, unchanged: 0, invalid: 0 };
}
