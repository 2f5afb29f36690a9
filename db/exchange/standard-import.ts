/**
 * Importing a city's category standard (立结案标准) as a new version of the category table
 * (docs/design/CITY-EXCHANGE.md "The city's category standard"): read and check the whole
 * file first (standard-read.ts); any problem refuses it and nothing is written; the same
 * file again (by SHA-256) is the version it already made. Otherwise, in one transaction:
 * the handling units the desk does not know become departments, the version and its
 * standard rows are written (append-only, migration 006), the minors join the category list
 * the desk picks from, and the version becomes the active one. Recorded in the audit log;
 * the version row is the import's own record (exchange_batches holds city case exchanges).
 */
import { CATEGORY_KIND_LETTER } from '../../core/glossary';
import { pinyinInitials } from '../../core/pinyin-initials';
import {
  standardProblemSentence,
  type StandardNote,
  type StandardProblem,
} from '../../core/exchange/standard-rows';
import type { Db } from '../open';
import { ExchangeRefusal } from './file-probe';
import { readStandardTable, type StandardRead } from './standard-read';

export interface StandardImportReport {
  status: 'done' | 'unchanged' | 'refused';
  fileName: string;
  sha256: string | null;
  /** The version made, or the one this same file made before. */
  version: number | null;
  minors: number;
  standards: number;
  /** Handling units the desk did not know, added as departments. */
  addedUnits: Array<{ code: string; name: string }>;
  problems: Array<StandardProblem & { sentence: { zh: string; en: string } }>;
  notes: StandardNote[];
  refusal: { zh: string; en: string } | null;
}

export interface StandardImportOptions {
  now: number;
  actor: string;
  signal?: AbortSignal;
}

export async function importStandardFile(
  db: Db,
  file: string,
  options: StandardImportOptions,
): Promise<StandardImportReport> {
  const fileName = file.split(/[\\/]/).pop() ?? file;
  const blank: StandardImportReport = {
    status: 'refused',
    fileName,
    sha256: null,
    version: null,
    minors: 0,
    standards: 0,
    addedUnits: [],
    problems: [],
    notes: [],
    refusal: null,
  };
  const knownUnits = db.prepare<[], string>('SELECT name FROM units').pluck().all();
  let read: StandardRead;
  try {
    read = await readStandardTable(file, {
      knownUnits,
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (error instanceof ExchangeRefusal) return { ...blank, refusal: error.sentence };
    throw error;
  }
  const counted = {
    ...blank,
    fileName: read.file.name,
    sha256: read.file.sha256,
    minors: read.minors.length,
    standards: read.minors.reduce((n, m) => n + m.standards.length, 0),
    notes: read.notes,
  };
  if (read.problems.length > 0) {
    const first = standardProblemSentence(read.problems[0]!);
    const n = read.problems.length;
    return {
      ...counted,
      problems: read.problems.map((p) => ({
        ...p,
        sentence: standardProblemSentence(p),
      })),
      refusal: {
        zh: `标准表 ${read.file.name} 有 ${n} 处问题，未导入任何内容。${first.zh}`,
        en: `The standard table ${read.file.name} has ${n} problem${n === 1 ? '' : 's'}; nothing was imported. ${first.en}`,
      },
    };
  }
  if (counted.minors === 0) {
    return {
      ...counted,
      refusal: {
        zh: `标准表 ${read.file.name} 中没有任何小类，未导入。`,
        en: `The standard table ${read.file.name} holds no minor category; nothing was imported.`,
      },
    };
  }
  // Looked for inside the write transaction: another window or the command line may have
  // imported the same file while this one was being read.
  const written = db
    .transaction(() => {
      const before = db
        .prepare<[string], number>('SELECT id FROM category_versions WHERE file_sha256 = ?')
        .pluck()
        .get(read.file.sha256);
      if (before !== undefined) return { version: before, addedUnits: [], unchanged: true };
      return {
        ...writeStandardVersion(db, read, options, counted.minors, counted.standards),
        unchanged: false,
      };
    })
    .immediate();
  if (written.unchanged) return { ...counted, status: 'unchanged', version: written.version };
  return { ...counted, status: 'done', version: written.version, addedUnits: written.addedUnits };
}

/** What a version is written from: an imported file, or the settings' edit of the active one. */
export interface StandardVersionSource extends Pick<StandardRead, 'minors' | 'unknownUnits'> {
  file: { name: string; sha256: string | null };
  /** category_versions.notes (JSON): what an edit in the settings changed. */
  versionNotes?: string | null;
}

/**
 * Writes a new version and makes it the active one; the caller holds the transaction.
 * Exported for the settings' row edit and local category (db/queries/standard-edit.ts),
 * which write a version the same way with their own audit line.
 */
export function writeStandardVersion(
  db: Db,
  read: StandardVersionSource,
  options: StandardImportOptions & { audit?: { action: string; detail: unknown } },
  minors: number,
  standards: number,
): { version: number; addedUnits: Array<{ code: string; name: string }> } {
  const addedUnits = addUnknownUnits(db, read.unknownUnits);
  const unitCode = db.prepare<[string], string>('SELECT code FROM units WHERE name = ?').pluck();
  const version = Number(
    db
      .prepare(
        `INSERT INTO category_versions (source, file_sha256, imported_at, imported_by, minors, standards, notes)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        read.file.name,
        read.file.sha256,
        options.now,
        options.actor,
        minors,
        standards,
        read.versionNotes ?? null,
      ).lastInsertRowid,
  );
  const insertStandard = db.prepare(
    `INSERT INTO category_standards (version_id, category_code, kind, major_code, major_name,
       minor_code, minor_name, unit_code, unit_name, department, position, condition,
       close_condition, limit_value, limit_unit, note, extra)
     VALUES (@version, @code, @kind, @majorCode, @majorName, @minorCode, @minorName, @unitCode,
       @unitName, @department, @position, @condition, @closeCondition, @limitValue, @limitUnit,
       @note, @extra)`,
  );
  // The minors join the list quick entry and imports pick from. resolve_hours is only the
  // fallback of a category without a standard (clock-rules.ts takes the standard's limit).
  const upsertCategory = db.prepare(
    `INSERT INTO categories (code, kind, major_code, major_name, minor_code, minor_name,
       resolve_hours, default_unit_code, pinyin_initials)
     VALUES (@code, @kind, @majorCode, @majorName, @minorCode, @minorName, 24, @unitCode, @initials)
     ON CONFLICT (code) DO UPDATE SET major_name = excluded.major_name,
       minor_name = excluded.minor_name, pinyin_initials = excluded.pinyin_initials,
       default_unit_code = coalesce(excluded.default_unit_code, default_unit_code), active = 1`,
  );
  for (const minor of read.minors) {
    const code = `${CATEGORY_KIND_LETTER[minor.kind]}${minor.majorCode}${minor.minorCode}`;
    const unit = minor.unit ? (unitCode.get(minor.unit) ?? null) : null;
    upsertCategory.run({
      code,
      kind: minor.kind,
      majorCode: minor.majorCode,
      majorName: minor.majorName,
      minorCode: minor.minorCode,
      minorName: minor.minorName,
      unitCode: unit,
      initials: pinyinInitials(minor.minorName),
    });
    minor.standards.forEach((standard, i) =>
      insertStandard.run({
        version,
        code,
        kind: minor.kind,
        majorCode: minor.majorCode,
        majorName: minor.majorName,
        minorCode: minor.minorCode,
        minorName: minor.minorName,
        unitCode: unit,
        unitName: minor.unit,
        department: minor.department,
        position: i + 1,
        condition: standard.condition,
        closeCondition: standard.closeCondition,
        limitValue: standard.limit.value,
        limitUnit: standard.limit.unit,
        note: standard.note,
        extra: standard.extra ? JSON.stringify(standard.extra) : null,
      }),
    );
  }
  db.prepare(
    `INSERT INTO settings (key, value, updated_at, updated_by) VALUES ('categories.activeVersion', ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at,
       updated_by = excluded.updated_by`,
  ).run(String(version), options.now, options.actor);
  const audit = options.audit ?? {
    action: 'categories.import',
    detail: { file: read.file.name, sha256: read.file.sha256, minors, standards },
  };
  db.prepare('INSERT INTO audit_log (at, actor, action, detail) VALUES (?, ?, ?, ?)').run(
    options.now,
    options.actor,
    audit.action,
    JSON.stringify({ version, ...(audit.detail as object) }),
  );
  return { version, addedUnits };
}

/** Each unknown handling unit becomes a department with the next free D-code. */
function addUnknownUnits(db: Db, names: readonly string[]): Array<{ code: string; name: string }> {
  const added: Array<{ code: string; name: string }> = [];
  const codes = db
    .prepare<[], string>("SELECT code FROM units WHERE code GLOB 'D[0-9]*'")
    .pluck()
    .all();
  let next = Math.max(0, ...codes.map((c) => Number(c.slice(1)) || 0)) + 1;
  let order =
    db.prepare<[], number>('SELECT coalesce(max(sort_order), 0) FROM units').pluck().get() ?? 0;
  const insert = db.prepare(
    "INSERT INTO units (code, name, kind, sort_order) VALUES (?, ?, 'department', ?)",
  );
  for (const name of names) {
    const code = `D${String(next++).padStart(2, '0')}`;
    insert.run(code, name, ++order);
    added.push({ code, name });
  }
  return added;
}
