/**
 * `griddesk import` and `griddesk export` as a script uses them: one JSON object with
 * --json, exit 0 when written, 1 when refused (nothing written), 2 for usage errors, progress
 * on stderr only.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { NOW, openWorkspace, SAMPLES } from './exchange-fixture';

const root = path.resolve(import.meta.dirname, '../..');
const ws = openWorkspace('griddesk-exchange-cli-');
let dbFile: string;

function griddesk(...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(root, 'bin/griddesk.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en_US.UTF-8' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  const { db, file } = await ws.empty('cli');
  db.close();
  dbFile = file;
});
afterAll(() => ws.close());

describe('griddesk import', () => {
  it('prints one JSON object with the counts and exits 0 when written', () => {
    const run = griddesk(
      'import',
      path.join(SAMPLES, 'cases-sample-gbk.csv'),
      '--db',
      dbFile,
      '--json',
    );
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0]!);
    expect(result).toMatchObject({
      file: path.join(SAMPLES, 'cases-sample-gbk.csv'),
      kind: 'cases',
      rows: 60,
      new: 60,
      updated: 0,
      unchanged: 0,
      invalid: 0,
      errors: [],
    });
    expect(Object.keys(result).slice(0, 8)).toEqual([
      'file',
      'kind',
      'rows',
      'new',
      'updated',
      'unchanged',
      'invalid',
      'errors',
    ]);
    expect(run.stderr).toMatch(/\[griddesk\] import cases-sample-gbk\.csv: .*rows/);
  });

  it('detects the kind: a second run of the xlsx changes nothing; the GeoJSON is grids', () => {
    const again = JSON.parse(
      griddesk('import', path.join(SAMPLES, 'cases-sample.xlsx'), '--db', dbFile, '--json').stdout,
    );
    expect(again).toMatchObject({ kind: 'cases', new: 0, unchanged: 60 });
    const grids = JSON.parse(
      griddesk('import', path.join(SAMPLES, 'grids.geojson'), '--db', dbFile, '--json').stdout,
    );
    expect(grids).toMatchObject({ kind: 'grids', rows: 166, invalid: 0 });
  });

  it('exits 1 with one sentence and row-level errors when the input is refused, writing nothing', () => {
    const bad = ws.path('bad.csv');
    const text = fs.readFileSync(path.join(SAMPLES, 'cases-sample.json'), 'utf8');
    const rows = JSON.parse(text) as Record<string, unknown>[];
    const header = Object.keys(rows[0]!);
    const csv = [
      header.join(','),
      ...rows
        .slice(0, 3)
        .map((r, i) =>
          header
            .map((h) =>
              h === '案卷编号'
                ? `X${i}`
                : h === '上报时间' && i === 1
                  ? '下周一'
                  : String(r[h] ?? '').replaceAll(',', '，'),
            )
            .join(','),
        ),
    ].join('\n');
    fs.writeFileSync(bad, csv);
    const run = griddesk('import', bad, '--db', dbFile, '--json');
    expect(run.status).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ rows: 3, new: 0, invalid: 1, written: false });
    expect(result.errors).toEqual([
      {
        row: 3,
        column: '上报时间',
        value: '下周一',
        message: expect.stringMatching(/Unreadable date-time/),
      },
    ]);
    expect(run.stderr).toMatch(/griddesk: 1 rows are invalid .* nothing was imported/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const db = openDatabase(dbFile, { appVersion: 'test', now: NOW }).db;
    expect(db.prepare("SELECT count(*) FROM cases WHERE case_no LIKE 'X%'").pluck().get()).toBe(0);
    db.close();
    const empty = ws.path('empty.csv');
    fs.writeFileSync(empty, '');
    const refused = griddesk('import', empty, '--db', dbFile);
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim().split('\n').at(-1)).toBe(
      'griddesk: The file empty.csv is empty (0 bytes): nothing to import.',
    );
  });

  it('exits 2 for usage errors', () => {
    expect(
      griddesk('import', path.join(SAMPLES, 'grids.geojson'), '--db', dbFile, '--kind', 'roads')
        .status,
    ).toBe(2);
    expect(griddesk('import', '--db', dbFile).status).toBe(2);
    expect(
      griddesk(
        'export',
        '--kind',
        'cases',
        '--format',
        'pdf',
        '--out',
        ws.path('x'),
        '--db',
        dbFile,
      ).status,
    ).toBe(2);
    expect(
      griddesk(
        'export',
        '--kind',
        'cases',
        '--since',
        'yesterday-ish',
        '--out',
        ws.path('x'),
        '--db',
        dbFile,
      ).status,
    ).toBe(2);
  });
});

describe('griddesk export', () => {
  it('writes case updates and grids with the manifest beside them', () => {
    const out = ws.path('out/');
    const cases = griddesk(
      'export',
      '--kind',
      'cases',
      '--format',
      'csv',
      '--since',
      '2026-11-01',
      '--out',
      out,
      '--db',
      dbFile,
      '--json',
    );
    expect(cases.status).toBe(0);
    const report = JSON.parse(cases.stdout);
    expect(report).toMatchObject({ kind: 'cases', format: 'csv', rows: 60, unmasked: false });
    const grids = griddesk('export', '--kind', 'grids', '--out', out, '--db', dbFile);
    expect(grids.status).toBe(0);
    expect(grids.stdout).toMatch(/Wrote 166 places to .*\.geojson/);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest.files.map((f: { kind: string }) => f.kind)).toEqual(['cases', 'grids']);
    // The package the desk wrote imports back as a package.
    const back = JSON.parse(griddesk('import', out, '--db', dbFile, '--json').stdout);
    expect(back).toMatchObject({ kind: 'package', invalid: 0, new: 0 });
  });
});
