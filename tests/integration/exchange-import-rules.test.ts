/**
 * The rules of one import (docs/design/CITY-EXCHANGE.md): all or nothing, "import valid rows" with an
 * error file that imports back once fixed, idempotent re-import, conflicts decided by the
 * newer updated_at with the loser kept in the history, repeats inside a file.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  count,
  importInto,
  openWorkspace,
  sampleRows,
  SAMPLES,
  writeCsv,
} from './exchange-fixture';

const ws = openWorkspace();
afterAll(() => ws.close());

/** The sample cases as a CSV, with `edit` applied to the rows (by case number). */
function sampleCsv(
  name: string,
  edit: (row: Record<string, string | number>, index: number) => void = () => {},
): string {
  const { header, rows } = sampleRows();
  rows.forEach(edit);
  return writeCsv(ws.path(name), [header, ...rows.map((r) => header.map((h) => r[h] ?? ''))]);
}

describe('all or nothing', () => {
  it('refuses a file with one invalid row, writes nothing, and names the row, column, value and why', async () => {
    const { db } = await ws.empty();
    const file = sampleCsv('one-bad.csv', (row, i) => {
      if (i === 6) row['上报时间'] = '2026-13-45 25:00';
    });
    const report = await importInto(db, file);
    expect(report).toMatchObject({ status: 'refused', written: false });
    expect(report.counts).toMatchObject({ rows: 60, new: 0, updated: 0, invalid: 1 });
    expect(report.errors).toEqual([
      {
        row: 8,
        column: '上报时间',
        value: '2026-13-45 25:00',
        message: expect.objectContaining({ zh: expect.stringContaining('日期') }),
      },
    ]);
    expect(report.refusal?.en).toMatch(/nothing was imported/);
    expect(count(db, 'SELECT count(*) FROM cases')).toBe(0);
    expect(count(db, 'SELECT count(*) FROM case_events')).toBe(0);
    expect(
      count(
        db,
        "SELECT count(*) FROM exchange_batches WHERE status = 'refused' AND rows_invalid = 1",
      ),
    ).toBe(1);
  });

  it('lists every kind of invalid row', async () => {
    const { db } = await ws.empty();
    // Nine closed cases, each broken in its own way.
    const closed = sampleRows()
      .rows.flatMap((r, i) => (r['当前状态'] === '已结案' ? [i] : []))
      .slice(0, 9);
    const edits: Array<(row: Record<string, string | number>) => void> = [
      (row) => (row['问题来源'] = ''),
      (row) => (row['小类代码'] = '99'),
      (row) => (row['结案时间'] = '2026-12-25 10:00:00'),
      (row) => (row['经度'] = 150),
      (row) => ([row['单元网格编码'], row['经度'], row['纬度']] = ['', 118.5, 39.9]),
      (row) => (row['结案时间'] = '2026-10-01 00:00:00'),
      (row) => (row['单元网格编码'] = '9.90101001002004E+14'),
      (row) => (row['处置部门'] = '不存在的单位'),
      (row) => (row['当前状态'] = '处理完了'),
    ];
    const file = sampleCsv('many-bad.csv', (row, i) => {
      const which = closed.indexOf(i);
      if (which >= 0) edits[which]!(row);
    });
    const report = await importInto(db, file);
    const problem = (which: number) => {
      const found = report.errors.filter((e) => e.row === closed[which]! + 2);
      return found.map((e) => `${e.column}: ${e.message.en}`).join(' | ');
    };
    const major = sampleRows().rows[closed[1]!]!['大类代码'];
    expect(problem(0)).toMatch(/^问题来源: The required/);
    expect(problem(1)).toMatch(new RegExp(`^小类代码: Unknown category [CE]${major}99`));
    expect(problem(2)).toMatch(/^结案时间: .*more than a day after the import time/);
    expect(problem(3)).toMatch(/^经度: .*out of range/);
    expect(problem(4)).toMatch(/^单元网格编码: .*lies in no grid/);
    expect(problem(5)).toMatch(/^结案时间: .*before the report time/);
    expect(problem(6)).toMatch(/^单元网格编码: .*scientific notation.*format the column as text/);
    expect(problem(7)).toMatch(/^处置部门: .*not one of the desk's units/);
    expect(problem(8)).toMatch(/^当前状态: Unknown state/);
    expect(report.counts.invalid).toBe(9);
    expect(count(db, 'SELECT count(*) FROM cases')).toBe(0);
  });

  it('a deadline in the future is fine (only event times may not lie ahead)', async () => {
    const { db } = await ws.empty();
    const file = sampleCsv('future-due.csv', (row, i) => {
      if (i === 2) row['处置截止时间'] = '2027-03-01 12:00:00';
    });
    const report = await importInto(db, file);
    expect(report.errors).toEqual([]);
    expect(report.status).toBe('done');
  });
});

describe('what an import leaves behind', () => {
  it('imported cases are searchable, with their lead units and import events, and new cases stay searchable after', async () => {
    const { db } = await ws.empty();
    const { header, rows } = sampleRows();
    // 250 rows: two full hundred-row statements and a remainder, in one chunk.
    const many = Array.from({ length: 250 }, (_, i) => {
      const row = { ...rows[i % rows.length]! };
      row['案卷编号'] = `E0505SEARCH${String(i).padStart(4, '0')}`;
      row['问题描述'] = `第${i}号搜索测试点位积水`;
      return header.map((h) => row[h] ?? '');
    });
    const report = await importInto(db, writeCsv(ws.path('searchable.csv'), [header, ...many]));
    expect(report.errors).toEqual([]);
    expect(report.counts.new).toBe(250);
    const found = (text: string) =>
      db
        .prepare(
          'SELECT c.case_no FROM cases_fts f JOIN cases c ON c.id = f.rowid WHERE cases_fts MATCH ?',
        )
        .pluck()
        .all(`"${text}"`);
    expect(found('第249号搜索')).toEqual(['E0505SEARCH0249']);
    expect(found('SEARCH0123')).toEqual(['E0505SEARCH0123']);
    expect(
      db.prepare("INSERT INTO cases_fts (cases_fts) VALUES ('integrity-check')").run(),
    ).toBeTruthy();
    const imported = db
      .prepare(
        `SELECT count(*) AS cases, sum(e.n) AS events, sum(u.n) AS leads FROM cases c
           LEFT JOIN (SELECT case_id, count(*) AS n FROM case_events WHERE kind = 'import' GROUP BY case_id) e ON e.case_id = c.id
           LEFT JOIN (SELECT case_id, count(*) AS n FROM case_units WHERE role = 'lead' GROUP BY case_id) u ON u.case_id = c.id
          WHERE c.case_no LIKE 'E0505SEARCH%'`,
      )
      .get() as { cases: number; events: number; leads: number };
    const withLead = db
      .prepare(
        "SELECT count(*) FROM cases WHERE case_no LIKE 'E0505SEARCH%' AND lead_unit_code IS NOT NULL AND dispatched_at IS NOT NULL",
      )
      .pluck()
      .get();
    expect(imported).toEqual({ cases: 250, events: 250, leads: withLead });
    // The full-text trigger the import set aside is back: a case the desk adds is found.
    db.prepare(
      `INSERT INTO cases (case_no, source, category_code, state, reported_at, created_at, updated_at, description)
       VALUES ('E0505DESK0001', 'grid_patrol', 'E0505', 'reported', 0, 0, 0, '导入之后登记的井盖缺失')`,
    ).run();
    expect(found('井盖缺失')).toEqual(['E0505DESK0001']);
  });
});

describe('import valid rows', () => {
  it('writes the valid rows and an error file that imports back once fixed', async () => {
    const { db } = await ws.empty();
    const file = sampleCsv('skip.csv', (row, i) => {
      if (i === 10) row['大类代码'] = 'x1';
      if (i === 20) row['派遣时间'] = '';
    });
    const report = await importInto(db, file, { skipInvalid: true });
    expect(report).toMatchObject({ status: 'done', written: true });
    expect(report.counts).toMatchObject({ rows: 60, new: 58, invalid: 2 });
    expect(count(db, 'SELECT count(*) FROM cases')).toBe(58);
    expect(report.errorFile).toMatch(/skip-错误行-.*\.xlsx$/);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(report.errorFile!);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    expect(header.at(-1)).toBe('错误说明');
    expect(sheet.rowCount).toBe(3);
    // The user fixes the two rows in Excel and imports the error file.
    sheet.getRow(2).getCell(header.indexOf('大类代码') + 1).value = '01';
    sheet.getRow(3).getCell(header.indexOf('派遣时间') + 1).value = sheet
      .getRow(3)
      .getCell(header.indexOf('立案时间') + 1).value;
    const fixed = ws.path('skip-fixed.xlsx');
    await workbook.xlsx.writeFile(fixed);
    const again = await importInto(db, fixed);
    expect(again.errors).toEqual([]);
    expect(again.notes).toEqual([]);
    expect(again.counts).toMatchObject({ rows: 2, new: 2, invalid: 0 });
    expect(count(db, 'SELECT count(*) FROM cases')).toBe(60);
  });

  it('a JSON file’s error file has the city format’s headers and imports back', async () => {
    const { db } = await ws.empty();
    const rows = JSON.parse(
      fs.readFileSync(path.join(SAMPLES, 'cases-sample.json'), 'utf8'),
    ) as Record<string, unknown>[];
    rows[5]!['当前状态'] = '不知道';
    const file = ws.path('bad.json');
    fs.writeFileSync(file, JSON.stringify(rows));
    const report = await importInto(db, file, { skipInvalid: true });
    expect(report.counts).toMatchObject({ rows: 60, new: 59, invalid: 1 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(report.errorFile!);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    expect(header.slice(0, 3)).toEqual(['案卷编号', '问题来源', '问题类型']);
    expect(header.at(-1)).toBe('错误说明');
    sheet.getRow(2).getCell(header.indexOf('当前状态') + 1).value = '已结案';
    const fixed = ws.path('bad-fixed.xlsx');
    await workbook.xlsx.writeFile(fixed);
    const again = await importInto(db, fixed);
    expect(again.errors).toEqual([]);
    expect(again.counts).toMatchObject({ rows: 1, new: 1 });
  });

  it('a case number repeated with different content makes both rows invalid; an identical repeat is harmless', async () => {
    const { db } = await ws.empty();
    const { header, rows } = sampleRows();
    const changed: Record<string, string | number> = { ...rows[3]!, 问题描述: '另一个描述' };
    const table = [
      header,
      ...rows.map((r) => header.map((h) => r[h] ?? '')),
      header.map((h) => rows[1]![h] ?? ''),
      header.map((h) => changed[h] ?? ''),
    ];
    const file = writeCsv(ws.path('repeats.csv'), table);
    const strict = await importInto(db, file);
    expect(strict.status).toBe('refused');
    expect(strict.errors).toEqual([
      expect.objectContaining({
        row: 63,
        column: '案卷编号',
        message: expect.objectContaining({
          en: expect.stringContaining('already appears on row 5'),
        }),
      }),
    ]);
    const skipping = await importInto(db, file, { skipInvalid: true });
    expect(skipping.counts).toMatchObject({ rows: 62, new: 59, unchanged: 1, invalid: 2 });
    expect(count(db, 'SELECT count(*) FROM cases WHERE case_no = ?', rows[3]!['案卷编号'])).toBe(0);
  });
});

describe('re-import and conflicts', () => {
  it('importing the same file twice changes nothing the second time and says so', async () => {
    const { db } = await ws.empty();
    const first = await importInto(db, path.join(SAMPLES, 'cases-sample.xlsx'));
    const events = count(db, 'SELECT count(*) FROM case_events');
    const before = db.prepare('SELECT * FROM cases ORDER BY id').all();
    const second = await importInto(db, path.join(SAMPLES, 'cases-sample.xlsx'));
    expect(second.counts).toEqual({ rows: 60, new: 0, updated: 0, unchanged: 60, invalid: 0 });
    expect(second.alreadyImported).toEqual({ batchId: first.batchId, at: first.startedAt });
    expect(count(db, 'SELECT count(*) FROM case_events')).toBe(events);
    expect(db.prepare('SELECT * FROM cases ORDER BY id').all()).toEqual(before);
  });

  it('a newer city version updates a case the desk did not touch, with an import event', async () => {
    const { db } = await ws.empty();
    await importInto(db, sampleCsv('v1.csv'));
    const report = await importInto(
      db,
      sampleCsv('v2.csv', (row, i) => {
        if (i === 0)
          [row['问题描述'], row['更新时间']] = ['城市平台改了描述', '2026-11-20 09:00:00'];
      }),
    );
    expect(report.counts).toMatchObject({ updated: 1, unchanged: 59 });
    expect(report.conflicts).toEqual({ fileWon: 0, deskWon: 0 });
    const caseNo = sampleRows().rows[0]!['案卷编号'];
    expect(
      count(
        db,
        'SELECT count(*) FROM cases WHERE case_no = ? AND description = ?',
        caseNo,
        '城市平台改了描述',
      ),
    ).toBe(1);
    const event = db
      .prepare<[unknown], { data: string }>(
        "SELECT e.data FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.case_no = ? AND e.kind = 'import' ORDER BY e.id DESC",
      )
      .get(caseNo)!;
    expect(JSON.parse(event.data).changes.description).toEqual([
      expect.any(String),
      '城市平台改了描述',
    ]);
  });

  it('when both sides changed a case, the newer updated_at wins and the loser is kept as a conflict', async () => {
    const { db } = await ws.empty();
    await importInto(db, sampleCsv('base.csv'));
    const [a, b] = sampleRows().rows.map((r) => String(r['案卷编号'])) as [string, string];
    // The desk worked on both cases after the exchange (20 Nov 12:00 Shanghai).
    const deskAt = Date.UTC(2026, 10, 20, 4, 0);
    db.prepare(
      "UPDATE cases SET result_note = '坐席补充说明', updated_at = ? WHERE case_no IN (?, ?)",
    ).run(deskAt, a, b);
    const report = await importInto(
      db,
      sampleCsv('both.csv', (row, i) => {
        if (i === 0) [row['问题描述'], row['更新时间']] = ['城市较新的描述', '2026-11-20 15:00:00'];
        if (i === 1) [row['问题描述'], row['更新时间']] = ['城市较旧的描述', '2026-11-19 08:00:00'];
      }),
    );
    expect(report.conflicts).toEqual({ fileWon: 1, deskWon: 1 });
    expect(report.counts).toMatchObject({ updated: 1, unchanged: 59 });
    const conflict = (caseNo: string) => {
      const row = db
        .prepare<[string], { data: string; description: string }>(
          "SELECT e.data, c.description FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.case_no = ? AND e.kind = 'conflict'",
        )
        .get(caseNo)!;
      return { ...JSON.parse(row.data), description: row.description };
    };
    // The file says nothing about 处置结果, so the desk's note is no conflict and stays.
    expect(conflict(a)).toMatchObject({
      winner: 'file',
      description: '城市较新的描述',
      lost: { description: expect.stringContaining('问题') },
    });
    expect(conflict(a).lost).not.toHaveProperty('resultNote');
    expect(
      count(
        db,
        'SELECT count(*) FROM cases WHERE case_no = ? AND result_note = ?',
        a,
        '坐席补充说明',
      ),
    ).toBe(1);
    expect(conflict(b)).toMatchObject({ winner: 'desk', lost: { description: '城市较旧的描述' } });
    expect(
      count(
        db,
        'SELECT count(*) FROM cases WHERE case_no = ? AND result_note = ?',
        b,
        '坐席补充说明',
      ),
    ).toBe(1);
    // The same file again: no news, no second conflict.
    const conflicts = count(db, "SELECT count(*) FROM case_events WHERE kind = 'conflict'");
    const again = await importInto(db, ws.path('both.csv'));
    expect(again.conflicts).toEqual({ fileWon: 0, deskWon: 0 });
    expect(count(db, "SELECT count(*) FROM case_events WHERE kind = 'conflict'")).toBe(conflicts);
    expect(fs.existsSync(ws.path('both.csv'))).toBe(true);
  });
});
