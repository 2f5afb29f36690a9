/**
 * The desk keeps working during an import started in the app (issue 10): a 50,000-row case
 * file is imported as a job (in its worker thread, on its own connection) while the desk
 * reads its overview, a board page and the overdue alarm over and over. Every read must
 * answer, the event loop must never stall (perf_hooks.monitorEventLoopDelay), and the
 * reads must really have overlapped the import.
 */
import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ImportJobStatus } from '../../api/contract';
import { liveImportWorkers, useBundledImportWorkers } from '../../db/exchange/import-in-worker';
import { openCaseDesk, signInDesk, type CaseDesk } from './cases-fixture';
import { writeBigCsv } from './exchange-big-file';
import { SAMPLES } from './exchange-fixture';

const ROWS = 50_000;
let desk: CaseDesk;
let tokens: Awaited<ReturnType<typeof signInDesk>>;
beforeAll(async () => {
  desk = openCaseDesk('griddesk-import-worker-');
  tokens = await signInDesk(desk);
});
afterAll(() => desk.close());

it('reads answer while a 50,000-row import runs, and the event loop never stalls', async () => {
  const file = path.join(desk.dir, 'cases-50k.csv');
  await writeBigCsv(file, ROWS);
  const before = desk.db.prepare('SELECT count(*) FROM cases').pluck().get() as number;

  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const started = await desk.call(tokens.admin, 'exchange.import.start', {
    path: file,
    skipInvalid: false,
  });
  let status: ImportJobStatus = started;
  const readMs: number[] = [];
  let readsWhileRunning = 0;
  let readsWhileWriting = 0;
  const since = Date.now() - 60_000;
  while (status.state === 'running') {
    const t0 = performance.now();
    const [counts, page, alarm] = await Promise.all([
      desk.call(tokens.zhang, 'overview.counts', {}),
      desk.call(tokens.zhang, 'cases.list', { limit: 100 }),
      desk.call(tokens.zhang, 'cases.newlyOverdue', { since }),
    ]);
    readMs.push(performance.now() - t0);
    expect(counts.open).toBeGreaterThan(0);
    expect(page.rows.length).toBeGreaterThan(0);
    expect(alarm.asOf).toBeGreaterThan(0);
    status = await desk.call(tokens.admin, 'exchange.jobStatus', { jobId: started.jobId });
    if (status.state === 'running') {
      readsWhileRunning += 1;
      if (status.progress.phase === 'writing') readsWhileWriting += 1;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  delay.disable();

  expect(status.state, JSON.stringify(status.failure ?? status.report?.refusal)).toBe('done');
  expect(status.report).toMatchObject({ written: true, counts: { rows: ROWS, new: ROWS } });
  expect(desk.db.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(before + ROWS);
  // Its thread ended with it.
  expect(liveImportWorkers()).toBe(0);
  // The reads overlapped the import, while it was writing.
  expect(readsWhileRunning).toBeGreaterThanOrEqual(5);
  expect(readsWhileWriting).toBeGreaterThanOrEqual(1);
  const maxDelayMs = delay.max / 1e6;
  const slowestReadMs = Math.max(...readMs);
  console.log(
    `[import-worker] ${readMs.length} read rounds during the import; slowest ${slowestReadMs.toFixed(0)} ms; ` +
      `event-loop delay max ${maxDelayMs.toFixed(0)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(0)} ms`,
  );
  // Generous bounds: the machine is shared. In the main thread the import stalled it 6.5 s.
  expect(maxDelayMs).toBeLessThan(1000);
  expect(slowestReadMs).toBeLessThan(1000);
  fs.rmSync(file);
}, 120_000);

it('the import worker bundled for Electron runs an import without tsx, its reading thread too', async () => {
  const { buildImportWorker, buildReadingWorker } =
    await import('../../scripts/build-electron.mjs');
  // Inside the checkout (dist/ is build output), so that it finds better-sqlite3 as Electron's
  // unpacked app finds its own.
  const bundleDir = path.resolve(import.meta.dirname, '../../dist/test-import-worker');
  useBundledImportWorkers({
    importWorker: await buildImportWorker(bundleDir),
    readingWorker: await buildReadingWorker(bundleDir),
  });
  // The bundled reading thread too, which a small file would not start of itself.
  process.env.GRIDDESK_IMPORT_WORKER = '1';
  try {
    const before = desk.db.prepare('SELECT count(*) FROM cases').pluck().get() as number;
    const started = await desk.call(tokens.admin, 'exchange.import.start', {
      path: path.join(SAMPLES, 'cases-sample.xlsx'),
      skipInvalid: false,
    });
    let status: ImportJobStatus = started;
    while (status.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = await desk.call(tokens.admin, 'exchange.jobStatus', { jobId: started.jobId });
    }
    expect(status.state, JSON.stringify(status.failure ?? status.report?.refusal)).toBe('done');
    expect(status.report?.written).toBe(true);
    expect(desk.db.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(
      before + status.report!.counts.new,
    );
  } finally {
    delete process.env.GRIDDESK_IMPORT_WORKER;
    useBundledImportWorkers(null);
  }
}, 60_000);
