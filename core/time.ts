/**
 * Asia/Shanghai wall-clock arithmetic on epoch milliseconds.
 *
 * China has used a fixed UTC+8 with no daylight saving since 1991, so a constant offset is
 * exact for every date this app handles, and it is far faster than a time-zone library in
 * the hot loops (deadlines and indices over a million cases). Core code never reads the
 * clock: callers pass `now` in.
 */
export const SHANGHAI_OFFSET_MS = 8 * 3600_000;
export const MINUTE_MS = 60_000;
export const HOUR_MS = 3600_000;
export const DAY_MS = 86_400_000;

/** A calendar day as 'YYYY-MM-DD' in Shanghai. */
export type DayString = string;

interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number; // 0 = Sunday … 6 = Saturday
}

export function toWallClock(epochMs: number): WallClock {
  const d = new Date(epochMs + SHANGHAI_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
  };
}

export function fromWallClock(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  return Date.UTC(year, month - 1, day, hour, minute, second) - SHANGHAI_OFFSET_MS;
}

/** Start (00:00 Shanghai) of the day holding `epochMs`. */
export function startOfDay(epochMs: number): number {
  return Math.floor((epochMs + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS;
}

export function dayString(epochMs: number): DayString {
  return new Date(epochMs + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

export function parseDayString(day: DayString): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new RangeError(`not a YYYY-MM-DD day: ${day}`);
  return fromWallClock(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** `2026-11-21 14:05` — the table format of docs/design/UI.md. */
export function formatDateTime(epochMs: number): string {
  return new Date(epochMs + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** ISO 8601 with the +08:00 offset, for exports and JSON. */
export function toIsoShanghai(epochMs: number): string {
  return new Date(epochMs + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19) + '+08:00';
}
