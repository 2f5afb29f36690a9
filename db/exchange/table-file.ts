/**
 * A register's rows written as .xlsx or .csv (issue 14): written beside the file's name and
 * renamed into place when whole, so a full disk or a pulled USB stick leaves no half file
 * under the real name; an existing file is never replaced. A folder gets the file named for
 * its register and day (报到单位名单-20261203.xlsx).
 */
import fs from 'node:fs';
import path from 'node:path';
import { csvField, type ExportCell } from '../../core/exchange/export-row';
import { refuse } from './file-probe';
import { XlsxRowWriter } from './xlsx-writer';

export interface WrittenTable {
  file: string;
  rows: number;
}

export async function writeTableFile(
  out: string,
  table: {
    fileName: string;
    sheet: string;
    format: 'csv' | 'xlsx';
    headers: readonly string[];
    /** Read only once the file may be written: an open statement must not outlive a refusal. */
    rows: () => Iterable<ExportCell[]>;
  },
): Promise<WrittenTable> {
  const file =
    fs.existsSync(out) && fs.statSync(out).isDirectory() ? path.join(out, table.fileName) : out;
  if (fs.existsSync(file))
    refuse(
      'export_exists',
      `${file} 已存在：导出从不覆盖文件，请换一个文件名或文件夹。`,
      `${file} exists already: an export never replaces a file; choose another name or folder.`,
      file,
    );
  const part = `${file}.part`;
  let count = 0;
  try {
    if (table.format === 'xlsx') {
      const writer = new XlsxRowWriter(part, table.sheet, [...table.headers]);
      for (const cells of table.rows()) {
        await writer.row(cells);
        count += 1;
      }
      await writer.close();
    } else {
      const fd = fs.openSync(part, 'wx');
      try {
        // A BOM, so Excel and WPS open the UTF-8 text as UTF-8.
        let chunk = `\uFEFF${table.headers.map((h) => csvField(h)).join(',')}\r\n`;
        for (const cells of table.rows()) {
          chunk += `${cells.map(csvField).join(',')}\r\n`;
          count += 1;
          if (chunk.length > 256 * 1024) {
            fs.writeSync(fd, chunk);
            chunk = '';
          }
        }
        fs.writeSync(fd, chunk);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    }
    fs.renameSync(part, file);
  } catch (error) {
    fs.rmSync(part, { force: true });
    throw error;
  }
  return { file, rows: count };
}
