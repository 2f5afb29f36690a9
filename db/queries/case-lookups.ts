/**
 * The small reference lists the case screens pick from: categories (with their pinyin
 * initials and clocks), handling units, communities and grids. A street has tens of each,
 * so they travel whole and are searched on the client.
 */
import type { CategoryKind, UnitKind } from '../../core/glossary';
import type { Db } from '../open';

export interface CategoryOption {
  code: string;
  kind: CategoryKind;
  majorName: string;
  minorName: string;
  pinyinInitials: string | null;
  defaultUnitCode: string | null;
  resolveHours: number | null;
  resolveWorkingDays: number | null;
  active: boolean;
}

export interface UnitOption {
  code: string;
  name: string;
  kind: UnitKind;
  placeCode: string | null;
  active: boolean;
}

export interface PlaceOption {
  code: string;
  name: string;
  level: 'community' | 'grid';
  communityCode: string | null;
  centerLng: number | null;
  centerLat: number | null;
}

export function readCategoryOptions(db: Db): CategoryOption[] {
  return db
    .prepare<[], Omit<CategoryOption, 'active'> & { active: number }>(
      `SELECT code, kind, major_name AS majorName, minor_name AS minorName,
              pinyin_initials AS pinyinInitials, default_unit_code AS defaultUnitCode,
              resolve_hours AS resolveHours, resolve_working_days AS resolveWorkingDays, active
         FROM categories ORDER BY code`,
    )
    .all()
    .map((row) => ({ ...row, active: row.active === 1 }));
}

export function readUnitOptions(db: Db): UnitOption[] {
  return db
    .prepare<[], Omit<UnitOption, 'active'> & { active: number }>(
      `SELECT code, name, kind, place_code AS placeCode, active FROM units
        ORDER BY kind = 'street', kind = 'community', sort_order, code`,
    )
    .all()
    .map((row) => ({ ...row, active: row.active === 1 }));
}

export function readPlaceOptions(db: Db): PlaceOption[] {
  return db
    .prepare<[], PlaceOption>(
      `SELECT code, name, level, community_code AS communityCode,
              center_lng AS centerLng, center_lat AS centerLat
         FROM places WHERE level IN ('community', 'grid') ORDER BY code`,
    )
    .all();
}

export function readUnit(
  db: Db,
  code: string,
): { code: string; name: string; active: boolean; kind: UnitKind } | null {
  const row = db
    .prepare<[string], { code: string; name: string; active: number; kind: UnitKind }>(
      'SELECT code, name, active, kind FROM units WHERE code = ?',
    )
    .get(code);
  return row ? { ...row, active: row.active === 1 } : null;
}

export function readCategory(
  db: Db,
  code: string,
): { code: string; minorName: string; active: boolean; defaultUnitCode: string | null } | null {
  const row = db
    .prepare<
      [string],
      { code: string; minorName: string; active: number; defaultUnitCode: string | null }
    >(
      'SELECT code, minor_name AS minorName, active, default_unit_code AS defaultUnitCode FROM categories WHERE code = ?',
    )
    .get(code);
  return row ? { ...row, active: row.active === 1 } : null;
}

export function readPlace(
  db: Db,
  code: string,
): { code: string; name: string; level: string; communityCode: string | null } | null {
  return (
    db
      .prepare<
        [string],
        { code: string; name: string; level: string; communityCode: string | null }
      >('SELECT code, name, level, community_code AS communityCode FROM places WHERE code = ?')
      .get(code) ?? null
  );
}

/**
 * The unit a case goes to by default: its category's, except that 社区居委会 means the
 * community the case lies in (its community unit).
 */
export function suggestedLeadUnit(
  db: Db,
  categoryCode: string,
  communityCode: string | null,
): string | null {
  const row = db
    .prepare<[string], { code: string | null; name: string | null }>(
      `SELECT u.code, u.name FROM categories c LEFT JOIN units u ON u.code = c.default_unit_code
        WHERE c.code = ?`,
    )
    .get(categoryCode);
  if (!row?.code) return null;
  if (row.name === '社区居委会' && communityCode) {
    const community = db
      .prepare<[string], string>(
        "SELECT code FROM units WHERE kind = 'community' AND place_code = ?",
      )
      .pluck()
      .get(communityCode);
    if (community) return community;
  }
  return row.code;
}
