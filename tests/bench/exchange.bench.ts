/**
 * City exchange figures (issues 5 and 10):
 * - 200,000- and 1,000,000-row case CSVs: import throughput, its ratio to the sqlite3
 *   command-line `.import` of the same file into a plain table in the same run, and to the
 *   floor, sqlite3 itself making the same writes into the same schema (issue 10's target:
 *   within 1.5× of the floor at both sizes); the import's peak memory (target: under 500 MB);
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
const CSV_SIZES = (process.env.EXCHANGE_BENCH_ROWS ?? '200000,1000000').split(',').map(Number);
const XLSX_ROWS = 100_000;
/** EXCHANGE_BENCH_QUICK=1: only the CSV import and its floor per size (no in-thread run, no xlsx, nothing recorded). */
const QUICK = process.env.EXCHANGE_BENCH_QUICK === '1';
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
  cpuMs: number;
  maxRssKb: number;
  rows: number;
  status?: string;
  refusal?: string | null;
} {
  const inThread = args.includes('--in-thread');
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(root, 'tests/bench/exchange-run.ts'),
      ...args.filter((a) => a !== '--in-thread'),
    ],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1 << 24,
      env: { ...process.env, GRIDDESK_IMPORT_WORKER: inThread ? '0' : '' },
    },
  );
  if (result.status !== 0) throw new Error(`exchange-run ${args[0]} failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!);
}

/** Import throughput at one size: the import, its floor and the baseline, in the same run. */
async function csvFigures(rows: number) {
  // 1. A big CSV, and sqlite3's own .import of it into a plain table (the baseline).
  const csv = path.join(dir, 'cases.csv');
  await writeBigCsv(csv, rows);
  const csvBytes = fs.statSync(csv).size;
  const plain = path.join(dir, 'plain.sqlite');
  fs.rmSync(plain, { force: true });
  const baselineStarted = performance.now();
  const baseline = spawnSync('/usr/bin/sqlite3', [plain, '.import --csv cases.csv plain'], {
    cwd: dir,
    encoding: 'utf8',
  });
  const baselineMs = performance.now() - baselineStarted;
  if (baseline.status !== 0) throw new Error(`sqlite3 .import failed: ${baseline.stderr}`);

  // The floor under any import of these rows: sqlite3 itself, no JavaScript, making the writes
  // the app makes (db/exchange/new-case-writer.ts): the already-imported plain table into the
  // real `cases` table (its indexes, CHECKs and foreign keys, the same page cache), the
  // full-text index filled in bulk, one event and one lead unit each. Told apart from the
  // baseline so the ratio can be read.
  const floorDb = freshDb('floor.sqlite');
  const floorScript = `.import --csv cases.csv stage
PRAGMA foreign_keys = ON;
PRAGMA cache_size = -65536;
.timer on
BEGIN;
DROP TRIGGER cases_fts_after_insert;
-- sqlite3 has no griddesk_event_hash (db/open.ts): the same chain link with its built-in sha3().
DROP TRIGGER case_events_chain;
CREATE TRIGGER case_events_chain AFTER INSERT ON case_events BEGIN
  INSERT INTO case_event_chain (event_id, case_id, hash) VALUES (NEW.id, NEW.case_id, lower(hex(sha3(coalesce((SELECT c.hash
    FROM case_event_chain c WHERE c.case_id = NEW.case_id AND c.event_id < NEW.id ORDER BY c.event_id DESC LIMIT 1), '')
    || json_array(NEW.id, NEW.case_id, NEW.kind, NEW.from_state, NEW.to_state, NEW.actor_id, NEW.actor_name, NEW.at,
       NEW.note, NEW.data, NEW.batch_id), 256))));
END;
INSERT INTO cases (case_no, source, category_code, description, address, lng, lat, original_crs, original_lng, original_lat,
  grid_code, community_code, urgency, state, reported_at, registered_at, dispatched_at, handled_at, closed_at,
  accept_due_at, onsite_due_at, base_due_at, due_at, due_window_ms, city_deadline_hours, lead_unit_code, reporter, phone,
  satisfaction, rework_count, extension_count, created_at, updated_at, external_updated_at, exchange_hash, exchanged_at)
SELECT "案卷编号", 'grid_patrol', CASE "问题类型" WHEN '部件' THEN 'C' ELSE 'E' END || "大类代码" || "小类代码", "问题描述", "地址",
  "经度", "纬度", 'CGCS2000', "经度", "纬度", "单元网格编码", substr("单元网格编码", 1, 12), 'normal', 'closed',
  unixepoch("上报时间") * 1000 - 28800000, unixepoch("立案时间") * 1000 - 28800000, unixepoch("派遣时间") * 1000 - 28800000,
  unixepoch("反馈时间") * 1000 - 28800000, unixepoch("结案时间") * 1000 - 28800000, unixepoch("上报时间") * 1000 - 28740000,
  unixepoch("派遣时间") * 1000 - 25200000, unixepoch("立案时间") * 1000 + 57600000, unixepoch("立案时间") * 1000 + 57600000,
  86400000, 24, (SELECT code FROM units WHERE name = "处置部门"), "上报人", "联系电话",
  CASE "回访结果" WHEN '满意' THEN 'satisfied' END, 0, 0, 0, unixepoch("更新时间") * 1000 - 28800000,
  unixepoch("更新时间") * 1000 - 28800000, 'x', unixepoch("更新时间") * 1000 - 28800000
FROM stage;
INSERT INTO cases_fts (rowid, case_no, address, description) SELECT id, case_no, address, description FROM cases;
INSERT INTO case_events (case_id, kind, from_state, to_state, actor_name, at, data)
SELECT id, 'import', NULL, 'closed', 'bench', 0, json_object('file', 'cases.csv', 'row', id) FROM cases;
INSERT INTO case_units (case_id, unit_code, role, added_at)
SELECT id, lead_unit_code, 'lead', dispatched_at FROM cases WHERE lead_unit_code IS NOT NULL;
CREATE TRIGGER cases_fts_after_insert AFTER INSERT ON cases BEGIN
  INSERT INTO cases_fts (rowid, case_no, address, description)
  VALUES (new.id, new.case_no, new.address, new.description);
END;
COMMIT;
`;
  const floor = spawnSync('/usr/bin/sqlite3', [floorDb], {
    cwd: dir,
    input: floorScript,
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (floor.status !== 0) throw new Error(`sqlite3 floor failed: ${floor.stderr}`);
  const floorMs = [...floor.stdout.matchAll(/Run Time: real ([\d.]+)/g)].reduce(
    (sum, m) => sum + Number(m[1]) * 1000,
    0,
  );
  fs.rmSync(floorDb);

  const big = run('import', freshDb('big.sqlite'), csv);
  if (big.status !== 'done') throw new Error(`the big import did not finish: ${big.refusal}`);
  // The same import read in the writing thread (no worker): what the reading worker saves.
  const inThread = QUICK ? big : run('import', freshDb('in-thread.sqlite'), csv, '--in-thread');
  if (!QUICK && inThread.status !== 'done')
    throw new Error(`the in-thread import did not finish: ${inThread.refusal}`);
  for (const name of ['big.sqlite', 'in-thread.sqlite', 'plain.sqlite'])
    for (const suffix of ['', '-wal', '-shm'])
      fs.rmSync(path.join(dir, name + suffix), { force: true });
  return {
    csvRows: big.rows,
    csvMegabytes: Number((csvBytes / 1024 / 1024).toFixed(1)),
    csvImportMs: Math.round(big.ms),
    csvImportRowsPerSecond: Math.round(big.rows / (big.ms / 1000)),
    sqlite3ImportMs: Math.round(baselineMs),
    sqlite3ImportRowsPerSecond: Math.round(rows / (baselineMs / 1000)),
    ratioToSqlite3Import: Number((big.ms / baselineMs).toFixed(2)),
    sqlite3InsertIntoCasesMs: Math.round(floorMs),
    floorRatioToSqlite3Import: Number((floorMs / baselineMs).toFixed(2)),
    // Issue 10's target: the import within 1.5× of sqlite3 making the same writes.
    ratioToFloor: Number((big.ms / floorMs).toFixed(2)),
    csvImportPeakRssMb: Math.round(big.maxRssKb / 1024),
    csvImportCpuMs: Math.round(big.cpuMs),
    csvImportInThreadMs: Math.round(inThread.ms),
    workerSpeedup: Number((inThread.ms / big.ms).toFixed(2)),
    csvImportInThreadPeakRssMb: Math.round(inThread.maxRssKb / 1024),
    machineLoadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
}

// Both sizes of issue 10 (EXCHANGE_BENCH_ROWS picks one or more, comma-separated).
const bySize: Record<string, Awaited<ReturnType<typeof csvFigures>>> = {};
for (const rows of CSV_SIZES) {
  bySize[`rows${rows}`] = await csvFigures(rows);
  console.error(`[exchange.bench] ${rows} rows: ${JSON.stringify(bySize[`rows${rows}`])}`);
}
const largest = bySize[`rows${Math.max(...CSV_SIZES)}`]!;
if (QUICK) {
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

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
record('exchange', {
  ...largest,
  bySize,
  xlsxRows: workbook.rows,
  xlsxImportMs: Math.round(workbook.ms),
  xlsxExportRows: exported.rows,
  xlsxExportMs: Math.round(exported.ms),
  machineLoadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
});
