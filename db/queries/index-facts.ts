/**
 * Loads the per-case facts the indices are computed from (core/indices), with the period
 * filter pushed into SQL: handling facts through the indexed `accountable_at` column
 * (migration 5), intake facts through `reported_at`. Rows come back as arrays (`raw()`),
 * which is what keeps a month over a million cases fast.
 */
import type { HandlingCase, IntakeCase } from '../../core/indices/case-facts';
import type { Period } from '../../core/indices/periods';
import type { RankingLevel, RankingUnit } from '../../core/indices/ranking';
import type { CaseState, Satisfaction } from '../../core/glossary';
import type { Db } from '../open';

/** The column that attributes a case to a unit at each level. Departments: the lead unit (主办). */
export const LEVEL_COLUMN: Record<RankingLevel, string> = {
  community: 'community_code',
  grid: 'grid_code',
  unit: 'lead_unit_code',
};

type HandlingRow = [number, string, CaseState, number | null, number | null, number | null, number, number, Satisfaction | null];
type IntakeRow = [number, string, CaseState, number, number | null, number | null];

export function loadHandlingCases(
  db: Db,
  level: RankingLevel,
  period: Pick<Period, 'start' | 'end'>,
  unitCode?: string,
): HandlingCase[] {
  const column = LEVEL_COLUMN[level];
  const rows = db
    .prepare(
      `SELECT id, ${column}, state, registered_at, closed_at, due_at, rework_count, extension_count, satisfaction
         FROM cases
        WHERE accountable_at >= ? AND accountable_at < ? AND ${column} ${unitCode === undefined ? 'IS NOT NULL' : '= ?'}`,
    )
    .raw()
    .all(...[period.start, period.end, ...(unitCode === undefined ? [] : [unitCode])]) as HandlingRow[];
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
  }));
}

export function loadIntakeCases(
  db: Db,
  level: RankingLevel,
  period: Pick<Period, 'start' | 'end'>,
  unitCode?: string,
): IntakeCase[] {
  const column = LEVEL_COLUMN[level];
  const rows = db
    .prepare(
      `SELECT id, ${column}, state, reported_at, registered_at, accept_due_at
         FROM cases
        WHERE reported_at >= ? AND reported_at < ? AND state <> 'voided'
          AND ${column} ${unitCode === undefined ? 'IS NOT NULL' : '= ?'}`,
    )
    .raw()
    .all(...[period.start, period.end, ...(unitCode === undefined ? [] : [unitCode])]) as IntakeRow[];
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
}

/**
 * Handling counts per (period, unit) for many periods in one pass, aggregated by SQLite:
 * what the 12-month trend needs. The conditions are core/indices/case-facts.ts
 * `handlingFlags`, written in SQL; a test checks that both agree on the demo street.
 */
export function aggregateHandlingByPeriod(
  db: Db,
  level: RankingLevel,
  periods: ReadonlyArray<Pick<Period, 'start' | 'end'>>,
): PeriodUnitHandlingCounts[] {
  if (periods.length === 0) return [];
  const column = LEVEL_COLUMN[level];
  const values = periods.map(() => '(?, ?, ?)').join(', ');
  const params = periods.flatMap((p, i) => [i, p.start, p.end]);
  return db
    .prepare<unknown[], PeriodUnitHandlingCounts>(
      `WITH p(i, start_at, end_at) AS (VALUES ${values})
       SELECT p.i AS periodIndex, c.${column} AS unitCode,
              count(*) AS due,
              sum(c.closed_at IS NOT NULL AND c.closed_at < p.end_at) AS closed,
              sum(c.closed_at IS NOT NULL AND (c.due_at IS NULL OR c.closed_at <= c.due_at)) AS onTime,
              sum(c.rework_count > 0) AS rework,
              sum(c.extension_count > 0) AS extended,
              sum(c.satisfaction IS NOT NULL) AS callbacks,
              sum(c.satisfaction IS NOT NULL AND c.satisfaction IN ('satisfied', 'basically_satisfied')) AS satisfied
         FROM p CROSS JOIN cases c
        WHERE c.accountable_at >= p.start_at AND c.accountable_at < p.end_at
          AND c.${column} IS NOT NULL
        GROUP BY p.i, c.${column}`,
    )
    .all(...params);
}
