/**
 * Where a standard sheet's table begins: its header is found by its names within the first
 * rows (core/exchange/header-map), so title rows above it are skipped; columns are matched
 * by standard-columns' aliases and any other column is kept as extra data. The header also
 * settles where the sheet's kind comes from. A sheet without a header is refused when its
 * name says it is a kind's table, and skipped with a note otherwise (a 说明 sheet).
 */
import { findHeaderRow, HEADER_SEARCH_ROWS, mapHeaderRow } from './header-map';
import { sentence, type Sentence } from './issues';
import { standardText } from './standard-cell-text';
import {
  STANDARD_COLUMN_ZH,
  STANDARD_HEADER_LOOKUP,
  STANDARD_HEADER_NAMES,
  type StandardKey,
} from './standard-columns';
import type { SheetState, TableState } from './standard-fold-state';
import { kindInName } from './standard-kind';
import type { StandardRowIn } from './standard-table';

/** Columns a standard sheet cannot do without (大类代码 may come inside a 4-digit 小类代码). */
const REQUIRED: readonly StandardKey[] = ['minor_code', 'minor_name', 'limit'];

/**
 * Holds `row` while the header is looked for: the header's index in `s.buffered` once
 * found, null while still looking, 'stop' when the search rows are used up.
 */
export function bufferUntilHeader(s: SheetState, row: StandardRowIn): number | null | 'stop' {
  if (s.buffered.length >= HEADER_SEARCH_ROWS) return 'stop';
  s.buffered.push(row);
  const at = findHeaderRow(
    s.buffered.map((r) => r.cells),
    STANDARD_HEADER_LOOKUP,
  );
  return at < 0 ? null : at;
}

export function noHeaderSentence(whereZh: string, whereEn: string): Sentence {
  const names = STANDARD_HEADER_NAMES;
  return sentence(
    `${whereZh} 的前 ${HEADER_SEARCH_ROWS} 行中找不到立结案标准的表头（须有至少三个可识别的列名：${names.join('、')}）。`,
    `No category standard header in the first ${HEADER_SEARCH_ROWS} rows of ${whereEn} (it needs at least three of the column names ${names.join(', ')}).`,
  );
}

/** A sheet that ended with no header: a problem if named for a kind, else a note. */
export function sheetWithoutHeader(table: TableState, s: SheetState): void {
  // A workbook may carry a 说明 sheet; only a sheet named for a kind must be a table.
  if (kindInName(s.name)) {
    table.problems.push({
      sheet: s.name,
      row: null,
      column: null,
      cell: null,
      value: '',
      message: noHeaderSentence(`工作表“${s.name}”`, `the sheet "${s.name}"`),
    });
  } else {
    table.notes.push({
      sheet: s.name,
      message: sentence(
        `工作表“${s.name}”中没有立结案标准的表头，已跳过。`,
        `The sheet "${s.name}" has no category standard header and is skipped.`,
      ),
    });
  }
}

/** Maps the header's columns, checks the required ones, and settles the sheet's kind rule. */
export function takeHeader(table: TableState, s: SheetState, header: StandardRowIn): void {
  s.headerRow = header.row;
  for (const column of mapHeaderRow(header.cells, STANDARD_HEADER_LOOKUP)) {
    if (column.key !== null) {
      s.index[column.key] = column.index;
      s.headers[column.key] = column.header;
    } else if (column.how === 'unknown') {
      s.extras.push({ index: column.index, header: column.header });
      table.notes.push({
        sheet: s.name,
        column: column.header,
        message: sentence(
          `列“${column.header}”不是立结案标准的列，其内容作为附加数据保存。`,
          `Column "${column.header}" is not a standard column; its values are kept as extra data.`,
        ),
      });
    } else if (column.how === 'duplicate') {
      table.notes.push({
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
    table.problems.push({
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
    const fromFile = kindInName(table.options.fileName.replace(/\.[^.]*$/, ''));
    if (fromSheet) [s.fixedKind, s.kindFrom] = [fromSheet, 'sheet'];
    else if (table.options.kind) [s.fixedKind, s.kindFrom] = [table.options.kind, 'option'];
    else if (fromFile) [s.fixedKind, s.kindFrom] = [fromFile, 'file'];
    else {
      s.kindFrom = 'order';
      table.notes.push({
        sheet: s.name,
        message: sentence(
          `没有“问题类型”列，工作表名和文件名也未写明部件或事件：按城市的排列，先读作部件，大类代码重新从较小的代码开始处起读作事件。`,
          `No 问题类型 column, and neither the sheet's nor the file's name says 部件 or 事件: as cities print them, rows are read as 部件 until 大类代码 starts again at a lower code, and as 事件 from there.`,
        ),
      });
    }
  }
}

/** The row's cells under the unknown columns, non-empty only (null when none). */
export function extraCells(
  s: SheetState,
  raw: StandardRowIn['cells'],
): Record<string, string> | null {
  let extra: Record<string, string> | null = null;
  for (const column of s.extras) {
    const value = standardText(raw[column.index] ?? null);
    if (value !== '') (extra ??= {})[column.header] = value;
  }
  return extra;
}
