/**
 * The case board at scale: 1,000,000 cases (about 15,000 of them open) in a temp SQLite
 * file, then
 * - the board page query (one cases.list page: 50 cards by due time + the total), under the
 *   board's filters, with the indexes of migration 002 and again with them dropped;
 * - full-text search (FTS5 trigram) against LIKE over the same columns;
 * - one move (read, check, event + row update, in one IMMEDIATE transaction, synchronous=FULL);
 * - the demo street's generation with and without the FTS triggers.
 * The cases are written in bulk (indexes and triggers off, rebuilt after), not through the
 * demo generator's event-per-move path. Run: node --import tsx tests/bench/cases.bench.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SYSTEM_ACTOR, type ApiContext } from '../../api/context';
import { moveCase } from '../../api/cases/move-case';
import { LiveBus } from '../../api/live';
import { OPEN_STATES } from '../../core/cases/case-states';
import { CASE_SOURCES, CASE_STATES, type CaseState } from '../../core/glossary';
import { openDatabase } from '../../db/open';
import { readCasePage, type BoardFilters } from '../../db/queries/case-board';
import { seedDemoStreet } from '../../db/seed/demo';
import { seedReferenceData } from '../../db/seed/reference';
import { NOW, openMillionCaseStore, pick, rand, reseed } from './million-cases';
import { median, percentile, record } from './record';

const TOTAL = Number(process.env.BENCH_CASES ?? 1_000_000);
const OPEN: CaseState[] = [...OPEN_STATES];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-bench-cases-'));
const log = (message: string) => process.stderr.write(`[cases.bench] ${message}\n`);

function timeIt(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

// 1. The street (places, units, categories, users) and its 2,300 demo cases, then a million more.
const { db, file, street } = openMillionCaseStore(dir, TOTAL, log);
const { grids, categories, units } = street;
const counts = db
  .prepare(
    "SELECT count(*) AS total, sum(state IN ('reported','registered','dispatched','in_progress','handled','suspended')) AS open FROM cases",
  )
  .get() as { total: number; open: number };
log(
  `${counts.total} cases, ${counts.open} open; file ${Math.round(fs.statSync(file).size / 1e6)} MB`,
);

// 2. The board page query: random filters, a column (one state) or the table (all open).
const communities = [...new Set(grids.map((g) => g.community))];
function randomBoardQuery(): { states: CaseState[]; filters: BoardFilters; offset: number } {
  const filters: BoardFilters = {};
  const kind = Math.floor(rand() * 9);
  if (kind === 1) filters.communityCode = pick(communities);
  if (kind === 2) filters.gridCode = pick(grids).code;
  if (kind === 3) filters.categoryCode = pick(categories).code;
  if (kind === 4) filters.unitCode = pick(units);
  if (kind === 5) filters.source = pick(CASE_SOURCES);
  if (kind === 6) filters.overdueOnly = true;
  if (kind === 7) {
    filters.communityCode = pick(communities);
    filters.urgency = 'normal';
  }
  if (kind === 8) filters.q = pick(['号楼', '垃圾', '第3网格', '车棚旁']);
  const table = rand() < 0.3;
  return {
    states: table ? OPEN : [pick(OPEN)],
    filters,
    offset: rand() < 0.2 ? Math.floor(rand() * 20) * 50 : 0,
  };
}

function boardRun(label: string, runs: number) {
  reseed(7);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const query = randomBoardQuery();
    times.push(timeIt(() => readCasePage(db, { ...query, sort: 'due', limit: 50, now: NOW })));
  }
  log(`${label}: p50 ${median(times).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms`);
  return {
    p50Ms: round(median(times)),
    p95Ms: round(percentile(times, 95)),
    maxMs: round(Math.max(...times)),
  };
}
const round = (ms: number) => Math.round(ms * 100) / 100;

boardRun('board warm-up', 50);
const board = boardRun('board page (indexed)', 400);
const boardIndexes = db
  .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND name LIKE 'cases_board_%'")
  .all() as Array<{ name: string; sql: string }>;
for (const index of boardIndexes) db.exec(`DROP INDEX ${index.name}`);
db.exec('ANALYZE');
const boardBaseline = boardRun('board page (without the 002 indexes)', 100);
for (const index of boardIndexes) db.exec(index.sql);
db.exec('ANALYZE');

// 3. Full-text search across all states, newest first, 50 cards + total; against LIKE.
const SEARCHES = [
  '暴露垃圾',
  '第12网格',
  '车棚旁',
  '号楼东侧',
  '安全隐患',
  '乱停放',
  'B00099',
  '沿街商铺前',
  '居民反映强烈',
  '积存垃圾渣土',
];
const ALL = [...CASE_STATES];
function searchRun(label: string, run: (q: string) => unknown, runs: number) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(timeIt(() => run(SEARCHES[i % SEARCHES.length]!)));
  log(`${label}: p50 ${median(times).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms`);
  return { p50Ms: round(median(times)), p95Ms: round(percentile(times, 95)) };
}
const likePage = db.prepare(
  `SELECT id FROM cases WHERE case_no LIKE @p OR address LIKE @p OR description LIKE @p ORDER BY reported_at DESC LIMIT 50`,
);
const likeCount = db
  .prepare(
    'SELECT count(*) FROM cases WHERE case_no LIKE @p OR address LIKE @p OR description LIKE @p',
  )
  .pluck();
searchRun(
  'search warm-up',
  (q) =>
    readCasePage(db, {
      states: ALL,
      filters: { q },
      sort: 'reported_desc',
      offset: 0,
      limit: 50,
      now: NOW,
    }),
  20,
);
const search = searchRun(
  'search (FTS5 trigram)',
  (q) =>
    readCasePage(db, {
      states: ALL,
      filters: { q },
      sort: 'reported_desc',
      offset: 0,
      limit: 50,
      now: NOW,
    }),
  200,
);
const searchBaseline = searchRun(
  'search (LIKE, no index)',
  (q) => {
    likePage.all({ p: `%${q}%` });
    likeCount.get({ p: `%${q}%` });
  },
  20,
);

// 4. One move, as the API makes it: read, check, write the event and the row, commit (FULL sync).
const context: ApiContext = {
  db,
  now: () => NOW,
  appVersion: 'bench',
  live: new LiveBus(),
  actor: SYSTEM_ACTOR,
  transport: 'cli',
};
const reported = db
  .prepare("SELECT id FROM cases WHERE state = 'reported' ORDER BY id DESC LIMIT 60")
  .pluck()
  .all() as number[];
const moveTimes: number[] = [];
for (const id of reported) {
  moveTimes.push(timeIt(() => moveCase(context, id, { kind: 'register' })));
  moveTimes.push(
    timeIt(() =>
      moveCase(context, id, { kind: 'dispatch', leadUnitCode: units[0]!, assistUnitCodes: [] }),
    ),
  );
  moveTimes.push(timeIt(() => moveCase(context, id, { kind: 'sign' })));
  moveTimes.push(timeIt(() => moveCase(context, id, { kind: 'handle', result: '已处置' })));
  moveTimes.push(
    timeIt(() =>
      moveCase({ ...context, actor: { ...SYSTEM_ACTOR, name: '核查员' } }, id, { kind: 'close' }),
    ),
  );
}
const move = {
  moves: moveTimes.length,
  p50Ms: round(median(moveTimes)),
  p95Ms: round(percentile(moveTimes, 95)),
  maxMs: round(Math.max(...moveTimes)),
};
log(`move: p50 ${move.p50Ms} ms, p95 ${move.p95Ms} ms`);
// The same kind of move without waiting for the disk (synchronous=NORMAL): what the move
// itself costs, apart from the fsync that synchronous=FULL adds to every commit.
db.pragma('synchronous = NORMAL');
const inProgress = db
  .prepare("SELECT id FROM cases WHERE state = 'in_progress' ORDER BY id DESC LIMIT 150")
  .pluck()
  .all() as number[];
const workTimes = inProgress.map((id) =>
  timeIt(() => moveCase(context, id, { kind: 'note', note: '电话催办' })),
);
db.pragma('synchronous = FULL');
const moveWithoutFsync = {
  moves: workTimes.length,
  p50Ms: round(median(workTimes)),
  p95Ms: round(percentile(workTimes, 95)),
};
log(`move without fsync: p50 ${moveWithoutFsync.p50Ms} ms, p95 ${moveWithoutFsync.p95Ms} ms`);
db.close();

// 5. The demo street with and without the FTS triggers (their cost on direct inserts).
function demoTime(withTriggers: boolean, run: number): number {
  const demoFile = path.join(dir, `demo-${withTriggers}-${run}.sqlite`);
  const opened = openDatabase(demoFile, { appVersion: 'bench', now: NOW });
  if (!withTriggers)
    for (const name of [
      'cases_fts_after_insert',
      'cases_fts_after_update',
      'cases_fts_after_delete',
    ])
      opened.db.exec(`DROP TRIGGER ${name}`);
  seedReferenceData(opened.db, NOW);
  const ms = timeIt(() => seedDemoStreet(opened.db, { now: NOW, seed: 1 }));
  opened.db.close();
  return ms;
}
const withTriggers: number[] = [];
const withoutTriggers: number[] = [];
for (let run = 0; run < 5; run++) {
  withTriggers.push(demoTime(true, run));
  withoutTriggers.push(demoTime(false, run));
}
fs.rmSync(dir, { recursive: true, force: true });

record('cases', {
  cases: counts.total,
  openCases: counts.open,
  boardPage: board,
  boardPageWithout002Indexes: boardBaseline,
  boardRatio: round(boardBaseline.p95Ms / board.p95Ms),
  searchFts: search,
  searchLike: searchBaseline,
  searchRatio: round(searchBaseline.p95Ms / search.p95Ms),
  move,
  moveWithoutFsync,
  demoSeedMedianMs: Math.round(median(withTriggers)),
  demoSeedWithoutFtsTriggersMedianMs: Math.round(median(withoutTriggers)),
});
