/**
 * How a register file's cells are read (issue 14): one reader per kind of field, each giving
 * the value the desk stores or a sentence saying what is wrong with the cell. Codes saved as
 * numbers by WPS or Excel, full-width digits, Excel serial dates, Chinese dates, yuan with
 * thousands separators and 是/否 are read as a person typed them. Used by every register's
 * row check (core/party/register-exchange.ts); the members' roster has its own
 * (member-row.ts), older and with the same rules.
 */
import { cellText, foldFullWidth, type CellValue } from '../exchange/cell-value';
import { parseExchangeDateTime } from '../exchange/date-time';
import type { Sentence } from '../exchange/issues';
import { dayString } from '../time';

export type Read<T> = { ok: true; value: T } | { ok: false; message: Sentence };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const no = (zh: string, en: string): Read<never> => ({ ok: false, message: { zh, en } });

/** The cell as text, trimmed: names and titles keep their full-width （）and ，as written. */
export function textOf(value: CellValue | undefined): string {
  return cellText(value ?? null).trim();
}

/**
 * Codes, numbers and words the desk matches: full-width digits and letters folded, spaces
 * dropped; a whole number cell keeps every digit (below 2^53).
 */
export function codeOf(value: CellValue | undefined): string {
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  return foldFullWidth(textOf(value)).replace(/\s+/g, '');
}

/** A cell compared with the desk's words (是, 已完成): full-width folded. */
export function wordOf(value: CellValue | undefined): string {
  return foldFullWidth(textOf(value));
}

export function readText(value: CellValue | undefined, max: number): Read<string | null> {
  const text = textOf(value);
  if (text === '') return ok(null);
  if ([...text].length > max)
    return no(`内容过长（最多 ${max} 字）。`, `Too long (${max} at most).`);
  return ok(text);
}

export function readDay(value: CellValue | undefined, date1904: boolean): Read<string | null> {
  if (textOf(value) === '') return ok(null);
  const shifted = date1904 && typeof value === 'number' ? value + 1462 : (value ?? null);
  const read = parseExchangeDateTime(shifted);
  if (!read.ok)
    return no('日期看不懂：应为 2026-03-15 或 2026年3月15日。', 'Not a date: write 2026-03-15.');
  return ok(dayString(read.at));
}

function numberOf(value: CellValue | undefined): number | null {
  if (typeof value === 'number') return value;
  const text = wordOf(value)
    .replace(/\s/g, '')
    .replace(/(元|小时|h|人|户)$/i, '');
  // Thousands separators only where they group thousands: "1,2" is a typing slip, not 12.
  if (/[,，]/.test(text) && !/^-?\d{1,3}([,，]\d{3})+(\.\d+)?$/.test(text)) return null;
  const plain = text.replace(/[,，]/g, '');
  if (plain === '' || !/^-?\d+(\.\d+)?$/.test(plain)) return null;
  return Number(plain);
}

export function readCount(value: CellValue | undefined): Read<number | null> {
  if (textOf(value) === '') return ok(null);
  const n = numberOf(value);
  if (n === null || !Number.isInteger(n) || n < 0)
    return no('应为不小于 0 的整数。', 'Must be a whole number, 0 or more.');
  return ok(n);
}

export function readHours(value: CellValue | undefined, max: number): Read<number | null> {
  if (textOf(value) === '') return ok(null);
  const n = numberOf(value);
  if (n === null || n < 0 || n > max)
    return no(`时长应为 0 到 ${max} 之间的小时数。`, `Hours must be between 0 and ${max}.`);
  return ok(Math.round(n * 100) / 100);
}

/** Yuan as written (1,234.5 or 1234.50元) to integer fen. */
export function readYuan(value: CellValue | undefined): Read<number | null> {
  if (textOf(value) === '') return ok(null);
  const n = numberOf(value);
  if (n === null || n < 0)
    return no(
      '金额应为不小于 0 的元数，如 1200.50。',
      'Money must be yuan, 0 or more, e.g. 1200.50.',
    );
  const fen = Math.round(n * 100);
  if (Math.abs(fen - n * 100) > 0.001)
    return no('金额最多两位小数（分）。', 'Money has at most two decimals (fen).');
  return ok(fen);
}

export function readPhone(value: CellValue | undefined): Read<string | null> {
  const text = codeOf(value);
  if (text === '') return ok(null);
  if (text.includes('*'))
    return no(
      '电话已打码（导出时隐去了数字）：请填写完整号码。',
      'The phone is masked: give the full number.',
    );
  if (!/^[0-9+-]{5,20}$/.test(text)) return no('联系电话格式不对。', 'Not a phone number.');
  return ok(text);
}

const YES = new Set(['是', '1', 'y', 'yes', 'true', '√', '在册', '正常']);
const NO = new Set(['否', '0', 'n', 'no', 'false', '×', '转出', '撤销', '已撤销', '已转出']);

export function readFlag(value: CellValue | undefined): Read<boolean | null> {
  const text = wordOf(value).toLowerCase();
  if (text === '') return ok(null);
  if (YES.has(text)) return ok(true);
  if (NO.has(text)) return ok(false);
  return no('应为“是”或“否”。', 'Must be 是 or 否.');
}

/** One of a register's values, by its Chinese word or the desk's own value. */
export function readChoice<T extends string>(
  value: CellValue | undefined,
  words: Record<T, string>,
): Read<T | null> {
  const text = wordOf(value);
  if (text === '') return ok(null);
  for (const [key, word] of Object.entries(words) as [T, string][])
    if (text === word || text.toLowerCase() === key) return ok(key);
  return no(
    `应为：${Object.values(words).join('、')}。`,
    `Must be one of: ${Object.keys(words).join(', ')}.`,
  );
}

/** Twelve or fifteen digits written as 9.9E+11: the digits are gone already. */
export function isScientific(text: string): boolean {
  return /^\d(\.\d+)?E\+?\d+$/i.test(text);
}
