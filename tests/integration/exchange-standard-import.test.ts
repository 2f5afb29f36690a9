/**
 * Importing a city's category standard as a new version (db/exchange/standard-import.ts) and
 * the command line around it: the sample tables, a messy workbook with an unknown handling
 * unit, a table with an unreadable limit (refused, nothing written), the same file twice,
 * and `griddesk categories --json` in the shape docs/design/CITY-EXCHANGE.md gives.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOrCreateDatabase } from '../../db/bootstrap';
import { importStandardFile } from '../../db/exchange/standard-import';
import type { Db } from '../../db/open';
import { activeCategoryVersion, readStandardMinors } from '../../db/queries/category-standards';
import { writeBadLimitWorkbook, writeMessyStandardWorkbook } from '../fixtures/standard-files';

const root = path.resolve(import.meta.dirname, '../..');
const SAMPLES = path.resolve(root, '../shared/samples');
const NOW = Date.UTC(2026, 10, 21, 6, 0);
let dir: string;
let db: Db;
const options = { now: NOW, actor: 'admin' };
const count = (sql: string) => db.prepare<[], number>(sql).pluck().get()!;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-standard-import-'));
  db = openOrCreateDatabase(path.join(dir, 'desk.sqlite'), {
    appVersion: 'test',
    now: NOW,
    demoWhenNew: false,
  }).db;
});
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('importing a category standard', () => {
  it('makes the sample workbook a new, active version with every 立案条件 and its limit', async () => {
    const report = await importStandardFile(
      db,
      path.join(SAMPLES, 'standard-sample.xlsx'),
      options,
    );
    expect(report).toMatchObject({
      status: 'done',
      version: 2,
      minors: 40,
      standards: 47,
      addedUnits: [],
    });
    expect(activeCategoryVersion(db)).toBe(2);
    expect(count('SELECT count(*) FROM category_standards WHERE version_id = 2')).toBe(47);
    const minors = readStandardMinors(db);
    expect(minors).toHaveLength(40);
    // 上水井盖 has two conditions, each with its own limit in its own unit.
    expect(minors[0]).toEqual({
      kind: '部件',
      major_code: '01',
      major_name: '公用设施',
      minor_code: '01',
      minor_name: '上水井盖',
      unit: '水务所',
      standards: [
        {
          condition: '井盖丢失',
          close_condition: '补齐井盖',
          limit: { value: 2, unit: 'natural_hours' },
          note: null,
        },
        {
          condition: '井盖破损、移位',
          close_condition: '修复或更换井盖',
          limit: { value: 4, unit: 'working_hours' },
          note: null,
        },
      ],
    });
    expect(count("SELECT count(*) FROM audit_log WHERE action = 'categories.import'")).toBe(1);
  });

  it('recognises the same file again and changes nothing', async () => {
    const again = await importStandardFile(db, path.join(SAMPLES, 'standard-sample.xlsx'), options);
    expect(again).toMatchObject({ status: 'unchanged', version: 2 });
    expect(count('SELECT count(*) FROM category_versions')).toBe(2);
  });

  it('refuses a table with an unreadable limit, naming sheet, row and cell, and writes nothing', async () => {
    const versions = count('SELECT count(*) FROM category_versions');
    const units = count('SELECT count(*) FROM units');
    const report = await importStandardFile(db, await writeBadLimitWorkbook(dir), options);
    expect(report.status).toBe('refused');
    expect(report.refusal!.zh).toContain('未导入');
    expect(report.problems[0]).toMatchObject({ sheet: '部件', row: 5, cell: 'I5', value: '三天' });
    expect(report.refusal!.en).toContain('I5');
    expect(count('SELECT count(*) FROM category_versions')).toBe(versions);
    expect(count('SELECT count(*) FROM units')).toBe(units);
    expect(activeCategoryVersion(db)).toBe(2);
  });

  it('adds a handling unit it does not know as a department and says so', async () => {
    const report = await importStandardFile(db, await writeMessyStandardWorkbook(dir), options);
    expect(report.status).toBe('done');
    expect(report.addedUnits.map((u) => u.name)).toEqual(['网格工作站']);
    const added = db
      .prepare<[string], { kind: string }>('SELECT kind FROM units WHERE code = ?')
      .get(report.addedUnits[0]!.code);
    expect(added).toEqual({ kind: 'department' });
    expect(activeCategoryVersion(db)).toBe(report.version);
    // The earlier version is still there, row for row: cases registered under it keep it.
    expect(count('SELECT count(*) FROM category_standards WHERE version_id = 2')).toBe(47);
  });
});

describe('faults', () => {
  it('refuses a copy cut off on the way (truncated xlsx) in one sentence, writing nothing', async () => {
    const whole = fs.readFileSync(path.join(SAMPLES, 'standard-sample.xlsx'));
    const cut = path.join(dir, 'standard-cut.xlsx');
    fs.writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const versions = count('SELECT count(*) FROM category_versions');
    const report = await importStandardFile(db, cut, options);
    expect(report.status).toBe('refused');
    expect(report.refusal!.zh).toContain('standard-cut.xlsx');
    expect(report.refusal!.en).not.toMatch(/\n\s+at /); // a sentence, not a stack trace
    expect(count('SELECT count(*) FROM category_versions')).toBe(versions);
  });
});

describe('the command line', () => {
  const griddesk = (...args: string[]) => {
    const result = spawnSync(process.execPath, [path.join(root, 'bin/griddesk.mjs'), ...args], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, LANG: 'en_US.UTF-8', XDG_CONFIG_HOME: path.join(dir, 'config') },
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it('imports a standard found by its header, and prints the active version as JSON', () => {
    const file = path.join(dir, 'cli.sqlite');
    const imported = griddesk(
      'import',
      path.join(SAMPLES, 'standard-sample.csv'),
      '--db',
      file,
      '--json',
    );
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({
      status: 'done',
      minors: 40,
      standards: 47,
    });
    const listed = griddesk('categories', '--db', file, '--json');
    expect(listed.code).toBe(0);
    const minors = JSON.parse(listed.stdout) as Array<Record<string, unknown>>;
    expect(minors).toHaveLength(40);
    expect(Object.keys(minors[0]!).sort()).toEqual(
      ['kind', 'major_code', 'major_name', 'minor_code', 'minor_name', 'unit', 'standards'].sort(),
    );
    const bad = griddesk(
      'import',
      path.join(dir, 'standard-bad-limit.xlsx'),
      '--db',
      file,
      '--kind',
      'standards',
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('I5');
  });
});
