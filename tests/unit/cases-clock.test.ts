/**
 * The clocks a case runs on: the "3个1" defaults and their overrides, working days over the
 * official calendar (holiday edges, 调休 Saturdays), suspension, extension, and the Shanghai
 * day and month boundaries (UTC+8 all year: no daylight saving to trip over).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../core/calendar';
import { caseClock, isOverdue, nearDueFrom, type ClockColumns } from '../../core/cases/case-clock';
import {
  acceptDueAt,
  effectiveDueAt,
  mergeClockRules,
  onsiteDueAt,
  resolutionDueAt,
} from '../../core/clocks';
import {
  DAY_MS,
  HOUR_MS,
  MINUTE_MS,
  dayString,
  fromWallClock,
  startOfDay,
  toWallClock,
} from '../../core/time';
import { readReferenceCalendar } from '../../db/seed/reference';

const calendar = new WorkCalendar(
  readReferenceCalendar(path.resolve(import.meta.dirname, '../../assets/reference/holidays.json')),
);
const at = (y: number, m: number, d: number, h = 0, min = 0) => fromWallClock(y, m, d, h, min);
const days = (n: number) => mergeClockRules({ resolveWorkingDays: n });

describe('working-day deadlines over the official calendar', () => {
  it('registered the working day before a holiday jumps the whole holiday', () => {
    // Wed 30 Sep 2026 17:30 + 1 working day: 1–7 Oct are off → Thu 8 Oct 17:30.
    expect(resolutionDueAt(at(2026, 9, 30, 17, 30), days(1), calendar)).toBe(
      at(2026, 10, 8, 17, 30),
    );
  });

  it('registered on the last holiday day counts from 00:00 of the next working day', () => {
    // Wed 7 Oct 2026 (holiday) → counts as Thu 8 Oct 00:00; +2 → Sat 10 Oct (调休) 00:00.
    expect(resolutionDueAt(at(2026, 10, 7, 9), days(2), calendar)).toBe(at(2026, 10, 10, 0));
  });

  it('counts make-up Saturdays (调休) as working days and ordinary Saturdays not', () => {
    // Fri 9 Oct 2026 16:00 + 1 → Sat 10 Oct 16:00 (调休); Fri 16 Oct + 1 → Mon 19 Oct.
    expect(resolutionDueAt(at(2026, 10, 9, 16), days(1), calendar)).toBe(at(2026, 10, 10, 16));
    expect(resolutionDueAt(at(2026, 10, 16, 16), days(1), calendar)).toBe(at(2026, 10, 19, 16));
    // Registered on the 调休 Saturday itself: a working day, the time of day is kept.
    expect(resolutionDueAt(at(2026, 10, 10, 11), days(1), calendar)).toBe(at(2026, 10, 12, 11));
    // Sunday 28 Sep 2025 is a 调休 working day.
    expect(resolutionDueAt(at(2025, 9, 28, 9), days(1), calendar)).toBe(at(2025, 9, 29, 9));
  });

  it('crosses a month end and a year end', () => {
    // Fri 30 Oct 2026 10:00 + 3 → Wed 4 Nov 10:00.
    expect(resolutionDueAt(at(2026, 10, 30, 10), days(3), calendar)).toBe(at(2026, 11, 4, 10));
    // Wed 31 Dec 2025 15:00 + 1: 元旦 is 1–3 Jan 2026, and Sunday 4 Jan is worked (调休).
    expect(resolutionDueAt(at(2025, 12, 31, 15), days(1), calendar)).toBe(at(2026, 1, 4, 15));
    // Thu 31 Dec 2026 + 1: Fri 1 Jan 2027 is 元旦 (provisional), then the weekend → Mon 4 Jan.
    expect(resolutionDueAt(at(2026, 12, 31, 15), days(1), calendar)).toBe(at(2027, 1, 4, 15));
  });

  it('a registration just before midnight Shanghai is that day, not the UTC day', () => {
    // 23:59 Fri 20 Nov Shanghai = 15:59 UTC the same day; 00:01 Sat 21 Nov = Fri 16:01 UTC.
    const lateFriday = at(2026, 11, 20, 23, 59);
    const earlySaturday = at(2026, 11, 21, 0, 1);
    expect(dayString(lateFriday)).toBe('2026-11-20');
    expect(dayString(earlySaturday)).toBe('2026-11-21');
    expect(resolutionDueAt(lateFriday, days(1), calendar)).toBe(at(2026, 11, 23, 23, 59));
    expect(resolutionDueAt(earlySaturday, days(1), calendar)).toBe(at(2026, 11, 24, 0));
  });
});

describe('natural-hour deadlines', () => {
  it('run straight through nights, weekends and holidays, and across month ends', () => {
    const rules = mergeClockRules({ resolveHours: 24 });
    expect(resolutionDueAt(at(2026, 9, 30, 20), rules, calendar)).toBe(at(2026, 10, 1, 20));
    expect(resolutionDueAt(at(2026, 1, 31, 23, 30), rules, calendar)).toBe(at(2026, 2, 1, 23, 30));
    expect(
      resolutionDueAt(at(2028, 2, 28, 12), mergeClockRules({ resolveHours: 48 }), calendar),
    ).toBe(at(2028, 3, 1, 12));
  });

  it('keep their wall-clock time on the dates other zones change their clocks (no DST here)', () => {
    const rules = mergeClockRules({ resolveHours: 24 });
    for (const [y, m, d] of [
      [2026, 3, 8],
      [2026, 3, 29],
      [2026, 10, 25],
      [2026, 11, 1],
    ] as const) {
      const registered = at(y, m, d - 1, 9, 15);
      const due = resolutionDueAt(registered, rules, calendar);
      expect(due - registered).toBe(DAY_MS);
      expect(toWallClock(due)).toMatchObject({ hour: 9, minute: 15, day: d });
    }
    expect(startOfDay(at(2026, 3, 8, 12)) - startOfDay(at(2026, 3, 7, 12))).toBe(DAY_MS);
  });
});

describe('the 3个1 clocks and their overrides', () => {
  it('accept in 1 minute, on site in 1 hour, done in 1 day by default', () => {
    const rules = mergeClockRules();
    expect(acceptDueAt(at(2026, 11, 18, 10), rules)).toBe(at(2026, 11, 18, 10, 1));
    expect(onsiteDueAt(at(2026, 11, 18, 10), rules)).toBe(at(2026, 11, 18, 11));
    expect(resolutionDueAt(at(2026, 11, 18, 10), rules, calendar)).toBe(at(2026, 11, 19, 10));
  });

  it('category then urgency override, and the city deadline beats both', () => {
    const rules = mergeClockRules(
      { acceptMinutes: 1 },
      { resolveWorkingDays: 3 },
      { resolveHours: 2, onsiteMinutes: 30 },
    );
    expect(rules).toMatchObject({ resolveHours: 2, resolveWorkingDays: null, onsiteMinutes: 30 });
    const reg = at(2026, 11, 18, 10);
    expect(resolutionDueAt(reg, rules, calendar)).toBe(reg + 2 * HOUR_MS);
    expect(resolutionDueAt(reg, rules, calendar, { deadlineHours: 72 })).toBe(reg + 72 * HOUR_MS);
    expect(resolutionDueAt(reg, rules, calendar, { dueAt: at(2026, 11, 25, 18) })).toBe(
      at(2026, 11, 25, 18),
    );
  });

  it('the effective deadline is the latest extension shifted by the time suspended', () => {
    const base = at(2026, 11, 19, 10);
    expect(effectiveDueAt(base, null, 3 * HOUR_MS)).toBe(base + 3 * HOUR_MS);
    expect(effectiveDueAt(base, base + 2 * DAY_MS, 3 * HOUR_MS)).toBe(
      base + 2 * DAY_MS + 3 * HOUR_MS,
    );
  });
});

function columns(extra: Partial<ClockColumns>): ClockColumns {
  const registeredAt = at(2026, 11, 18, 10);
  return {
    state: 'registered',
    reportedAt: registeredAt - MINUTE_MS,
    registeredAt,
    dispatchedAt: null,
    arrivedAt: null,
    closedAt: null,
    acceptDueAt: registeredAt,
    onsiteDueAt: null,
    dueAt: registeredAt + DAY_MS,
    dueWindowMs: DAY_MS,
    suspendedAt: null,
    stateBeforeSuspend: null,
    ...extra,
  };
}

describe('the clock a case shows', () => {
  const reg = at(2026, 11, 18, 10);

  it('is normal, then near due in the last 20%, then overdue', () => {
    expect(caseClock(columns({}), reg + HOUR_MS).main).toMatchObject({
      kind: 'resolve',
      state: 'normal',
      remainingMs: 23 * HOUR_MS,
    });
    const clock = caseClock(columns({}), reg + 20 * HOUR_MS).main;
    expect(clock).toMatchObject({ state: 'near_due' });
    expect(nearDueFrom(clock as never)).toBe(reg + DAY_MS - 0.2 * DAY_MS);
    expect(caseClock(columns({}), reg + DAY_MS + 1).main).toMatchObject({
      state: 'overdue',
      remainingMs: -1,
    });
    expect(isOverdue(columns({}), reg + DAY_MS + 1)).toBe(true);
  });

  it('runs the accept clock while a case waits to be registered', () => {
    const waiting = columns({
      state: 'reported',
      registeredAt: null,
      dueAt: null,
      dueWindowMs: null,
      reportedAt: reg,
      acceptDueAt: reg + MINUTE_MS,
    });
    expect(caseClock(waiting, reg + 30_000).main).toMatchObject({
      kind: 'accept',
      state: 'normal',
    });
    expect(caseClock(waiting, reg + 2 * MINUTE_MS).main).toMatchObject({
      kind: 'accept',
      state: 'overdue',
    });
  });

  it('shows the on-site clock until the unit arrives', () => {
    const dispatched = columns({
      state: 'dispatched',
      dispatchedAt: reg + HOUR_MS,
      onsiteDueAt: reg + 2 * HOUR_MS,
    });
    expect(caseClock(dispatched, reg + 150 * MINUTE_MS).onsite).toMatchObject({
      kind: 'onsite',
      state: 'overdue',
    });
    expect(
      caseClock(
        { ...dispatched, state: 'in_progress', arrivedAt: reg + 90 * MINUTE_MS },
        reg + 150 * MINUTE_MS,
      ).onsite,
    ).toBeNull();
  });

  it('is paused while suspended, its deadline moving on with the pause', () => {
    const parked = columns({
      state: 'suspended',
      stateBeforeSuspend: 'in_progress',
      suspendedAt: reg + 20 * HOUR_MS,
    });
    const later = reg + 30 * HOUR_MS;
    expect(caseClock(parked, later).main).toMatchObject({
      state: 'paused',
      dueAt: reg + DAY_MS + 10 * HOUR_MS,
    });
    expect(isOverdue(parked, later)).toBe(false);
  });

  it('says whether a closed case was on time', () => {
    expect(
      caseClock(columns({ state: 'closed', closedAt: reg + HOUR_MS }), reg + 5 * DAY_MS).main,
    ).toMatchObject({ state: 'closed_on_time' });
    expect(
      caseClock(columns({ state: 'closed', closedAt: reg + 2 * DAY_MS }), reg + 5 * DAY_MS).main,
    ).toMatchObject({ state: 'closed_late' });
  });
});
