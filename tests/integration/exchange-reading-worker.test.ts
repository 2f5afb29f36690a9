/**
 * The import's reading worker (db/exchange/case-reading.ts): a case file read and checked in
 * a worker thread writes exactly what the same import in one thread writes, refusals come
 * back as the same sentences, and the worker Electron ships (bundled by esbuild, loaded
 * without tsx) works too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { useBundledReadingWorker } from '../../db/exchange/case-reading';
import type { Db } from '../../db/open';
import { writeBigCsv } from './exchange-big-file';
import { importInto, openWorkspace, SAMPLES } from './exchange-fixture';

const ws = openWorkspace('griddesk-reading-worker-');
afterAll(() => ws.close());
afterEach(() => {
  delete process.env.GRIDDESK_IMPORT_WORKER;
});

/** What an import leaves in the tables it writes, ids and all. */
function written(db: Db) {
  return {
    cases: db.prepare('SELECT * FROM cases ORDER BY id').raw(true).all(),
    events: db
      .prepare(
        'SELECT case_id, kind, from_state, to_state, data FROM case_events ORDER BY case_id, kind',
      )
      .raw(true)
      .all(),
    units: db.prepare('SELECT * FROM case_units ORDER BY case_id, unit_code').raw(true).all(),
    fts: db
      .prepare('SELECT count(*) FROM cases_fts WHERE cases_fts MATCH \'"附近问题"\'')
      .pluck()
      .get(),
  };
}

async function importBothWays(file: string, options: Parameters<typeof importInto>[2] = {}) {
  const inWorker = await ws.empty('worker');
  process.env.GRIDDESK_IMPORT_WORKER = '1';
  const workerReport = await importInto(inWorker.db, file, options);
  const inThread = await ws.empty('thread');
  process.env.GRIDDESK_IMPORT_WORKER = '0';
  const threadReport = await importInto(inThread.db, file, options);
  return { inWorker, workerReport, inThread, threadReport };
}

describe('reading in a worker thread', () => {
  it('writes the same cases, events, lead units and search entries as one thread', async () => {
    const file = ws.path('5000.csv');
    await writeBigCsv(file, 5000);
    const { inWorker, workerReport, inThread, threadReport } = await importBothWays(file);
    expect(workerReport).toMatchObject({ status: 'done', counts: { rows: 5000, new: 5000 } });
    const { startedAt: _a, finishedAt: _b, batchId: _c, ...same } = workerReport;
    const { startedAt: _d, finishedAt: _e, batchId: _f, ...sameThread } = threadReport;
    expect(same).toEqual(sameThread);
    const fromWorker = written(inWorker.db);
    expect(fromWorker.fts).toBeGreaterThan(0);
    expect(fromWorker).toEqual(written(inThread.db));
  });

  it('refuses invalid rows the same way, and with "import valid rows" writes the same', async () => {
    const good = ws.path('300.csv');
    await writeBigCsv(good, 300);
    const lines = fs.readFileSync(good, 'utf8').split('\n');
    // Rows 11 and 201 (Excel numbering: the header is row 1) get an impossible report time.
    for (const i of [10, 200])
      lines[i] = lines[i]!.replace(/2026-10-01 (\d\d:\d\d:\d\d)/, '2026-13-45 $1');
    const file = ws.path('300-bad.csv');
    fs.writeFileSync(file, lines.join('\n'));

    const refused = await importBothWays(file);
    expect(refused.workerReport).toMatchObject({ status: 'refused', written: false });
    expect(refused.workerReport.errors.map((e) => e.row)).toEqual([11, 201]);
    expect(refused.workerReport.errors).toEqual(refused.threadReport.errors);
    expect(refused.workerReport.refusal).toEqual(refused.threadReport.refusal);
    expect(written(refused.inWorker.db).cases).toEqual([]);

    const valid = await importBothWays(file, { skipInvalid: true });
    expect(valid.workerReport).toMatchObject({ status: 'done', counts: { new: 298, invalid: 2 } });
    expect(valid.workerReport.errorFile).toMatch(/\.xlsx$/);
    expect(valid.workerReport.counts).toEqual(valid.threadReport.counts);
    expect(written(valid.inWorker.db)).toEqual(written(valid.inThread.db));
  });

  it('the worker bundled for Electron reads a file without tsx', async () => {
    const { buildReadingWorker } = await import('../../scripts/build-electron.mjs');
    // Inside the checkout (dist/ is build output), so that it finds better-sqlite3 as Electron's
    // unpacked app finds its own.
    const bundleDir = path.resolve(import.meta.dirname, '../../dist/test-reading-worker');
    useBundledReadingWorker(await buildReadingWorker(bundleDir));
    try {
      const { db } = await ws.empty('bundled');
      process.env.GRIDDESK_IMPORT_WORKER = '1';
      const report = await importInto(db, path.join(SAMPLES, 'cases-sample.xlsx'));
      expect(report).toMatchObject({ status: 'done', written: true });
      expect(db.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(report.counts.new);
    } finally {
      useBundledReadingWorker(null);
    }
  });
});
