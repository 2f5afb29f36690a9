/**
 * The error file of an "import valid rows" run (CITY-EXCHANGE.md): the invalid rows as an
 * .xlsx, under the file's own header plus a 错误说明 column, so the user can fix them and
 * import the file again (the import skips 错误说明). Written as rows are found, streamed, so
 * a file with a million bad rows costs no memory; created only when there is a bad row.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { CellValue } from '../../core/exchange/cell-value';
import { ERROR_NOTE_HEADER } from '../../core/exchange/case-columns';
import { compactStamp } from './export-names';
import type { InvalidRowSink } from './case-import';

export class ErrorFileWriter implements InvalidRowSink {
  private workbook: ExcelJS.stream.xlsx.WorkbookWriter | null = null;
  private sheet: ExcelJS.Worksheet | null = null;
  private headerCells: CellValue[] = [];
  private rows = 0;

  constructor(readonly path: string) {}

  header(cells: CellValue[]): void {
    this.headerCells = cells;
  }

  row(cells: CellValue[], problems: string): void {
    if (!this.sheet) this.open();
    const width = Math.max(this.headerCells.length, cells.length);
    const values = Array.from({ length: width }, (_, i) => cells[i] ?? null);
    this.sheet!.addRow([...values, problems]).commit();
    this.rows += 1;
  }

  get count(): number {
    return this.rows;
  }

  private open(): void {
    fs.mkdirSync(path.dirname(this.path), { recursive: true });
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: this.path,
      useStyles: false,
      useSharedStrings: false,
    });
    this.sheet = this.workbook.addWorksheet('错误行');
    this.sheet.addRow([...this.headerCells, ERROR_NOTE_HEADER]).commit();
  }

  /** Finishes the file; returns its path, or null when no row was bad (no file made). */
  async close(): Promise<string | null> {
    if (!this.workbook) return null;
    this.sheet!.commit();
    await this.workbook.commit();
    return this.path;
  }

  /** Drops a half-written file (a run that is started over). */
  async discard(): Promise<void> {
    if (this.workbook) {
      this.sheet!.commit();
      await this.workbook.commit().catch(() => undefined);
      fs.rmSync(this.path, { force: true });
    }
    this.workbook = null;
    this.sheet = null;
    this.rows = 0;
  }
}

/** Beside the imported file when that folder is writable, else in the system's temp folder. */
export function errorFilePathFor(input: string, now: number): string {
  const stem = path.basename(input).replace(/\.[^.]+$/, '');
  const name = `${stem}-错误行-${compactStamp(now)}.xlsx`;
  const dir = path.dirname(path.resolve(input));
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return path.join(dir, name);
  } catch {
    return path.join(os.tmpdir(), 'griddesk-exchange', name);
  }
}
