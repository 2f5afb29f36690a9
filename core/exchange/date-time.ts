/**
 * Dates and times in exchange files (docs/design/CITY-EXCHANGE.md "Dates and times"):
 * `2026-11-03 14:05:00`, `2026-11-03 14:05`, `2026/11/3 9:05`, `2026年11月3日 9时5分`,
 * ISO 8601 with or without an offset, and Excel serial dates. Anything without an offset is
 * Asia/Shanghai wall-clock time; an Excel serial is too (Excel stores what the clerk saw).
 */
import { foldFullWidth, type CellValue } from './cell-value';
import { fromWallClock, SHANGHAI_OFFSET_MS } from '../time';

const DAY_MS = 86_400_000;
/** 1899-12-30, Excel's day zero (the 1900 leap-year bug is folded in). */
const EXCEL_EPOCH_DAYS = 25_569;
/** Serial 1 is 1900-01-01, 2958465 is 9999-12-31. */
const EXCEL_MAX_SERIAL = 2_958_465;

const NUMERIC = /^\d+(?:\.\d+)?$/;
const DASHED =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:(?:\s+|T)(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const CHINESE =
  /^(\d{4})年(\d{1,2})月(\d{1,2})日\s*(?:(\d{1,2})(?:时|點|点|:)(?:(\d{1,2})(?:分|:)?(?:(\d{1,2})秒?)?)?)?$/;

type DateReading = { ok: true; at: number } | { ok: false };

/** An Excel serial (days since 1899-12-30, fraction = time of day) as Shanghai wall-clock time, to the second. */
export function excelSerialToEpoch(serial: number): number | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > EXCEL_MAX_SERIAL) return null;
  const wallMs = Math.round(((serial - EXCEL_EPOCH_DAYS) * DAY_MS) / 1000) * 1000;
  return wallMs - SHANGHAI_OFFSET_MS;
}

/** Days from Excel's 1900 day zero to its 1904 one: a 1904-system serial plus this is a 1900 serial. */
export const EXCEL_1904_OFFSET_DAYS = 1_462;

/** The inverse, for tests and for writing date cells. */
export function epochToExcelSerial(epochMs: number): number {
  return (epochMs + SHANGHAI_OFFSET_MS) / DAY_MS + EXCEL_EPOCH_DAYS;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The days of a month as Date.UTC counts them, without building a Date (a date is parsed for
 * every time cell of every row). Date.UTC reads years 0–99 as 1900–1999, and so does this.
 */
function daysInMonth(y: number, mo: number): number {
  if (mo !== 2) return MONTH_DAYS[mo - 1]!;
  const year = y >= 0 && y <= 99 ? y + 1900 : y;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

function validWallClock(y: number, mo: number, d: number, h: number, mi: number, s: number) {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return false;
  return d <= daysInMonth(y, mo);
}

function offsetMs(text: string): number {
  if (text.toUpperCase() === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(text)!;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return (m[1] === '-' ? -1 : 1) * minutes * 60_000;
}

const ZERO = 48;

/** Two digits at `at`, or -1. */
function twoDigits(text: string, at: number): number {
  const a = text.charCodeAt(at) - ZERO;
  const b = text.charCodeAt(at + 1) - ZERO;
  return a < 0 || a > 9 || b < 0 || b > 9 ? -1 : a * 10 + b;
}

/** `2026-11-03 14:05:00`, the form nearly every row has, read without a regular expression. */
function canonical(text: string): number | null {
  if (text.length !== 19 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  if (text.charCodeAt(10) !== 32 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58)
    return null;
  const century = twoDigits(text, 0);
  const year = twoDigits(text, 2);
  const mo = twoDigits(text, 5);
  const d = twoDigits(text, 8);
  const h = twoDigits(text, 11);
  const mi = twoDigits(text, 14);
  const s = twoDigits(text, 17);
  if (century < 0 || year < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || s < 0) return null;
  const y = century * 100 + year;
  return validWallClock(y, mo, d, h, mi, s) ? fromWallClock(y, mo, d, h, mi, s) : null;
}

/** Reads one date-time cell; blank cells are the caller's business (they are "absent"). */
export function parseExchangeDateTime(value: CellValue): DateReading {
  if (typeof value === 'string') {
    const fast = canonical(value);
    if (fast !== null) return { ok: true, at: fast };
  }
  if (typeof value === 'number') {
    const at = excelSerialToEpoch(value);
    return at === null ? { ok: false } : { ok: true, at };
  }
  if (typeof value !== 'string') return { ok: false };
  const text = foldFullWidth(value).trim();
  if (NUMERIC.test(text)) return parseExchangeDateTime(Number(text));

  const dashed = DASHED.exec(text);
  if (dashed) {
    const [, y, mo, d, h, mi, s, frac, zone] = dashed;
    const parts = [y, mo, d, h ?? '0', mi ?? '0', s ?? '0'].map(Number) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    if (!validWallClock(...parts)) return { ok: false };
    const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
    if (zone) {
      const utc = Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3], parts[4], parts[5]);
      return { ok: true, at: utc - offsetMs(zone) + ms };
    }
    return { ok: true, at: fromWallClock(...parts) + ms };
  }

  const chinese = CHINESE.exec(text);
  if (chinese) {
    const [, y, mo, d, h, mi, s] = chinese;
    const parts = [y, mo, d, h ?? '0', mi ?? '0', s ?? '0'].map(Number) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    if (!validWallClock(...parts)) return { ok: false };
    return { ok: true, at: fromWallClock(...parts) };
  }
  return { ok: false };
}

const dayTexts = new Map<number, string>();
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `2026-11-03 14:05:00` in Shanghai: what the desk writes in its exports (days cached: an export repeats them). */
export function formatExchangeDateTime(epochMs: number): string {
  const local = epochMs + SHANGHAI_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  let dayText = dayTexts.get(day);
  if (dayText === undefined) {
    dayText = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (dayTexts.size > 4096) dayTexts.clear();
    dayTexts.set(day, dayText);
  }
  const seconds = Math.floor((local - day * DAY_MS) / 1000);
  return `${dayText} ${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}`;
}
