/**
 * The category standard as the desk holds it (migration 006): the active version, and its
 * minors with their 立案条件 rows in the shape docs/design/CITY-EXCHANGE.md gives for
 * `griddesk categories --json`.
 */
import type { Limit, LimitUnit } from '../../core/limits/limit';
import { CATEGORY_KIND_ZH, type CategoryKind } from '../../core/glossary';
import type { Db } from '../open';

export interface StandardMinorView {
  kind: string;
  major_code: string;
  major_name: string;
  minor_code: string;
  minor_name: string;
  unit: string | null;
  standards: Array<{
    condition: string;
    close_condition: string | null;
    limit: Limit;
    note: string | null;
  }>;
}

export function activeCategoryVersion(db: Db): number | null {
  const value = db
    .prepare<[], string>("SELECT value FROM settings WHERE key = 'categories.activeVersion'")
    .pluck()
    .get();
  return value === undefined ? null : Number(value);
}

interface StandardRow {
  kind: CategoryKind;
  major_code: string;
  major_name: string;
  minor_code: string;
  minor_name: string;
  unit_name: string | null;
  condition: string;
  close_condition: string | null;
  limit_value: number;
  limit_unit: LimitUnit;
  note: string | null;
}

/** One object per minor of a version (the active one by default), in code order. */
export function readStandardMinors(
  db: Db,
  version = activeCategoryVersion(db),
): StandardMinorView[] {
  if (version === null) return [];
  const rows = db
    .prepare<[number], StandardRow>(
      `SELECT kind, major_code, major_name, minor_code, minor_name, unit_name, condition,
              close_condition, limit_value, limit_unit, note
         FROM category_standards WHERE version_id = ? ORDER BY category_code, position`,
    )
    .all(version);
  const minors: StandardMinorView[] = [];
  let last: StandardMinorView | undefined;
  for (const row of rows) {
    if (
      !last ||
      last.kind !== CATEGORY_KIND_ZH[row.kind] ||
      last.major_code !== row.major_code ||
      last.minor_code !== row.minor_code
    ) {
      last = {
        kind: CATEGORY_KIND_ZH[row.kind],
        major_code: row.major_code,
        major_name: row.major_name,
        minor_code: row.minor_code,
        minor_name: row.minor_name,
        unit: row.unit_name,
        standards: [],
      };
      minors.push(last);
    }
    last.standards.push({
      condition: row.condition,
      close_condition: row.close_condition,
      limit: { value: row.limit_value, unit: row.limit_unit },
      note: row.note,
    });
  }
  return minors;
}

/** A 立案条件 row as the case screens offer it (cases.lookups). */
export interface StandardOption {
  id: number;
  categoryCode: string;
  /** Its place in the city's table (1, 2, …), not the order offered. */
  position: number;
  condition: string;
  closeCondition: string | null;
  limit: Limit;
  note: string | null;
}

/**
 * "Shortest limit first" needs the four units on one scale before the clock runs, so this is
 * an approximation in hours, only for ordering a minor's rows: a natural hour is 1, a working
 * hour 3 (a working day has 8 working hours in its 24), a working or a natural day 24.
 * The exact deadline (work periods, holidays, 调休) is the server's, at registration.
 */
const APPROXIMATE_HOURS_SQL = `limit_value * CASE limit_unit
  WHEN 'natural_hours' THEN 1 WHEN 'working_hours' THEN 3 ELSE 24 END`;

interface StandardOptionRow {
  id: number;
  categoryCode: string;
  position: number;
  condition: string;
  closeCondition: string | null;
  limitValue: number;
  limitUnit: LimitUnit;
  note: string | null;
}

function toOption({ limitValue, limitUnit, ...row }: StandardOptionRow): StandardOption {
  return { ...row, limit: { value: limitValue, unit: limitUnit } };
}

const OPTION_COLUMNS = `id, category_code AS categoryCode, position, condition,
  close_condition AS closeCondition, limit_value AS limitValue, limit_unit AS limitUnit, note`;

/**
 * Every 立案条件 of the active version, by category, and within one the shortest limit first
 * (APPROXIMATE_HOURS_SQL; the city's order breaks a tie).
 */
export function readStandardOptions(db: Db): StandardOption[] {
  const version = activeCategoryVersion(db);
  if (version === null) return [];
  return db
    .prepare<[number], StandardOptionRow>(
      `SELECT ${OPTION_COLUMNS} FROM category_standards WHERE version_id = ?
        ORDER BY category_code, ${APPROXIMATE_HOURS_SQL}, position`,
    )
    .all(version)
    .map(toOption);
}

/** One row by its id, whatever its version (a case keeps the row it was registered under). */
export function readStandardOption(db: Db, id: number): StandardOption | null {
  const row = db
    .prepare<[number], StandardOptionRow>(
      `SELECT ${OPTION_COLUMNS} FROM category_standards WHERE id = ?`,
    )
    .get(id);
  return row ? toOption(row) : null;
}
