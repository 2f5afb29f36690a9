/**
 * What every exchange reader offers the import: rows in file order, in batches (one batch
 * per chunk read, so the import can yield to the event loop between them), the bytes read so
 * far for a progress bar, and the file's SHA-256 once it has been read through.
 */
import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import type { CellValue } from '../../core/exchange/cell-value';

export interface SourceRow {
  /** The row as Excel shows it (1-based, header counted); for JSON, the object's position. */
  row: number;
  /** Positional cells (CSV, xlsx). */
  cells?: CellValue[];
  /** A JSON object's members. */
  object?: Record<string, unknown>;
}

export interface RowSource {
  format: 'csv' | 'tsv' | 'xlsx' | 'json';
  /** CSV: 'UTF-8', 'UTF-8 (BOM)', 'GB18030', 'UTF-16'. */
  encoding: string | null;
  sheet: string | null;
  sheetNames: string[];
  bytesTotal: number;
  bytesRead(): number;
  batches(): AsyncGenerator<SourceRow[]>;
  /** xlsx: the workbook's date cells are serials in Excel's 1904 date system. */
  date1904?: boolean;
  /** Known once batches() has run to the end. */
  sha256(): string | null;
  /**
   * Checks the file is whole without handing out its rows (the preview reads only the first
   * rows, and must refuse what the import would): xlsx, the sheet's XML closes and reaches
   * its stated dimension. Throws the reader's refusal.
   */
  verify?(): Promise<void>;
  close(): void;
}

/** A million rows is about a minute; five million is the format's stated limit. */
export const MAX_DATA_ROWS = 5_000_000;

/** SHA-256 of a whole file, streamed (for xlsx, whose reader does not show us every byte). */
export async function fileSha256(file: string, signal?: AbortSignal): Promise<string> {
  const hash: Hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    if (signal?.aborted) throw signal.reason;
    hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}
