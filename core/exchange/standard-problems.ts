/**
 * The sentences a standard table's problems are told in: a problem placed on its sheet, row,
 * column and cell; a code given two names; a 小类 given two units; and the one sentence a
 * report or the CLI shows for a problem.
 */
import { sentence, type Sentence } from './issues';
import { columnLetters } from './standard-cell-text';
import { STANDARD_COLUMN_ZH, type StandardKey } from './standard-columns';
import type { StandardMinor, StandardProblem } from './standard-table';

/** The sheet's header as the problem names it: the file's own column name and position. */
interface SheetColumns {
  name: string;
  index: Partial<Record<StandardKey, number>>;
  headers: Partial<Record<StandardKey, string>>;
}

/** A problem with one cell: the column as the file heads it, and its A1 name when present. */
export function cellProblem(
  sheet: SheetColumns,
  row: number,
  key: StandardKey,
  value: string,
  message: Sentence,
): StandardProblem {
  const index = sheet.index[key];
  return {
    sheet: sheet.name,
    row,
    column: sheet.headers[key] ?? STANDARD_COLUMN_ZH[key],
    cell: index === undefined ? null : `${columnLetters(index)}${row}`,
    value,
    message,
  };
}

export function renamed(
  what: string,
  code: string,
  first: { name: string; sheet: string; row: number },
) {
  return sentence(
    `${what} ${code} 已在工作表“${first.sheet}”第 ${first.row} 行名为“${first.name}”，同一代码不能有两个名称。`,
    `The ${what === '大类代码' ? 'major' : 'minor'} code ${code} is already named "${first.name}" (sheet "${first.sheet}", row ${first.row}); one code cannot have two names.`,
  );
}

export function twoValues(zh: string, en: string, minor: StandardMinor, first: string): Sentence {
  const code = `${minor.majorCode}${minor.minorCode}`;
  return sentence(
    `小类 ${code}（${minor.minorName}）的${zh}已是“${first}”：一个小类只能有一个${zh}。`,
    `The minor category ${code} (${minor.minorName}) already has the ${en} "${first}": a minor category has one ${en}.`,
  );
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
