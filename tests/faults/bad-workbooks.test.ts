/**
 * Workbooks that are valid zips but whose sheet is not whole (issue 10, "Nothing lost,
 * ever"): a sheet XML cut off mid-row inside an intact zip entry, and a <dimension ref> that
 * claims more rows than the sheet holds. Each is refused in one sentence naming the file and
 * the sheet, nothing is written, and the preview refuses it too. Workbooks whose dimension is
 * a placeholder, absent or smaller than the rows are read as before.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import yazl from 'yazl';
import { afterAll, describe, expect, it } from 'vitest';
import { previewFile } from '../../db/exchange/preview';
import { ExchangeRefusal } from '../../db/exchange/file-probe';
import { count, importInto, openWorkspace, sampleRows } from '../integration/exchange-fixture';
import { zipEntries } from '../fixtures/zip-entries';

const ws = openWorkspace('griddesk-bad-workbooks-');
afterAll(() => ws.close());

const SHEET = 'xl/worksheets/sheet1.xml';

/** The 60 sample cases as a real workbook written by exceljs (sheet 案卷). */
async function sampleWorkbook(name: string): Promise<string> {
  const { header, rows } = sampleRows();
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('案卷');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(header.map((h) => row[h] ?? null));
  const file = ws.path(name);
  await workbook.xlsx.writeFile(file);
  return file;
}

/** The same workbook re-zipped (a valid zip, every entry complete) with its sheet XML changed. */
async function rewriteSheet(
  from: string,
  name: string,
  change: (xml: Buffer) => Buffer,
): Promise<string> {
  const entries = await zipEntries(from);
  const zip = new yazl.ZipFile();
  for (const [entryName, bytes] of entries) {
    if (entryName.endsWith('/')) zip.addEmptyDirectory(entryName);
    else zip.addBuffer(entryName === SHEET ? change(bytes) : bytes, entryName);
  }
  zip.end();
  const file = ws.path(name);
  await new Promise<void>((resolve) =>
    zip.outputStream.pipe(fs.createWriteStream(file)).on('close', () => resolve()),
  );
  return file;
}

async function expectRefused(file: string, pattern: RegExp) {
  const { db } = await ws.empty();
  const report = await importInto(db, file);
  expect(report.status).toBe('refused');
  expect(report.written).toBe(false);
  expect(report.refusal?.en).toMatch(pattern);
  expect(report.refusal?.en).toContain('"案卷"');
  expect(report.refusal?.zh).toContain('“案卷”');
  expect(report.refusal?.zh).not.toMatch(/\n|at .*\(.*:\d+:\d+\)/);
  expect(count(db, 'SELECT count(*) FROM cases')).toBe(0);
  expect(count(db, 'SELECT count(*) FROM case_events')).toBe(0);
  // The preview reads only the first rows, but refuses the same file with the same sentence.
  const preview = previewFile(file, {});
  await expect(preview).rejects.toBeInstanceOf(ExchangeRefusal);
  await expect(preview).rejects.toMatchObject({ sentence: { en: report.refusal?.en } });
  return report;
}

describe('a workbook whose sheet is not whole', () => {
  it('the untouched exceljs workbook imports all 60 rows (the control)', async () => {
    const file = await sampleWorkbook('whole.xlsx');
    const xml = (await zipEntries(file)).get(SHEET)!.toString('utf8');
    expect(xml).toMatch(/<dimension ref="A1:[A-Z]+61"\/>/);
    const { db } = await ws.empty();
    const report = await importInto(db, file);
    expect(report.refusal).toBeNull();
    expect(report.status).toBe('done');
    expect(report.counts.new).toBe(60);
    expect((await previewFile(file, {})).rows.length).toBeGreaterThan(0);
  });

  it('a sheet XML cut off mid-row inside a complete zip entry is refused, naming file, sheet and the last row read', async () => {
    const file = await sampleWorkbook('to-cut.xlsx');
    const cut = await rewriteSheet(file, 'cut.xlsx', (xml) => {
      const text = xml.toString('utf8');
      // Mid-row 31: past its opening tag and into its cells, so rows 1–30 are whole.
      const at = text.indexOf('<row r="31"') + 60;
      expect(at).toBeGreaterThan(60);
      return xml.subarray(0, Buffer.byteLength(text.slice(0, at)));
    });
    const report = await expectRefused(cut, /breaks off after row 30/);
    expect(report.refusal?.en).toContain('cut.xlsx');
  });

  it('read in the import’s worker thread (as files of 8 MB and over are): the same refusal', async () => {
    const file = await sampleWorkbook('to-cut-worker.xlsx');
    const cut = await rewriteSheet(file, 'cut-worker.xlsx', (xml) => {
      const text = xml.toString('utf8');
      return Buffer.from(text.slice(0, text.indexOf('<row r="31"') + 60));
    });
    process.env.GRIDDESK_IMPORT_WORKER = '1';
    try {
      await expectRefused(cut, /breaks off after row 30/);
    } finally {
      delete process.env.GRIDDESK_IMPORT_WORKER;
    }
  });

  it('a sheet cut off right after a whole row (before </sheetData>) is refused too', async () => {
    const file = await sampleWorkbook('to-cut2.xlsx');
    const cut = await rewriteSheet(file, 'cut-at-row.xlsx', (xml) => {
      const text = xml.toString('utf8');
      return Buffer.from(text.slice(0, text.indexOf('<row r="45"')));
    });
    await expectRefused(cut, /breaks off after row 44/);
  });

  it('a dimension that claims 80 rows where the sheet holds 61 is refused', async () => {
    const file = await sampleWorkbook('to-stretch.xlsx');
    const stretched = await rewriteSheet(file, 'claims-80.xlsx', (xml) =>
      Buffer.from(
        xml.toString('utf8').replace(/(<dimension ref="A1:[A-Z]+)61"/, (_, head) => `${head}80"`),
      ),
    );
    expect((await zipEntries(stretched)).get(SHEET)!.toString()).toMatch(/ref="A1:[A-Z]+80"/);
    await expectRefused(stretched, /says it has 80 rows .* its data ends at row 61/);
  });

  it('a placeholder dimension (A1), none at all, or one smaller than the rows: read as before', async () => {
    const file = await sampleWorkbook('dims.xlsx');
    const variants = {
      'dim-a1.xlsx': (t: string) => t.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1"/>'),
      'dim-none.xlsx': (t: string) => t.replace(/<dimension ref="[^"]*"\/>/, ''),
      'dim-small.xlsx': (t: string) =>
        t.replace(/(<dimension ref="A1:[A-Z]+)61"/, (_, head) => `${head}10"`),
    };
    for (const [name, change] of Object.entries(variants)) {
      const variant = await rewriteSheet(file, name, (xml) =>
        Buffer.from(change(xml.toString('utf8'))),
      );
      const { db } = await ws.empty();
      const report = await importInto(db, variant);
      expect(report.refusal, name).toBeNull();
      expect(report.counts.new, name).toBe(60);
    }
  });
});
