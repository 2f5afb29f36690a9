/**
 * A city's category standard table (立结案标准) folded from its rows into checked minor
 * categories, each with its 立案条件 rows (docs/design/CITY-EXCHANGE.md "The city's category
 * standard", DOMAIN.md "… and limit units"). Pure: the readers (db/exchange/standard-read)
 * push each sheet's rows in; nothing here reads a file or writes the store.
 *
 * How rows fold, and why:
 * - The header is found by its names (core/exchange/header-map), so title rows above it are
 *   skipped; columns are matched by standard-columns' aliases, any other column is kept.
 * - Cities merge 大类/小类 cells down over their several 立案条件 rows; a merged cell's
 *   lower cells arrive blank, as does a cell left blank under a filled one, so a blank cell
 *   continues the row above: a new 大类 starts where 大类代码 is filled with another code,
 *   a new 小类 where 小类代码 is. 问题类型, 处置单位 and 主管部门 fill down the same way
 *   (one 主管部门 is often merged over a whole sheet); 结案条件 and 处置时限 fill down only
 *   inside one 小类 (a limit merged over a 小类's conditions), never into the next 小类.
 * - Codes are read as case codes are (core/exchange/codes): 1, "1" and "01" are 01.
 * - Text cells are trimmed and their line breaks folded to one space ("井盖破损、\n移位").
 * - Every problem refuses the file (all or nothing, CITY-EXCHANGE.md "Rules for one import");
 *   each names the sheet, the Excel row, the column as the file heads it and the cell.
 */
import type { CategoryKind } from '../glossary';
import { parseLimit, type Limit } from '../limits/limit';
import { cellText, isBlankRow, type CellValue } from './cell-value';
import { CODE_PROBLEM, sentence, type Sentence } from './issues';
import { findHeaderRow, HEADER_SEARCH_ROWS, mapHeaderRow } from './header-map';
import { readMajorCode, readMinorCode, type CodeReading } from './codes';
import {
  STANDARD_COLUMN_ZH,
  STANDARD_HEADER_LOOKUP,
  STANDARD_HEADER_NAMES,
  type StandardKey,
} from './standard-columns';
import { readKind } from './vocabulary';

/** One row as a reader hands it over: Excel's row number and the positional cells. */
export interface StandardRowIn {
  row: number;
  cells: readonly CellValue[];
}

export interface StandardEntry {
  /** The 立案条件; '' only for a 小类's single row whose 立案条件 cell is empty. */
  condition: string;
  closeCondition: string | null;
  limit: Limit;
  /** Words after the limit's unit ("1紧急工作时制止" → 制止). */
  note: string | null;
  /** Unknown columns by the file's header (法律法规依据, 采集要求), non-empty cells only. */
  extra: Record<string, string> | null;
  /** Excel's row number, and the sheet (a CSV's file name). */
  row: number;
  sheet: string;
}

export interface StandardMinor {
  kind: CategoryKind;
  majorCode: string;
  majorName: string;
  minorCode: string;
  minorName: string;
  /** 处置单位, the handling unit. */
  unit: string | null;
  /** 主管部门, the supervising department. */
  department: string | null;
  standards: StandardEntry[];
}

export interface StandardProblem {
  sheet: string;
  /** Excel's row number; null for a problem with a whole sheet or file (no header). */
  row: number | null;
  /** The column as the file heads it (the desk's name when the file lacks the column). */
  column: string | null;
  /** A1-style cell ("I5") when the column is in the file. */
  cell: string | null;
  value: string;
  message: Sentence;
}

/** A remark that refuses nothing: a kept extra column, a skipped sheet, how kinds were told. */
export interface StandardNote {
  sheet: string;
  row?: number;
  column?: string;
  message: Sentence;
}

/** How each sheet was read, for the import's report. */
export interface StandardSheet {
  name: string;
  headerRow: number | null;
  /** Where its rows' kind came from (see StandardFoldOptions). */
  kindFrom: 'column' | 'sheet' | 'option' | 'file' | 'order' | null;
  /** Standards (立案条件 rows) read from it. */
  rows: number;
}

/** The contract with the import: minors in file order, and every problem found. */
export interface StandardTable {
  minors: StandardMinor[];
  /** 处置单位 names the desk does not know (first appearance order): added as departments. */
  unknownUnits: string[];
  problems: StandardProblem[];
  notes: StandardNote[];
  sheets: StandardSheet[];
}

/**
 * Where a row's kind (部件/事件) comes from, first that applies:
 * 1. its 问题类型 cell (filled down);
 * 2. the sheet's name (部件 / 事件, or a name holding one of them: 部件类标准);
 * 3. `kind`, when the caller says what the file holds;
 * 4. the file's name, when it holds one of 部件 / 事件 and not the other;
 * 5. the order the city prints them in: ../shared/samples/standard-sample.csv is both sheets
 *    of the workbook one after the other with no 问题类型 column (部件 first, as the national
 *    standard lists them), so the rows are 部件 until 大类代码 starts again at a lower code
 *    (05 房屋土地 → 01 市容环境), and 事件 from there; starting again a second time cannot be
 *    told apart and is refused, asking for a 问题类型 column.
 */
export interface StandardFoldOptions {
  fileName: string;
  kind?: CategoryKind | null;
}

/** Trimmed, line breaks (and the spaces around them) folded to one space. */
export function standardText(value: CellValue | undefined): string {
  return cellText(value)
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .trim();
}

/** 部件 / 事件 (or component / event), or a name holding exactly one of the two words. */
export function kindInName(name: string): CategoryKind | null {
  const exact = readKind(name);
  if (exact) return exact;
  const component = name.includes('部件');
  const event = name.includes('事件');
  if (component === event) return null;
  return component ? 'component' : 'event';
}

/** 0-based column → Excel letters (0 → A, 26 → AA). */
function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A footnote under the table ("注：时限按…"): one filled cell starting 注/说明/备注. */
function footnote(cells: readonly CellValue[]): string | null {
  const filled = cells.map((c) => standardText(c)).filter((t) => t !== '');
  return filled.length === 1 && /^(注|说明|备注)/.test(filled[0]!) ? filled[0]! : null;
}

const CODE_WHAT: Record<'major_code' | 'minor_code', Sentence> = {
  major_code: sentence('大类代码', 'major code'),
  minor_code: sentence('小类代码', 'minor code'),
};
const CODE_EXPECTED = sentence('两位数字，如 01', 'two digits, such as 01');

/** Columns a standard sheet cannot do without (大类代码 may come inside a 4-digit 小类代码). */
const REQUIRED: readonly StandardKey[] = ['minor_code', 'minor_name', 'limit'];

type Fail = (key: StandardKey, value: string, message: Sentence) => void;

interface SheetState {
  name: string;
  buffered: StandardRowIn[];
  headerRow: number | null;
  /** The sheet's header was bad (a required column missing): its rows are not read. */
  dead: boolean;
  index: Partial<Record<StandardKey, number>>;
  headers: Partial<Record<StandardKey, string>>;
  extras: Array<{ index: number; header: string }>;
  fixedKind: CategoryKind | null;
  kindFrom: StandardSheet['kindFrom'];
  /** Kind by the order rule, and whether 大类代码 has started again once already. */
  orderKind: CategoryKind;
  kind: CategoryKind | null;
  major: { code: string; name: string } | null;
  minor: StandardMinor | null;
  unit: string;
  department: string;
  close: string;
  limit: string;
  rows: number;
}

export class StandardTableFolder {
  private readonly minors: StandardMinor[] = [];
  private readonly byKey = new Map<string, { minor: StandardMinor; sheet: string; row: number }>();
  private readonly majors = new Map<string, { name: string; sheet: string; row: number }>();
  private readonly emptyConditions: Array<{ minor: StandardMinor; problem: StandardProblem }> = [];
  private readonly problems: StandardProblem[] = [];
  private readonly notes: StandardNote[] = [];
  private readonly sheets: StandardSheet[] = [];
  private state: SheetState | null = null;

  constructor(private readonly options: StandardFoldOptions) {}

  startSheet(name: string): void {
    if (this.state) this.endSheet();
    this.state = {
      name,
      buffered: [],
      headerRow: null,
      dead: false,
      index: {},
      headers: {},
      extras: [],
      fixedKind: null,
      kindFrom: null,
      orderKind: 'component',
      kind: null,
      major: null,
      minor: null,
      unit: '',
      department: '',
      close: '',
      limit: '',
      rows: 0,
    };
  }

  push(rows: readonly StandardRowIn[]): void {
    const s = this.state;
    if (!s) throw new Error('startSheet() first');
    for (const row of rows) {
      if (s.dead) return;
      if (s.headerRow === null) {
        if (s.buffered.length >= HEADER_SEARCH_ROWS) return;
        s.buffered.push(row);
        const at = findHeaderRow(
          s.buffered.map((r) => r.cells),
          STANDARD_HEADER_LOOKUP,
        );
        if (at < 0) continue;
        this.takeHeader(s, s.buffered[at]!);
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
    this.sheets.push({ name: s.name, headerRow: s.headerRow, kindFrom: s.kindFrom, rows: s.rows });
    if (s.headerRow !== null) return;
    // A workbook may carry a 说明 sheet; only a sheet named for a kind must be a table.
    if (kindInName(s.name)) {
      this.problems.push({
        sheet: s.name,
        row: null,
        column: null,
        cell: null,
        value: '',
        message: this.noHeader(`工作表“${s.name}”`, `the sheet "${s.name}"`),
      });
    } else {
      this.notes.push({
        sheet: s.name,
        message: sentence(
          `工作表“${s.name}”中没有立结案标准的表头，已跳过。`,
          `The sheet "${s.name}" has no category standard header and is skipped.`,
        ),
      });
    }
  }

  /** The table, with 处置单位 names not in `knownUnits` listed (compared without spaces). */
  finish(knownUnits: Iterable<string>): StandardTable {
    this.endSheet();
    if (!this.sheets.some((s) => s.headerRow !== null) && this.problems.length === 0) {
      this.problems.push({
        sheet: this.options.fileName,
        row: null,
        column: null,
        cell: null,
        value: '',
        message: this.noHeader(this.options.fileName, this.options.fileName),
      });
    }
    // An empty 立案条件 is the 小类's one unconditioned row; among several it cannot be picked.
    for (const { minor, problem } of this.emptyConditions)
      if (minor.standards.length > 1) this.problems.push(problem);
    const known = new Set([...knownUnits].map(unitKey));
    const unknown = new Map<string, string>();
    for (const minor of this.minors) {
      if (minor.unit === null) continue;
      const key = unitKey(minor.unit);
      if (!known.has(key) && !unknown.has(key)) unknown.set(key, minor.unit);
    }
    return {
      minors: this.minors,
      unknownUnits: [...unknown.values()],
      problems: this.problems,
      notes: this.notes,
      sheets: this.sheets,
    };
  }

  private noHeader(whereZh: string, whereEn: string): Sentence {
    const names = STANDARD_HEADER_NAMES;
    return sentence(
      `${whereZh} 的前 ${HEADER_SEARCH_ROWS} 行中找不到立结案标准的表头（须有至少三个可识别的列名：${names.join('、')}）。`,
      `No category standard header in the first ${HEADER_SEARCH_ROWS} rows of ${whereEn} (it needs at least three of the column names ${names.join(', ')}).`,
    );
  }

  private takeHeader(s: SheetState, header: StandardRowIn): void {
    s.headerRow = header.row;
    for (const column of mapHeaderRow(header.cells, STANDARD_HEADER_LOOKUP)) {
      if (column.key !== null) {
        s.index[column.key] = column.index;
        s.headers[column.key] = column.header;
      } else if (column.how === 'unknown') {
        s.extras.push({ index: column.index, header: column.header });
        this.notes.push({
          sheet: s.name,
          column: column.header,
          message: sentence(
            `列“${column.header}”不是立结案标准的列，其内容作为附加数据保存。`,
            `Column "${column.header}" is not a standard column; its values are kept as extra data.`,
          ),
        });
      } else if (column.how === 'duplicate') {
        this.notes.push({
          sheet: s.name,
          column: column.header,
          message: sentence(
            `列“${column.header}”与前面的列是同一项，已忽略。`,
            `Column "${column.header}" repeats an earlier column and is ignored.`,
          ),
        });
      }
    }
    for (const key of REQUIRED) {
      if (s.index[key] !== undefined) continue;
      s.dead = true;
      this.problems.push({
        sheet: s.name,
        row: header.row,
        column: STANDARD_COLUMN_ZH[key],
        cell: null,
        value: '',
        message: sentence(
          `表头（第 ${header.row} 行）中没有“${STANDARD_COLUMN_ZH[key]}”列。`,
          `The header (row ${header.row}) has no ${STANDARD_COLUMN_ZH[key]} column.`,
        ),
      });
    }
    if (s.index.kind !== undefined) s.kindFrom = 'column';
    else {
      const fromSheet = kindInName(s.name);
      const fromFile = kindInName(this.options.fileName.replace(/\.[^.]*$/, ''));
      if (fromSheet) [s.fixedKind, s.kindFrom] = [fromSheet, 'sheet'];
      else if (this.options.kind) [s.fixedKind, s.kindFrom] = [this.options.kind, 'option'];
      else if (fromFile) [s.fixedKind, s.kindFrom] = [fromFile, 'file'];
      else {
        s.kindFrom = 'order';
        this.notes.push({
          sheet: s.name,
          message: sentence(
            `没有“问题类型”列，工作表名和文件名也未写明部件或事件：按城市的排列，先读作部件，大类代码重新从较小的代码开始处起读作事件。`,
            `No 问题类型 column, and neither the sheet's nor the file's name says 部件 or 事件: as cities print them, rows are read as 部件 until 大类代码 starts again at a lower code, and as 事件 from there.`,
          ),
        });
      }
    }
  }

  private foldRow(s: SheetState, source: StandardRowIn): void {
    const raw = source.cells;
    if (s.dead || isBlankRow(raw)) return;
    const note = footnote(raw);
    if (note !== null) {
      this.notes.push({ sheet: s.name, row: source.row, message: sentence(note, note) });
      return;
    }
    const cell = (key: StandardKey): CellValue =>
      s.index[key] === undefined ? null : (raw[s.index[key]!] ?? null);
    const text = (key: StandardKey) => standardText(cell(key));
    const fail: Fail = (key, value, message) => {
      const index = s.index[key];
      this.problems.push({
        sheet: s.name,
        row: source.row,
        column: s.headers[key] ?? STANDARD_COLUMN_ZH[key],
        cell: index === undefined ? null : `${columnLetters(index)}${source.row}`,
        value,
        message,
      });
    };

    const kind = this.rowKind(s, source.row, text('kind'), fail);
    if (kind === null) return;
    const codes = readCodes(cell('major_code'), cell('minor_code'), fail);
    if (codes === null) return;
    let majorCode = codes.major;
    const minorCode = codes.minor;

    if (s.kindFrom === 'order' && majorCode !== null && s.major && majorCode < s.major.code) {
      if (s.orderKind === 'event') {
        return fail(
          'major_code',
          majorCode,
          sentence(
            `大类代码第二次从较小的代码重新开始（${s.major.code} → ${majorCode}）：无法分辨部件与事件，请加一列“问题类型”（部件/事件），或把部件和事件放在名为“部件”“事件”的两个工作表中。`,
            `The major codes start again a second time (${s.major.code} → ${majorCode}): 部件 cannot be told from 事件. Add a 问题类型 column (部件/事件), or put them in two sheets named 部件 and 事件.`,
          ),
        );
      }
      s.orderKind = 'event';
      s.major = null;
      s.minor = null;
      this.notes.push({
        sheet: s.name,
        row: source.row,
        message: sentence(
          `自第 ${source.row} 行起读作事件（大类代码从 ${majorCode} 重新开始）。`,
          `From row ${source.row} the rows are read as 事件 (the major codes start again at ${majorCode}).`,
        ),
      });
    }
    const rowKind = s.kindFrom === 'order' ? s.orderKind : kind;

    // 大类: a filled code that differs starts one; a filled name must match the current one.
    const majorName = text('major_name');
    let major = s.major;
    if (majorCode !== null && (major === null || majorCode !== major.code)) {
      const seen = this.majors.get(`${rowKind}/${majorCode}`);
      const name = majorName || seen?.name || '';
      if (name === '')
        return fail(
          'major_name',
          '',
          sentence(
            `大类 ${majorCode} 没有大类名称。`,
            `The major category ${majorCode} has no name (大类名称).`,
          ),
        );
      if (seen && name !== seen.name)
        return fail('major_name', name, renamed('大类代码', majorCode, seen));
      major = { code: majorCode, name };
      s.major = major;
      s.minor = null;
      if (!seen)
        this.majors.set(`${rowKind}/${majorCode}`, { name, sheet: s.name, row: source.row });
    } else if (major !== null && majorName !== '' && majorName !== major.name) {
      return majorCode === null
        ? fail(
            'major_code',
            '',
            sentence(
              `大类名称变为“${majorName}”，但大类代码为空。`,
              `The major name changes to "${majorName}" but the major code (大类代码) is empty.`,
            ),
          )
        : fail(
            'major_name',
            majorName,
            renamed(
              '大类代码',
              major.code,
              this.majors.get(`${rowKind}/${major.code}`) ?? { ...major, sheet: s.name, row: 0 },
            ),
          );
    }
    if (major === null)
      return fail(
        'major_code',
        text('major_code'),
        sentence(
          '该行上方没有大类（大类代码为空）。',
          'There is no major category (大类代码) above this row.',
        ),
      );
    majorCode = major.code;

    // 小类: the same way; a 小类 met again later (same kind, 大类, 小类) gathers its rows.
    const minorName = text('minor_name');
    let minor = s.minor;
    let fresh = false;
    if (minorCode !== null && (minor === null || minorCode !== minor.minorCode)) {
      const key = `${rowKind}/${majorCode}/${minorCode}`;
      const seen = this.byKey.get(key);
      if (seen) {
        if (minorName !== '' && minorName !== seen.minor.minorName)
          return fail(
            'minor_name',
            minorName,
            renamed('小类代码', `${majorCode}${minorCode}`, {
              name: seen.minor.minorName,
              sheet: seen.sheet,
              row: seen.row,
            }),
          );
        minor = seen.minor;
      } else {
        if (minorName === '')
          return fail(
            'minor_name',
            '',
            sentence(
              `小类 ${majorCode}${minorCode} 没有小类名称。`,
              `The minor category ${majorCode}${minorCode} has no name (小类名称).`,
            ),
          );
        minor = {
          kind: rowKind,
          majorCode,
          majorName: major.name,
          minorCode,
          minorName,
          unit: null,
          department: null,
          standards: [],
        };
        fresh = true;
        // Registered at once: a later row of this 小类 continues it even if this row fails.
        this.minors.push(minor);
        this.byKey.set(key, { minor, sheet: s.name, row: source.row });
      }
      s.minor = minor;
      s.close = '';
      s.limit = '';
    } else if (minor !== null && minorName !== '' && minorName !== minor.minorName) {
      return minorCode === null
        ? fail(
            'minor_code',
            '',
            sentence(
              `小类名称变为“${minorName}”，但小类代码为空。`,
              `The minor name changes to "${minorName}" but the minor code (小类代码) is empty.`,
            ),
          )
        : fail(
            'minor_name',
            minorName,
            renamed('小类代码', `${majorCode}${minorCode}`, {
              name: minor.minorName,
              sheet: this.byKey.get(minorKey(minor))?.sheet ?? s.name,
              row: this.byKey.get(minorKey(minor))?.row ?? 0,
            }),
          );
    }
    if (minor === null)
      return fail(
        'minor_code',
        '',
        sentence(
          '该行上方没有小类（小类代码为空）。',
          'There is no minor category (小类代码) above this row.',
        ),
      );

    // 处置单位 / 主管部门: blank continues the row above; one 小类 has one of each.
    const unitCell = text('unit');
    const departmentCell = text('department');
    if (unitCell !== '') s.unit = unitCell;
    if (departmentCell !== '') s.department = departmentCell;
    const unit = fresh ? s.unit : unitCell;
    const department = fresh ? s.department : departmentCell;
    if (!fresh && unit !== '' && minor.unit !== null && unit !== minor.unit)
      return fail('unit', unit, twoValues('处置单位', 'handling unit', minor, minor.unit));
    if (!fresh && department !== '' && minor.department !== null && department !== minor.department)
      return fail(
        'department',
        department,
        twoValues('主管部门', 'supervising department', minor, minor.department),
      );

    // The 立案条件 row itself: 结案条件 and 处置时限 continue only inside this 小类.
    const condition = text('condition');
    const limitCell = text('limit');
    const closeCell = text('close_condition');
    if (condition === '' && limitCell === '' && s.limit === '')
      return fail(
        'condition',
        '',
        sentence(
          '该行既没有立案条件也没有处置时限。',
          'The row has neither a 立案条件 nor a 处置时限.',
        ),
      );
    const limitText = limitCell || s.limit;
    const parsed = parseLimit(limitText);
    if (!parsed.ok) return fail('limit', limitText, parsed.message);
    if (minor.standards.some((st) => st.condition === condition))
      return fail(
        'condition',
        condition,
        sentence(
          `小类 ${majorCode}${minor.minorCode} 的立案条件“${condition}”重复。`,
          `The 立案条件 "${condition}" repeats within the minor category ${majorCode}${minor.minorCode}.`,
        ),
      );
    if (limitCell !== '') s.limit = limitCell;
    if (closeCell !== '') s.close = closeCell;
    const closeCondition = closeCell || s.close;

    let extra: Record<string, string> | null = null;
    for (const column of s.extras) {
      const value = standardText(raw[column.index] ?? null);
      if (value !== '') (extra ??= {})[column.header] = value;
    }

    if (minor.unit === null && unit !== '') minor.unit = unit;
    if (minor.department === null && department !== '') minor.department = department;
    if (condition === '') {
      const index = s.index.condition;
      this.emptyConditions.push({
        minor,
        problem: {
          sheet: s.name,
          row: source.row,
          column: s.headers.condition ?? STANDARD_COLUMN_ZH.condition,
          cell: index === undefined ? null : `${columnLetters(index)}${source.row}`,
          value: '',
          message: sentence(
            `立案条件为空：小类 ${majorCode}${minor.minorCode} 有多条立案条件，每条都须写明。`,
            `The 立案条件 is empty: the minor category ${majorCode}${minor.minorCode} has several, and each must be written out.`,
          ),
        },
      });
    }
    minor.standards.push({
      condition,
      closeCondition: closeCondition === '' ? null : closeCondition,
      limit: parsed.limit,
      note: parsed.note,
      extra,
      row: source.row,
      sheet: s.name,
    });
    s.rows += 1;
  }

  /** The row's kind, or null when its 问题类型 cannot be read (a problem is recorded). */
  private rowKind(s: SheetState, row: number, written: string, fail: Fail): CategoryKind | null {
    if (s.kindFrom !== 'column') return s.fixedKind ?? 'component';
    if (written !== '') {
      const kind = kindInName(written);
      if (kind === null) {
        fail(
          'kind',
          written,
          sentence(
            `问题类型“${written}”无法识别：应为“部件”或“事件”。`,
            `The kind "${written}" cannot be read: it must be 部件 or 事件.`,
          ),
        );
        return null;
      }
      if (kind !== s.kind) {
        // Another kind begins: its 大类 and 小类 start afresh.
        s.kind = kind;
        s.major = null;
        s.minor = null;
      }
    } else if (s.kind === null) {
      const fromSheet = kindInName(s.name);
      if (fromSheet) s.kind = fromSheet;
      else {
        fail(
          'kind',
          '',
          sentence(
            `问题类型为空，上方也没有：应为“部件”或“事件”（第 ${row} 行）。`,
            `The kind (问题类型) is empty with none above (row ${row}): it must be 部件 or 事件.`,
          ),
        );
        return null;
      }
    }
    return s.kind;
  }
}

/** The two codes of a row; a four-digit 小类代码 (0101) is 大类 + 小类 and is split. */
function readCodes(
  majorCell: CellValue,
  minorCell: CellValue,
  fail: Fail,
): { major: string | null; minor: string | null } | null {
  const code = (key: 'major_code' | 'minor_code', reading: CodeReading) => {
    if (reading.ok) return reading.value;
    const value = cellText(key === 'major_code' ? majorCell : minorCell);
    fail(key, value, CODE_PROBLEM[reading.problem](CODE_WHAT[key], CODE_EXPECTED));
    return null;
  };
  let major: string | null = null;
  let minor: string | null = null;
  if (cellText(majorCell) !== '') {
    major = code('major_code', readMajorCode(majorCell));
    if (major === null) return null;
  }
  if (cellText(minorCell) !== '') {
    minor = code('minor_code', readMinorCode(minorCell));
    if (minor === null) return null;
    // Some cities print the full code 0101 in 小类代码 (readMinorCode pads 101 back to it):
    // its first two digits are the 大类, which must agree with 大类代码 when that is filled.
    if (minor.length === 4) {
      const head = minor.slice(0, 2);
      if (major !== null && major !== head) {
        fail(
          'minor_code',
          minor,
          sentence(
            `小类代码 ${minor} 与大类代码 ${major} 不符（应以 ${major} 开头）。`,
            `The minor code ${minor} does not belong to the major code ${major} (it should start with ${major}).`,
          ),
        );
        return null;
      }
      major = head;
      minor = minor.slice(2);
    }
  }
  return { major, minor };
}

function renamed(what: string, code: string, first: { name: string; sheet: string; row: number }) {
  return sentence(
    `${what} ${code} 已在工作表“${first.sheet}”第 ${first.row} 行名为“${first.name}”，同一代码不能有两个名称。`,
    `The ${what === '大类代码' ? 'major' : 'minor'} code ${code} is already named "${first.name}" (sheet "${first.sheet}", row ${first.row}); one code cannot have two names.`,
  );
}

function twoValues(zh: string, en: string, minor: StandardMinor, first: string): Sentence {
  const code = `${minor.majorCode}${minor.minorCode}`;
  return sentence(
    `小类 ${code}（${minor.minorName}）的${zh}已是“${first}”：一个小类只能有一个${zh}。`,
    `The minor category ${code} (${minor.minorName}) already has the ${en} "${first}": a minor category has one ${en}.`,
  );
}

function minorKey(minor: StandardMinor): string {
  return `${minor.kind}/${minor.majorCode}/${minor.minorCode}`;
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

/** One sentence for a problem, naming sheet, row and cell, as a report or the CLI shows it. */
export function standardProblemSentence(problem: StandardProblem): Sentence {
  // A CSV has no sheet: its problems carry the file's name there.
  const csv = /\.(csv|tsv|txt)$/i.test(problem.sheet);
  const whereZh = [
    `${csv ? '文件' : '工作表'}“${problem.sheet}”`,
    problem.row === null ? '' : `第 ${problem.row} 行`,
    problem.column === null
      ? ''
      : `${problem.cell ? `${problem.cell} 单元格` : ''}（${problem.column}）`,
  ].join('');
  const whereEn = [
    `${csv ? 'File' : 'Sheet'} "${problem.sheet}"`,
    problem.row === null ? '' : `, row ${problem.row}`,
    problem.column === null
      ? ''
      : `, ${problem.cell ? `cell ${problem.cell} ` : 'column '}(${problem.column})`,
  ].join('');
  return sentence(`${whereZh}：${problem.message.zh}`, `${whereEn}: ${problem.message.en}`);
}
