/**
 * The deadline a limit gives: `from` plus a limit in any of the four units
 * (docs/design/DOMAIN.md, "limit units"). Built to run over a million registrations: whole
 * periods and whole days are skipped arithmetically, never minute by minute.
 */
import type { WorkCalendar } from '../calendar';
import { DAY_MS, HOUR_MS, MINUTE_MS, startOfDay } from '../time';
import type { Limit } from './limit';
import { minutesOfTime, type WorkPeriods } from './work-periods';

/** A period as ms after 00:00 Shanghai, plus the day's total: what the walk needs. */
interface CompiledPeriods {
  spans: ReadonlyArray<readonly [start: number, end: number]>;
  dayTotal: number;
}

// Compiled once per periods object: callers pass the same DEFAULT_WORK_PERIODS (or the same
// version) to every registration, so parsing 'HH:MM' per call would dominate the cost.
const compiled = new WeakMap<WorkPeriods, CompiledPeriods>();

function compile(periods: WorkPeriods): CompiledPeriods {
  const known = compiled.get(periods);
  if (known) return known;
  const spans = periods.periods.map((p) => {
    const start = minutesOfTime(p.start);
    const end = minutesOfTime(p.end);
    if (start === null || end === null || start >= end) {
      throw new RangeError(`not a work period: ${p.start}–${p.end}`);
    }
    return [start * MINUTE_MS, end * MINUTE_MS] as const;
  });
  const dayTotal = spans.reduce((sum, [start, end]) => sum + (end - start), 0);
  // Without a period the walk below would never end; checkWorkPeriods refuses such edits.
  if (dayTotal <= 0) throw new RangeError('no work period to count working hours in');
  const result = { spans, dayTotal };
  compiled.set(periods, result);
  return result;
}

export function addLimit(
  from: number,
  limit: Limit,
  calendar: WorkCalendar,
  periods: WorkPeriods,
): number {
  switch (limit.unit) {
    case 'natural_hours':
      return from + Math.round(limit.value * HOUR_MS);
    case 'natural_days':
      return from + Math.round(limit.value * DAY_MS);
    case 'working_days':
      return addWorkingDays(from, limit.value, calendar, periods);
    case 'working_hours':
      return addWorkingMs(from, Math.round(limit.value * HOUR_MS), calendar, compile(periods));
  }
}

/**
 * Whole working days by the calendar's rule (same time of day on the N-th working day; a
 * non-working registration day counts from 00:00 of the next working day). A fraction is a
 * share of a working day's work periods (0.5天 = 4 working hours with the default 8-hour
 * day), counted in working hours from where the whole days end — a city writing 0.5天 means
 * half a working day, not twelve wall-clock hours.
 */
function addWorkingDays(
  from: number,
  days: number,
  calendar: WorkCalendar,
  periods: WorkPeriods,
): number {
  const whole = Math.floor(days);
  const afterWhole = calendar.addWorkingDays(from, whole);
  const fraction = days - whole;
  if (fraction <= 0) return afterWhole;
  const p = compile(periods);
  return addWorkingMs(afterWhole, Math.round(fraction * p.dayTotal), calendar, p);
}

/**
 * Working time: counting starts at `from` when it falls inside a work period of a working
 * day, else at the start of the next one. A deadline landing exactly on a period's end is
 * that moment (12:00, not 14:00), hence `<=` below.
 */
function addWorkingMs(
  from: number,
  amount: number,
  calendar: WorkCalendar,
  { spans, dayTotal }: CompiledPeriods,
): number {
  let remaining = amount;
  let dayStart = startOfDay(from);
  let timeOfDay = from - dayStart;
  for (;;) {
    if (calendar.isWorkingDay(dayStart)) {
      // A whole working day still to go, from its beginning: skip it in one step.
      if (timeOfDay === 0 && remaining > dayTotal) {
        remaining -= dayTotal;
      } else {
        for (const [start, end] of spans) {
          if (timeOfDay >= end) continue;
          const begin = Math.max(timeOfDay, start);
          if (remaining <= end - begin) return dayStart + begin + remaining;
          remaining -= end - begin;
        }
      }
    }
    dayStart += DAY_MS;
    timeOfDay = 0;
  }
}
