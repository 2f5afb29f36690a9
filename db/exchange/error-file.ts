/**
 * The error file of an "import valid rows" run (docs/design/CITY-EXCHANGE.md): the invalid rows as an
 * .xlsx, under the file's own header plus a 错误说明 column, so the user can fix them and
 * import the file again (the import skips 错误说明). Written as rows are found, streamed, so
 * a file with a million bad rows costs no memory; created only when there is a bad row.
 */
import fs from 'node:fs';
import path from 'node:path';
import { cellText, type CellValue } from '../../core/exchange/cell-value';
import { ERROR_NOTE_HEADER } from '../../core/exchange/case-columns';
import { errorsFolder } from '../temp-folders';
import { compactStamp } from './export-names';
import type { InvalidRowSink } from './case-import';
import { XlsxRowWriter } from './xlsx-writer';

export class ErrorFileWriter implements InvalidRowSink {
  private writer: XlsxRowWriter | null = null;
  private headerCells: string[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(readonly path: string) {}

  header(cells: CellValue[]): void {
    this.headerCells = cells.map((c) => cellText(c));
  }

  row(cells: CellValue[], problems: string): void {
    if (!this.writer) {
      fs.mkdirSync(path.dirname(this.path), { recursive: true });
      this.writer = new XlsxRowWriter(this.path, '错误行', [
        ...this.headerCells,
        ERROR_NOTE_HEADER,
      ]);
    }
    const width = Math.max(this.headerCells.length, cells.length);
    const values = Array.from({ length: width }, (_, i) => exportable(cells[i] ?? null));
    const writer = this.writer;
    // Rows are queued in order; the import does not wait for each one.
    this.queue = this.queue.then(() => writer.row([...values, problems]));
  }

  get count(): number {
    return this.writer?.rows ?? 0;
  }

  /** Finishes the file; returns its path, or null when no row was bad (no file made). */
  async close(): Promise<string | null> {
    if (!this.writer) return null;
    await this.queue;
    await this.writer.close();
    return this.path;
  }

  /** Drops a half-written file (a run that is started over). */
  async discard(): Promise<void> {
    if (this.writer) {
      await this.queue.catch(() => undefined);
      await this.writer.close().catch(() => undefined);
      fs.rmSync(this.path, { force: true });
    }
    this.writer = null;
    this.queue = Promise.resolve();
  }
}

/** Cells go back as they came: text as text, numbers (Excel dates too) as numbers. */
function exportable(cell: CellValue): string | number | null {
  if (cell === null) return null;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return cell;
}

/**
 * Beside the imported file when that folder is writable, else in the app's own temp folder
 * (`griddesk-temp/errors` beside the database `dbFile`, 0700, kept a week; never the shared
 * system temp folder: error files hold personal details).
 */
export function errorFilePathFor(input: string, now: number, dbFile?: string): string {
  const stem = path.basename(input).replace(/\.[^.]+$/, '');
  const name = `${stem}-错误行-${compactStamp(now)}.xlsx`;
  const dir = path.dirname(path.resolve(input));
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return path.join(dir, name);
  } catch {
    return path.join(errorsFolder(dbFile), name);
  }
}
