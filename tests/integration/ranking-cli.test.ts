/** `griddesk ranking`, `griddesk bulletin publish` and `griddesk minutes` as a user runs them. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
let dir: string;
let dbFile: string;

function griddesk(...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(root, 'bin/griddesk.mjs'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en_US.UTF-8', XDG_CONFIG_HOME: path.join(dir, 'config') },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-ranking-cli-'));
  dbFile = path.join(dir, 'demo.sqlite');
  const demo = griddesk('demo', '--db', dbFile, '--seed', '7');
  if (demo.code !== 0) throw new Error(demo.stderr);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const KEYS = [
  'unit_code',
  'unit_name',
  'due',
  'closed',
  'on_time',
  'rework',
  'extended',
  'closure_rate',
  'on_time_rate',
  'rework_rate',
  'satisfaction_rate',
  'score',
  'tier',
  'grade',
  'rank',
];

describe('griddesk ranking', () => {
  it('prints one JSON object per unit, ranked first then unranked, rates as fractions', () => {
    const month = new Date(Date.now() + 8 * 3600_000 - 20 * 86_400_000).toISOString().slice(0, 7);
    const result = griddesk('ranking', '--month', month, '--db', dbFile, '--json');
    expect(result.code, result.stderr).toBe(0);
    const rows = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(12);
    for (const row of rows) expect(Object.keys(row)).toEqual(KEYS);
    const ranks = rows.map((r) => r.rank);
    const firstUnranked = ranks.indexOf(null);
    const ranked = firstUnranked < 0 ? ranks : ranks.slice(0, firstUnranked);
    expect(ranked).toEqual(ranked.map((_, i) => i + 1));
    for (const row of rows.filter((r) => r.rank !== null)) {
      expect(row.on_time_rate as number).toBeGreaterThanOrEqual(0);
      expect(row.on_time_rate as number).toBeLessThanOrEqual(1);
      expect(row.score as number).toBeLessThanOrEqual(100);
      expect(['blue', 'yellow', 'red']).toContain(row.tier);
      expect(row.on_time_rate).toBeCloseTo((row.on_time as number) / (row.due as number), 12);
    }
  });

  it('ranks an ISO week by lead unit', () => {
    const result = griddesk(
      'ranking',
      '--week',
      '2026-W40',
      '--level',
      'unit',
      '--db',
      dbFile,
      '--json',
    );
    expect(result.code, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as unknown[]).length).toBeGreaterThan(10);
  });

  it('exits 2 with one sentence on usage errors', () => {
    for (const args of [
      [],
      ['--month', '2026-10', '--week', '2026-W40'],
      ['--month', '2026-13'],
      ['--week', '2027-W53'],
      ['--month', '2026-10', '--level', 'city'],
    ]) {
      const result = griddesk('ranking', ...args, '--db', dbFile);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('griddesk bulletin and minutes', () => {
  it('publishes a finished month once, and refuses an identical second version', () => {
    const first = griddesk('bulletin', 'publish', '--month', '2026-09', '--db', dbFile, '--json');
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      period: '2026-09',
      version: 1,
      level: 'community',
    });
    const again = griddesk('bulletin', 'publish', '--month', '2026-09', '--db', dbFile);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already has exactly these inputs/);
    const list = griddesk('bulletin', 'list', '--db', dbFile, '--json');
    expect(JSON.parse(list.stdout)).toHaveLength(1);
  });

  it('writes the minutes as PDF or xlsx by the file name', () => {
    const pdf = path.join(dir, 'minutes.pdf');
    const result = griddesk('minutes', '--week', '2026-W40', '--out', pdf, '--db', dbFile);
    expect(result.code, result.stderr).toBe(0);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = path.join(dir, 'minutes.xlsx');
    expect(griddesk('minutes', '--week', '2026-W40', '--out', xlsx, '--db', dbFile).code).toBe(0);
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    const wrong = griddesk(
      'minutes',
      '--week',
      '2026-W40',
      '--out',
      path.join(dir, 'minutes.doc'),
      '--db',
      dbFile,
    );
    expect(wrong.code).toBe(2);
  });
});
