/**
 * Real-world files (docs/design/CITY-EXCHANGE.md "Text and tables"): banner rows above the header,
 * Excel date cells (Shanghai wall-clock time), codes Excel stored as numbers, every header
 * alias, full-width headers and digits, UTF-8 with and without BOM, TSV, CRLF and quoted
 * line breaks, a second sheet by name, unknown columns kept as extra data, a column mapping.
 */
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { CASE_COLUMNS } from '../../core/exchange/case-columns';
import { epochToExcelSerial } from '../../core/exchange/date-time';
import { fromWallClock } from '../../core/time';
import type { Db } from '../../db/open';
import { count, importInto, openWorkspace, writeCsv } from './exchange-fixture';

const ws = openWorkspace();
afterAll(() => ws.close());

/** One closed case, by key (values as a city would write them). */
const CASE: Record<string, string | number> = {
  case_no: 'E05052026110300001',
  source: '网格员上报',
  kind: '事件',
  major_code: '05',
  minor_code: '05',
  description: '龙泉社区第1网格机动车乱停放',
  address: '龙泉路1号',
  lng: 118.152,
  lat: 39.657,
  crs: 'CGCS2000',
  grid_code: '990101001001001',
  urgency: '一般',
  status: '已结案',
  reported_at: '2026-11-03 14:05:00',
  registered_at: '2026-11-03 14:06:00',
  dispatched_at: '2026-11-03 14:10:00',
  due_at: '',
  deadline_hours: 24,
  department: '城管执法中队',
  handled_at: '2026-11-03 16:00:00',
  closed_at: '2026-11-03 16:30:00',
  reporter: '王强',
  phone: '13800001111',
  satisfaction: '满意',
  rework_count: 0,
  extension_count: 0,
  updated_at: '2026-11-03 16:30:00',
};

function importedRow(db: Db) {
  return db
    .prepare<[], Record<string, unknown>>(
      "SELECT * FROM cases WHERE case_no = 'E05052026110300001'",
    )
    .get();
}

describe('header aliases and folding', () => {
  const aliasCount = Math.max(...CASE_COLUMNS.map((c) => c.aliases.length));
  it.each(Array.from({ length: aliasCount + 2 }, (_, i) => i))(
    'alias set %i reads the same case',
    async (set) => {
      const { db } = await ws.empty();
      const columns = CASE_COLUMNS.filter((c) => c.key in CASE);
      // Set 0: the Chinese headers; then each alias in turn (a column without one keeps its name); last: English keys.
      const header = columns.map((c) =>
        set === 0 ? c.zh : set > aliasCount ? c.key : (c.aliases[set - 1] ?? c.zh),
      );
      const file = writeCsv(ws.path(`aliases-${set}.csv`), [
        header,
        columns.map((c) => CASE[c.key]!),
      ]);
      const report = await importInto(db, file);
      expect(report.errors).toEqual([]);
      expect(report.notes).toEqual([]);
      expect(report.counts.new).toBe(1);
      expect(importedRow(db)).toMatchObject({
        source: 'grid_patrol',
        category_code: 'E0505',
        state: 'closed',
        reported_at: fromWallClock(2026, 11, 3, 14, 5),
        city_deadline_hours: 24,
        phone: '13800001111',
      });
    },
  );

  it('folds full-width characters and spaces in headers and codes', async () => {
    const { db } = await ws.empty();
    const header = CASE_COLUMNS.filter((c) => c.key in CASE).map(
      (c) => ` ${c.zh.replace('(', '（').replace(')', '）')} `,
    );
    const values = CASE_COLUMNS.filter((c) => c.key in CASE).map((c) => CASE[c.key]!);
    values[header.findIndex((h) => h.includes('大类代码'))] = '０５';
    values[header.findIndex((h) => h.includes('单元网格编码'))] = '９９０１０１００１００１００１';
    const report = await importInto(db, writeCsv(ws.path('fullwidth.csv'), [header, values]));
    expect(report.errors).toEqual([]);
    expect(importedRow(db)).toMatchObject({
      category_code: 'E0505',
      grid_code: '990101001001001',
      city_deadline_hours: 24,
    });
  });
});

describe('spreadsheets as cities write them', () => {
  it('skips banner rows, reads Excel date cells as Shanghai time and pads codes stored as numbers', async () => {
    const { db } = await ws.empty();
    const file = ws.path('banner.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('说明').addRow(['本工作簿第二张表为案卷']);
    const sheet = workbook.addWorksheet('案卷');
    sheet.addRow(['示范街道案卷导出 2026年11月']);
    sheet.mergeCells('A1:F1');
    sheet.addRow([]);
    const keys = Object.keys(CASE);
    sheet.addRow(keys.map((k) => CASE_COLUMNS.find((c) => c.key === k)!.zh));
    const values = keys.map((k) => CASE[k]!) as (string | number | Date)[];
    values[keys.indexOf('major_code')] = 5; // a number: Excel dropped the zero
    values[keys.indexOf('minor_code')] = 505; // the combined code, as a number
    values[keys.indexOf('grid_code')] = 990101001001001; // 15 digits survive as a number
    values[keys.indexOf('reported_at')] = epochToExcelSerial(fromWallClock(2026, 11, 3, 14, 5)); // a serial
    values[keys.indexOf('registered_at')] = new Date(Date.UTC(2026, 10, 3, 14, 6)); // a date cell
    const row = sheet.addRow(values);
    row.getCell(keys.indexOf('reported_at') + 1).numFmt = 'yyyy-mm-dd hh:mm';
    await workbook.xlsx.writeFile(file);

    const report = await importInto(db, file, { sheet: '案卷' });
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ headerRow: 3, sheet: '案卷', sheetNames: ['说明', '案卷'] });
    expect(importedRow(db)).toMatchObject({
      category_code: 'E0505',
      grid_code: '990101001001001',
      reported_at: fromWallClock(2026, 11, 3, 14, 5),
      registered_at: fromWallClock(2026, 11, 3, 14, 6),
    });
    // Without --sheet the first sheet is read: it has no header, and the import says where it looked.
    const first = await importInto(db, file);
    expect(first.refusal?.en).toMatch(/No header row in the first 30 rows/);
  });

  it('reads the dates of a workbook in the 1904 date system (old Mac Excel) on the right day', async () => {
    const { db } = await ws.empty();
    const file = ws.path('date1904.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.properties.date1904 = true;
    const sheet = workbook.addWorksheet('案卷');
    const keys = Object.keys(CASE);
    sheet.addRow(keys.map((k) => CASE_COLUMNS.find((c) => c.key === k)!.zh));
    const values = keys.map((k) => CASE[k]!) as (string | number | Date)[];
    // A 1904 serial is 1,462 days smaller than the 1900 one for the same wall-clock time.
    values[keys.indexOf('reported_at')] =
      epochToExcelSerial(fromWallClock(2026, 11, 3, 14, 5)) - 1462;
    values[keys.indexOf('registered_at')] = new Date(Date.UTC(2026, 10, 3, 14, 6)); // exceljs writes a 1904 serial
    sheet.addRow(values);
    await workbook.xlsx.writeFile(file);

    const report = await importInto(db, file);
    expect(report.errors).toEqual([]);
    expect(importedRow(db)).toMatchObject({
      reported_at: fromWallClock(2026, 11, 3, 14, 5),
      registered_at: fromWallClock(2026, 11, 3, 14, 6),
      // Counts and codes stored as numbers are not dates: left as they are.
      category_code: 'E0505',
    });
  });

  it('refuses an 18-digit code that Excel stored as a number (digits lost)', async () => {
    const { db } = await ws.empty();
    const file = ws.path('long-number.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('案卷');
    sheet.addRow(Object.keys(CASE).map((k) => CASE_COLUMNS.find((c) => c.key === k)!.zh));
    sheet.addRow(
      Object.keys(CASE).map((k) =>
        k === 'grid_code'
          ? Number('990101001001001001') /* what Excel keeps of an 18-digit code */
          : CASE[k]!,
      ),
    );
    await workbook.xlsx.writeFile(file);
    const report = await importInto(db, file);
    expect(report.errors[0]).toMatchObject({
      row: 2,
      column: '单元网格编码',
      message: { en: expect.stringMatching(/format the column as text/) },
    });
  });
});

describe('text files', () => {
  const header = Object.keys(CASE).map((k) => CASE_COLUMNS.find((c) => c.key === k)!.zh);
  const multiline = { ...CASE, description: '第一行, "引号"\n第二行' };

  it.each([
    ['UTF-8 with BOM, CRLF', { bom: true, crlf: true }, 'UTF-8 (BOM)', 'csv'],
    ['UTF-8 without BOM', {}, 'UTF-8', 'csv'],
    ['tab separated', { delimiter: '\t' }, 'UTF-8', 'tsv'],
  ] as const)(
    '%s: quoted commas, quotes and line breaks',
    async (_label, options, encoding, format) => {
      const { db } = await ws.empty();
      const file = writeCsv(
        ws.path(`text-${encoding}-${format}.${format}`),
        [header, Object.keys(CASE).map((k) => multiline[k as keyof typeof multiline]!)],
        options,
      );
      const report = await importInto(db, file);
      expect(report.errors).toEqual([]);
      expect(report).toMatchObject({ encoding, format });
      expect(importedRow(db)?.['description']).toBe('第一行, "引号"\n第二行');
    },
  );

  it('keeps unknown columns as extra data and reports each once', async () => {
    const { db } = await ws.empty();
    const file = writeCsv(ws.path('extra.csv'), [
      [...header, '备注', '来电批次'],
      [...Object.keys(CASE).map((k) => CASE[k]!), '老旧小区', 'B-7'],
    ]);
    const report = await importInto(db, file);
    expect(report.notes.map((n) => n.column)).toEqual(['备注', '来电批次']);
    expect(report.notes[0]!.message.en).toMatch(/ignored column/);
    expect(JSON.parse(String(importedRow(db)?.['extra']))).toEqual({
      importedColumns: { 备注: '老旧小区', 来电批次: 'B-7' },
    });
  });

  it('reads other header names through a column mapping', async () => {
    const { db } = await ws.empty();
    const odd = header.map((h) =>
      h === '案卷编号'
        ? '工单号'
        : h === '上报时间'
          ? '事发时间'
          : h === '当前状态'
            ? '办理状态'
            : h,
    );
    const file = writeCsv(ws.path('mapped.csv'), [odd, Object.keys(CASE).map((k) => CASE[k]!)]);
    const unmapped = await importInto(db, file);
    expect(unmapped.refusal?.en).toMatch(/no 案卷编号 column/);
    const report = await importInto(db, file, {
      mapping: { 工单号: 'case_no', 事发时间: 'reported_at', 办理状态: 'status' },
    });
    expect(report.errors).toEqual([]);
    expect(count(db, 'SELECT count(*) FROM cases')).toBe(1);
  });
});
