/**
 * Exports never lose what the city is owed (issue 10): two exports in the same second never
 * share a file; a 0-row export writes nothing and moves nothing; another producer's package
 * folder gets a subfolder; a folder of someone else's files needs the user's say-so; an
 * existing file is never overwritten; a full disk (a real 100 KB tmpfs) says so, leaves no
 * partial file and does not move the "since the last export" marker.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportFile, type ExportOptions } from '../../db/exchange/export-file';
import { ExchangeRefusal } from '../../db/exchange/file-probe';
import type { Db } from '../../db/open';
import { count, NOW, openWorkspace } from '../integration/exchange-fixture';
import { mountSmallDisk, NO_SMALL_DISK } from '../fixtures/small-disk';

const ws = openWorkspace('griddesk-fault-exports-');
const mounts: string[] = [];
afterAll(() => {
  for (const dir of mounts) {
    try {
      execFileSync('umount', [dir]);
    } catch {
      // already gone
    }
  }
  ws.close();
});

const exportTo = (db: Db, out: string, options: Partial<ExportOptions> = {}) =>
  exportFile(db, {
    kind: 'cases',
    format: 'xlsx',
    out,
    unmasked: false,
    now: NOW,
    actor: '测试',
    ...options,
  });

async function refusalOf(work: Promise<unknown>): Promise<ExchangeRefusal> {
  try {
    await work;
  } catch (error) {
    if (error instanceof ExchangeRefusal) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const pending = (db: Db) =>
  count(db, 'SELECT count(*) FROM cases WHERE exchanged_at IS NULL OR updated_at <> exchanged_at');
const manifestOf = (dir: string) =>
  JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
    producer: string;
    files: Array<{ path: string; rows: number; sha256: string }>;
  };

describe('exports never overwrite', () => {
  it('a second export in the same second (0 rows) leaves the first file, its manifest entry and the marker alone', async () => {
    const { db } = ws.demo();
    const dir = ws.path('same-second/');
    const first = await exportTo(db, dir);
    expect(first.rows).toBeGreaterThan(2000);
    expect(first.fileName).toBe('案卷更新-20261121-140000.xlsx');
    const bytes = fs.readFileSync(first.file);

    const empty = await refusalOf(exportTo(db, dir));
    expect(empty.code).toBe('export_empty');
    expect(empty.sentence.zh).toMatch(/^没有需要回传的更新/);
    expect(fs.readFileSync(first.file)).toEqual(bytes);
    expect(manifestOf(dir).files).toEqual([
      { path: first.fileName, kind: 'cases', rows: first.rows, sha256: first.sha256 },
    ]);
    expect(count(db, "SELECT count(*) FROM exchange_batches WHERE direction = 'export'")).toBe(1);

    // Asked for, the empty file gets its own name; the first is still there and listed.
    const second = await exportTo(db, dir, { writeEmpty: true });
    expect(second.rows).toBe(0);
    expect(second.fileName).toBe('案卷更新-20261121-140000-2.xlsx');
    expect(fs.readFileSync(first.file)).toEqual(bytes);
    expect(manifestOf(dir).files.map((f) => [f.path, f.rows])).toEqual([
      [first.fileName, first.rows],
      [second.fileName, 0],
    ]);
  });

  it('two exports with rows in the same second write two files, each in the manifest', async () => {
    const { db } = ws.demo();
    const dir = ws.path('two-with-rows/');
    const a = await exportTo(db, dir, { since: 0, format: 'csv' });
    const b = await exportTo(db, dir, { since: 0, format: 'csv' });
    expect(a.file).not.toBe(b.file);
    expect(fs.existsSync(a.file) && fs.existsSync(b.file)).toBe(true);
    expect(manifestOf(dir).files.map((f) => f.path)).toEqual([a.fileName, b.fileName]);
    // Open311's fixed name gets a counter too.
    const o1 = await exportTo(db, dir, { since: 0, format: 'open311' });
    const o2 = await exportTo(db, dir, { since: 0, format: 'open311' });
    expect([o1.fileName, o2.fileName]).toEqual(['requests.json', 'requests-2.json']);
  });

  it('a file named by the user that exists is refused, not overwritten', async () => {
    const { db } = ws.demo();
    const dir = ws.path('named/');
    fs.mkdirSync(dir, { recursive: true });
    const first = await exportTo(db, path.join(dir, 'out.csv'), { format: 'csv', since: 0 });
    const before = fs.readFileSync(first.file);
    const again = await refusalOf(
      exportTo(db, path.join(dir, 'out.csv'), { format: 'csv', since: 0 }),
    );
    expect(again.code).toBe('export_exists');
    expect(again.sentence.zh).toContain(path.join(dir, 'out.csv'));
    expect(fs.readFileSync(first.file)).toEqual(before);
  });
});

describe('a killed export', () => {
  it('leaves only a hidden temporary file, which is not a stranger’s and goes at the next export', async () => {
    const { db } = ws.demo();
    const dir = ws.path('killed');
    fs.mkdirSync(dir, { recursive: true });
    const stale = path.join(dir, '.案卷更新-20261121-135900.xlsx.0a1b2c3d.part');
    const fresh = path.join(dir, '.案卷更新-20261121-140000.xlsx.deadbeef.part');
    fs.writeFileSync(stale, 'half an xlsx');
    fs.writeFileSync(fresh, 'being written');
    const hourAgo = new Date(Date.now() - 2 * 3_600_000);
    fs.utimesSync(stale, hourAgo, hourAgo);
    const report = await exportTo(db, dir);
    expect(report.newFolder).toBeNull();
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(fresh)).toBe(true);
  });
});

describe('other people’s folders', () => {
  it('a folder holding the city’s package (its manifest) gets a new subfolder; the city’s files are untouched', async () => {
    const { db } = ws.demo();
    const dir = ws.path('city-package');
    fs.mkdirSync(dir, { recursive: true });
    const cityManifest = `${JSON.stringify({
      format: 'griddesk-exchange',
      version: 1,
      producer: 'city-platform',
      files: [{ path: 'cases.xlsx', kind: 'cases', rows: 1, sha256: 'a'.repeat(64) }],
    })}\n`;
    fs.writeFileSync(path.join(dir, 'manifest.json'), cityManifest);
    fs.writeFileSync(path.join(dir, 'cases.xlsx'), 'city bytes');
    const report = await exportTo(db, dir);
    expect(report.newFolder).toBe(path.join(dir, 'griddesk-回传-20261121-140000'));
    expect(path.dirname(report.file)).toBe(report.newFolder);
    expect(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')).toBe(cityManifest);
    expect(fs.readFileSync(path.join(dir, 'cases.xlsx'), 'utf8')).toBe('city bytes');
    expect(manifestOf(report.newFolder!).files.map((f) => f.path)).toEqual([report.fileName]);
    expect(fs.readdirSync(dir).sort()).toEqual(
      ['cases.xlsx', 'griddesk-回传-20261121-140000', 'manifest.json'].sort(),
    );
  });

  it('another desk’s griddesk manifest (files this desk never exported) is not merged into', async () => {
    const { db } = ws.demo();
    const { db: other } = ws.demo('other');
    const dir = ws.path('other-desk/');
    const theirs = await exportTo(other, dir, { since: 0 });
    const theirBytes = fs.readFileSync(theirs.file);
    const mine = await exportTo(db, dir, { since: 0 });
    expect(mine.newFolder).toBe(path.join(dir, 'griddesk-回传-20261121-140000'));
    expect(fs.readFileSync(theirs.file)).toEqual(theirBytes);
    expect(manifestOf(dir).files.map((f) => f.path)).toEqual([theirs.fileName]);
  });

  it('a folder of files this desk did not make is written into only when the user confirms', async () => {
    const { db } = ws.demo();
    const dir = ws.path('documents');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, '工作总结.docx'), 'not ours');
    fs.writeFileSync(path.join(dir, '.DS_Store'), '');
    const before = pending(db);
    const refused = await refusalOf(exportTo(db, dir));
    expect(refused.code).toBe('export_foreign_folder');
    expect(refused.sentence.zh).toContain(dir);
    expect(refused.sentence.zh).toContain('工作总结.docx');
    expect(refused.sentence.zh).toContain('--into-nonempty');
    expect(fs.readdirSync(dir).sort()).toEqual(['.DS_Store', '工作总结.docx']);
    expect(pending(db)).toBe(before);

    const confirmed = await exportTo(db, dir, { confirmForeignFolder: true });
    expect(confirmed.rows).toBe(before);
    expect(fs.existsSync(path.join(dir, '工作总结.docx'))).toBe(true);
    // This desk's own earlier export is no stranger: the next one needs no confirmation.
    db.prepare('UPDATE cases SET updated_at = ? WHERE id = 1').run(NOW + 500);
    await expect(exportTo(db, ws.path('own/'), { now: NOW + 1000 })).resolves.toMatchObject({
      rows: 1,
    });
    db.prepare('UPDATE cases SET updated_at = ? WHERE id = 2').run(NOW + 1500);
    await expect(exportTo(db, ws.path('own/'), { now: NOW + 2000 })).resolves.toMatchObject({
      rows: 1,
    });
  });
});

describe('a full disk', () => {
  function smallDisk(name: string, size: string): string | null {
    const dir = ws.path(name);
    if (!mountSmallDisk(dir, `size=${size}`, 'faults/exports')) return null;
    mounts.push(dir);
    return dir;
  }

  it.for(['csv', 'xlsx', 'json'] as const)(
    '%s: ENOSPC says the disk is full naming the folder, leaves no file and moves no marker',
    async (format, ctx) => {
      const disk = smallDisk(`stick-${format}`, format === 'xlsx' ? '48k' : '96k');
      if (!disk) return ctx.skip(NO_SMALL_DISK);
      const { db } = ws.demo();
      const before = pending(db);
      const exchanged = db.prepare('SELECT id, exchanged_at FROM cases ORDER BY id').all();
      const refused = await refusalOf(exportTo(db, disk, { format }));
      expect(refused.code).toBe('disk_full');
      expect(refused.sentence.zh).toMatch(/^磁盘空间不足/);
      expect(refused.sentence.zh).toContain(disk);
      expect(refused.sentence.en).toContain('disk is full');
      expect(fs.readdirSync(disk)).toEqual([]);
      expect(pending(db)).toBe(before);
      expect(db.prepare('SELECT id, exchanged_at FROM cases ORDER BY id').all()).toEqual(exchanged);
      expect(count(db, "SELECT count(*) FROM exchange_batches WHERE direction = 'export'")).toBe(0);
      // On a disk with room, the same export carries every one of those updates.
      const retry = await exportTo(db, ws.path(`roomy-${format}/`), { format });
      expect(retry.rows).toBe(before);
      expect(pending(db)).toBe(0);
    },
  );
});

describe('griddesk export', () => {
  const root = path.resolve(import.meta.dirname, '../..');
  const griddesk = (...args: string[]) => {
    const run = spawnSync(process.execPath, [path.join(root, 'bin/griddesk.mjs'), ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, LANG: 'zh_CN.UTF-8' },
    });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  };

  it('no changes: says so, writes nothing, exits 0; --allow-empty writes; a stranger’s folder needs --into-nonempty', () => {
    const { db, file } = ws.demo('cli');
    db.close();
    const out = ws.path('cli-out/');
    const first = griddesk('export', '--kind', 'cases', '--out', out, '--db', file, '--json');
    expect(first.status).toBe(0);
    const report = JSON.parse(first.stdout) as { rows: number; file: string };
    expect(report.rows).toBeGreaterThan(2000);

    const again = griddesk('export', '--kind', 'cases', '--out', out, '--db', file);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/^没有需要回传的更新/);
    expect(fs.readdirSync(out).sort()).toEqual(
      [path.basename(report.file), 'manifest.json'].sort(),
    );
    const json = griddesk('export', '--kind', 'cases', '--out', out, '--db', file, '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({
      rows: 0,
      written: false,
      code: 'export_empty',
    });
    const empty = griddesk(
      'export',
      '--kind',
      'cases',
      '--out',
      out,
      '--db',
      file,
      '--allow-empty',
      '--json',
    );
    expect(empty.status).toBe(0);
    expect(JSON.parse(empty.stdout)).toMatchObject({ rows: 0 });
    expect(fs.readdirSync(out)).toHaveLength(3);

    const stranger = ws.path('cli-stranger');
    fs.mkdirSync(stranger, { recursive: true });
    fs.writeFileSync(path.join(stranger, '照片.jpg'), 'x');
    const refused = griddesk('export', '--kind', 'grids', '--out', stranger, '--db', file);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(stranger);
    expect(refused.stderr).toContain('--into-nonempty');
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(fs.readdirSync(stranger)).toEqual(['照片.jpg']);
    const confirmed = griddesk(
      'export',
      '--kind',
      'grids',
      '--out',
      stranger,
      '--db',
      file,
      '--into-nonempty',
    );
    expect(confirmed.status).toBe(0);
    expect(fs.readdirSync(stranger)).toHaveLength(3);
  });
});
