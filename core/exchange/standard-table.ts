/**
 * The contract between a city's category standard table (立结案标准) as the readers hand it
 * over and the import that writes it (docs/design/CITY-EXCHANGE.md "The city's category
 * standard"): rows in, checked minor categories with their 立案条件 rows out, with every
 * problem and remark. How the rows fold is in standard-fold.ts.
 */
import type { CategoryKind } from '../glossary';
import type { Limit } from '../limits/limit';
import type { CellValue } from './cell-value';
import type { Sentence } from './issues';

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
