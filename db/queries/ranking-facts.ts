/**
 * Loads the per-case facts the indices are computed from (core/ranking), with the period
 * filter pushed into SQL: handling facts through the indexed `accountable_at` column
 * (migration 4), intake facts through `reported_at`. Rows come back as arrays (`raw()`),
 * which is what keeps a month over a million cases fast.
 */
import {
  DEFAULT_ACCEPT_MS,
  type HandlingCase,
  type IntakeCase,
} from '../../core/ranking/case-facts';
import type { Period } from '../../core/ranking/periods';
import type { RankingLevel, RankingUnit } from '../../core/ranking/ranking';
import type { CaseState, Satisfaction } from '../../core/glossary';
import { DEFAULT_STAGE_LIMITS, type StageLimits } from '../../core/cases/stage-clocks';
import { MINUTE_MS } from '../../core/time';
import type { Db } from '../open';

/** The column that attributes a case to a unit at each level. Departments: the lead unit (主办). */
const LEVEL_COLUMN: Record<RankingLevel, string> = {
  community: 'community_code',
  grid: 'grid_code',
  unit: 'lead_unit_code',
};

type HandlingRow = [
  number,
  string,
  CaseState,
  number | null,
  number | null,
  number | null,
  number,
  number,
  Satisfaction | null,
  number | null,
  number | null,
  number | null,
  number | null,
];
type IntakeRow = [number, string, CaseState, number, number | null, number | null];

/** One unit's cases, or only the given cases (the ones appeals move), or every unit's. */
type FactsFilter = string | { caseIds: readonly number[] } | undefined;

function filterSql(column: string, filter: FactsFilter): { sql: string; params: unknown[] } {
  if (filter === undefined) return { sql: `${column} IS NOT NULL`, params: [] };
  if (typeof filter === 'string') return { sql: `${column} = ?`, params: [filter] };
  return {
    sql: `${column} IS NOT NULL AND id IN (SELECT value FROM json_each(?))`,
    params: [JSON.stringify(filter.caseIds)],
  };
}

export function loadHandlingCases(
  db: Db,
  level: RankingLevel,
  period: Pick<Period, 'start' | 'end'>,
  filter?: FactsFilter,
): HandlingCase[] {
  const column = LEVEL_COLUMN[level];
  const where = filterSql(column, filter);
  const rows = db
    .prepare(
      `SELECT id, ${column}, state, registered_at, closed_at, due_at, rework_count, extension_count, satisfaction,
              dispatched_at, onsite_due_at, arrived_at, handled_at
         FROM cases
        WHERE accountable_at >= ? AND accountable_at < ? AND ${where.sql}`,
    )
    .raw()
    .all(period.start, period.end, ...where.params) as HandlingRow[];
  return rows.map((r) => ({
    caseId: r[0],
    unitCode: r[1],
    state: r[2],
    registeredAt: r[3],
    closedAt: r[4],
    dueAt: r[5],
    reworkCount: r[6],
    extensionCount: r[7],
    satisfaction: r[8],
    dispatchedAt: r[9],
    onsiteDueAt: r[10],
    arrivedAt: r[11],
    handledAt: r[12],
  }));
}

export function loadIntakeCases(
  db: Db,
  level: RankingLevel,
  period: Pick<Period, 'start' | 'end'>,
  filter?: FactsFilter,
): IntakeCase[] {
  const column = LEVEL_COLUMN[level];
  const where = filterSql(column, filter);
  const rows = db
    .prepare(
      `SELECT id, ${column}, state, reported_at, registered_at, accept_due_at
         FROM cases
        WHERE reported_at >= ? AND reported_at < ? AND state <> 'voided' AND ${where.sql}`,
    )
    .raw()
    .all(period.start, period.end, ...where.params) as IntakeRow[];
  return rows.map((r) => ({
    caseId: r[0],
    unitCode: r[1],
    state: r[2],
    reportedAt: r[3],
    registeredAt: r[4],
    acceptDueAt: r[5],
  }));
}

/**
 * Every unit of a level, so a unit without cases still appears (unranked): communities and
 * grids from places; units are the handling units (departments and communities acting as
 * handling units), not the command centre itself.
 */
export function listRankingUnits(db: Db, level: RankingLevel): RankingUnit[] {
  if (level === 'unit') {
    return db
      .prepare<[], RankingUnit>(
        `SELECT code, name FROM units WHERE kind IN ('department', 'community') AND active = 1
          ORDER BY code`,
      )
      .all();
  }
  return db
    .prepare<[string], RankingUnit>('SELECT code, name FROM places WHERE level = ? ORDER BY code')
    .all(level);
}

export interface PeriodUnitHandlingCounts {
  periodIndex: number;
  unitCode: string;
  due: number;
  closed: number;
  onTime: number;
  rework: number;
  extended: number;
  callbacks: number;
  satisfied: number;
  dispatched: number;
  dispatchOnTime: number;
  onsiteOnTime: number;
  handleOnTime: number;
  handled: number;
  verifyOnTime: number;
}

/** `(i, start, end)` rows for a VALUES list of measuring windows. */
function windowValues(windows: ReadonlyArray<Pick<Period, 'start' | 'end'>>) {
  return {
    values: windows.map(() => '(?, ?, ?)').join(', '),
    params: windows.flatMap((p, i) => [i, p.start, p.end]),
  };
}

/**
 * Handling counts per (window, unit) for many windows in one statement, aggregated by
 * SQLite over the covering index: what the ranking and the 12-month trend need. The
 * conditions are core/ranking/case-facts.ts `handlingFlags` written in SQL; a test checks
 * that both agree. (`x OR NULL` counts the rows where x holds; NULL never counts.)
 */
export function aggregateHandlingByPeriod(
  db: Db,
  level: RankingLevel,
  windows: ReadonlyArray<Pick<Period, 'start' | 'end'>>,
  stages: StageLimits | 'without' = DEFAULT_STAGE_LIMITS,
): PeriodUnitHandlingCounts[] {
  if (windows.length === 0) return [];
  const column = LEVEL_COLUMN[level];
  const { values, params } = windowValues(windows);
  return db
    .prepare<unknown[], PeriodUnitHandlingCounts>(
      `WITH p(i, start_at, end_at) AS (VALUES ${values})
       SELECT p.i AS periodIndex, c.${column} AS unitCode,
              count(*) AS due,
              count(c.closed_at < p.end_at OR NULL) AS closed,
              count(c.closed_at <= coalesce(c.due_at, c.closed_at) OR NULL) AS onTime,
              count(c.rework_count > 0 OR NULL) AS rework,
              count(c.extension_count > 0 OR NULL) AS extended,
              count(c.satisfaction) AS callbacks,
              count(c.satisfaction IN ('satisfied', 'basically_satisfied') OR NULL) AS satisfied,
              ${stages === 'without' ? STAGES_LEFT_OUT : stageCountsSql(stages)}
         FROM p CROSS JOIN cases c
        WHERE c.accountable_at >= p.start_at AND c.accountable_at < p.end_at
          AND c.${column} IS NOT NULL
        GROUP BY p.i, c.${column}`,
    )
    .all(...params);
}

/**
 * 'without': the stage counts as zeros, for counts that only score (the previous period's
 * ranks, the trend's points) while no stage is weighted. Each counted expression costs
 * SQLite about 8 ms a month over a million cases; the six stage ones are half a month's
 * handling figures.
 */
const STAGES_LEFT_OUT = `0 AS dispatched, 0 AS dispatchOnTime, 0 AS onsiteOnTime, 0 AS handleOnTime,
              0 AS handled, 0 AS verifyOnTime`;

/** The stage counts: core/ranking/case-facts.ts stageFlags in SQL. */
function stageCountsSql(stages: StageLimits): string {
  // Whole milliseconds, written into the statement: two numbers the admin set, not input.
  const dispatchMs = Math.round(stages.dispatchMinutes * MINUTE_MS);
  const verifyMs = Math.round(stages.verifyMinutes * MINUTE_MS);
  return `count(c.dispatched_at) AS dispatched,
              count(c.dispatched_at <= c.registered_at + ${dispatchMs} OR NULL) AS dispatchOnTime,
              count(c.dispatched_at IS NOT NULL AND c.arrived_at <= coalesce(c.onsite_due_at, c.arrived_at) OR NULL) AS onsiteOnTime,
              count(c.dispatched_at IS NOT NULL AND c.handled_at <= coalesce(c.due_at, c.handled_at) OR NULL) AS handleOnTime,
              count(c.handled_at) AS handled,
              count(c.closed_at <= c.handled_at + ${verifyMs} OR NULL) AS verifyOnTime`;
}

interface PeriodUnitIntakeCounts {
  periodIndex: number;
  unitCode: string;
  reported: number;
  registered: number;
  timelyAccepted: number;
}

/** Intake counts per (window, unit): core/ranking/case-facts.ts `intakeFlags` in SQL. */
export function aggregateIntakeByPeriod(
  db: Db,
  level: RankingLevel,
  windows: ReadonlyArray<Pick<Period, 'start' | 'end'>>,
): PeriodUnitIntakeCounts[] {
  if (windows.length === 0) return [];
  const column = LEVEL_COLUMN[level];
  const { values, params } = windowValues(windows);
  return db
    .prepare<unknown[], PeriodUnitIntakeCounts>(
      `WITH p(i, start_at, end_at) AS (VALUES ${values})
       SELECT p.i AS periodIndex, c.${column} AS unitCode,
              count(*) AS reported,
              count(c.registered_at) AS registered,
              count(c.registered_at <= coalesce(c.accept_due_at, c.reported_at + ${DEFAULT_ACCEPT_MS}) OR NULL) AS timelyAccepted
         FROM p CROSS JOIN cases c
        WHERE c.reported_at >= p.start_at AND c.reported_at < p.end_at AND c.state <> 'voided'
          AND c.${column} IS NOT NULL
        GROUP BY p.i, c.${column}`,
    )
    .all(...params);
}

/**
 * The canonical text of every per-case fact a window's figures read, one line per case
 * (handling facts, then intake facts), built by SQLite in one pass over the covering
 * indexes. Its SHA-256 is a bulletin's inputs_sha256: any change to a fact used changes it.
 * The lines come in the covering index's key order (INDEXED BY pins the plan; the key ends
 * with the row id), which the data alone decides, so the same facts always give the same
 * text without paying for a sort.
 */
export function factsDigestText(
  db: Db,
  level: RankingLevel,
  window: Pick<Period, 'start' | 'end'>,
): string {
  const column = LEVEL_COLUMN[level];
  const handling = db
    .prepare<[number, number], string | null>(
      `SELECT group_concat(printf('H|%d|%s|%s|%s|%s|%s|%d|%d|%s|%s|%s|%s|%s', id, ${column}, state, registered_at,
                closed_at, due_at, rework_count, extension_count, satisfaction,
                dispatched_at, onsite_due_at, arrived_at, handled_at), char(10))
         FROM cases INDEXED BY cases_accountable_facts
        WHERE accountable_at >= ? AND accountable_at < ? AND ${column} IS NOT NULL`,
    )
    .pluck()
    .get(window.start, window.end);
  const intake = db
    .prepare<[number, number], string | null>(
      `SELECT group_concat(printf('I|%d|%s|%s|%d|%s|%s', id, ${column}, state, reported_at, registered_at,
                accept_due_at), char(10))
         FROM cases INDEXED BY cases_intake_facts
        WHERE reported_at >= ? AND reported_at < ? AND state <> 'voided' AND ${column} IS NOT NULL`,
    )
    .pluck()
    .get(window.start, window.end);
  return `${handling ?? ''}\n${intake ?? ''}\n`;
}
