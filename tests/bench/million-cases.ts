/**
 * A million-case store for the benchmarks that need one (cases, backup): the demo street,
 * then cases over three years written in bulk (indexes and full-text triggers off, rebuilt
 * after), each with its report, registration and close events. Deterministic, so runs
 * compare. BENCH_DB_FILE keeps the generated file for another run (reused when it exists).
 */
import fs from 'node:fs';
import path from 'node:path';
import { CASE_SOURCES, type CaseState } from '../../core/glossary';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../core/time';
import { openOrCreateDatabase } from '../../db/bootstrap';
import type { Db } from '../../db/open';

export const NOW = Date.UTC(2026, 10, 21, 6, 0);

/** A small deterministic generator, so runs are comparable. */
let seed = 20261121;
export const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
/** Restarts the generator, so each measured run draws the same queries. */
export function reseed(value: number): void {
  seed = value;
}
export const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

export interface StreetLookups {
  grids: Array<{ code: string; name: string; community: string; lng: number; lat: number }>;
  categories: Array<{ code: string; name: string; unit: string }>;
  units: string[];
}

export function streetLookups(db: Db): StreetLookups {
  return {
    grids: db
      .prepare(
        "SELECT code, name, community_code AS community, center_lng AS lng, center_lat AS lat FROM places WHERE level = 'grid'",
      )
      .all() as StreetLookups['grids'],
    categories: db
      .prepare('SELECT code, minor_name AS name, default_unit_code AS unit FROM categories')
      .all() as StreetLookups['categories'],
    units: db.prepare("SELECT code FROM units WHERE kind = 'department'").pluck().all() as string[],
  };
}

/** Opens (or builds) the store: `reused` when BENCH_DB_FILE already held one. */
export function openMillionCaseStore(
  dir: string,
  total: number,
  log: (message: string) => void,
): { db: Db; file: string; reused: boolean; street: StreetLookups } {
  const keptFile = process.env.BENCH_DB_FILE;
  const reused = keptFile != null && fs.existsSync(keptFile);
  const file = keptFile ?? path.join(dir, 'million.sqlite');
  const { db } = openOrCreateDatabase(file, {
    appVersion: 'bench',
    now: NOW,
    demoWhenNew: true,
    demoSeed: 1,
  });
  const street = streetLookups(db);
  if (!reused) bulkInsertCases(db, total, street, log);
  return { db, file, reused, street };
}

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

function bulkInsertCases(
  db: Db,
  TOTAL: number,
  { grids, categories, units }: StreetLookups,
  log: (message: string) => void,
): void {
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
