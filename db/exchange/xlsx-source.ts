/**
 * .xlsx workbooks (docs/design/CITY-EXCHANGE.md "Text and tables"): the first sheet unless one is named,
 * streamed row by row. The zip is read with yauzl after its central directory is checked
 * (zip-guard: no encryption, no bomb, sizes enforced while inflating); the XML is read by
 * core/exchange/sheet-xml with UTF-8 decoded as a stream. Cells arrive as text, numbers
 * (dates are Excel serials, which the date rules read as Shanghai wall-clock time) or
 * booleans; formulas give their cached result.
 */
import type { Entry } from 'yauzl';
import { normalizeHeader } from '../../core/exchange/case-columns';
import { MAX_RECORD_CHARS } from '../../core/exchange/csv-tokenizer';
import {
  SharedStringsReader,
  SheetCompleteness,
  SheetRowsReader,
  SheetXmlError,
  workbookSheets,
  workbookTargets,
  usesDate1904,
} from '../../core/exchange/sheet-xml';
import { refusal, refuse, type ExchangeRefusal, type ProbedFile } from './file-probe';
import { fileSha256, type RowSource, type SourceRow } from './row-source';
import { openCheckedZip, readEntryText, zipRefusal, type CheckedZip } from './zip-guard';

async function* decodedText(
  zip: CheckedZip,
  entry: Entry,
  fileName: string,
  onBytes: (n: number) => void,
  signal?: AbortSignal,
): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  const chunks = (await zip.open(entry))[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<unknown>;
    try {
      next = await chunks.next();
    } catch (error) {
      // Damaged deflate data, a bad CRC, an entry longer than it said: the file is broken.
      throw signal?.aborted ? signal.reason : zipRefusal(fileName, error);
    }
    if (next.done) break;
    if (signal?.aborted) throw signal.reason;
    onBytes((next.value as Buffer).length);
    yield decoder.decode(next.value as Buffer, { stream: true });
  }
  yield decoder.decode();
}

/** `withChecksum: false` for a look at the first rows (preview, kind detection): no full read. */
export async function openXlsxSource(
  probed: ProbedFile,
  sheet: string | null,
  signal?: AbortSignal,
  withChecksum = true,
): Promise<RowSource> {
  const zip = await openCheckedZip(probed.path);
  try {
    const workbookXml = await readEntryText(zip, 'xl/workbook.xml');
    if (workbookXml === null) {
      refuse(
        'not_a_workbook',
        `${probed.name} 是 zip 文件，但不是 Excel 工作簿（没有 xl/workbook.xml）。`,
        `${probed.name} is a zip file but not an Excel workbook (no xl/workbook.xml).`,
        probed.name,
      );
    }
    const sheets = workbookSheets(workbookXml);
    const date1904 = usesDate1904(workbookXml);
    const targets = workbookTargets((await readEntryText(zip, 'xl/_rels/workbook.xml.rels')) ?? '');
    const sheetNames = sheets.map((s) => s.name);
    const chosen = sheet
      ? sheets.find((s) => normalizeHeader(s.name) === normalizeHeader(sheet))
      : sheets[0];
    if (!chosen && sheet) {
      refuse(
        'no_such_sheet',
        `${probed.name} 中没有名为“${sheet}”的工作表；有：${sheetNames.join('、')}。`,
        `${probed.name} has no sheet named "${sheet}"; it has: ${sheetNames.join(', ')}.`,
        probed.name,
      );
    }
    const sheetPath = (chosen && targets.get(chosen.relId)) ?? 'xl/worksheets/sheet1.xml';
    const sheetLabel = chosen?.name ?? sheetPath;
    const sheetEntry = zip.entries.get(sheetPath);
    if (!sheetEntry) {
      refuse(
        'no_sheet_data',
        `${probed.name} 的工作表数据（${sheetPath}）缺失：文件可能已损坏。`,
        `The sheet data of ${probed.name} (${sheetPath}) is missing: the file may be damaged.`,
        probed.name,
      );
    }
    const tooLong = () =>
      refusal(
        'row_too_long',
        `${probed.name} 中有一项内容超过 ${MAX_RECORD_CHARS.toLocaleString()} 个字符：这不是案卷表格，或文件已损坏。`,
        `An entry of ${probed.name} is over ${MAX_RECORD_CHARS.toLocaleString()} characters: not a case table, or a damaged file.`,
        probed.name,
      );
    const shared = new SharedStringsReader(tooLong);
    const sharedPath =
      [...targets.values()].find((t) => /sharedStrings\d*\.xml$/i.test(t)) ??
      'xl/sharedStrings.xml';
    const sharedEntry = zip.entries.get(sharedPath);
    if (sharedEntry)
      for await (const text of decodedText(zip, sharedEntry, probed.name, () => {}, signal))
        shared.push(text);
    const sha256 = withChecksum ? await fileSha256(probed.path, signal) : null;
    zip.close();

    let bytesRead = 0;
    let reading: CheckedZip | null = null;
    async function* batches(): AsyncGenerator<SourceRow[]> {
      bytesRead = 0;
      reading = await openCheckedZip(probed.path);
      const entry = reading.entries.get(sheetPath)!;
      // Progress in the file's bytes: the share of the sheet's XML read so far.
      const scale = probed.size / Math.max(1, entry.uncompressedSize);
      let inflated = 0;
      const rows = new SheetRowsReader(shared.strings, MAX_RECORD_CHARS, (row) =>
        refusal(
          'row_too_long',
          `${probed.name} 第 ${row.toLocaleString()} 行超过 ${MAX_RECORD_CHARS.toLocaleString()} 个字符：这不是案卷表格，或文件已损坏。`,
          `Row ${row.toLocaleString()} of ${probed.name} is over ${MAX_RECORD_CHARS.toLocaleString()} characters: not a case table, or a damaged file.`,
          probed.name,
        ),
      );
      try {
        for await (const text of decodedText(
          reading,
          entry,
          probed.name,
          (n) => (bytesRead = Math.round((inflated += n) * scale)),
          signal,
        )) {
          const batch = rows.push(text);
          for (const row of batch) {
            let chars = 0;
            for (const cell of row.cells) chars += typeof cell === 'string' ? cell.length : 8;
            if (chars > MAX_RECORD_CHARS) {
              throw refusal(
                'row_too_long',
                `${probed.name} 第 ${row.row.toLocaleString()} 行超过 ${MAX_RECORD_CHARS.toLocaleString()} 个字符：这不是案卷表格，或文件已损坏。`,
                `Row ${row.row.toLocaleString()} of ${probed.name} is over ${MAX_RECORD_CHARS.toLocaleString()} characters: not a case table, or a damaged file.`,
                probed.name,
              );
            }
          }
          if (batch.length > 0) yield batch;
        }
        // Inside the import's one transaction: a refusal here rolls back every row yielded.
        try {
          rows.end();
        } catch (error) {
          if (error instanceof SheetXmlError) throw sheetRefusal(probed.name, sheetLabel, error);
          throw error;
        }
      } finally {
        reading.close();
      }
    }

    /** The sheet's XML inflated and scanned to its end, no cell parsed (for the preview). */
    async function verify(): Promise<void> {
      const checking = await openCheckedZip(probed.path);
      try {
        const completeness = new SheetCompleteness();
        const entry = checking.entries.get(sheetPath)!;
        for await (const text of decodedText(checking, entry, probed.name, () => {}, signal))
          completeness.push(text);
        completeness.finish();
      } catch (error) {
        if (error instanceof SheetXmlError) throw sheetRefusal(probed.name, sheetLabel, error);
        throw error;
      } finally {
        checking.close();
      }
    }

    return {
      format: 'xlsx',
      encoding: null,
      sheet: chosen?.name ?? null,
      sheetNames,
      date1904,
      bytesTotal: probed.size,
      bytesRead: () => bytesRead,
      batches,
      sha256: () => sha256,
      verify,
      close: () => reading?.close(),
    };
  } catch (error) {
    zip.close();
    throw error;
  }
}

/** One sentence for a sheet that is not whole: which file, which sheet, how far it got. */
function sheetRefusal(fileName: string, sheet: string, error: SheetXmlError): ExchangeRefusal {
  const last = error.lastRow.toLocaleString();
  if (error.problem === 'truncated') {
    return refusal(
      'sheet_truncated',
      `${fileName} 的工作表“${sheet}”的数据在第 ${last} 行之后中断（表格内容不完整，文件已损坏或被截断），整个文件未导入：请向发送方重新索取该文件。`,
      `The sheet "${sheet}" of ${fileName} breaks off after row ${last} (its data is incomplete: the file is damaged or truncated), so nothing was imported: ask the sender for the file again.`,
      fileName,
    );
  }
  const claimed = (error.dimensionLastRow ?? 0).toLocaleString();
  return refusal(
    'sheet_rows_missing',
    `${fileName} 的工作表“${sheet}”自称有 ${claimed} 行（范围 ${error.dimensionRef}），但数据只到第 ${last} 行：文件不完整，整个文件未导入。请向发送方重新索取该文件。`,
    `The sheet "${sheet}" of ${fileName} says it has ${claimed} rows (range ${error.dimensionRef}) but its data ends at row ${last}: the file is incomplete, so nothing was imported. Ask the sender for the file again.`,
    fileName,
  );
}
