/**
 * The registers' files (issue 14) on a real SQLite file: every register exported and read
 * back changes nothing; a workbook written by another tool (exceljs: a merged banner row,
 * community codes as numbers, full-width digits, Chinese and Excel dates, yuan with
 * separators) is read as a person typed it, and a second reading changes nothing; bad rows
 * refuse the whole file by Excel row and column with nothing written, unless the valid rows
 * are asked for; a masked export cannot be read over real names; a GB18030 CSV from WPS and
 * a workbook cut off on a USB stick; the command line's exit codes.
 */
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXCHANGE_REGISTERS, type ExchangeRegister } from '../../core/party/register-exchange';
import { openOrCreateDatabase } from '../../db/bootstrap';
import { importFile } from '../../db/exchange/import-file';
import { exportRegister } from '../../db/exchange/register-export';
import { importRegisterFile } from '../../db/exchange/register-import';
import type { Db } from '../../db/open';

const now = Date.UTC(2026, 10, 21, 2, 0);
const TABLE: Record<ExchangeRegister, string> = {
  units: 'party_units',
  records: 'service_records',
  needs: 'party_needs',
  resources: 'party_resources',
  projects: 'party_projects',
  volunteers: 'volunteers',
  activities: 'volunteer_activities',
};
let dir: string;
let dbFile: string;
let db: Db;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-register-files-'));
  dbFile = path.join(dir, 'desk.sqlite');
  db = openOrCreateDatabase(dbFile, { appVersion: 'test', now, demoWhenNew: true }).db;
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
const read = (register: ExchangeRegister, file: string, skipInvalid = false) =>
  importRegisterFile(db, register, file, { skipInvalid, now, actor: '张敏' });
const community = () =>
  db
    .prepare(
      "SELECT code, name FROM places WHERE level = 'community' ORDER BY code LIMIT 1 OFFSET 2",
    )
    .get() as { code: string; name: string };

async function workbook(file: string, rows: unknown[][], banner?: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Sheet1');
  if (banner) {
    sheet.addRow([banner]);
    sheet.mergeCells(1, 1, 1, rows[0]!.length);
  }
  for (const row of rows) sheet.addRow(row);
  const out = path.join(dir, file);
  await book.xlsx.writeFile(out);
  return out;
}

describe('every register read back from its own export', () => {
  it.each(EXCHANGE_REGISTERS)('%s: every row unchanged', async (register) => {
    const out = path.join(dir, `own-${register}.xlsx`);
    const written = await exportRegister(db, register, out, {
      format: 'xlsx',
      unmasked: true,
      template: false,
      now,
    });
    const before = count(`SELECT count(*) FROM ${TABLE[register]}`);
    expect(written.rows).toBe(before);
    expect(before).toBeGreaterThan(0);
    const report = await read(register, out);
    expect(report.counts).toMatchObject({ rows: before, invalid: 0, new: 0, updated: 0 });
    expect(report.counts.unchanged).toBe(before);
    expect(count(`SELECT count(*) FROM ${TABLE[register]}`)).toBe(before);
  });
});

describe('a units list from another tool', () => {
  it('reads banner rows, numbers as codes, full-width text and Chinese dates as typed', async () => {
    const c = community();
    const file = await workbook(
      'units-wps.xlsx',
      [
        ['单位名称', '结对社区', '联系人', '联系电话', '签约日期', '状态'],
        ['市规划院（第二）党支部', Number(c.code), '刘海', 13812345678, '2025年3月1日', '在册'],
        [
          '区图书馆党支部',
          c.name,
          '陈静',
          '１３９００００１１１１',
          new Date(Date.UTC(2025, 5, 9)),
          '撤销',
        ],
      ],
      '2026年报到单位名单（第四季度）',
    );
    const report = await read('units', file);
    expect(report.issues).toEqual([]);
    expect(report.headerRow).toBe(2);
    expect(report.counts).toMatchObject({ rows: 2, new: 2, invalid: 0 });
    const rows = db
      .prepare(
        `SELECT code, name, community_code AS community, contact_phone AS phone, agreement_on AS day, active
           FROM party_units WHERE name IN ('市规划院（第二）党支部', '区图书馆党支部') ORDER BY id`,
      )
      .all();
    expect(rows).toEqual([
      expect.objectContaining({
        name: '市规划院（第二）党支部',
        community: c.code,
        phone: '13812345678',
        day: '2025-03-01',
        active: 1,
      }),
      expect.objectContaining({
        community: c.code,
        phone: '13900001111',
        day: '2025-06-09',
        active: 0,
      }),
    ]);
    expect((rows[0] as { code: string }).code).toMatch(/^DW\d{4}$/);
    const again = await read('units', file);
    expect(again.counts).toMatchObject({ new: 0, updated: 0, unchanged: 2 });
    expect(
      count(
        "SELECT count(*) FROM party_register_events WHERE register = 'units' AND kind = 'import'",
      ),
    ).toBe(2);
  });
});

describe('bad rows', () => {
  it('refuse the whole projects file by Excel row and column, then take only the valid rows', async () => {
    const c = community();
    const before = count('SELECT count(*) FROM party_projects');
    const file = await workbook('projects-bad.xlsx', [
      ['项目名称', '社区', '预算（元）', '计划开始', '计划完成', '状态', '取消原因', '实际完成'],
      ['加装扶手', c.name, '12,500.50', '2026-11-01', '2026-12-15', '计划中', '', ''],
      ['老旧小区路灯', c.name, 8000, '2026-11-20', '2026-11-10', '计划中', '', ''],
      ['儿童之家', c.name, 3000, '2026-10-01', '2026-10-30', '已取消', '', ''],
      ['助餐点', '火星社区', 3000, '2026-10-01', '2026-10-30', '进行', '', ''],
      ['楼道整治', c.name, 2000, '2026-09-01', '2026-09-30', '已完成', '', '2026-09-28'],
    ]);
    const refused = await read('projects', file);
    expect(refused.written).toBe(false);
    expect(count('SELECT count(*) FROM party_projects')).toBe(before);
    expect(refused.counts).toMatchObject({ rows: 5, invalid: 3 });
    const where = refused.issues.map((i) => `${i.row}:${i.column}`);
    expect(where.sort()).toEqual(['3:计划完成', '4:取消原因', '5:状态', '5:社区'].sort());
    expect(refused.issues[0]!.message.zh).toContain('早于计划开始');
    expect(refused.issues.find((i) => i.column === '社区')!.message.zh).toContain('火星社区');

    const taken = await read('projects', file, true);
    expect(taken.written).toBe(true);
    expect(taken.counts).toMatchObject({ new: 2, invalid: 3 });
    const made = db
      .prepare(
        `SELECT title, budget_fen AS budget, status, approved_at IS NOT NULL AS approved
           FROM party_projects WHERE title IN ('加装扶手', '楼道整治') ORDER BY title`,
      )
      .all();
    // A project the file says is done was approved where it was decided: no leader asked again.
    expect(made).toEqual([
      { title: '加装扶手', budget: 1_250_050, status: 'planned', approved: 0 },
      { title: '楼道整治', budget: 200_000, status: 'done', approved: 1 },
    ]);
  });

  it('a masked export cannot be read over the real names and phones', async () => {
    const out = path.join(dir, 'volunteers-masked.xlsx');
    await exportRegister(db, 'volunteers', out, {
      format: 'xlsx',
      unmasked: false,
      template: false,
      now,
    });
    const report = await read('volunteers', out);
    expect(report.written).toBe(false);
    expect(report.issues[0]!.message.zh).toMatch(/打码/);
    expect(report.issues.map((i) => i.column)).toContain('姓名');
  });
});

describe('files from the field', () => {
  it('reads a GB18030 CSV of activities as WPS saves it', async () => {
    const team = db.prepare('SELECT code, name FROM volunteer_teams ORDER BY id LIMIT 1').get() as {
      code: string;
      name: string;
    };
    const grid = count(
      "SELECT code FROM places WHERE level = 'grid' ORDER BY code LIMIT 1",
    ) as unknown as string;
    const lines = [
      '活动日期,主题,队伍,地点编码,参与人数,其中党员,时长',
      `2026/11/8,冬季送温暖,${team.name},${grid},"1,2",5,36`,
      `2026-11-09,垃圾分类宣传,${team.code},${grid},20,8,40`,
    ];
    const file = path.join(dir, 'activities-gb18030.csv');
    fs.writeFileSync(file, iconv.encode(lines.join('\r\n'), 'gb18030'));
    const refused = await read('activities', file);
    // "1,2" is not a head count: the row and column say so, nothing is written.
    expect(refused.written).toBe(false);
    expect(refused.issues.map((i) => `${i.row}:${i.column}`)).toEqual(['2:参与人数']);
    const fixed = path.join(dir, 'activities-fixed.csv');
    fs.writeFileSync(fixed, iconv.encode(lines.join('\r\n').replace('"1,2"', '12'), 'gb18030'));
    const report = await read('activities', fixed);
    expect(report.counts).toMatchObject({ new: 2, invalid: 0 });
    const day = db
      .prepare(
        "SELECT held_on, team_id, party_participants FROM volunteer_activities WHERE theme = '冬季送温暖'",
      )
      .get();
    expect(day).toMatchObject({ held_on: '2026-11-08', party_participants: 5 });
  });

  it('refuses a workbook cut off partway in a sentence', async () => {
    const out = path.join(dir, 'needs-full.xlsx');
    await exportRegister(db, 'needs', out, {
      format: 'xlsx',
      unmasked: true,
      template: false,
      now,
    });
    const bytes = fs.readFileSync(out);
    const cut = path.join(dir, 'needs-cut.xlsx');
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    await expect(read('needs', cut)).rejects.toThrow(/needs-cut\.xlsx/);
  });
});

describe('an exchange package carrying registers', () => {
  const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  function packageOf(name: string, files: { file: string; kind: string; rows: number }[]) {
    const folder = path.join(dir, name);
    fs.mkdirSync(folder);
    for (const f of files) fs.copyFileSync(f.file, path.join(folder, path.basename(f.file)));
    const manifest = {
      format: 'griddesk-exchange',
      version: 1,
      files: files.map((f) => ({
        path: path.basename(f.file),
        kind: f.kind,
        rows: f.rows,
        sha256: sha(path.join(folder, path.basename(f.file))),
      })),
    };
    fs.writeFileSync(path.join(folder, 'manifest.json'), JSON.stringify(manifest));
    return folder;
  }
  const options = {
    skipInvalid: false,
    now,
    actor: { userId: null, name: '张敏' },
    kind: 'package' as const,
  };

  it('writes a new unit and its resource in one go, the resource naming the unit', async () => {
    const units = path.join(dir, 'pkg-units.csv');
    fs.writeFileSync(
      units,
      `单位名称,报到社区,联系人\r\n区档案馆党支部,${community().code},李明\r\n`,
    );
    const resources = path.join(dir, 'pkg-resources.csv');
    fs.writeFileSync(
      resources,
      '资源名称,类别,提供单位\r\n档案整理志愿服务,服务,区档案馆党支部\r\n',
    );
    const folder = packageOf('pkg-good', [
      // Listed resources first: the package writes units before what refers to them.
      { file: resources, kind: 'resources', rows: 1 },
      { file: units, kind: 'units', rows: 1 },
    ]);
    const report = await importFile(db, folder, options);
    expect(report.refusal).toBeNull();
    expect(report.written).toBe(true);
    expect(report.parts.map((p) => [p.kind, p.counts.new])).toEqual([
      ['units', 1],
      ['resources', 1],
    ]);
    expect(
      count(
        `SELECT count(*) FROM party_resources r JOIN party_units u ON u.id = r.unit_id
          WHERE u.name = '区档案馆党支部' AND r.title = '档案整理志愿服务'`,
      ),
    ).toBe(1);
  });

  it('writes nothing when one register file is shorter than its manifest says', async () => {
    const units = path.join(dir, 'pkg-units-2.csv');
    fs.writeFileSync(
      units,
      `单位名称,报到社区,联系人\r\n区气象局党支部,${community().code},王芳\r\n`,
    );
    const needs = path.join(dir, 'pkg-needs-2.csv');
    fs.writeFileSync(
      needs,
      `需求,所在网格或社区,类别,提出日期\r\n修缮车棚,${community().code},设施,2026-11-03\r\n`,
    );
    const folder = packageOf('pkg-short', [
      { file: units, kind: 'units', rows: 1 },
      { file: needs, kind: 'needs', rows: 2 },
    ]);
    const report = await importFile(db, folder, options);
    expect(report.written).toBe(false);
    expect(report.refusal?.zh).toContain('manifest.json 写的是 2 行');
    expect(count("SELECT count(*) FROM party_units WHERE name = '区气象局党支部'")).toBe(0);
  });
});

describe('griddesk import and export --kind', () => {
  const bin = path.resolve(import.meta.dirname, '../../bin/griddesk.mjs');
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [bin, ...args, '--db', dbFile], { encoding: 'utf8' });

  it('writes a blank template, refuses a bad file with exit 1, and reads a good one', async () => {
    const template = cli(
      'export',
      '--kind',
      'needs',
      '--template',
      '--format',
      'xlsx',
      '--out',
      dir,
      '--json',
    );
    expect(template.status).toBe(0);
    const written = JSON.parse(template.stdout) as { file: string; rows: number };
    expect(path.basename(written.file)).toMatch(/^需求清单模板-\d{8}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(written.file);
    const header = (book.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      '需求编号',
      '需求',
      '所在网格或社区',
      '类别',
      '涉及户数',
      '紧急程度',
      '提出日期',
      '状态',
    ]);
    const c = community();
    const bad = await workbook('needs-cli.xlsx', [
      header,
      ['', '独居老人助浴', c.code, '养老', 3, '紧急', '2026-11-02', ''],
      ['', '修缮凉亭', c.code, '修缮', '', '', '2026-11-03', ''],
    ]);
    const refused = cli('import', bad, '--kind', 'needs', '--json');
    expect(refused.status).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ written: false, invalid: 1 });
    const taken = cli('import', bad, '--kind', 'needs', '--skip-invalid', '--json');
    expect(taken.status).toBe(0);
    expect(JSON.parse(taken.stdout)).toMatchObject({ written: true, new: 1 });
    const wrong = cli('export', '--kind', 'wishes', '--out', dir);
    expect(wrong.status).toBe(2);
  });
});
