/**
 * The periods the map's measures are shown for (DOMAIN.md: a calendar month or an ISO week
 * in Asia/Shanghai, half-open [start, end)). Keys are `2026-11` and `2026-W47`.
 */
import { DAY_MS, fromWallClock, startOfDay, toWallClock } from '../time';

export interface Period {
  key: string;
  kind: 'month' | 'week';
  start: number;
  end: number;
}

const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;
const WEEK_KEY = /^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])$/;

export function isPeriodKey(key: string): boolean {
  return MONTH_KEY.test(key) || WEEK_KEY.test(key);
}

export function monthPeriod(epochMs: number): Period {
  const w = toWallClock(epochMs);
  return monthOf(w.year, w.month);
}

function monthOf(year: number, month: number): Period {
  const start = fromWallClock(year, month, 1);
  return {
    key: `${year}-${String(month).padStart(2, '0')}`,
    kind: 'month',
    start,
    end: fromWallClock(year, month + 1, 1),
  };
}

/** The ISO week (Monday start) holding `epochMs`, in Shanghai. */
export function weekPeriod(epochMs: number): Period {
  const dayStart = startOfDay(epochMs);
  const weekday = toWallClock(dayStart).weekday; // 0 = Sunday
  const monday = dayStart - ((weekday + 6) % 7) * DAY_MS;
  // The ISO year is the year of the week's Thursday.
  const thursday = toWallClock(monday + 3 * DAY_MS);
  const firstThursdayDay = startOfDay(fromWallClock(thursday.year, 1, 4));
  const firstMonday =
    firstThursdayDay - ((toWallClock(firstThursdayDay).weekday + 6) % 7) * DAY_MS;
  const week = Math.round((monday - firstMonday) / (7 * DAY_MS)) + 1;
  return {
    key: `${thursday.year}-W${String(week).padStart(2, '0')}`,
    kind: 'week',
    start: monday,
    end: monday + 7 * DAY_MS,
  };
}

/** Reads a period key; throws RangeError for anything else (the API validates first). */
export function parsePeriod(key: string): Period {
  const month = MONTH_KEY.exec(key);
  if (month) return monthOf(Number(month[1]), Number(month[2]));
  const week = WEEK_KEY.exec(key);
  if (week) {
    const year = Number(week[1]);
    const jan4 = fromWallClock(year, 1, 4);
    const first = weekPeriod(jan4);
    const period = weekPeriod(first.start + (Number(week[2]) - 1) * 7 * DAY_MS);
    if (period.key !== key) throw new RangeError(`no such ISO week: ${key}`);
    return period;
  }
  throw new RangeError(`not a period key (YYYY-MM or YYYY-Www): ${key}`);
}

/** What the map offers: this month and the five before it, this week and the three before it. */
export function selectablePeriods(now: number): Period[] {
  const months: Period[] = [];
  let cursor = monthPeriod(now);
  for (let i = 0; i < 6; i++) {
    months.push(cursor);
    cursor = monthPeriod(cursor.start - 1);
  }
  const weeks: Period[] = [];
  let week = weekPeriod(now);
  for (let i = 0; i < 4; i++) {
    weeks.push(week);
    week = weekPeriod(week.start - 1);
  }
  return [...months, ...weeks];
}
