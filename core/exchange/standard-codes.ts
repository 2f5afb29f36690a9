/**
 * A standard row's 大类代码 and 小类代码, read as case codes are (core/exchange/codes): 1, "1"
 * and "01" are 01, so codes a spreadsheet stored as numbers are padded back; a four-digit
 * 小类代码 (0101) is 大类 + 小类 and is split.
 */
import { cellText, type CellValue } from './cell-value';
import { readMajorCode, readMinorCode, type CodeReading } from './codes';
import { CODE_PROBLEM, sentence, type Sentence } from './issues';
import type { Fail } from './standard-fold-state';

const CODE_WHAT: Record<'major_code' | 'minor_code', Sentence> = {
  major_code: sentence('大类代码', 'major code'),
  minor_code: sentence('小类代码', 'minor code'),
};
const CODE_EXPECTED = sentence('两位数字，如 01', 'two digits, such as 01');

/** The two codes of a row (null where the cell is blank), or null when one is unreadable. */
export function readCodes(
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
