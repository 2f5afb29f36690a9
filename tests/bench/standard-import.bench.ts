/**
 * Importing a city's category standard table (issue 12): a 2,000-row 立结案标准 table,
 * generated here into a temp folder (removed afterwards) as cities publish it:
 * - .xlsx (exceljs, the library the fixtures and the xlsx reader's tests already use): a sheet
 *   per kind (部件, 事件), a merged title row, 大类 cells merged down over their 小类, 小类 and
 *   处置单位 cells merged down over their 立案条件 rows;
 * - .csv (UTF-8 with BOM): a title row, both kinds one after the other with blank-continued
 *   大类/小类 cells (the order rule tells 事件 from 部件, as for ../shared/samples' CSV).
 * 20 大类 (10 per kind) × 25 小类 × 2–6 立案条件 = 2,000 rows in 500 minors, limits in all
 * four units (`4小时`, `1天` / `3工作日`, `2紧急工作时`, `1紧急工作日`), some with a note, an
 * extra 法律法规依据 column, one handling unit the desk does not know.
 *
 * Measured, median of RUNS after one warm-up, each import into a fresh copy of a store with
 * the reference data only:
 * - importStandardFile (db/exchange/standard-import.ts), .xlsx and .csv: read, check, write
 *   the new version in one transaction;
 * - readStandardTable (db/exchange/standard-read.ts) alone, the read-only step (read, fold,
 *   check; what a preview shows);
 * - baselines in the same run: the desk's own CSV reader (db/exchange/csv-source, what the
 *   import reads the CSV with) handing over the same file's rows alone, and the write floor,
 *   better-sqlite3 making the import's writes (the version row, 500 category upserts, 2,000
 *   standard rows) into the same schema in one transaction from already-folded rows.
 *
 *   node --import tsx tests/bench/standard-import.bench.ts      (or: npm run bench standard-import)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { openOrCreateDatabase } from '../../db/bootstrap';
import { openCsvSource } from '../../db/exchange/csv-source';
import { probeFile } from '../../db/exchange/file-probe';
import { importStandardFile } from '../../db/exchange/standard-import';
import { readStandardTable } from '../../db/exchange/standard-read';
import { openDatabase } from '../../db/open';
import { median, record } from './record';

const RUNS = Number(process.env.STANDARD_BENCH_RUNS ?? 5);
const MAJORS_PER_KIND = 10;
const MINORS_PER_MAJOR = 25;
const HEADER = [
  '大类代码',
  '大类名称',
  '小类代码',
  '小类名称',
  '处置单位',
  '主管部门',
  '立案条件',
  '结案条件',
  '处置时限',
  '法律法规依据',
];
/** All four units in the city's words, a value each; a note after some. */
const LIMITS = [
  '4小时',
  '1天',
  '2紧急工作时',
  '1紧急工作日',
  '8小时',
  '3工作日',
  '1紧急工作时制止',
  '15工作日',
  '24小时',
  '0.5天',
];
const CONDITIONS = [
  '发现即立案',
  '面积大于1平方米',
  '影响通行',
  '连续三日以上',
  '群众投诉',
  '夜间发生',
];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-bench-standard-'));

interface Row {
  kind: 'component' | 'event';
  major: number;
  minor: number;
  /** The first row of its 大类 / 小类 (where the codes are written). */
  firstOfMajor: boolean;
  firstOfMinor: boolean;
  cells: Array<string | number | null>;
}

/** The 2,000 rows, 部件 first: every cell filled; the writers blank or merge the continued ones. */
function tableRows(units: string[]): Row[] {
  const rows: Row[] = [];
  let n = 0;
  for (const kind of ['component', 'event'] as const) {
    for (let major = 1; major <= MAJORS_PER_KIND; major++) {
      for (let minor = 1; minor <= MINORS_PER_MAJOR; minor++) {
        const conditions = 2 + (minor % 5); // 2–6, 4 on average
        // 网格工作站 is not a unit the store knows: the import adds it as a department.
        const unit = minor === 7 ? '网格工作站' : units[(major * 7 + minor) % units.length]!;
        for (let c = 0; c < conditions; c++, n++) {
          rows.push({
            kind,
            major,
            minor,
            firstOfMajor: minor === 1 && c === 0,
            firstOfMinor: c === 0,
            cells: [
              major,
              `${kind === 'component' ? '部件' : '事件'}大类${major}`,
              minor,
              `${kind === 'component' ? '部件' : '事件'}小类${major}-${minor}`,
              unit,
              '城市管理局',
              `${CONDITIONS[c]!}（${minor}）`,
              c % 2 === 0 ? '处置完毕' : '恢复原状\n并拍照回传',
              LIMITS[n % LIMITS.length]!,
              c === 0 ? '《城市市容和环境卫生管理条例》' : null,
            ],
          });
        }
      }
    }
  }
  return rows;
}

async function writeXlsx(file: string, rows: Row[]): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  for (const kind of ['component', 'event'] as const) {
    const sheet = writer.addWorksheet(kind === 'component' ? '部件' : '事件');
    sheet.addRow([`示范市${kind === 'component' ? '部件' : '事件'}类立案、处置和结案标准`]);
    sheet.mergeCells('A1:J1');
    sheet.addRow(HEADER);
    const own = rows.filter((r) => r.kind === kind);
    let excelRow = 3;
    let majorTop = 3;
    let minorTop = 3;
    const mergeDown = (columns: string, top: number, bottom: number) => {
      if (bottom > top) for (const c of columns) sheet.mergeCells(`${c}${top}:${c}${bottom}`);
    };
    own.forEach((row, i) => {
      // A merged range's lower cells are empty in the file, as Excel writes them.
      const cells = row.cells.map((v, c) =>
        (c <= 1 && !row.firstOfMajor) || (c >= 2 && c <= 5 && !row.firstOfMinor) ? null : v,
      );
      sheet.addRow(cells);
      const next = own[i + 1];
      if (!next || next.firstOfMinor) {
        mergeDown('CDEF', minorTop, excelRow);
        minorTop = excelRow + 1;
      }
      if (!next || next.firstOfMajor) {
        mergeDown('AB', majorTop, excelRow);
        majorTop = excelRow + 1;
      }
      excelRow++;
    });
    sheet.commit();
  }
  await writer.commit();
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value).padStart(2, '0') : value;
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function writeCsv(file: string, rows: Row[]): void {
  const lines = ['示范市立案、处置和结案标准（部件、事件）', HEADER.join(',')];
  for (const row of rows) {
    const cells = row.cells.map((v, c) =>
      (c <= 1 && !row.firstOfMajor) || (c >= 2 && c <= 5 && !row.firstOfMinor) ? null : v,
    );
    lines.push(cells.map(csvCell).join(','));
  }
  fs.writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`);
}

// A store with the reference data only, copied fresh for every import.
const template = path.join(dir, 'template.sqlite');
{
  const { db } = openOrCreateDatabase(template, {
    appVersion: 'bench',
    now: Date.now(),
    demoWhenNew: false,
  });
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}
let copies = 0;
function freshStore() {
  const file = path.join(dir, `store-${copies++}.sqlite`);
  fs.copyFileSync(template, file);
  return openDatabase(file, { appVersion: 'bench', now: Date.now() }).db;
}

const knownUnits = (() => {
  const db = freshStore();
  const names = db.prepare<[], string>('SELECT name FROM units ORDER BY code').pluck().all();
  db.close();
  return names;
})();
const rows = tableRows(knownUnits.slice(0, 12));
const xlsx = path.join(dir, '立结案标准-2000.xlsx');
const csv = path.join(dir, '立结案标准-2000.csv');
await writeXlsx(xlsx, rows);
writeCsv(csv, rows);

async function timeImport(file: string): Promise<number> {
  const db = freshStore();
  try {
    const started = performance.now();
    const report = await importStandardFile(db, file, { now: Date.now(), actor: 'bench' });
    const ms = performance.now() - started;
    if (report.status !== 'done' || report.standards !== rows.length || report.minors !== 500)
      throw new Error(`import of ${file}: ${JSON.stringify(report).slice(0, 600)}`);
    return ms;
  } finally {
    db.close();
  }
}

async function timeRead(file: string): Promise<number> {
  const started = performance.now();
  const read = await readStandardTable(file, { knownUnits });
  const ms = performance.now() - started;
  const standards = read.minors.reduce((n, m) => n + m.standards.length, 0);
  if (read.problems.length > 0 || standards !== rows.length)
    throw new Error(`read of ${file}: ${JSON.stringify(read.problems.slice(0, 3))}`);
  return ms;
}

/** The CSV's rows through the desk's reader, nothing folded or checked. */
async function timeCsvRows(): Promise<number> {
  const started = performance.now();
  const source = openCsvSource(probeFile(csv));
  let count = 0;
  try {
    for await (const batch of source.batches()) count += batch.length;
  } finally {
    source.close();
  }
  const ms = performance.now() - started;
  if (count < rows.length) throw new Error(`csv-source: ${count} rows`);
  return ms;
}

/** The write floor: the import's writes alone, from the rows already folded. */
const folded = await readStandardTable(csv, { knownUnits });
function timeFloor(): number {
  const db = freshStore();
  try {
    const started = performance.now();
    db.transaction(() => {
      const version = Number(
        db
          .prepare(
            `INSERT INTO category_versions (source, file_sha256, imported_at, imported_by, minors, standards)
             VALUES (?, ?, ?, 'bench', ?, ?)`,
          )
          .run('floor', `floor-${copies}`, Date.now(), folded.minors.length, rows.length)
          .lastInsertRowid,
      );
      const category = db.prepare(
        `INSERT INTO categories (code, kind, major_code, major_name, minor_code, minor_name, resolve_hours)
         VALUES (?, ?, ?, ?, ?, ?, 24)
         ON CONFLICT (code) DO UPDATE SET minor_name = excluded.minor_name`,
      );
      const standard = db.prepare(
        `INSERT INTO category_standards (version_id, category_code, kind, major_code, major_name,
           minor_code, minor_name, unit_name, department, position, condition, close_condition,
           limit_value, limit_unit, note, extra)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const m of folded.minors) {
        const code = `${m.kind === 'component' ? 'C' : 'E'}${m.majorCode}${m.minorCode}`;
        category.run(code, m.kind, m.majorCode, m.majorName, m.minorCode, m.minorName);
        m.standards.forEach((s, i) =>
          standard.run(
            version,
            code,
            m.kind,
            m.majorCode,
            m.majorName,
            m.minorCode,
            m.minorName,
            m.unit,
            m.department,
            i + 1,
            s.condition,
            s.closeCondition,
            s.limit.value,
            s.limit.unit,
            s.note,
            s.extra ? JSON.stringify(s.extra) : null,
          ),
        );
      }
    })();
    return performance.now() - started;
  } finally {
    db.close();
  }
}

const figures: Record<string, number[]> = {
  importXlsxMs: [],
  importCsvMs: [],
  readXlsxMs: [],
  readCsvMs: [],
  csvRowsMs: [],
  writeFloorMs: [],
};
// One warm-up of each (module loading, SQLite's page cache), then RUNS alternated.
await timeImport(xlsx);
await timeImport(csv);
await timeRead(xlsx);
await timeRead(csv);
await timeCsvRows();
timeFloor();
for (let run = 0; run < RUNS; run++) {
  figures.importXlsxMs!.push(await timeImport(xlsx));
  figures.importCsvMs!.push(await timeImport(csv));
  figures.readXlsxMs!.push(await timeRead(xlsx));
  figures.readCsvMs!.push(await timeRead(csv));
  figures.csvRowsMs!.push(await timeCsvRows());
  figures.writeFloorMs!.push(timeFloor());
}

const round = (ms: number) => Math.round(ms * 10) / 10;
const m = Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, median(v)]));
const ratio = (a: number, b: number) => Math.round((a / b) * 10) / 10;
record('standardImport', {
  rows: rows.length,
  minors: 500,
  runs: RUNS,
  xlsxBytes: fs.statSync(xlsx).size,
  csvBytes: fs.statSync(csv).size,
  loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
  ...Object.fromEntries(Object.entries(m).map(([k, v]) => [k, round(v)])),
  /** The CSV import against its reader alone, and both imports against the write floor. */
  importCsvOverRows: ratio(m.importCsvMs!, m.csvRowsMs!),
  importCsvOverFloor: ratio(m.importCsvMs!, m.writeFloorMs!),
  importXlsxOverFloor: ratio(m.importXlsxMs!, m.writeFloorMs!),
  runsMs: Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, v.map(round)])),
});
fs.rmSync(dir, { recursive: true, force: true });
