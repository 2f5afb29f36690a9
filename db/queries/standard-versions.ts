/**
 * Browsing the category standard's versions in the settings (立结案标准): every version with
 * how many cases were registered under it, and a version's 立案条件 rows found by code, name
 * or condition, each with its own count of cases (a case keeps the row it was registered
 * under, whatever version is active later).
 */
import type { CategoryKind } from '../../core/glossary';
import type { LimitUnit } from '../../core/limits/limit';
import type { Db } from '../open';
import { activeCategoryVersion } from './category-standards';

export interface CategoryVersionRow {
  id: number;
  source: string;
  importedAt: number;
  importedBy: string;
  minors: number;
  standards: number;
  /** JSON written by a settings edit: what changed (standard-edit.ts). */
  notes: string | null;
  active: boolean;
  /** Cases registered under one of its rows. */
  cases: number;
}

export interface StandardVersionsView {
  activeVersion: number | null;
  /** Newest first. */
  versions: CategoryVersionRow[];
  /** Cases with no standard row (registered before migration 6, or a city's own deadline). */
  casesWithoutStandard: number;
}

export function listCategoryVersions(db: Db): StandardVersionsView {
  const active = activeCategoryVersion(db);
  const counts = new Map(
    db
      .prepare<[], { version: number; cases: number }>(
        `SELECT s.version_id AS version, count(*) AS cases
           FROM cases c JOIN category_standards s ON s.id = c.standard_id GROUP BY s.version_id`,
      )
      .all()
      .map((row) => [row.version, row.cases]),
  );
  const versions = db
    .prepare<[], Omit<CategoryVersionRow, 'active' | 'cases'>>(
      `SELECT id, source, imported_at AS importedAt, imported_by AS importedBy, minors, standards,
              notes FROM category_versions ORDER BY id DESC`,
    )
    .all()
    .map((v) => ({ ...v, active: v.id === active, cases: counts.get(v.id) ?? 0 }));
  const casesWithoutStandard =
    db.prepare<[], number>('SELECT count(*) FROM cases WHERE standard_id IS NULL').pluck().get() ??
    0;
  return { activeVersion: active, versions, casesWithoutStandard };
}

export interface StandardRowView {
  id: number;
  categoryCode: string;
  kind: CategoryKind;
  majorCode: string;
  majorName: string;
  minorCode: string;
  minorName: string;
  unitCode: string | null;
  unitName: string | null;
  position: number;
  condition: string;
  closeCondition: string | null;
  limitValue: number;
  limitUnit: LimitUnit;
  note: string | null;
  /** Cases registered under this very row. */
  cases: number;
  local: boolean;
}

export interface StandardRowsQuery {
  version: number;
  /** Matched against the code, the major's and minor's names and both conditions. */
  search?: string | undefined;
  limit: number;
}

/** cases.standard_id has no index: the counts come from one grouped scan, not one per row. */
export function searchStandardRows(
  db: Db,
  query: StandardRowsQuery,
): { rows: StandardRowView[]; total: number } {
  const text = (query.search ?? '').trim();
  // LIKE's own wildcards in what was typed are taken literally.
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const where = `s.version_id = @version AND (@text = '' OR s.category_code LIKE @pattern ESCAPE '\\'
      OR s.major_name LIKE @pattern ESCAPE '\\' OR s.minor_name LIKE @pattern ESCAPE '\\'
      OR s.condition LIKE @pattern ESCAPE '\\' OR s.close_condition LIKE @pattern ESCAPE '\\')`;
  const params = { version: query.version, text, pattern };
  const total =
    db
      .prepare<typeof params, number>(`SELECT count(*) FROM category_standards s WHERE ${where}`)
      .pluck()
      .get(params) ?? 0;
  const rows = db
    .prepare<typeof params & { limit: number }, Omit<StandardRowView, 'local'> & { local: number }>(
      `SELECT s.id, s.category_code AS categoryCode, s.kind, s.major_code AS majorCode,
              s.major_name AS majorName, s.minor_code AS minorCode, s.minor_name AS minorName,
              s.unit_code AS unitCode, s.unit_name AS unitName, s.position, s.condition,
              s.close_condition AS closeCondition, s.limit_value AS limitValue,
              s.limit_unit AS limitUnit, s.note, coalesce(n.cases, 0) AS cases,
              coalesce((SELECT is_local FROM categories WHERE code = s.category_code), 0) AS local
         FROM category_standards s
         LEFT JOIN (SELECT standard_id, count(*) AS cases FROM cases
                     WHERE standard_id IN (SELECT id FROM category_standards WHERE version_id = @version)
                     GROUP BY standard_id) n ON n.standard_id = s.id
        WHERE ${where}
        ORDER BY s.category_code, s.position LIMIT @limit`,
    )
    .all({ ...params, limit: query.limit })
    .map((row) => ({ ...row, local: row.local === 1 }));
  return { rows, total };
}

/** The units a minor can be handled by, for the settings' forms. */
export function listUnitChoices(db: Db): Array<{ code: string; name: string }> {
  return db
    .prepare<[], { code: string; name: string }>(
      'SELECT code, name FROM units WHERE active = 1 ORDER BY sort_order, code',
    )
    .all();
}

/** A version's majors: where a local category can go. */
export function listMajors(
  db: Db,
  version: number,
): Array<{ kind: CategoryKind; code: string; name: string }> {
  return db
    .prepare<[number], { kind: CategoryKind; code: string; name: string }>(
      `SELECT DISTINCT kind, major_code AS code, major_name AS name FROM category_standards
        WHERE version_id = ? ORDER BY kind, major_code`,
    )
    .all(version);
}
