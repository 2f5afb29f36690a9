/**
 * Reads during an in-app import (issue 10): the desk's overview read (overview.counts) and
 * a board page (cases.list, 100 cards by due time), called through invoke() as a window's
 * calls are, one after another for as long as an import of N rows runs in the app (an
 * import job: its own worker thread and connection), against the same reads with no import,
 * in the same run. Also the event loop's worst delay (perf_hooks) over each phase.
 * Sizes: IMPORT_READS_ROWS (comma-separated; default 200000,1000000).
 * Run: node --import tsx tests/bench/import-reads.bench.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { SYSTEM_ACTOR, type ApiContext } from '../../api/context';
import { importJobStatus, startImportJob } from '../../api/exchange/import-jobs';
import { invoke } from '../../api/invoke';
import { LiveBus } from '../../api/live';
import { openOrCreateDatabase } from '../../db/bootstrap';
import { writeBigCsv } from '../integration/exchange-big-file';
import { median, percentile, record } from './record';

const SIZES = (process.env.IMPORT_READS_ROWS ?? '200000,1000000').split(',').map(Number);
const NOW = Date.now();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-bench-import-reads-'));
const log = (message: string) => process.stderr.write(`[import-reads.bench] ${message}\n`);

/** The demo street (2,322 cases), the desk every run starts from. */
const template = path.join(dir, 'template.sqlite');
{
  const { db } = openOrCreateDatabase(template, {
    appVersion: 'bench',
    now: NOW,
    demoWhenNew: true,
    demoSeed: 7,
  });
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

interface Timings {
  overview: number[];
  board: number[];
  loopMaxMs: number;
}

function summary(values: number[]) {
  return {
    n: values.length,
    p50: Number(median(values).toFixed(1)),
    p95: Number(percentile(values, 95).toFixed(1)),
    max: Number(Math.max(...values).toFixed(1)),
  };
}

/** Overview and board page, one after the other, every 20 ms while `running()` says so. */
async function readWhile(context: ApiContext, running: () => boolean): Promise<Timings> {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const timings: Timings = { overview: [], board: [], loopMaxMs: 0 };
  while (running()) {
    let t0 = performance.now();
    await invoke(context, 'overview.counts', {});
    timings.overview.push(performance.now() - t0);
    t0 = performance.now();
    await invoke(context, 'cases.list', { limit: 100 });
    timings.board.push(performance.now() - t0);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  delay.disable();
  timings.loopMaxMs = delay.max / 1e6;
  return timings;
}

const figures: Record<string, unknown> = {};
for (const rows of SIZES) {
  const csv = path.join(dir, `cases-${rows}.csv`);
  await writeBigCsv(csv, rows);
  const file = path.join(dir, `desk-${rows}.sqlite`);
  fs.copyFileSync(template, file);
  const { db } = openOrCreateDatabase(file, { appVersion: 'bench', now: NOW, demoWhenNew: false });
  const context: ApiContext = {
    db,
    now: () => Date.now(),
    appVersion: 'bench',
    live: new LiveBus(),
    actor: SYSTEM_ACTOR,
    transport: 'http',
  };
  // 1. The same reads with no import, for ten seconds.
  const quietUntil = performance.now() + 10_000;
  const quiet = await readWhile(context, () => performance.now() < quietUntil);
  // 2. While the import runs in the app.
  const started = startImportJob(context, { path: csv, skipInvalid: false }, (reference, error) =>
    log(`import failed (${reference}): ${String(error)}`),
  );
  const t0 = performance.now();
  const busy = await readWhile(
    context,
    () => importJobStatus(context, started.jobId).state === 'running',
  );
  const importMs = performance.now() - t0;
  const ended = importJobStatus(context, started.jobId);
  if (ended.state !== 'done') throw new Error(`the import did not finish: ${ended.state}`);
  db.close();
  fs.rmSync(csv);
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  figures[`rows${rows}`] = {
    importMs: Math.round(importMs),
    importRowsPerSecond: Math.round(rows / (importMs / 1000)),
    overviewDuringImport: summary(busy.overview),
    boardDuringImport: summary(busy.board),
    eventLoopMaxDuringImportMs: Math.round(busy.loopMaxMs),
    overviewNoImport: summary(quiet.overview),
    boardNoImport: summary(quiet.board),
    eventLoopMaxNoImportMs: Math.round(quiet.loopMaxMs),
    machineLoadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
  log(JSON.stringify(figures[`rows${rows}`]));
}
fs.rmSync(dir, { recursive: true, force: true });
record('import-reads', figures);
