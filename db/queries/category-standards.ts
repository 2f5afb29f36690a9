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
