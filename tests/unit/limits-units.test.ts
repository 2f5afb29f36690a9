/**
 * core/limits/add-limit: the other three units — natural hours (N紧急工作时), natural days
 * (N紧急工作日) and working days (N天), whole and fractional.
 */
import { describe, expect, it } from 'vitest';
import { addLimit } from '../../core/limits/add-limit';
import type { Limit } from '../../core/limits/limit';
import { DEFAULT_WORK_PERIODS, type WorkPeriods } from '../../core/limits/work-periods';
import { at, calendar, wall } from './limits-fixture';

const due = (from: number, limit: Limit, periods: WorkPeriods = DEFAULT_WORK_PERIODS) =>
  wall(addLimit(from, limit, calendar, periods));
const naturalHours = (value: number): Limit => ({ value, unit: 'natural_hours' });
const naturalDays = (value: number): Limit => ({ value, unit: 'natural_days' });
const workingDays = (value: number): Limit => ({ value, unit: 'working_days' });

describe('natural hours and natural days: the wall clock, nights and holidays included', () => {
  it('runs across midnight into a holiday', () => {
    // Wed 30 Sep 2026 23:00 + 2 h is 01:00 on National Day itself.
    expect(due(at(2026, 9, 30, 23), naturalHours(2))).toBe('2026-10-01 01:00');
    expect(due(at(2026, 10, 3, 12, 15), naturalHours(1.5))).toBe('2026-10-03 13:45');
  });

  it('counts N × 24 h for natural days, whatever the calendar says', () => {
    expect(due(at(2026, 9, 30, 23), naturalDays(1))).toBe('2026-10-01 23:00');
    expect(due(at(2026, 10, 9, 17, 30), naturalDays(3))).toBe('2026-10-12 17:30');
    expect(due(at(2026, 11, 18, 10), naturalDays(0.5))).toBe('2026-11-18 22:00');
  });
});

describe('working days: same time of day on the N-th working day', () => {
  it("follows DOMAIN.md's example: Wed 30 Sep 2026 10:00 + 3 working days → Sat 10 Oct 10:00", () => {
    expect(addLimit(at(2026, 9, 30, 10), workingDays(3), calendar, DEFAULT_WORK_PERIODS)).toBe(
      at(2026, 10, 10, 10),
    );
  });

  it('counts a non-working registration day from 00:00 of the next working day', () => {
    expect(due(at(2026, 10, 4, 15), workingDays(1))).toBe('2026-10-09 00:00');
    expect(due(at(2026, 11, 21, 9), workingDays(2))).toBe('2026-11-25 00:00');
  });
});

describe('fractional working days: a share of the working day’s periods', () => {
  // 0.5天 is half of the 8-hour working day: 4 working hours, after the whole days.
  it('0.5 day from a morning registration is 4 working hours, across lunch', () => {
    expect(due(at(2026, 11, 18, 10), workingDays(0.5))).toBe('2026-11-18 16:00');
  });

  it('1.5 days is one working day, then 4 working hours', () => {
    expect(due(at(2026, 11, 18, 10), workingDays(1.5))).toBe('2026-11-19 16:00');
    // From Friday 16:00: Monday 16:00, then 2 h that day and 2 h on Tuesday.
    expect(due(at(2026, 11, 20, 16), workingDays(1.5))).toBe('2026-11-24 10:00');
  });

  it('a non-working registration counts the fraction from the next working day’s first period', () => {
    expect(due(at(2026, 11, 21, 10), workingDays(0.5))).toBe('2026-11-23 12:00');
    // Holiday, then the make-up Saturday: Thu 8 Oct 00:00 + 1 day = Fri 9 Oct 00:00, then 4 h.
    expect(due(at(2026, 10, 2, 10), workingDays(1.5))).toBe('2026-10-09 12:00');
  });

  it('takes the share of the periods in force, not of a fixed 8 hours', () => {
    const short: WorkPeriods = { periods: [{ start: '09:00', end: '15:00' }] };
    // Half of a 6-hour day is 3 hours.
    expect(due(at(2026, 11, 18, 10), workingDays(0.5), short)).toBe('2026-11-18 13:00');
  });
});
