/**
 * Which row of the city's category standard (立结案标准) a case row is under: its 立案条件
 * column (docs/design/CITY-EXCHANGE.md "Case columns", the `standard` key). A case's
 * resolution deadline comes, in order, from 处置截止时间, 处置时限(小时), the standard row
 * named in 立案条件, the minor's only standard row; a row whose minor has several rows and
 * names none, with no deadline given, is invalid.
 * The rows are the active version's, read once per import (db/exchange/case-standards.ts);
 * matching a row is a Map lookup.
 */
import type { Limit } from '../limits/limit';
import { foldFullWidth } from './cell-value';
import { sentence, type Sentence } from './issues';

/** One 立案条件 row of a minor, as the import matches it. */
export interface StandardChoice {
  id: number;
  /** 1, 2, … within the minor: what a 立案条件 cell may give instead of the text. */
  position: number;
  /** The text folded for matching (foldCondition). */
  condition: string;
  /** The text as the standard writes it: for sentences and exports. */
  text: string;
  limit: Limit;
}

/** A minor's rows in the active version, in position order, and the same by folded text. */
export interface CategoryStandards {
  minorName: string;
  rows: readonly StandardChoice[];
  byCondition: ReadonlyMap<string, StandardChoice>;
}

/** A standard row of any version, by id: what a case already recorded. */
export interface StandardRowRef {
  categoryCode: string;
  condition: string;
  text: string;
}

/**
 * How a 立案条件 is compared: full-width folded (，→ ,) and every space dropped, since a
 * spreadsheet wraps a long condition where it likes and people type spaces around it.
 */
export function foldCondition(text: string): string {
  return foldFullWidth(text).replace(/\s+/g, '');
}

export function categoryStandards(
  minorName: string,
  rows: readonly StandardChoice[],
): CategoryStandards {
  const sorted = [...rows].sort((a, b) => a.position - b.position);
  const byCondition = new Map<string, StandardChoice>();
  // The first of two rows with the same text wins (a standard should not have them).
  for (const row of sorted)
    if (!byCondition.has(row.condition)) byCondition.set(row.condition, row);
  return { minorName, rows: sorted, byCondition };
}

export type StandardPick = { ok: true; row: StandardChoice } | { ok: false; message: Sentence };

const NUMBER = /^\d{1,3}$/;

/** The row a filled 立案条件 names: its text, else its number within the minor. */
export function namedStandard(
  named: string,
  standards: CategoryStandards,
  categoryCode: string,
): StandardPick {
  const folded = foldCondition(named);
  const byText = standards.byCondition.get(folded);
  if (byText) return { ok: true, row: byText };
  if (NUMBER.test(folded)) {
    const position = Number(folded);
    const byNumber = standards.rows.find((row) => row.position === position);
    if (byNumber) return { ok: true, row: byNumber };
  }
  const list = standards.rows.map((row) => `${row.position} ${row.text}`);
  const minor = minorOf(categoryCode, standards);
  return {
    ok: false,
    message: sentence(
      `立案条件“${named}”不是小类 ${minor.zh} 的立案条件；应为：${list.join('；')}（写条件原文或其序号）。`,
      `The 立案条件 "${named}" is not one of minor category ${minor.en}'s: ${list.join('; ')} (give its text or its number).`,
    ),
  };
}

/** The row a case is under when its 立案条件 names none: the minor's only one. */
export function onlyStandard(standards: CategoryStandards, categoryCode: string): StandardPick {
  if (standards.rows.length === 1) return { ok: true, row: standards.rows[0]! };
  const minor = minorOf(categoryCode, standards);
  const n = standards.rows.length;
  return {
    ok: false,
    message: sentence(
      `小类 ${minor.zh} 有 ${n} 条立案条件，请在立案条件中写明一条，或填写处置截止时间。`,
      `Minor category ${minor.en} has ${n} 立案条件: name one in 立案条件 or give 处置截止时间.`,
    ),
  };
}

function minorOf(categoryCode: string, standards: CategoryStandards): Sentence {
  return standards.minorName
    ? sentence(
        `${categoryCode}（${standards.minorName}）`,
        `${categoryCode} (${standards.minorName})`,
      )
    : sentence(categoryCode, categoryCode);
}
