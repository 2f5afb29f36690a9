/**
 * Problems found in an exchange file, in both UI languages. A row problem names the row as
 * Excel shows it (header row counted), the column as the file spells it, the value and why.
 */
export interface Sentence {
  zh: string;
  en: string;
}

/** One problem with one cell (or one row, when `column` is the row's key column). */
export interface RowIssue {
  /** Excel's row number (1-based, header row counted); for JSON, the object's position. */
  row: number;
  /** The column as the file names it (or the desk's Chinese name when the file lacks it). */
  column: string;
  value: string;
  message: Sentence;
}

/** A file-level remark that does not make a row invalid (an ignored column, an assumption). */
export interface ImportNote {
  column?: string;
  /** When the remark is about one row (a warning on a row that was still written). */
  row?: number;
  message: Sentence;
}

/** How many row warnings a report lists; past that, one note says how many more. */
export const MAX_ROW_WARNINGS = 1_000;

/** Warnings on rows that were written anyway, each a note naming its row and column. */
export class RowWarnings {
  private readonly kept: ImportNote[] = [];
  private more = 0;

  add(row: number, column: string, message: Sentence): void {
    if (this.kept.length >= MAX_ROW_WARNINGS) {
      this.more += 1;
      return;
    }
    this.kept.push({
      row,
      column,
      message: sentence(`第 ${row} 行：${message.zh}`, `Row ${row}: ${message.en}`),
    });
  }

  notes(): ImportNote[] {
    if (this.more === 0) return this.kept;
    return [
      ...this.kept,
      {
        message: sentence(
          `另有 ${this.more.toLocaleString()} 行有同类提醒，未逐一列出。`,
          `${this.more.toLocaleString()} more rows have warnings like these, not listed.`,
        ),
      },
    ];
  }
}

export function sentence(zh: string, en: string): Sentence {
  return { zh, en };
}

export const CODE_PROBLEM: Record<
  'scientific' | 'not_digits' | 'length' | 'too_long' | 'lost_digits',
  (what: Sentence, expected: Sentence) => Sentence
> = {
  scientific: (what) =>
    sentence(
      `${what.zh}是科学计数法（如 9.9E+14），数字已丢失：请把该列设置为“文本”格式后重新导出。`,
      `The ${what.en} is in scientific notation (e.g. 9.9E+14) and has lost digits: format the column as text and export again.`,
    ),
  lost_digits: (what) =>
    sentence(
      `${what.zh}以数字保存，超出精度已丢失位数：请把该列设置为“文本”格式后重新导出。`,
      `The ${what.en} was stored as a number too long to keep all its digits: format the column as text and export again.`,
    ),
  not_digits: (what, expected) =>
    sentence(`${what.zh}应为${expected.zh}。`, `The ${what.en} must be ${expected.en}.`),
  length: (what, expected) =>
    sentence(`${what.zh}应为${expected.zh}。`, `The ${what.en} must be ${expected.en}.`),
  too_long: (what) =>
    sentence(
      `${what.zh}过长（最多 64 个字符）。`,
      `The ${what.en} is too long (64 characters at most).`,
    ),
};
