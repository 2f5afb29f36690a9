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
import { CASE_SOURCES, CASE_STATES, type CaseState } from '../../core/glossary';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../core/time';
import { openOrCreateDatabase } from '../../db/bootstrap';
import { openDatabase } from '../../db/open';
import { readCasePage, type BoardFilters } from '../../db/queries/case-board';
import { seedDemoStreet } from '../../db/seed/demo';
import { seedReferenceData } from '../../db/seed/reference';
import { median, percentile, record } from './record';

const TOTAL = Number(process.env.BENCH_CASES ?? 1_000_000);
const NOW = Date.UTC(2026, 10, 21, 6, 0);
const OPEN: CaseState[] = [
  'reported',
  'registered',
  'dispatched',
  'in_progress',
  'handled',
  'suspended',
];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-bench-cases-'));
const log = (message: string) => process.stderr.write(`[cases.bench] ${message}\n`);

/** A small deterministic generator, so runs are comparable. */
let seed = 20261121;
const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

function timeIt(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

// 1. The street (places, units, categories, users) and its 2,300 demo cases, then a million more.
// BENCH_DB_FILE keeps the generated file for another run (it is reused when it exists).
const keptFile = process.env.BENCH_DB_FILE;
const reuse = keptFile != null && fs.existsSync(keptFile);
const file = keptFile ?? path.join(dir, 'million.sqlite');
const { db } = openOrCreateDatabase(file, {
  appVersion: 'bench',
  now: NOW,
  demoWhenNew: true,
  demoSeed: 1,
});
const grids = db
  .prepare(
    "SELECT code, name, community_code AS community, center_lng AS lng, center_lat AS lat FROM places WHERE level = 'grid'",
  )
  .all() as Array<{ code: string; name: string; community: string; lng: number; lat: number }>;
const categories = db
  .prepare('SELECT code, minor_name AS name, default_unit_code AS unit FROM categories')
  .all() as Array<{ code: string; name: string; unit: string }>;
const units = db
  .prepare("SELECT code FROM units WHERE kind = 'department'")
  .pluck()
  .all() as string[];
const PHRASES = [
  '周边',
  '路口',
  '门口',
  '车棚旁',
  '东侧',
  '西侧',
  '南门',
  '北侧绿化带',
  '楼道内',
  '沿街商铺前',
];
const PROBLEMS = [
  '较多，影响通行',
  '长期存在，居民反映强烈',
  '夜间尤为严重',
  '已有多日',
  '存在安全隐患',
  '影响市容',
];

function bulkInsert(): void {
  const secondary = db
    .prepare(
      "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name IN ('cases', 'case_events') AND sql IS NOT NULL",
    )
    .all() as Array<{ name: string; sql: string }>;
  const triggers = db
    .prepare(
      "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'cases_fts_%'",
    )
    .all() as Array<{ name: string; sql: string }>;
  for (const index of secondary) db.exec(`DROP INDEX ${index.name}`);
  for (const trigger of triggers) db.exec(`DROP TRIGGER ${trigger.name}`);
  db.pragma('synchronous = OFF');
  const insertCase = db.prepare(
    `INSERT INTO cases (case_no, source, category_code, description, address, lng, lat, grid_code,
       community_code, urgency, state, state_before_suspend, reported_at, registered_at, dispatched_at,
       arrived_at, handled_at, closed_at, voided_at, accept_due_at, onsite_due_at, base_due_at, due_at,
       due_window_ms, suspended_at, lead_unit_code, escalated, supervised, rework_count, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEvent = db.prepare(
    'INSERT INTO case_events (case_id, kind, from_state, to_state, actor_name, at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const span = 3 * 365 * DAY_MS;
  const started = performance.now();
  db.transaction(() => {
    for (let i = 0; i < TOTAL; i++) {
      const grid = pick(grids);
      const category = pick(categories);
      // Three years of history, newest last; the last few days' cases are the open ones.
      const reportedAt = NOW - span + Math.floor((i / TOTAL) * span) - Math.floor(rand() * HOUR_MS);
      const age = NOW - reportedAt;
      let state: CaseState;
      if (age > 20 * DAY_MS)
        state = rand() < 0.03 ? 'voided' : rand() < 0.0015 ? 'suspended' : 'closed';
      else if (age > 2 * DAY_MS)
        state =
          rand() < 0.55
            ? 'closed'
            : pick(['in_progress', 'handled', 'dispatched', 'suspended'] as const);
      else
        state = pick([
          'reported',
          'registered',
          'dispatched',
          'in_progress',
          'in_progress',
          'handled',
          'closed',
        ] as const);
      const registered =
        state === 'reported' || (state === 'voided' && rand() < 0.5)
          ? null
          : reportedAt + 2 * MINUTE_MS;
      const window = (rand() < 0.3 ? 4 : 24) * HOUR_MS;
      const due = registered ? registered + window : null;
      const dispatched =
        registered && !['registered', 'voided'].includes(state)
          ? registered + 10 * MINUTE_MS
          : null;
      const arrived = dispatched && state !== 'dispatched' ? dispatched + 30 * MINUTE_MS : null;
      const closed =
        state === 'closed' ? (registered ?? reportedAt) + Math.floor(rand() * 1.3 * window) : null;
      const address = `${grid.name}${1 + Math.floor(rand() * 40)}号楼${pick(PHRASES)}`;
      const id = insertCase.run(
        `B${String(i).padStart(9, '0')}`,
        pick(CASE_SOURCES),
        category.code,
        `${address}${category.name}${pick(PROBLEMS)}`,
        address,
        grid.lng + (rand() - 0.5) * 0.002,
        grid.lat + (rand() - 0.5) * 0.002,
        grid.code,
        grid.community,
        rand() < 0.06 ? 'urgent' : 'normal',
        state,
        state === 'suspended' ? 'in_progress' : null,
        reportedAt,
        registered,
        dispatched,
        arrived,
        state === 'handled' || closed ? (closed ?? NOW) - 20 * MINUTE_MS : null,
        closed,
        state === 'voided' ? reportedAt + 30 * MINUTE_MS : null,
        reportedAt + MINUTE_MS,
        dispatched ? dispatched + HOUR_MS : null,
        due,
        due,
        due ? window : null,
        state === 'suspended' ? reportedAt + 2 * HOUR_MS : null,
        dispatched ? (category.unit ?? pick(units)) : null,
        rand() < 0.02 ? 1 : 0,
        rand() < 0.02 ? 1 : 0,
        rand() < 0.04 ? 1 : 0,
        reportedAt,
        closed ?? reportedAt,
      ).lastInsertRowid;
      insertEvent.run(id, 'report', null, 'reported', '系统', reportedAt);
      if (registered) insertEvent.run(id, 'register', 'reported', 'registered', '系统', registered);
      if (closed) insertEvent.run(id, 'close', 'handled', 'closed', '系统', closed);
      if (i % 100_000 === 99_999) log(`${i + 1} cases written`);
    }
  })();
  log(`bulk insert: ${Math.round(performance.now() - started)} ms`);
  const rebuild = performance.now();
  for (const index of secondary) db.exec(index.sql);
  log(`indexes rebuilt: ${Math.round(performance.now() - rebuild)} ms`);
  const fts = performance.now();
  db.exec("INSERT INTO cases_fts (cases_fts) VALUES ('rebuild')");
  for (const trigger of triggers) db.exec(trigger.sql);
  log(`FTS rebuilt: ${Math.round(performance.now() - fts)} ms`);
  db.pragma('synchronous = FULL');
  db.exec('ANALYZE');
}

if (!reuse) bulkInsert();
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
  seed = 7;
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
