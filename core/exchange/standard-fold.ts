/**
 * A city's category standard table (立结案标准) folded from its rows into checked minor
 * categories, each with its 立案条件 rows (docs/design/CITY-EXCHANGE.md "The city's category
 * standard", DOMAIN.md "… and limit units"). Pure: the readers (db/exchange/standard-read)
 * push each sheet's rows in; nothing here reads a file or writes the store.
 *
 * One row is assembled from the parts, each in its own file:
 * - standard-header: the header found by its names, title rows above it skipped;
 * - standard-kind: whether the row is a 部件 or an 事件;
 * - standard-codes: 大类代码 / 小类代码 as case codes are read (1, "1" and "01" are 01);
 * - standard-continuation: merged or blank cells continuing the 大类, 小类 and units above;
 * - standard-limit-cells: the 立案条件, its 处置时限 in the four limit units, its 结案条件;
 * - standard-cell-text: text trimmed, line breaks folded ("井盖破损、\n移位").
 * Every problem refuses the file (all or nothing, CITY-EXCHANGE.md "Rules for one import");
 * each names the sheet, the Excel row, the column as the file heads it and the cell
 * (standard-problems).
 */
import { isBlankRow } from './cell-value';
import { sentence } from './issues';
import { footnote } from './standard-cell-text';
import { readCodes } from './standard-codes';
import { continueMajor, continueMinor, continueUnits } from './standard-continuation';
import {
  newSheetState,
  newTableState,
  rowReader,
  type SheetState,
  type TableState,
} from './standard-fold-state';
import {
  bufferUntilHeader,
  extraCells,
  noHeaderSentence,
  sheetWithoutHeader,
  takeHeader,
} from './standard-header';
import { kindByOrder, readRowKind } from './standard-kind';
import { readConditionCells } from './standard-limit-cells';
import { cellProblem } from './standard-problems';
import type { StandardFoldOptions, StandardRowIn, StandardTable } from './standard-table';

export class StandardTableFolder {
  private readonly table: TableState;
  private state: SheetState | null = null;

  constructor(options: StandardFoldOptions) {
    this.table = newTableState(options);
  }

  startSheet(name: string): void {
    if (this.state) this.endSheet();
    this.state = newSheetState(name);
  }

  push(rows: readonly StandardRowIn[]): void {
    const s = this.state;
    if (!s) throw new Error('startSheet() first');
    for (const row of rows) {
      if (s.dead) return;
      if (s.headerRow === null) {
        const at = bufferUntilHeader(s, row);
        if (at === 'stop') return;
        if (at === null) continue;
        takeHeader(this.table, s, s.buffered[at]!);
        const after = s.buffered.slice(at + 1);
        s.buffered = [];
        for (const r of after) this.foldRow(s, r);
      } else {
        this.foldRow(s, row);
      }
    }
  }

  endSheet(): void {
    const s = this.state;
    if (!s) return;
    this.state = null;
    this.table.sheets.push({
      name: s.name,
      headerRow: s.headerRow,
      kindFrom: s.kindFrom,
      rows: s.rows,
    });
    if (s.headerRow === null) sheetWithoutHeader(this.table, s);
  }

  /** The table, with 处置单位 names not in `knownUnits` listed (compared without spaces). */
  finish(knownUnits: Iterable<string>): StandardTable {
    this.endSheet();
    const t = this.table;
    if (!t.sheets.some((s) => s.headerRow !== null) && t.problems.length === 0) {
      t.problems.push({
        sheet: t.options.fileName,
        row: null,
        column: null,
        cell: null,
        value: '',
        message: noHeaderSentence(t.options.fileName, t.options.fileName),
      });
    }
    // An empty 立案条件 is the 小类's one unconditioned row; among several it cannot be picked.
    for (const { minor, problem } of t.emptyConditions)
      if (minor.standards.length > 1) t.problems.push(problem);
    const known = new Set([...knownUnits].map(unitKey));
    const unknown = new Map<string, string>();
    for (const minor of t.minors) {
      if (minor.unit === null) continue;
      const key = unitKey(minor.unit);
      if (!known.has(key) && !unknown.has(key)) unknown.set(key, minor.unit);
    }
    return {
      minors: t.minors,
      unknownUnits: [...unknown.values()],
      problems: t.problems,
      notes: t.notes,
      sheets: t.sheets,
    };
  }

  /** One 立案条件 row: its kind, codes, 大类, 小类, units and condition, or one problem. */
  private foldRow(s: SheetState, source: StandardRowIn): void {
    if (s.dead || isBlankRow(source.cells)) return;
    const note = footnote(source.cells);
    if (note !== null) {
      this.table.notes.push({ sheet: s.name, row: source.row, message: sentence(note, note) });
      return;
    }
    const r = rowReader(this.table, s, source);

    const kind = readRowKind(s, r);
    if (kind === null) return;
    const codes = readCodes(r.cell('major_code'), r.cell('minor_code'), r.fail);
    if (codes === null) return;
    const rowKind = kindByOrder(this.table, s, r, codes.major, kind);
    if (rowKind === null) return;
    const major = continueMajor(this.table, s, r, codes.major, rowKind);
    if (major === null) return;
    const continued = continueMinor(this.table, s, r, major, codes.minor, rowKind);
    if (continued === null) return;
    const { minor, fresh } = continued;
    const units = continueUnits(s, r, minor, fresh);
    if (units === null) return;
    const cells = readConditionCells(s, r, minor);
    if (cells === null) return;

    if (minor.unit === null && units.unit !== '') minor.unit = units.unit;
    if (minor.department === null && units.department !== '') minor.department = units.department;
    if (cells.condition === '') {
      this.table.emptyConditions.push({
        minor,
        problem: cellProblem(
          s,
          source.row,
          'condition',
          '',
          sentence(
            `立案条件为空：小类 ${major.code}${minor.minorCode} 有多条立案条件，每条都须写明。`,
            `The 立案条件 is empty: the minor category ${major.code}${minor.minorCode} has several, and each must be written out.`,
          ),
        ),
      });
    }
    minor.standards.push({
      ...cells,
      extra: extraCells(s, source.cells),
      row: source.row,
      sheet: s.name,
    });
    s.rows += 1;
  }
}

function unitKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

/** Folds in-memory sheets (tests, small callers) in one call. */
export function foldStandardSheets(
  sheets: Iterable<{ name: string; rows: readonly StandardRowIn[] }>,
  options: StandardFoldOptions & { knownUnits?: Iterable<string> },
): StandardTable {
  const folder = new StandardTableFolder(options);
  for (const sheet of sheets) {
    folder.startSheet(sheet.name);
    folder.push(sheet.rows);
    folder.endSheet();
  }
  return folder.finish(options.knownUnits ?? []);
}
