/**
 * Whether a standard row is a 部件 or an 事件 (the order of rules is StandardFoldOptions'):
 * a 问题类型 column filled down, else the sheet's, the caller's or the file's word, else the
 * order cities print the two kinds in (部件 until 大类代码 starts again at a lower code).
 */
import type { CategoryKind } from '../glossary';
import { sentence } from './issues';
import type { RowReader, SheetState, TableState } from './standard-fold-state';
import { readKind } from './vocabulary';

/** 部件 / 事件 (or component / event), or a name holding exactly one of the two words. */
export function kindInName(name: string): CategoryKind | null {
  const exact = readKind(name);
  if (exact) return exact;
  const component = name.includes('部件');
  const event = name.includes('事件');
  if (component === event) return null;
  return component ? 'component' : 'event';
}

/** The row's kind, or null when its 问题类型 cannot be read (a problem is recorded). */
export function readRowKind(s: SheetState, r: RowReader): CategoryKind | null {
  if (s.kindFrom !== 'column') return s.fixedKind ?? 'component';
  const written = r.text('kind');
  if (written !== '') {
    const kind = kindInName(written);
    if (kind === null) {
      r.fail(
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
      r.fail(
        'kind',
        '',
        sentence(
          `问题类型为空，上方也没有：应为“部件”或“事件”（第 ${r.row} 行）。`,
          `The kind (问题类型) is empty with none above (row ${r.row}): it must be 部件 or 事件.`,
        ),
      );
      return null;
    }
  }
  return s.kind;
}

/**
 * The kind under the order rule (a sheet whose kind nothing names): 大类代码 starting again
 * at a lower code turns 部件 into 事件, once; a second time is refused (null). Under any
 * other rule, `kind` as read.
 */
export function kindByOrder(
  table: TableState,
  s: SheetState,
  r: RowReader,
  majorCode: string | null,
  kind: CategoryKind,
): CategoryKind | null {
  if (s.kindFrom !== 'order') return kind;
  if (majorCode !== null && s.major && majorCode < s.major.code) {
    if (s.orderKind === 'event') {
      r.fail(
        'major_code',
        majorCode,
        sentence(
          `大类代码第二次从较小的代码重新开始（${s.major.code} → ${majorCode}）：无法分辨部件与事件，请加一列“问题类型”（部件/事件），或把部件和事件放在名为“部件”“事件”的两个工作表中。`,
          `The major codes start again a second time (${s.major.code} → ${majorCode}): 部件 cannot be told from 事件. Add a 问题类型 column (部件/事件), or put them in two sheets named 部件 and 事件.`,
        ),
      );
      return null;
    }
    s.orderKind = 'event';
    s.major = null;
    s.minor = null;
    table.notes.push({
      sheet: s.name,
      row: r.row,
      message: sentence(
        `自第 ${r.row} 行起读作事件（大类代码从 ${majorCode} 重新开始）。`,
        `From row ${r.row} the rows are read as 事件 (the major codes start again at ${majorCode}).`,
      ),
    });
  }
  return s.orderKind;
}
