/**
 * Importing a members' roster (在职党员名册, issue 14) on a real SQLite file: the demo's own
 * roster read back changes nothing; a roster saved by another tool (exceljs, with a merged
 * banner row, codes and phones as numbers, a real date cell, full-width digits; and a CSV in
 * GB18030 as WPS saves it) is read as typed; a bad row refuses the whole file by Excel row
 * and column, nothing written, unless the valid rows are asked for; a truncated workbook is
 * refused in a sentence; reading the same file twice changes nothing.
 */
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOrCreateDatabase } from '../../db/bootstrap';
import { importMembersFile } from '../../db/exchange/member-import';
import { exportMembers } from '../../db/exchange/member-export';
import type { Db } from '../../db/open';

const now = Date.UTC(2026, 10, 21, 2, 0);
let dir: string;
let db: Db;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-members-'));
  db = openOrCreateDatabase(path.join(dir, 'desk.sqlite'), {
    appVersion: 'test',
    now,
    demoWhenNew: true,
  }).db;
});
afterAll(() => {
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const count = (sql: string, ...params: unknown[]) =>
  db
    .prepare(sql)
    .pluck()
    .get(...params) as number;
const run = (file: string, skipInvalid = false) =>
  importMembersFile(db, file, { skipInvalid, now, actor: '张敏' });
const HEADERS = [
  '党员编号',
  '姓名',
  '联系电话',
  '所属单位',
  '居住网格',
  '报到日期',
  '特长',
  '状态',
];

function unit(): { name: string; code: string } {
  return db.prepare('SELECT name, code FROM party_units ORDER BY id LIMIT 1 OFFSET 4').get() as {
    name: string;
    code: string;
  };
}
const grid = () =>
  count(
    "SELECT code FROM places WHERE level = 'grid' ORDER BY code LIMIT 1 OFFSET 20",
  ) as unknown as string;

describe('a members roster', () => {
  it("reads the desk's own roster back without changing anything", async () => {
    const rows = db
      .prepare(
        `SELECT m.code, m.name, m.phone, u.name AS unit, coalesce(m.home_grid_code, m.home_community_code) AS home,
                m.reported_on, m.skills, CASE m.active WHEN 1 THEN '在册' ELSE '转出' END AS status
           FROM party_members m JOIN party_units u ON u.id = m.unit_id ORDER BY m.id`,
      )
      .raw()
      .all() as (string | null)[][];
    const csv = [HEADERS, ...rows]
      .map((r) => r.map((v) => (v == null ? '' : `"${String(v).replace(/"/g, '""')}"`)).join(','))
      .join('\r\n');
    const file = path.join(dir, 'roster.csv');
    fs.writeFileSync(file, csv);
    const before = count('SELECT count(*) FROM party_register_events');
    const report = await run(file);
    expect(report.counts).toMatchObject({ rows: rows.length, new: 0, updated: 0, invalid: 0 });
    expect(report.counts.unchanged).toBe(rows.length);
    expect(count('SELECT count(*) FROM party_register_events')).toBe(before);
  });

  it('reads a workbook saved by another tool: banner, codes and phones as numbers, a date cell', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('党员名册');
    sheet.addRow(['某单位在职党员双报到名册（2026年）']);
    sheet.mergeCells('A1:H1');
    sheet.addRow(HEADERS);
    const u = unit();
    sheet.addRow([
      null,
      '林晓燕',
      13912345678,
      u.name,
      Number(grid()),
      new Date(Date.UTC(2026, 2, 15)),
      '法律咨询',
      '在册',
    ]);
    sheet.addRow([
      null,
      '周建华',
      '１３８００００１１１１',
      u.code,
      grid().slice(0, 12),
      '2026年4月2日',
      null,
      null,
    ]);
    const file = path.join(dir, 'roster-exceljs.xlsx');
    await book.xlsx.writeFile(file);

    const report = await run(file);
    expect(report.issues).toEqual([]);
    expect(report.headerRow).toBe(2);
    expect(report.counts).toMatchObject({ rows: 2, new: 2, invalid: 0 });
    const lin = db.prepare("SELECT * FROM party_members WHERE name = '林晓燕'").get() as Record<
      string,
      unknown
    >;
    expect(lin).toMatchObject({
      phone: '13912345678',
      home_grid_code: grid(),
      home_community_code: grid().slice(0, 12),
      reported_on: '2026-03-15',
      active: 1,
    });
    expect(String(lin.code)).toMatch(/^DY\d{5}$/);
    const zhou = db.prepare("SELECT * FROM party_members WHERE name = '周建华'").get() as Record<
      string,
      unknown
    >;
    expect(zhou).toMatchObject({
      phone: '13800001111',
      home_grid_code: null,
      reported_on: '2026-04-02',
    });
    expect(
      count(
        "SELECT count(*) FROM party_register_events WHERE register = 'members' AND kind = 'import'",
      ),
    ).toBe(2);

    const again = await run(file);
    expect(again.counts).toMatchObject({ new: 0, updated: 0, unchanged: 2 });
  });

  it('refuses the whole file by Excel row and column when a row is wrong, unless asked for the valid rows', async () => {
    const u = unit();
    const lines = [
      HEADERS.join(','),
      `,王小明,13700000001,${u.name},${grid()},2026-05-01,,在册`,
      `,赵丽,13700000002,不存在的单位,${grid()},2026-05-01,,在册`,
      `,钱多,13700000003,${u.name},9.90101E+14,2026-05-01,,在册`,
      `,孙强,13700000004,${u.name},${grid()},下个月,,在册`,
      `,李四,13700000005,${u.name},${grid()},2026-05-01,,退休`,
    ];
    const file = path.join(dir, 'roster-gb18030.csv');
    fs.writeFileSync(file, iconv.encode(lines.join('\r\n'), 'gb18030'));
    const before = count('SELECT count(*) FROM party_members');
    const refused = await run(file);
    expect(refused.written).toBe(false);
    expect(count('SELECT count(*) FROM party_members')).toBe(before);
    expect(refused.counts).toMatchObject({ rows: 5, invalid: 4 });
    expect(refused.issues.map((i) => [i.row, i.column])).toEqual([
      [3, '所属单位'],
      [4, '居住网格'],
      [5, '报到日期'],
      [6, '状态'],
    ]);
    expect(refused.issues[1]!.message.zh).toContain('科学计数法');

    const valid = await run(file, true);
    expect(valid.written).toBe(true);
    expect(valid.counts).toMatchObject({ new: 1, invalid: 4 });
    expect(count("SELECT count(*) FROM party_members WHERE name = '王小明'")).toBe(1);
    const again = await run(file, true);
    expect(again.counts).toMatchObject({ new: 0, unchanged: 1 });
  });

  it('refuses a workbook cut off on a USB stick in a sentence, and writes nothing', async () => {
    const whole = fs.readFileSync(path.join(dir, 'roster-exceljs.xlsx'));
    const cut = path.join(dir, 'roster-cut.xlsx');
    fs.writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const before = count('SELECT count(*) FROM party_members');
    await expect(run(cut)).rejects.toThrow(/roster-cut\.xlsx/);
    expect(count('SELECT count(*) FROM party_members')).toBe(before);
  });

  it('runs from the command line: exit 1 with the rows named, exit 0 when written', () => {
    const u = unit();
    const bin = path.resolve(import.meta.dirname, '../../bin/griddesk.mjs');
    const cli = (file: string) =>
      spawnSync(
        process.execPath,
        [bin, 'import', file, '--kind', 'members', '--db', db.name, '--json'],
        { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } },
      );
    const bad = path.join(dir, 'cli-bad.csv');
    fs.writeFileSync(
      bad,
      `${HEADERS.join(',')}\n,吴敏,13600000001,${u.name},${grid()},昨天,,在册\n`,
    );
    const refused = cli(bad);
    expect(refused.status, refused.stderr).toBe(1);
    const answer = JSON.parse(refused.stdout);
    expect(answer).toMatchObject({ written: false, invalid: 1 });
    expect(answer.errors[0]).toMatchObject({ row: 2, column: '报到日期' });
    expect(refused.stderr).toMatch(/nothing was imported/);
    const good = path.join(dir, 'cli-good.csv');
    fs.writeFileSync(
      good,
      `${HEADERS.join(',')}\n,吴敏,13600000001,${u.name},${grid()},2026-06-01,,在册\n`,
    );
    const written = cli(good);
    expect(written.status, written.stderr).toBe(0);
    expect(JSON.parse(written.stdout)).toMatchObject({ written: true, new: 1 });
    expect(count("SELECT count(*) FROM party_members WHERE name = '吴敏'")).toBe(1);
  });

  it('exports the roster the import reads back unchanged; a masked copy cannot overwrite phones', async () => {
    const out = fs.mkdtempSync(path.join(dir, 'export-'));
    const whole = await exportMembers(db, out, {
      format: 'xlsx',
      unmasked: true,
      template: false,
      now,
    });
    expect(whole.rows).toBe(count('SELECT count(*) FROM party_members'));
    expect(fs.readdirSync(out)).toEqual([path.basename(whole.file)]);
    const back = await run(whole.file);
    expect(back.counts).toMatchObject({ rows: whole.rows, new: 0, updated: 0, invalid: 0 });

    const masked = await exportMembers(db, path.join(out, 'masked.csv'), {
      format: 'csv',
      unmasked: false,
      template: false,
      now,
    });
    const refused = await run(masked.file);
    expect(refused.written).toBe(false);
    expect(refused.issues[0]).toMatchObject({ column: '联系电话' });

    const template = await exportMembers(db, out, {
      format: 'csv',
      unmasked: false,
      template: true,
      now,
    });
    const bytes = fs.readFileSync(template.file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(
      '党员编号,姓名,联系电话,所属单位,居住网格,报到日期,特长,状态\r\n',
    );
    await expect(
      exportMembers(db, whole.file, { format: 'xlsx', unmasked: true, template: false, now }),
    ).rejects.toThrow(/never replaces/);
  });

  it('updates, not duplicates, a member whose roster row adds a phone or writes a short code', async () => {
    const u = unit();
    const file = path.join(dir, 'roster-phone.csv');
    fs.writeFileSync(
      file,
      `${HEADERS.join(',')}\n,郑无电话,,${u.name},${grid()},2026-07-01,,在册\n`,
    );
    expect((await run(file)).counts).toMatchObject({ new: 1 });
    fs.writeFileSync(
      file,
      `${HEADERS.join(',')}\n,郑无电话,13500000099,${u.name},${grid()},2026-07-01,,在册\n`,
    );
    expect((await run(file)).counts).toMatchObject({ new: 0, updated: 1 });
    expect(count("SELECT count(*) FROM party_members WHERE name = '郑无电话'")).toBe(1);
    const code = count(
      "SELECT code FROM party_members WHERE name = '郑无电话'",
    ) as unknown as string;
    const short = `dy${Number(code.slice(2))}`;
    fs.writeFileSync(
      file,
      `${HEADERS.join(',')}\n${short},郑无电话,13500000099,${u.name},${grid()},2026-07-01,维修,在册\n`,
    );
    expect((await run(file)).counts).toMatchObject({ new: 0, updated: 1 });
    expect(count("SELECT count(*) FROM party_members WHERE name = '郑无电话'")).toBe(1);
  });
});
