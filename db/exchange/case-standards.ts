/**
 * The category standard as a case import and export use it, read once per file (no SQL per
 * row): the active version's 立案条件 rows per category (settings 'categories.activeVersion',
 * migration 006), and every version's rows by id, for the row a case already recorded.
 */
import type { LimitUnit } from '../../core/limits/limit';
import {
  categoryStandards,
  foldCondition,
  type CategoryStandards,
  type StandardChoice,
  type StandardRowRef,
} from '../../core/exchange/case-standard';
import type { Db } from '../open';

export interface CaseStandards {
  /** The active version's rows of a category; undefined when it has none. */
  byCategory: ReadonlyMap<string, CategoryStandards>;
  byId: ReadonlyMap<number, StandardRowRef>;
}

interface StandardRow {
  id: number;
  versionId: number;
  categoryCode: string;
  minorName: string;
  position: number;
  condition: string;
  limitValue: number;
  limitUnit: LimitUnit;
}

export function loadCaseStandards(db: Db): CaseStandards {
  const active = db
    .prepare<[], number>(
      "SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'categories.activeVersion'",
    )
    .pluck()
    .get();
  const rows = db
    .prepare<[], StandardRow>(
      `SELECT id, version_id AS versionId, category_code AS categoryCode, minor_name AS minorName,
              position, condition, limit_value AS limitValue, limit_unit AS limitUnit
         FROM category_standards ORDER BY category_code, position`,
    )
    .all();
  const byId = new Map<number, StandardRowRef>();
  const grouped = new Map<string, { minorName: string; rows: StandardChoice[] }>();
  for (const row of rows) {
    const condition = foldCondition(row.condition);
    byId.set(row.id, { categoryCode: row.categoryCode, condition, text: row.condition });
    if (row.versionId !== active) continue;
    let group = grouped.get(row.categoryCode);
    if (!group) grouped.set(row.categoryCode, (group = { minorName: row.minorName, rows: [] }));
    group.rows.push({
      id: row.id,
      position: row.position,
      condition,
      text: row.condition,
      limit: { value: row.limitValue, unit: row.limitUnit },
    });
  }
  const byCategory = new Map<string, CategoryStandards>();
  for (const [code, group] of grouped)
    byCategory.set(code, categoryStandards(group.minorName, group.rows));
  return { byCategory, byId };
}

/**
 * The 立案条件 text an export writes for a case: its recorded row's, else (a case from before
 * the standard, or given a city deadline) its minor's only row in the active version, the
 * one its clocks run on; nothing when the minor has several and the case names none.
 */
export function standardTextOf(
  standards: CaseStandards,
  categoryCode: string,
  standardId: number | null,
): string | null {
  if (standardId !== null) return standards.byId.get(standardId)?.text ?? null;
  const rows = standards.byCategory.get(categoryCode)?.rows;
  return rows?.length === 1 ? rows[0]!.text : null;
}

/** The row a stored case is under, as an import compares it: its own, else its minor's only one. */
export function implicitStandardId(
  standards: CaseStandards,
  categoryCode: string,
  standardId: number | null,
): number | null {
  if (standardId !== null) return standardId;
  const rows = standards.byCategory.get(categoryCode)?.rows;
  return rows?.length === 1 ? rows[0]!.id : null;
}
