/**
 * Codes and numbers as city files carry them (docs/design/CITY-EXCHANGE.md): full-width digits fold to
 * half-width; a category code Excel stored as a number gets its leading zeros back; a grid or
 * case code in scientific notation (9.90101001001001E+14) has lost digits and is refused with
 * the advice to format the column as text.
 */
import { foldFullWidth, stripFormulaGuard, type CellValue } from './cell-value';

export type CodeReading =
  | { ok: true; value: string }
  | { ok: false; problem: 'scientific' | 'not_digits' | 'length' | 'too_long' | 'lost_digits' };

const SCIENTIFIC = /^[+-]?\d+(?:\.\d+)?e[+-]?\d+$/i;

/** A code cell as text: numbers must be exact integers, text must not be scientific. */
function codeText(value: CellValue): CodeReading {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0) return { ok: false, problem: 'lost_digits' };
    return { ok: true, value: String(value) };
  }
  const text = foldFullWidth(stripFormulaGuard(String(value ?? ''))).trim();
  if (SCIENTIFIC.test(text)) return { ok: false, problem: 'scientific' };
  return { ok: true, value: text };
}

/** 案卷编号: any printable text up to 64 characters, never scientific notation. */
export function readCaseNumber(value: CellValue): CodeReading {
  const text = codeText(value);
  if (!text.ok) return text;
  if (text.value.length > 64) return { ok: false, problem: 'too_long' };
  for (let i = 0; i < text.value.length; i++) {
    if (text.value.charCodeAt(i) < 32) return { ok: false, problem: 'not_digits' };
  }
  return text;
}

/** 单元网格编码: 15 digits (grid) or 18 (sub-grid). */
export function readGridCode(value: CellValue): CodeReading {
  const text = codeText(value);
  if (!text.ok) return text;
  if (!/^\d+$/.test(text.value)) return { ok: false, problem: 'not_digits' };
  if (text.value.length !== 15 && text.value.length !== 18) return { ok: false, problem: 'length' };
  return text;
}

/** 大类代码: two digits; `5` (a number, or digits that lost their zero) is `05`. */
export function readMajorCode(value: CellValue): CodeReading {
  const text = codeText(value);
  if (!text.ok) return text;
  if (!/^\d+$/.test(text.value)) return { ok: false, problem: 'not_digits' };
  if (text.value.length > 2) return { ok: false, problem: 'length' };
  return { ok: true, value: text.value.padStart(2, '0') };
}

/** 小类代码: two digits, or four (major + minor) padded back to four when a zero was lost. */
export function readMinorCode(value: CellValue): CodeReading {
  const text = codeText(value);
  if (!text.ok) return text;
  if (!/^\d+$/.test(text.value)) return { ok: false, problem: 'not_digits' };
  if (text.value.length <= 2) return { ok: true, value: text.value.padStart(2, '0') };
  if (text.value.length <= 4) return { ok: true, value: text.value.padStart(4, '0') };
  return { ok: false, problem: 'length' };
}

/** A decimal number (coordinates, hours); full-width digits fold; null when not one. */
export function readDecimal(value: CellValue): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const text = foldFullWidth(value).trim();
  if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(text)) return null;
  return Number(text);
}

/** A whole number ≥ 0 (返工次数, 延期次数); `2.0` from a spreadsheet is 2. */
export function readCount(value: CellValue): number | null {
  const number = readDecimal(value);
  if (number === null || !Number.isInteger(number) || number < 0 || number > 1_000_000) return null;
  return number;
}
