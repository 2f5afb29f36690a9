/**
 * The exchange through the API the app calls: preview, an import job polled to the end
 * (with the live event after it commits), cancel = rollback, one job at a time, templates,
 * uploads, exports, and who may do what (administrators import and export; only they may
 * export personal data in full).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJobStatus } from '../../api/contract';
import { aGrid, openCaseDesk, signInDesk, type CaseDesk } from './cases-fixture';
import { SAMPLES } from './exchange-fixture';
import { writeBigCsv } from './exchange-big-file';

let desk: CaseDesk;
let tokens: Awaited<ReturnType<typeof signInDesk>>;
beforeAll(async () => {
  desk = openCaseDesk('griddesk-exchange-api-');
  tokens = await signInDesk(desk);
});
afterAll(() => desk.close());

async function untilEnded(token: string, job: ImportJobStatus): Promise<ImportJobStatus> {
  let status = job;
  for (let i = 0; i < 600 && status.state === 'running'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    status = await desk.call(token, 'exchange.jobStatus', { jobId: job.jobId });
  }
  return status;
}

describe('import jobs', () => {
  it('previews a file: encoding, header row, mapping and the first rows', async () => {
    const preview = await desk.call(tokens.admin, 'exchange.preview', {
      path: path.join(SAMPLES, 'cases-sample-gbk.csv'),
    });
    expect(preview).toMatchObject({
      kind: 'cases',
      format: 'csv',
      encoding: 'GB18030',
      headerRow: 1,
    });
    expect(preview.columns.slice(0, 3)).toEqual([
      { index: 0, header: '案卷编号', key: 'case_no', how: 'alias' },
      { index: 1, header: '问题来源', key: 'source', how: 'alias' },
      { index: 2, header: '问题类型', key: 'kind', how: 'alias' },
    ]);
    expect(preview.rows).toHaveLength(20);
    expect(preview.rows[0]).toMatchObject({
      row: 2,
      cells: expect.arrayContaining(['E02042026110400001']),
    });
  });

  it('runs an import as a job, reports it by row, and announces the change after the commit', async () => {
    const started = await desk.call(tokens.admin, 'exchange.import.start', {
      path: path.join(SAMPLES, 'cases-sample.xlsx'),
      skipInvalid: false,
    });
    expect(started.state).toBe('running');
    const ended = await untilEnded(tokens.admin, started);
    expect(ended.state).toBe('done');
    expect(ended.report).toMatchObject({
      status: 'done',
      written: true,
      counts: { rows: 60, invalid: 0 },
    });
    expect(ended.progress.phase).toBe('done');
    expect(desk.live.some((e) => e.type === 'cases.changed' && e.caseIds === null)).toBe(true);
    const history = await desk.call(tokens.zhang, 'exchange.history', { limit: 5 });
    expect(history[0]).toMatchObject({
      direction: 'import',
      fileName: 'cases-sample.xlsx',
      status: 'done',
      actor: '系统管理员',
    });
    const batch = await desk.call(tokens.zhang, 'exchange.batch', { id: history[0]!.id });
    expect(batch.report).toMatchObject({ counts: { rows: 60 } });
  });

  it('cancels a running import: nothing is written, and only one import runs at a time', async () => {
    const big = path.join(desk.dir, 'big.csv');
    await writeBigCsv(big, 300_000);
    const before = desk.db.prepare('SELECT count(*) FROM cases').pluck().get();
    const started = await desk.call(tokens.admin, 'exchange.import.start', {
      path: big,
      skipInvalid: false,
    });
    await expect(
      desk.call(tokens.admin, 'exchange.import.start', { path: big, skipInvalid: false }),
    ).rejects.toMatchObject({ code: 'import_running' });
    let status = started;
    // While it runs the app keeps answering (the import yields between chunks).
    for (let i = 0; i < 200 && status.progress.rows < 5000; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = await desk.call(tokens.admin, 'exchange.jobStatus', { jobId: started.jobId });
      expect((await desk.call(tokens.zhang, 'overview.counts', {})).open).toBeGreaterThan(0);
    }
    expect(await desk.call(tokens.admin, 'exchange.cancel', { jobId: started.jobId })).toEqual({
      cancelled: true,
    });
    const ended = await untilEnded(tokens.admin, started);
    expect(ended.state).toBe('cancelled');
    expect(ended.report?.written).toBe(false);
    expect(desk.db.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(before);
    fs.rmSync(big);
  }, 60_000);
});

describe('the desk during an import', () => {
  it('refuses writes at once with a sentence naming the import, and takes them once it ends', async () => {
    const big = path.join(desk.dir, 'busy.csv');
    await writeBigCsv(big, 300_000);
    const started = await desk.call(tokens.admin, 'exchange.import.start', {
      path: big,
      skipInvalid: false,
    });
    let status = started;
    for (let i = 0; i < 200 && status.progress.rows < 2000; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = await desk.call(tokens.admin, 'exchange.jobStatus', { jobId: started.jobId });
    }
    expect(status.state).toBe('running');
    const grid = aGrid(desk.db);
    const report = {
      source: 'grid_patrol' as const,
      categoryCode: 'E0505',
      description: '导入期间上报的机动车乱停放',
      point: { lng: grid.lng, lat: grid.lat, crs: 'WGS84' as const },
    };
    const waitedFrom = performance.now();
    const refused = await desk.call(tokens.zhang, 'cases.create', report).catch((e: unknown) => e);
    const waitedMs = performance.now() - waitedFrom;
    expect(refused).toMatchObject({
      code: 'import_in_progress',
      sentence: { zh: expect.stringContaining('正在导入 busy.csv') },
    });
    // Not SQLite's five-second busy wait, which would freeze the whole app each time.
    expect(waitedMs).toBeLessThan(4000);
    // Reads go on as before.
    expect((await desk.call(tokens.zhang, 'overview.counts', {})).open).toBeGreaterThan(0);
    await desk.call(tokens.admin, 'exchange.cancel', { jobId: started.jobId });
    expect((await untilEnded(tokens.admin, started)).state).toBe('cancelled');
    const created = await desk.call(tokens.zhang, 'cases.create', report);
    expect(created.id).toBeGreaterThan(0);
    fs.rmSync(big);
  }, 60_000);
});

describe('templates, uploads, exports', () => {
  it('saves a column mapping per source and uses it', async () => {
    const saved = await desk.call(tokens.admin, 'exchange.templates.save', {
      sourceName: '某市平台',
      kind: 'cases',
      mapping: { 工单号: 'case_no' },
    });
    expect(await desk.call(tokens.admin, 'exchange.templates', {})).toEqual([saved]);
    const preview = await desk.call(tokens.admin, 'exchange.preview', {
      path: path.join(SAMPLES, 'cases-sample.json'),
      mapping: saved.mapping,
    });
    expect(preview.columns.find((c) => c.header === '案卷编号')).toMatchObject({ key: 'case_no' });
    expect(await desk.call(tokens.admin, 'exchange.templates.delete', { id: saved.id })).toEqual({
      deleted: true,
    });
  });

  it('takes a small dropped file as an upload and imports it by path', async () => {
    const bytes = fs.readFileSync(path.join(SAMPLES, 'open311-requests.json'));
    const { path: uploaded } = await desk.call(tokens.admin, 'exchange.upload', {
      fileName: '../requests.json',
      contentBase64: bytes.toString('base64'),
    });
    expect(path.basename(uploaded)).toBe('requests.json');
    expect(fs.readFileSync(uploaded)).toEqual(bytes);
    const ended = await untilEnded(
      tokens.admin,
      await desk.call(tokens.admin, 'exchange.import.start', {
        path: uploaded,
        skipInvalid: false,
      }),
    );
    expect(ended.report?.counts.rows).toBe(60);
  });

  it('clears uploads over a week old when a new file is dropped, and keeps recent ones', async () => {
    // Uploads live in the app's own temp folder beside the database (issue 10), not in /tmp.
    const uploads = path.join(desk.dir, 'griddesk-temp', 'uploads');
    const stale = path.join(uploads, `stale-${process.pid}`);
    const recent = path.join(uploads, `recent-${process.pid}`);
    for (const dir of [stale, recent]) {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'cases.csv'), '案卷编号\n');
    }
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3_600_000);
    fs.utimesSync(stale, eightDaysAgo, eightDaysAgo);
    const { path: uploaded } = await desk.call(tokens.admin, 'exchange.upload', {
      fileName: 'today.csv',
      contentBase64: Buffer.from('案卷编号\n').toString('base64'),
    });
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(recent)).toBe(true);
    expect(fs.existsSync(uploaded)).toBe(true);
    fs.rmSync(recent, { recursive: true, force: true });
  });

  it('exports for administrators; personal data in full only when an administrator asks', async () => {
    const out = path.join(desk.dir, 'export/');
    const report = await desk.call(tokens.admin, 'exchange.export', {
      kind: 'cases',
      format: 'csv',
      out,
      unmasked: true,
      since: 0,
    });
    expect(report).toMatchObject({ kind: 'cases', format: 'csv', unmasked: true });
    expect(report.rows).toBeGreaterThan(2000);
    await expect(
      desk.call(tokens.zhang, 'exchange.export', { kind: 'cases', out, unmasked: false }),
    ).rejects.toMatchObject({ code: 'role_not_allowed' });
    await expect(
      desk.call(null, 'exchange.import.start', { path: report.file, skipInvalid: false }),
    ).rejects.toMatchObject({ code: 'sign_in_required' });
    const overview = await desk.call(tokens.admin, 'exchange.overview', {});
    expect(overview).toMatchObject({
      lastCaseExportAt: desk.clock.now,
      canExportUnmasked: true,
      runningJob: null,
    });
    expect((await desk.call(tokens.zhang, 'exchange.overview', {})).canExportUnmasked).toBe(false);
  });

  it('turns a refused file into one sentence with its place', async () => {
    await expect(
      desk.call(tokens.admin, 'exchange.preview', { path: path.join(desk.dir, 'nope.xlsx') }),
    ).rejects.toMatchObject({
      code: 'file_not_found',
      sentence: { zh: expect.stringContaining('找不到文件') },
      where: expect.stringContaining('nope.xlsx'),
    });
  });
});
