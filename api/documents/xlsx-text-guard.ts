/**
 * exceljs workbooks (minutes, ranking) written so that no text cell can turn into a formula
 * in Excel or WPS: a text cell starting with = + - @ (or a tab or CR) is a string cell with
 * Excel's quote prefix (what typing '=… gives), so even editing it keeps it text (OWASP
 * "CSV injection"; a unit or item name comes from what operators typed). exceljs has no
 * quotePrefix, so such cells get the Text number format ('@', built-in format 49, which
 * nothing else in these documents uses) and styles.xml is rewritten after exceljs to give
 * those cell styles quotePrefix="1".
 */
import type ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { isFormulaLike } from '../../core/exchange/export-row';

const TEXT_FORMAT = '@';
const STYLES = 'xl/styles.xml';

/** Marks formula-like text cells; true when there was one (the workbook then needs the rewrite). */
function markFormulaText(workbook: ExcelJS.Workbook): boolean {
  let marked = false;
  workbook.eachSheet((sheet) => {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (typeof cell.value === 'string' && isFormulaLike(cell.value)) {
          cell.numFmt = TEXT_FORMAT;
          marked = true;
        }
      });
    });
  });
  return marked;
}

/** styles.xml with quotePrefix="1" on every cell style in the Text format. */
function quotePrefixTextStyles(stylesXml: string): string {
  return stylesXml.replace(/<cellXfs\b[\s\S]*?<\/cellXfs>/, (cellXfs) =>
    cellXfs.replace(/<xf\b[^>]*?(\/?)>/g, (xf, selfClosing: string) =>
      /\snumFmtId="49"/.test(xf) && !/\squotePrefix=/.test(xf)
        ? `${xf.slice(0, xf.length - selfClosing.length - 1)} quotePrefix="1"${selfClosing}>`
        : xf,
    ),
  );
}

function rezip(bytes: Buffer, change: (name: string, data: Buffer) => Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('not a zip'));
      const out = new yazl.ZipFile();
      zip.on('error', reject);
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) {
          out.addEmptyDirectory(entry.fileName);
          zip.readEntry();
          return;
        }
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err ?? new Error('unreadable entry'));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => {
            out.addBuffer(change(entry.fileName, Buffer.concat(chunks)), entry.fileName);
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => {
        out.end();
        const parts: Buffer[] = [];
        out.outputStream.on('data', (chunk: Buffer) => parts.push(chunk));
        out.outputStream.on('error', reject);
        out.outputStream.on('end', () => resolve(Buffer.concat(parts)));
      });
      zip.readEntry();
    });
  });
}

/** The workbook's bytes, formula-like text cells written as quoted text. */
export async function guardedXlsxBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  const marked = markFormulaText(workbook);
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  if (!marked) return bytes;
  return rezip(bytes, (name, data) =>
    name === STYLES ? Buffer.from(quotePrefixTextStyles(data.toString('utf8')), 'utf8') : data,
  );
}
