/**
 * A one-sheet .xlsx written as rows come (core/exchange/sheet-xml-writer builds the XML):
 * the sheet streams through yazl's deflate into the file, so a 100,000-row export or a
 * million-row error file takes no more memory than a chunk.
 */
import fs from 'node:fs';
import { PassThrough } from 'node:stream';
import yazl from 'yazl';
import type { ExportCell } from '../../core/exchange/export-row';
import {
  columnLetters,
  rowXml,
  workbookParts,
  worksheetStart,
  WORKSHEET_END,
} from '../../core/exchange/sheet-xml-writer';

export class XlsxRowWriter {
  private readonly zip = new yazl.ZipFile();
  private readonly sheet = new PassThrough();
  private readonly done: Promise<void>;
  private readonly letters: string[] = [];
  private pending = '';
  private rowNumber = 0;

  constructor(
    file: string,
    sheetName: string,
    header: readonly string[],
    columnWidths?: readonly number[],
  ) {
    for (const [name, xml] of workbookParts(sheetName))
      this.zip.addBuffer(Buffer.from(xml, 'utf8'), name);
    this.zip.addReadStream(this.sheet, 'xl/worksheets/sheet1.xml');
    this.zip.end();
    const out = fs.createWriteStream(file);
    this.done = new Promise((resolve, reject) => {
      out.once('close', () => resolve());
      out.once('error', reject);
      this.zip.outputStream.once('error', reject);
    });
    // A failed write (ENOSPC) must not leave a row waiting for a drain that never comes.
    this.done.catch(() => undefined);
    this.zip.outputStream.pipe(out);
    for (let i = 0; i < Math.max(header.length, 64); i++) this.letters.push(columnLetters(i));
    this.pending = worksheetStart(
      columnWidths ?? header.map((h) => Math.min(40, Math.max(10, h.length * 2 + 4))),
    );
    this.pending += rowXml(++this.rowNumber, header, this.letters, 1);
  }

  /** Adds a row; resolves at once, or when the zip has caught up (backpressure). */
  async row(cells: readonly ExportCell[]): Promise<void> {
    this.pending += rowXml(++this.rowNumber, cells, this.letters);
    if (this.pending.length > 256 * 1024) await this.flush();
  }

  get rows(): number {
    return this.rowNumber - 1;
  }

  private async flush(): Promise<void> {
    const chunk = this.pending;
    this.pending = '';
    if (!this.sheet.write(chunk, 'utf8'))
      await Promise.race([
        new Promise<void>((resolve) => this.sheet.once('drain', () => resolve())),
        this.done,
      ]);
  }

  async close(): Promise<void> {
    await this.flush();
    this.sheet.end(WORKSHEET_END, 'utf8');
    await this.done;
  }
}
