/**
 * Faults around imports and the desk (issue 10, "the desk keeps working during imports"):
 * - the worker thread of an in-app import dies mid-write: nothing is written, the job says
 *   it failed in a sentence with a reference, and the desk can save again at once;
 * - a command-line import (another process) holds the write lock: a save in the app is
 *   refused within half a second with a sentence naming the file the CLI is importing, and
 *   reads go on; once that process is killed (kill -9), its note is ignored and saves go through;
 * - the hook before a large import (the backup's) refuses it with its sentence, or lets it in.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJobStatus } from '../../api/contract';
import {
  startImportJob,
  terminateImportJobWorker,
  importJobStatus,
} from '../../api/exchange/import-jobs';
import { importMarkerPath, readImportMarker } from '../../db/exchange/import-marker';
import { aGrid, openCaseDesk, signInDesk, type CaseDesk } from '../integration/cases-fixture';
import { writeBigCsv } from '../integration/exchange-big-file';

const root = path.resolve(import.meta.dirname, '../..');
let desk: CaseDesk;
let tokens: Awaited<ReturnType<typeof signInDesk>>;
let big: string;
beforeAll(async () => {
  desk = openCaseDesk('griddesk-fault-import-worker-');
  tokens = await signInDesk(desk);
  big = path.join(desk.dir, 'big-300k.csv');
  await writeBigCsv(big, 300_000);
}, 60_000);
afterAll(() => desk.close());

const count = (sql: string) => desk.db.prepare(sql).pluck().get() as number;
const snapshot = () => ({
  cases: count('SELECT count(*) FROM cases'),
  events: count('SELECT count(*) FROM case_events'),
  batches: count('SELECT count(*) FROM exchange_batches'),
});

function intake() {
  const grid = aGrid(desk.db);
  return {
    source: 'grid_patrol' as const,
    categoryCode: 'E0505',
    description: '导入期间上报的机动车乱停放',
    point: { lng: grid.lng, lat: grid.lat, crs: 'WGS84' as const },
  };
}

async function until(
  read: () => ImportJobStatus,
  done: (s: ImportJobStatus) => boolean,
  timeoutMs = 60_000,
): Promise<ImportJobStatus> {
  const end = Date.now() + timeoutMs;
  let status = read();
  while (!done(status) && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    status = read();
  }
  return status;
}

describe('the worker of an in-app import dies', () => {
  it('writes nothing, says the job failed in a sentence, and frees the desk at once', async () => {
    const before = snapshot();
    const logged: string[] = [];
    const started = startImportJob(desk.base, { path: big, skipInvalid: false }, (reference) =>
      logged.push(reference),
    );
    const status = () => importJobStatus(desk.base, started.jobId);
    const writing = await until(status, (s) => s.state !== 'running' || s.progress.rows >= 20_000);
    expect(writing.state).toBe('running');
    expect(writing.progress.phase).toBe('writing');

    await terminateImportJobWorker(desk.base, started.jobId);
    const ended = await until(status, (s) => s.state !== 'running', 10_000);
    expect(ended.state).toBe('failed');
    expect(ended.report).toBeNull();
    expect(ended.failure?.zh).toContain('big-300k.csv');
    expect(ended.failure?.zh).toContain('未写入任何内容');
    expect(ended.failure?.reference).toMatch(/^[0-9a-f]{8}$/);
    expect(logged).toEqual([ended.failure?.reference]);

    expect(snapshot()).toEqual(before);
    expect(desk.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(count("SELECT count(*) FROM sqlite_schema WHERE name = 'cases_fts_after_insert'")).toBe(
      1,
    );
    expect(readImportMarker(desk.file)).toBeNull();
    // The write lock went with the thread: a save goes through at once.
    const created = await desk.call(tokens.zhang, 'cases.create', intake());
    expect(created.id).toBeGreaterThan(0);
  }, 90_000);
});

describe('a command-line import runs beside the app', () => {
  let child: ChildProcess | null = null;
  afterAll(() => {
    child?.kill('SIGKILL');
  });

  it('a save is refused at once naming its file, reads go on, and after kill -9 saves go through', async () => {
    const before = snapshot();
    child = spawn(
      process.execPath,
      [path.join(root, 'bin/griddesk.mjs'), 'import', big, '--db', desk.file],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no writing within 60 s: ${stderr}`)),
        60_000,
      );
      child!.stderr!.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
        if (/: writing \d+%/.test(stderr)) {
          clearTimeout(timer);
          resolve();
        }
      });
      child!.once('exit', (code) => reject(new Error(`import ended (${code}): ${stderr}`)));
    });
    expect(readImportMarker(desk.file)).toMatchObject({
      pid: child.pid,
      by: 'cli',
      fileName: 'big-300k.csv',
    });

    const t0 = performance.now();
    const refused = await desk
      .call(tokens.zhang, 'cases.create', intake())
      .catch((e: unknown) => e);
    const refusedMs = performance.now() - t0;
    expect(refused).toMatchObject({
      code: 'cli_import_in_progress',
      sentence: {
        zh: expect.stringContaining('命令行正在导入 big-300k.csv'),
        en: expect.stringContaining('big-300k.csv'),
      },
    });
    expect(refusedMs).toBeLessThan(500);
    const r0 = performance.now();
    expect((await desk.call(tokens.zhang, 'overview.counts', {})).open).toBeGreaterThan(0);
    expect(performance.now() - r0).toBeLessThan(500);

    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    // The note stays behind a killed process, and is ignored: its process is gone.
    expect(fs.existsSync(importMarkerPath(desk.file))).toBe(true);
    expect(readImportMarker(desk.file)).toBeNull();
    expect(snapshot()).toEqual(before);
    const created = await desk.call(tokens.zhang, 'cases.create', intake());
    expect(created.id).toBeGreaterThan(0);
  }, 120_000);
});

describe('the hook before a large import', () => {
  it('refuses the import with its sentence (nothing written), or lets it commit', async () => {
    const file = path.join(desk.dir, 'cases-12k.csv');
    await writeBigCsv(file, 12_000);
    const before = snapshot();
    const refusedJob = startImportJob(desk.base, { path: file, skipInvalid: false }, () => {}, {
      beforeLargeImport: () =>
        Promise.reject(
          Object.assign(new Error('disk full'), {
            sentence: { zh: '备份失败：磁盘已满。', en: 'The backup failed: the disk is full.' },
          }),
        ),
    });
    const refused = await until(
      () => importJobStatus(desk.base, refusedJob.jobId),
      (s) => s.state !== 'running',
    );
    expect(refused.state).toBe('refused');
    expect(refused.report?.refusal).toEqual({
      zh: '备份失败：磁盘已满。',
      en: 'The backup failed: the disk is full.',
    });
    expect(snapshot().cases).toBe(before.cases);

    const asked: number[] = [];
    const casesBefore = snapshot().cases;
    const doneJob = startImportJob(desk.base, { path: file, skipInvalid: false }, () => {}, {
      beforeLargeImport: (rows) => {
        asked.push(rows);
        // The import's transaction is open in its worker: this connection sees the state before it.
        expect(count('SELECT count(*) FROM cases')).toBe(casesBefore);
        return Promise.resolve();
      },
    });
    const done = await until(
      () => importJobStatus(desk.base, doneJob.jobId),
      (s) => s.state !== 'running',
    );
    expect(done.state).toBe('done');
    expect(asked).toEqual([12_000]);
    expect(snapshot().cases).toBe(casesBefore + 12_000);
  }, 90_000);
});
