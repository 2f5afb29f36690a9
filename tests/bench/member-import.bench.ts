/**
 * A 100,000-row members' roster imported (issue 14's figure: under 15 s): the demo street
 * with a city's 2,407 units (tests/bench/party-city.ts), a CSV of 100,000 new members written
 * here (names, phones, unit names, grid codes, days), then `griddesk import --kind members`'s
 * importer, timed from opening the file to the commit; then the same file again (every row
 * unchanged). Baseline in the same run: sqlite3's own `.import` of the same CSV into a bare
 * table (the floor of reading the text and writing the rows). Median of 3.
 * Run: node --import tsx tests/bench/member-import.bench.ts
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openOrCreateDatabase } from '../../db/bootstrap';
import { importMembersFile } from '../../db/exchange/member-import';
import { fillCityRegister } from './party-city';
import { median, record } from './record';

const ROWS = Number(process.env.MEMBER_BENCH_ROWS ?? 100_000);
const now = Date.UTC(2026, 11, 2, 2, 0);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-member-bench-'));

async function main() {
  // The roster: written once, read by every round.
  const seedDb = openOrCreateDatabase(path.join(dir, 'seed.sqlite'), {
    appVersion: 'bench',
    now,
    demoWhenNew: true,
  }).db;
  fillCityRegister(seedDb, 2026, now);
  const units = seedDb
    .prepare('SELECT name FROM party_units ORDER BY id')
    .pluck()
    .all() as string[];
  const grids = seedDb
    .prepare("SELECT code FROM places WHERE level = 'grid' ORDER BY code")
    .pluck()
    .all() as string[];
  seedDb.close();
  const lines = ['姓名,联系电话,所属单位,居住网格,报到日期,特长,状态'];
  for (let i = 0; i < ROWS; i++) {
    const day = `2026-${String(1 + (i % 11)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    lines.push(
      `新党员${i},135${String(i).padStart(8, '0')},${units[i % units.length]},${grids[i % grids.length]},${day},${i % 3 ? '' : '维修'},在册`,
    );
  }
  const csv = path.join(dir, 'roster.csv');
  fs.writeFileSync(csv, lines.join('\n'));
  const mb = fs.statSync(csv).size / 1e6;

  const first: number[] = [];
  const again: number[] = [];
  const floor: number[] = [];
  for (let round = 0; round < 3; round++) {
    const { db } = openOrCreateDatabase(path.join(dir, `desk-${round}.sqlite`), {
      appVersion: 'bench',
      now,
      demoWhenNew: true,
    });
    fillCityRegister(db, 2026, now);
    let started = performance.now();
    const report = await importMembersFile(db, csv, { skipInvalid: false, now, actor: 'bench' });
    first.push(performance.now() - started);
    if (!report.written || report.counts.new !== ROWS)
      throw new Error(`import did not write ${ROWS} rows: ${JSON.stringify(report.counts)}`);
    started = performance.now();
    const repeat = await importMembersFile(db, csv, { skipInvalid: false, now, actor: 'bench' });
    again.push(performance.now() - started);
    if (repeat.counts.unchanged !== ROWS) throw new Error('the second import changed rows');
    db.close();

    const bare = path.join(dir, `bare-${round}.sqlite`);
    started = performance.now();
    const sqlite = spawnSync('sqlite3', [bare, '.mode csv', `.import ${csv} roster`], {
      encoding: 'utf8',
    });
    floor.push(performance.now() - started);
    if (sqlite.status !== 0) throw new Error(`sqlite3 .import failed: ${sqlite.stderr}`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const firstS = median(first) / 1000;
  record('member-import', {
    rows: ROWS,
    csvMB: Math.round(mb * 10) / 10,
    importSeconds: Math.round(firstS * 100) / 100,
    rowsPerSecond: Math.round(ROWS / firstS),
    sameFileAgainSeconds: Math.round(median(again) / 10) / 100,
    sqlite3ImportFloorSeconds: Math.round(median(floor) / 10) / 100,
    ratioToFloor: Math.round((median(first) / median(floor)) * 10) / 10,
    target: 'under 15 s',
    load: os.loadavg().map((x) => Math.round(x * 10) / 10),
  });
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
