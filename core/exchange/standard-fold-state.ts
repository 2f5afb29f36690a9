/**
 * What folding a standard table remembers: across the whole file (the minors met so far, by
 * key, the 大类 names, problems and notes) and within one sheet (its header, the 大类 and
 * 小类 being continued, the cells that fill down); and one row's cells as the fold reads
 * them, with `fail` recording a problem that names the sheet, row, column and cell.
 */
import type { CategoryKind } from '../glossary';
import type { CellValue } from './cell-value';
import type { Sentence } from './issues';
import { standardText } from './standard-cell-text';
import type { StandardKey } from './standard-columns';
import { cellProblem } from './standard-problems';
import type {
  StandardFoldOptions,
  StandardMinor,
  StandardNote,
  StandardProblem,
  StandardRowIn,
  StandardSheet,
} from './standard-table';

/** Where a minor or major was first met, for naming it in a later problem. */
export interface FirstSeen {
  sheet: string;
  row: number;
}

export interface TableState {
  readonly options: StandardFoldOptions;
  readonly minors: StandardMinor[];
  /** kind/major/minor → the minor, so a 小类 met again later gathers its rows. */
  readonly byKey: Map<string, FirstSeen & { minor: StandardMinor }>;
  /** kind/major → the 大类's name as first met. */
  readonly majors: Map<string, FirstSeen & { name: string }>;
  /** Rows with an empty 立案条件: a problem only when their 小类 has several rows. */
  readonly emptyConditions: Array<{ minor: StandardMinor; problem: StandardProblem }>;
  readonly problems: StandardProblem[];
  readonly notes: StandardNote[];
  readonly sheets: StandardSheet[];
}

export function newTableState(options: StandardFoldOptions): TableState {
  return {
    options,
    minors: [],
    byKey: new Map(),
    majors: new Map(),
    emptyConditions: [],
    problems: [],
    notes: [],
    sheets: [],
  };
}

export interface SheetState {
  name: string;
  /** Rows held while the header is looked for. */
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
  /** The kind a 问题类型 column has filled down. */
  kind: CategoryKind | null;
  major: { code: string; name: string } | null;
  minor: StandardMinor | null;
  /** 处置单位 / 主管部门 filled down over the sheet. */
  unit: string;
  department: string;
  /** 结案条件 / 处置时限 filled down inside the current 小类. */
  close: string;
  limit: string;
  rows: number;
}

export function newSheetState(name: string): SheetState {
  return {
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

export type Fail = (key: StandardKey, value: string, message: Sentence) => void;

/** One row's cells by key, and the way to refuse it. */
export interface RowReader {
  row: number;
  raw: readonly CellValue[];
  cell(key: StandardKey): CellValue;
  text(key: StandardKey): string;
  fail: Fail;
}

export function rowReader(table: TableState, s: SheetState, source: StandardRowIn): RowReader {
  const raw = source.cells;
  const cell = (key: StandardKey): CellValue =>
    s.index[key] === undefined ? null : (raw[s.index[key]!] ?? null);
  return {
    row: source.row,
    raw,
    cell,
    text: (key) => standardText(cell(key)),
    fail: (key, value, message) => {
      table.problems.push(cellProblem(s, source.row, key, value, message));
    },
  };
}
