/**
 * The minor findings of issue 10 ("Nothing lost, ever") on the import and export paths, each
 * as a test that failed on the code before its fix: a first import told it was imported
 * before as itself; report times before 2000 accepted; a point far outside its stated grid
 * accepted without a word; ID and mobile numbers in unknown columns kept in clear; text cells
 * starting like a formula written without Excel's quote prefix.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ApiInput, MethodName } from '../../api/contract';
import { openOrCreateDatabase } from '../../db/bootstrap';
import { XlsxRowWriter } from '../../db/exchange/xlsx-writer';
import { callAsSystem } from '../fixtures/system-api';
import { zipEntries } from '../fixtures/zip-entries';
import {
  count,
  importInto,
  NOW,
  openWorkspace,
  SAMPLES,
  writeCsv,
} from '../integration/exchange-fixture';
import { insertPlaces } from '../integration/ranking-fixture';

const ws = openWorkspace('griddesk-import-findings-');
afterAll(() => ws.close());

/** The zip's entries as text (the xlsx parts are XML). */
async function zipText(bytes: Buffer): Promise<Map<string, string>> {
  const entries = await zipEntries(bytes);
  return new Map([...entries].map(([name, data]) => [name, data.toString('utf8')]));
}

describe('"imported before" means another import', () => {
  it('a first grid import is not told it was imported before as itself; the second is told the first', async () => {
    const { db } = await ws.empty();
    const file = ws.path('grids-copy.geojson');
    // Same street, so it is "unchanged" everywhere, but this database has never seen these bytes.
    fs.writeFileSync(file, `${fs.readFileSync(path.join(SAMPLES, 'grids.geojson'), 'utf8')}\n`);
    const first = await importInto(db, file, { kind: 'grids' });
    expect(first.status).toBe('done');
    expect(first.alreadyImported).toBeNull();
    const second = await importInto(db, file, { kind: 'grids' });
    expect(second.alreadyImported).toEqual({ batchId: first.batchId, at: expect.any(Number) });
    expect(second.batchId).not.toBe(first.batchId);
  });

  it('a first case import, whose case numbers repeat within the file, is not told it was imported before', async () => {
    const { db } = await ws.empty();
    const rows = JSON.parse(
      fs.readFileSync(path.join(SAMPLES, 'cases-sample.json'), 'utf8'),
    ) as object[];
    const file = ws.path('cases-twice.json');
    fs.writeFileSync(file, JSON.stringify([...rows, ...rows]));
    const first = await importInto(db, file);
    expect(first.status).toBe('done');
    expect(first.counts.new).toBe(rows.length);
    expect(first.alreadyImported).toBeNull();
    expect(count(db, 'SELECT count(*) FROM cases')).toBe(rows.length);
  });
});

/** The cell styles (<cellXfs>) of a styles.xml, in index order. */
function cellXfs(stylesXml: string): string[] {
  const block = /<cellXfs\b[\s\S]*?<\/cellXfs>/.exec(stylesXml)?.[0] ?? '';
  return [...block.matchAll(/<xf\b[^>]*>/g)].map((m) => m[0]);
}

/** The <c> element of a cell whose text (inline or shared) is `text`. */
function cellWithText(files: Map<string, string>, sheetXml: string, text: string): string {
  const shared = [...(files.get('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)]
    .map((m) => m[1]!.replace(/<[^>]+>/g, ''))
    .map((t) =>
      t
        .replaceAll('&quot;', '"')
        .replaceAll('&amp;', '&')
        .replaceAll('&lt;', '<')
        .replaceAll('&gt;', '>'),
    );
  for (const m of sheetXml.matchAll(/<c\b[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)) {
    const cell = m[0];
    const inline = /<is><t[^>]*>([\s\S]*?)<\/t><\/is>/.exec(cell)?.[1];
    const index = /t="s"/.test(cell) ? /<v>(\d+)<\/v>/.exec(cell)?.[1] : undefined;
    const value =
      inline !== undefined
        ? inline
            .replaceAll('&quot;', '"')
            .replaceAll('&amp;', '&')
            .replaceAll('&lt;', '<')
            .replaceAll('&gt;', '>')
            .replaceAll('_x0009_', '\t')
        : index !== undefined
          ? shared[Number(index)]
          : undefined;
    if (value === text) return cell;
  }
  throw new Error(`no cell with text ${JSON.stringify(text)}`);
}

const FORMULA_LIKE = [
  '=HYPERLINK("http://evil.example","点此")',
  '+86 138',
  '-1+2',
  '@SUM(A1)',
  '\t=1+1',
];

function expectQuotedText(files: Map<string, string>, sheetXml: string, text: string) {
  const cell = cellWithText(files, sheetXml, text);
  expect(cell, text).not.toContain('<f>');
  expect(cell, text).toMatch(/\st="(?:s|inlineStr)"/);
  const style = Number(/\ss="(\d+)"/.exec(cell)?.[1] ?? 0);
  expect(cellXfs(files.get('xl/styles.xml')!)[style], text).toContain('quotePrefix="1"');
}

describe('text that looks like a formula, written to xlsx', () => {
  it('the exchange writer (exports, error files): a string cell with the quote prefix, never a formula', async () => {
    const file = ws.path('formula-text.xlsx');
    const writer = new XlsxRowWriter(file, '案卷', ['案卷编号', '问题描述', '备注']);
    for (const text of FORMULA_LIKE) await writer.row(['E0101', text, '普通文字']);
    await writer.close();
    const files = await zipText(fs.readFileSync(file));
    const sheet = files.get('xl/worksheets/sheet1.xml')!;
    for (const text of FORMULA_LIKE) expectQuotedText(files, sheet, text);
    // Ordinary text keeps the plain style: no quote prefix where none is needed.
    expect(cellWithText(files, sheet, '普通文字')).not.toMatch(/\ss="/);
    expect(cellXfs(files.get('xl/styles.xml')!)[0]).not.toContain('quotePrefix');
  });

  it('the minutes workbook (exceljs): a dispatch item titled =HYPERLINK(…) is quoted text', async () => {
    const dir = fs.mkdtempSync(path.join(ws.dir, 'minutes-'));
    const db = openOrCreateDatabase(path.join(dir, 'weekly.sqlite'), {
      appVersion: 'test',
      now: NOW,
      demoWhenNew: false,
    }).db;
    insertPlaces(db);
    const call = <M extends MethodName>(method: M, input: ApiInput<M>) =>
      callAsSystem(db, method, input, () => NOW);
    const units = await call('weekly.units', {});
    const lead = units.find((u) => u.kind === 'department')!;
    await call('weekly.items.create', {
      week: '2026-W47',
      title: FORMULA_LIKE[0]!,
      leadUnitCode: lead.code,
      owner: '@张科长',
      dueDay: '2026-11-30',
    });
    const xlsx = await call('weekly.minutes.export', { week: '2026-W47', format: 'xlsx' });
    const files = await zipText(Buffer.from(xlsx.base64, 'base64'));
    const sheets = [...files.entries()].filter(([name]) => name.startsWith('xl/worksheets/sheet'));
    const holding = sheets.find(([, xml]) => {
      try {
        cellWithText(files, xml, FORMULA_LIKE[0]!);
        return true;
      } catch {
        return false;
      }
    });
    expect(holding, 'a sheet with the item').toBeDefined();
    expectQuotedText(files, holding![1], FORMULA_LIKE[0]!);
    expectQuotedText(files, holding![1], '@张科长');
    db.close();
  });
});

/** The 60 sample cases as objects (Chinese keys), for making variants as JSON. */
function sampleCases(): Record<string, string | number>[] {
  return JSON.parse(fs.readFileSync(path.join(SAMPLES, 'cases-sample.json'), 'utf8')) as Record<
    string,
    string | number
  >[];
}

function writeJson(name: string, rows: object[]): string {
  const file = ws.path(name);
  fs.writeFileSync(file, JSON.stringify(rows));
  return file;
}

describe('report times before 2000', () => {
  it('are refused naming the row and the column; 2000-01-01 00:00 and the sample times are accepted', async () => {
    const rows = sampleCases();
    rows[2] = { ...rows[2]!, 上报时间: '1999-12-31 23:59:59' };
    rows[5] = { ...rows[5]!, 上报时间: 1 }; // an Excel serial: 1900-01-01
    const { db } = await ws.empty();
    const report = await importInto(db, writeJson('before-2000.json', rows));
    expect(report.status).toBe('refused');
    const early = report.errors.filter((e) => /before 1 January 2000/.test(e.message.en));
    expect(early.map((e) => [e.row, e.column])).toEqual([
      [3, '上报时间'],
      [6, '上报时间'],
    ]);
    expect(early[0]!.message.zh).toContain('早于 2000 年 1 月 1 日');
    expect(count(db, 'SELECT count(*) FROM cases')).toBe(0);

    const edge = sampleCases().slice(0, 1);
    edge[0] = { ...edge[0]!, 上报时间: '2000-01-01 00:00:00', 立案时间: '2000-01-01 00:05:00' };
    const accepted = await importInto(db, writeJson('at-2000.json', edge));
    expect(accepted.errors).toEqual([]);
    expect(accepted.counts.new).toBe(1);
  });
});

describe('a point far outside the grid its row names', () => {
  it('is written with its grid, and the report warns naming the row and column', async () => {
    const rows = sampleCases().filter((r) => r['单元网格编码'] && r['经度']);
    const far: Record<string, string | number> = {
      ...rows[1]!,
      纬度: Number(rows[1]!['纬度']) + 0.02, // about 2.2 km north
    };
    const { db } = await ws.empty();
    const report = await importInto(db, writeJson('far-point.json', [rows[0]!, far]));
    expect(report.status).toBe('done');
    expect(report.counts.new).toBe(2);
    const warnings = report.notes.filter((n) => n.row !== undefined);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ row: 2, column: '单元网格编码' });
    expect(warnings[0]!.message.en).toMatch(
      new RegExp(`^Row 2: The point .* lies about 2\\.\\d km outside grid ${far['单元网格编码']}`),
    );
    expect(warnings[0]!.message.zh).toMatch(/^第 2 行：坐标.*之外约 2\.\d 公里/);
    expect(
      db.prepare('SELECT grid_code FROM cases WHERE case_no = ?').pluck().get(far['案卷编号']),
    ).toBe(far['单元网格编码']);
  });

  it('the sample file, whose points lie in their grids, gets no such warning', async () => {
    const { db } = await ws.empty();
    const report = await importInto(db, path.join(SAMPLES, 'cases-sample.json'));
    expect(report.notes.filter((n) => n.row !== undefined)).toEqual([]);
  });
});

describe('ID and mobile numbers in unknown columns', () => {
  it('are kept masked in the extra data, and the report names the columns', async () => {
    const rows = sampleCases().slice(0, 3);
    const id = '11010519491231002X';
    const withNumbers = [
      { ...rows[0]!, 身份证: id, 备用电话: '13912345678', 说明: '楼下超市' },
      { ...rows[1]!, 身份证: '', 备用电话: '家属 13812345678 转', 说明: '订单 201811011234567890' },
      rows[2]!,
    ];
    const { db } = await ws.empty();
    const report = await importInto(db, writeJson('id-numbers.json', withNumbers));
    expect(report.status).toBe('done');
    const extras = db
      .prepare('SELECT extra FROM cases WHERE extra IS NOT NULL ORDER BY case_no')
      .pluck()
      .all() as string[];
    const stored = extras.join('\n');
    expect(stored).not.toContain(id);
    expect(stored).not.toContain('13912345678');
    expect(stored).not.toContain('13812345678');
    expect(stored).toContain('110***********002X');
    expect(stored).toContain('139****5678');
    expect(stored).toContain('家属 138****5678 转');
    // Not an ID number (bad check digit) and not a mobile: kept as it is.
    expect(stored).toContain('订单 201811011234567890');
    expect(stored).toContain('楼下超市');
    const masked = report.notes.filter((n) => /kept masked/.test(n.message.en));
    expect(masked.map((n) => n.column).sort()).toEqual(['备用电话', '身份证']);
    expect(masked.find((n) => n.column === '身份证')!.message.en).toMatch(/resident ID numbers/);
  });

  it('the same in a CSV (the ID number in an unknown 身份证号码 column)', async () => {
    const row = sampleCases()[0]!;
    const header = [...Object.keys(row), '身份证号码'];
    const file = writeCsv(ws.path('id-numbers.csv'), [
      header,
      [...Object.values(row), '11010519491231002X'],
    ]);
    const { db } = await ws.empty();
    const report = await importInto(db, file);
    expect(report.status).toBe('done');
    const extra = db.prepare('SELECT extra FROM cases').pluck().get() as string;
    expect(extra).not.toContain('11010519491231002X');
    expect(extra).toContain('110***********002X');
    expect(
      report.notes.some(
        (n) => n.column === '身份证号码' && /resident ID numbers/.test(n.message.en),
      ),
    ).toBe(true);
  });
});
