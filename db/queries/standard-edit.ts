/**
 * The admin's changes to the category standard in the settings: a row's 立案条件, 结案条件,
 * limit or handling unit, and a local category (本地类别, a minor the city's table lacks).
 * category_standards is append-only (migration 006), so each change writes a NEW version:
 * the active version's rows copied with the change, made active by the import's own writer
 * (writeStandardVersion). Cases registered before keep their row, and so their deadline.
 */
import { CATEGORY_KIND_LETTER, type CategoryKind } from '../../core/glossary';
import type { StandardEntry, StandardMinor } from '../../core/exchange/standard-rows';
import type { Limit } from '../../core/limits/limit';
import { writeStandardVersion } from '../exchange/standard-import';
import type { Db } from '../open';
import { activeCategoryVersion } from './category-standards';

export type StandardEditRefusal = {
  ok: false;
  code: string;
  where: string;
  zh: string;
  en: string;
};
export type StandardEditResult = { ok: true; version: number } | StandardEditRefusal;

interface StoredRow {
  id: number;
  category_code: string;
  kind: CategoryKind;
  major_code: string;
  major_name: string;
  minor_code: string;
  minor_name: string;
  unit_name: string | null;
  department: string | null;
  position: number;
  condition: string;
  close_condition: string | null;
  limit_value: number;
  limit_unit: Limit['unit'];
  note: string | null;
  extra: string | null;
}

/** The active version's rows folded back into minors, as the import hands them over. */
function activeMinors(db: Db, version: number): StandardMinor[] {
  const rows = db
    .prepare<[number], StoredRow>(
      'SELECT * FROM category_standards WHERE version_id = ? ORDER BY category_code, position',
    )
    .all(version);
  const minors = new Map<string, StandardMinor>();
  for (const row of rows) {
    let minor = minors.get(row.category_code);
    if (!minor) {
      minor = {
        kind: row.kind,
        majorCode: row.major_code,
        majorName: row.major_name,
        minorCode: row.minor_code,
        minorName: row.minor_name,
        unit: row.unit_name,
        department: row.department,
        standards: [],
      };
      minors.set(row.category_code, minor);
    }
    minor.standards.push({
      condition: row.condition,
      closeCondition: row.close_condition,
      limit: { value: row.limit_value, unit: row.limit_unit },
      note: row.note,
      extra: row.extra ? (JSON.parse(row.extra) as Record<string, string>) : null,
      row: row.position,
      sheet: 'settings',
    });
  }
  return [...minors.values()];
}

function unitName(db: Db, code: string | null): string | null | undefined {
  if (code === null) return null;
  return db.prepare<[string], string>('SELECT name FROM units WHERE code = ?').pluck().get(code);
}

function noUnit(code: string): StandardEditRefusal {
  return {
    ok: false,
    code: 'unknown_unit',
    where: 'unitCode',
    zh: `处置单位 ${code} 不存在。`,
    en: `Handling unit: there is no unit ${code}.`,
  };
}

function write(
  db: Db,
  minors: StandardMinor[],
  actor: string,
  now: number,
  change: Record<string, unknown>,
  action: string,
): number {
  const standards = minors.reduce((n, m) => n + m.standards.length, 0);
  return writeStandardVersion(
    db,
    {
      file: { name: 'settings', sha256: null },
      versionNotes: JSON.stringify(change),
      minors,
      unknownUnits: [],
    },
    { now, actor, audit: { action, detail: change } },
    minors.length,
    standards,
  ).version;
}

export interface StandardRowEdit {
  /** A row of the active version. */
  id: number;
  condition: string;
  closeCondition: string | null;
  limit: Limit;
  note: string | null;
  /** The minor's handling unit (all its rows share it). */
  unitCode: string | null;
}

export function editStandardRow(
  db: Db,
  edit: StandardRowEdit,
  actor: string,
  now: number,
): StandardEditResult {
  return db
    .transaction((): StandardEditResult => {
      const version = activeCategoryVersion(db);
      const row = db
        .prepare<[number], StoredRow & { version_id: number }>(
          'SELECT * FROM category_standards WHERE id = ?',
        )
        .get(edit.id);
      if (!row || version === null || row.version_id !== version) {
        return {
          ok: false,
          code: 'not_active_row',
          where: 'id',
          zh: `第 ${edit.id} 条标准不在当前版本中：只能修改当前版本的立案条件（旧版本保持原样）。`,
          en: `Standard row ${edit.id} is not in the active version: only the active version's rows can be changed (old versions stay as they were).`,
        };
      }
      const unit = unitName(db, edit.unitCode);
      if (unit === undefined) return noUnit(edit.unitCode!);
      const minors = activeMinors(db, version);
      const minor = minors.find(
        (m) => `${CATEGORY_KIND_LETTER[m.kind]}${m.majorCode}${m.minorCode}` === row.category_code,
      )!;
      const clash = minor.standards.find(
        (s, i) => i + 1 !== row.position && s.condition === edit.condition,
      );
      if (clash) {
        return {
          ok: false,
          code: 'duplicate_condition',
          where: 'condition',
          zh: `立案条件「${edit.condition}」在 ${row.category_code} 中已有，请换一个说法。`,
          en: `Condition: "${edit.condition}" is already a condition of ${row.category_code}.`,
        };
      }
      const before = minor.standards[row.position - 1]!;
      const after: StandardEntry = {
        ...before,
        condition: edit.condition,
        closeCondition: edit.closeCondition,
        limit: edit.limit,
        note: edit.note,
      };
      minor.standards[row.position - 1] = after;
      const unitBefore = minor.unit;
      minor.unit = unit;
      const change = {
        change: 'edit',
        from: version,
        code: row.category_code,
        position: row.position,
        before: { ...entryDetail(before), unit: unitBefore },
        after: { ...entryDetail(after), unit },
      };
      return { ok: true, version: write(db, minors, actor, now, change, 'categories.editRow') };
    })
    .immediate();
}

function entryDetail(entry: StandardEntry) {
  return {
    condition: entry.condition,
    closeCondition: entry.closeCondition,
    limit: entry.limit,
    note: entry.note,
  };
}

export interface LocalCategoryAdd {
  kind: CategoryKind;
  majorCode: string;
  minorCode: string;
  minorName: string;
  condition: string;
  closeCondition: string | null;
  limit: Limit;
  note: string | null;
  unitCode: string | null;
}

/** A new minor under a major the active version has, with its first 立案条件. */
export function addLocalCategory(
  db: Db,
  add: LocalCategoryAdd,
  actor: string,
  now: number,
): StandardEditResult & { code?: string } {
  const code = `${CATEGORY_KIND_LETTER[add.kind]}${add.majorCode}${add.minorCode}`;
  return db
    .transaction((): StandardEditResult & { code?: string } => {
      const version = activeCategoryVersion(db);
      const minors = version === null ? [] : activeMinors(db, version);
      const major = minors.find((m) => m.kind === add.kind && m.majorCode === add.majorCode);
      if (!major) {
        return {
          ok: false,
          code: 'unknown_major',
          where: 'majorCode',
          zh: `大类代码 ${add.majorCode}：当前版本没有这个大类，本地类别只能加在已有大类下。`,
          en: `Major code ${add.majorCode}: the active version has no such major; a local category goes under an existing one.`,
        };
      }
      const taken = db.prepare('SELECT 1 FROM categories WHERE code = ?').get(code);
      if (
        taken ||
        minors.some(
          (m) =>
            m.majorCode === add.majorCode && m.minorCode === add.minorCode && m.kind === add.kind,
        )
      ) {
        return {
          ok: false,
          code: 'category_exists',
          where: 'minorCode',
          zh: `小类代码 ${add.minorCode}：类别 ${code} 已存在，请换一个小类代码。`,
          en: `Minor code ${add.minorCode}: the category ${code} exists already; choose another minor code.`,
        };
      }
      const unit = unitName(db, add.unitCode);
      if (unit === undefined) return noUnit(add.unitCode!);
      const entry: StandardEntry = {
        condition: add.condition,
        closeCondition: add.closeCondition,
        limit: add.limit,
        note: add.note,
        extra: null,
        row: 1,
        sheet: 'settings',
      };
      minors.push({
        kind: add.kind,
        majorCode: add.majorCode,
        majorName: major.majorName,
        minorCode: add.minorCode,
        minorName: add.minorName,
        unit,
        department: null,
        standards: [entry],
      });
      const change = {
        change: 'add',
        from: version,
        code,
        name: add.minorName,
        after: { ...entryDetail(entry), unit },
      };
      const written = write(db, minors, actor, now, change, 'categories.addLocal');
      // The writer put the minor in the category list; mark it the desk's own.
      db.prepare('UPDATE categories SET is_local = 1 WHERE code = ?').run(code);
      return { ok: true, version: written, code };
    })
    .immediate();
}
