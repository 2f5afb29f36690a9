/**
 * core/clocks with limits: a category-standard limit (resolveLimit) layered into the clock
 * rules and counted by resolutionDueAt; suspension pausing every unit.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CLOCK_RULES,
  effectiveDueAt,
  limitOfRules,
  mergeClockRules,
  resolutionDueAt,
} from '../../core/clocks';
import type { Limit } from '../../core/limits/limit';
import { HOUR_MS } from '../../core/time';
import { at, calendar, wall } from './limits-fixture';

const fourWorkingHours: Limit = { value: 4, unit: 'working_hours' };

describe('merging a limit into the clock rules', () => {
  it('leaves rules without a limit exactly as before', () => {
    expect('resolveLimit' in mergeClockRules()).toBe(false);
    expect('resolveLimit' in mergeClockRules({ resolveWorkingDays: 3 })).toBe(false);
  });

  it('a layer with a limit sets it; a later layer in hours or days clears it', () => {
    const standard = { resolveLimit: fourWorkingHours };
    expect(mergeClockRules({ resolveWorkingDays: 3 }, standard)).toEqual({
      acceptMinutes: 1,
      onsiteMinutes: 60,
      resolveHours: null,
      resolveWorkingDays: 3,
      resolveLimit: fourWorkingHours,
    });
    const urgent = mergeClockRules(standard, { resolveHours: 2 });
    expect('resolveLimit' in urgent).toBe(false);
    expect(urgent).toMatchObject({ resolveHours: 2, resolveWorkingDays: null });
    const slow = mergeClockRules(standard, { resolveWorkingDays: 5 });
    expect('resolveLimit' in slow).toBe(false);
    expect(slow).toMatchObject({ resolveHours: null, resolveWorkingDays: 5 });
  });

  it('a later limit replaces an earlier one; a layer without one keeps it', () => {
    const twoDays: Limit = { value: 2, unit: 'natural_days' };
    const rules = mergeClockRules(
      { resolveLimit: fourWorkingHours },
      { resolveLimit: twoDays },
      { acceptMinutes: 5, resolveLimit: null },
    );
    expect(rules.resolveLimit).toEqual(twoDays);
    expect(rules.acceptMinutes).toBe(5);
  });

  it('within one layer, the limit wins over its hours', () => {
    const rules = mergeClockRules({ resolveLimit: fourWorkingHours, resolveHours: 8 });
    expect(rules.resolveLimit).toEqual(fourWorkingHours);
    expect(rules.resolveHours).toBe(24);
  });
});

describe('limitOfRules', () => {
  it('says what the rules mean in limit units', () => {
    expect(limitOfRules(DEFAULT_CLOCK_RULES)).toEqual({ value: 24, unit: 'natural_hours' });
    expect(limitOfRules(mergeClockRules({ resolveWorkingDays: 3 }))).toEqual({
      value: 3,
      unit: 'working_days',
    });
    expect(limitOfRules(mergeClockRules({ resolveLimit: fourWorkingHours }))).toEqual(
      fourWorkingHours,
    );
  });
});

describe('resolutionDueAt with a limit', () => {
  const rules = mergeClockRules({ resolveWorkingDays: 3 }, { resolveLimit: fourWorkingHours });

  it("counts the limit, not the working days below it (DOMAIN.md's 17:30 example)", () => {
    expect(resolutionDueAt(at(2026, 10, 9, 17, 30), rules, calendar)).toBe(
      at(2026, 10, 10, 11, 30),
    );
  });

  it('counts in the work periods passed in', () => {
    const oneShift = { periods: [{ start: '09:00', end: '17:00' }] };
    expect(wall(resolutionDueAt(at(2026, 11, 18, 15), rules, calendar, {}, oneShift))).toBe(
      '2026-11-19 11:00',
    );
  });

  it("still lets the city's own deadline override the limit", () => {
    const from = at(2026, 11, 18, 10);
    expect(resolutionDueAt(from, rules, calendar, { dueAt: at(2026, 11, 30) })).toBe(
      at(2026, 11, 30),
    );
    expect(resolutionDueAt(from, rules, calendar, { deadlineHours: 48 })).toBe(from + 48 * HOUR_MS);
  });

  it('counts the same as before for rules in natural hours and working days', () => {
    const from = at(2026, 9, 30, 10);
    expect(resolutionDueAt(from, mergeClockRules({ resolveWorkingDays: 3 }), calendar)).toBe(
      at(2026, 10, 10, 10),
    );
    expect(resolutionDueAt(from, DEFAULT_CLOCK_RULES, calendar)).toBe(at(2026, 10, 1, 10));
  });
});

describe('suspension pauses every unit', () => {
  it('adds the wall-clock time suspended to a deadline in working hours too', () => {
    const rules = mergeClockRules({ resolveLimit: fourWorkingHours });
    const base = resolutionDueAt(at(2026, 10, 9, 17, 30), rules, calendar);
    // Suspended 3 hours: the deadline moves 3 wall-clock hours, 11:30 → 14:30.
    expect(wall(effectiveDueAt(base, null, 3 * HOUR_MS))).toBe('2026-10-10 14:30');
  });
});
