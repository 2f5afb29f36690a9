import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../core/calendar';
import {
  DEFAULT_CLOCK_RULES,
  acceptDueAt,
  clockState,
  effectiveDueAt,
  mergeClockRules,
  onsiteDueAt,
  resolutionDueAt,
} from '../../core/clocks';
import { DAY_MS, HOUR_MS, MINUTE_MS, fromWallClock } from '../../core/time';

const calendar = new WorkCalendar([
  { day: '2026-10-01', kind: 'holiday' },
  { day: '2026-10-10', kind: 'workday' },
]);
const registered = fromWallClock(2026, 11, 18, 10); // a Wednesday

describe('merging the clock rules (3个1)', () => {
  it('starts from accept 1 minute, on site 1 hour, done in 24 hours', () => {
    expect(mergeClockRules()).toEqual({
      acceptMinutes: 1,
      onsiteMinutes: 60,
      resolveHours: 24,
      resolveWorkingDays: null,
    });
    expect(mergeClockRules(null, undefined)).toEqual(DEFAULT_CLOCK_RULES);
  });

  it('lets later layers win: defaults ← category ← urgency override', () => {
    const settings = { acceptMinutes: 2, resolveHours: 24 };
    const category = { resolveWorkingDays: 3 };
    const urgent = { resolveHours: 4, onsiteMinutes: 30 };
    expect(mergeClockRules(settings, category)).toEqual({
      acceptMinutes: 2,
      onsiteMinutes: 60,
      resolveHours: null,
      resolveWorkingDays: 3,
    });
    expect(mergeClockRules(settings, category, urgent)).toEqual({
      acceptMinutes: 2,
      onsiteMinutes: 30,
      resolveHours: 4,
      resolveWorkingDays: null,
    });
  });

  it('keeps exactly one of hours and working days', () => {
    const rules = mergeClockRules(
      { resolveHours: 8 },
      { resolveWorkingDays: 5 },
      { acceptMinutes: 3 },
    );
    expect(rules.resolveHours).toBeNull();
    expect(rules.resolveWorkingDays).toBe(5);
  });
});

describe('deadlines', () => {
  const hours = mergeClockRules({ resolveHours: 4 });
  const workingDays = mergeClockRules({ resolveWorkingDays: 3 });

  it('counts natural hours from registration', () => {
    expect(resolutionDueAt(registered, hours, calendar)).toBe(registered + 4 * HOUR_MS);
    expect(resolutionDueAt(registered, DEFAULT_CLOCK_RULES, calendar)).toBe(registered + DAY_MS);
  });

  it('counts working days on the calendar', () => {
    const wed = fromWallClock(2026, 9, 30, 10);
    expect(resolutionDueAt(wed, workingDays, calendar)).toBe(fromWallClock(2026, 10, 6, 10));
  });

  it("lets the city's deadline override every rule", () => {
    const cityDue = registered + 3 * DAY_MS;
    expect(resolutionDueAt(registered, workingDays, calendar, { dueAt: cityDue })).toBe(cityDue);
    expect(
      resolutionDueAt(registered, workingDays, calendar, { dueAt: cityDue, deadlineHours: 2 }),
    ).toBe(cityDue);
    // 处置时限(小时) is natural hours even for a working-day category.
    expect(resolutionDueAt(registered, workingDays, calendar, { deadlineHours: 48 })).toBe(
      registered + 48 * HOUR_MS,
    );
  });

  it('sets the accept and on-site deadlines from their own clocks', () => {
    expect(acceptDueAt(registered, DEFAULT_CLOCK_RULES)).toBe(registered + MINUTE_MS);
    expect(onsiteDueAt(registered, DEFAULT_CLOCK_RULES)).toBe(registered + HOUR_MS);
    expect(onsiteDueAt(registered, mergeClockRules({ onsiteMinutes: 30 }))).toBe(
      registered + 30 * MINUTE_MS,
    );
  });

  it('moves the effective deadline to the latest extension, then by the time suspended', () => {
    const base = registered + DAY_MS;
    expect(effectiveDueAt(base, null, 0)).toBe(base);
    expect(effectiveDueAt(base, null, 2 * HOUR_MS)).toBe(base + 2 * HOUR_MS);
    expect(effectiveDueAt(base, base + DAY_MS, HOUR_MS)).toBe(base + DAY_MS + HOUR_MS);
  });
});

describe('clock states: near due is the last 20% of the window', () => {
  const window = 24 * HOUR_MS;
  const due = registered + window;
  it('is normal before the last fifth', () => {
    expect(clockState(registered, due, window, false)).toBe('normal');
    expect(clockState(due - 0.2 * window - 1, due, window, false)).toBe('normal');
  });
  it('is near due from the start of the last fifth up to the deadline itself', () => {
    expect(clockState(due - 0.2 * window, due, window, false)).toBe('near_due');
    expect(clockState(due, due, window, false)).toBe('near_due');
  });
  it('is overdue once past the deadline', () => {
    expect(clockState(due + 1, due, window, false)).toBe('overdue');
  });
  it('is paused while suspended, even past the deadline', () => {
    expect(clockState(due + DAY_MS, due, window, true)).toBe('paused');
    expect(clockState(registered, due, window, true)).toBe('paused');
  });
});
