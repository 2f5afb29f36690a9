/**
 * City exchange figures (issue 5):
 * - a 1,000,000-row case CSV: import throughput, and its ratio to the sqlite3 command-line
 *   `.import` of the same file into a plain table in the same run (target: within 3×);
 *   the import's peak memory (target: under 500 MB);
 * - a 100,000-row .xlsx (written with exceljs' streaming writer): import time (target: < 20 s);
 * - an export of 100,000 case updates to .xlsx (target: < 10 s).
 * Files are generated here, in a temp folder, and removed afterwards.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openOrCreateDatabase } from '../../db/bootstrap';
import { importFile } from '../../db/exchange/import-file';
import { writeBigCsv, writeBigXlsx } from '../integration/exchange-big-file';
import { record } from './record';

const root = path.resolve(import.meta.dirname, '../..');
const SAMPLES = path.resolve(root, '../shared/samples');
const CSV_ROWS = Number(process.env.EXCHANGE_BENCH_ROWS ?? 1_000_000);
const XLSX_ROWS = 100_000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-bench-exchange-'));

/** A desk with the sample street's grids and the reference data, no cases. */
const template = path.join(dir, 'template.sqlite');
{
  const { db } = openOrCreateDatabase(template, {
    appVersion: 'bench',
    now: Date.now(),
    demoWhenNew: false,
  });
  await importFile(db, path.join(SAMPLES, 'grids.geojson'), {
    kind: 'grids',
    skipInvalid: false,
    now: Date.now(),
    actor: { userId: null, name: 'bench' },
  });
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}
function freshDb(name: string): string {
  const file = path.join(dir, name);
  fs.copyFileSync(template, file);
  return file;
}

function run(...args: string[]): {
  ms: number;
  maxRssKb: number;
  rows: number;
  status?: string;
  refusal?: string | null;
} {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'tests/bench/exchange-run.ts'), ...args],
    { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  if (result.status !== 0) throw new Error(`exchange-run ${args[0]} failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!);
}

// 1. The big CSV, and sqlite3's own .import of it into a plain table (the baseline).
const csv = path.join(dir, 'cases.csv');
await writeBigCsv(csv, CSV_ROWS);
const csvBytes = fs.statSync(csv).size;
const plain = path.join(dir, 'plain.sqlite');
const baselineStarted = performance.now();
const baseline = spawnSync('/usr/bin/sqlite3', [plain, '.import --csv cases.csv plain'], {
  cwd: dir,
  encoding: 'utf8',
});
const baselineMs = performance.now() - baselineStarted;
if (baseline.status !== 0) throw new Error(`sqlite3 .import failed: ${baseline.stderr}`);

const big = run('import', freshDb('big.sqlite'), csv);
if (big.status !== 'done') throw new Error(`the big import did not finish: ${big.refusal}`);

// 2. The 100,000-row workbook.
const xlsx = path.join(dir, 'cases.xlsx');
await writeBigXlsx(xlsx, XLSX_ROWS);
const xlsxDb = freshDb('xlsx.sqlite');
const workbook = run('import', xlsxDb, xlsx);
if (workbook.status !== 'done')
  throw new Error(`the xlsx import did not finish: ${workbook.refusal}`);

// 3. Exporting those 100,000 cases as updates (every case changed since 1 October).
const exported = run(
  'export',
  xlsxDb,
  path.join(dir, 'out') + path.sep,
  String(Date.UTC(2026, 8, 30, 16)),
);

fs.rmSync(dir, { recursive: true, force: true });
const rowsPerSecond = Math.round(big.rows / (big.ms / 1000));
const baselineRowsPerSecond = Math.round(CSV_ROWS / (baselineMs / 1000));
record('exchange', {
  csvRows: big.rows,
  csvMegabytes: Number((csvBytes / 1024 / 1024).toFixed(1)),
  csvImportMs: Math.round(big.ms),
  csvImportRowsPerSecond: rowsPerSecond,
  sqlite3ImportMs: Math.round(baselineMs),
  sqlite3ImportRowsPerSecond: baselineRowsPerSecond,
  ratioToSqlite3Import: Number((big.ms / baselineMs).toFixed(2)),
  csvImportPeakRssMb: Math.round(big.maxRssKb / 1024),
  xlsxRows: workbook.rows,
  xlsxImportMs: Math.round(workbook.ms),
  xlsxExportRows: exported.rows,
  xlsxExportMs: Math.round(exported.ms),
  machineLoadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
});
