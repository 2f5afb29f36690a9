/** core/limits/work-periods: checking an admin's edit, and the version in force at an instant. */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WORK_PERIODS,
  checkWorkPeriods,
  periodsAt,
  type WorkPeriodsVersion,
} from '../../core/limits/work-periods';
import { at } from './limits-fixture';

describe('checkWorkPeriods', () => {
  it('accepts the defaults, a single period, touching periods and a period to 24:00', () => {
    expect(checkWorkPeriods(DEFAULT_WORK_PERIODS)).toEqual([]);
    expect(checkWorkPeriods({ periods: [{ start: '09:00', end: '17:00' }] })).toEqual([]);
    expect(
      checkWorkPeriods({
        periods: [
          { start: '08:00', end: '12:00' },
          { start: '12:00', end: '24:00' },
        ],
      }),
    ).toEqual([]);
  });

  it('needs at least one period', () => {
    expect(checkWorkPeriods({ periods: [] })).toEqual([
      {
        zh: '至少需要一个工作时段，否则工作时时限永远不会到期。',
        en: 'At least one work period is needed, or a limit in working hours would never end.',
      },
    ]);
  });

  it('says which period starts after it ends', () => {
    expect(checkWorkPeriods({ periods: [{ start: '18:00', end: '14:00' }] })).toEqual([
      {
        zh: '第 1 个工作时段「18:00–14:00」的开始时间应早于结束时间。',
        en: 'Work period 1 "18:00–14:00" must start before it ends.',
      },
    ]);
    expect(checkWorkPeriods({ periods: [{ start: '08:00', end: '08:00' }] })).toHaveLength(1);
  });

  it('says which period overlaps or comes out of order', () => {
    const overlap = checkWorkPeriods({
      periods: [
        { start: '08:00', end: '12:30' },
        { start: '12:00', end: '18:00' },
      ],
    });
    expect(overlap).toEqual([
      {
        zh: '第 2 个工作时段「12:00–18:00」应在上一个时段「08:00–12:30」结束之后开始。',
        en: 'Work period 2 "12:00–18:00" must start after the previous one, "08:00–12:30", ends.',
      },
    ]);
    const outOfOrder = checkWorkPeriods({
      periods: [
        { start: '14:00', end: '18:00' },
        { start: '08:00', end: '12:00' },
      ],
    });
    expect(outOfOrder).toHaveLength(1);
  });

  it('needs HH:MM times', () => {
    for (const [start, end] of [
      ['8:00', '12:00'],
      ['08:00', '12:60'],
      ['08:00', '24:30'],
      ['24:00', '24:00'],
      ['08h00', '12:00'],
    ] as const) {
      const problems = checkWorkPeriods({ periods: [{ start, end }] });
      expect(problems, `${start}–${end}`).toHaveLength(1);
      expect(problems[0]?.zh).toContain('HH:MM');
    }
  });
});

describe('periodsAt: the version in force', () => {
  const morningOnly: WorkPeriodsVersion = {
    version: 2,
    validFrom: '2026-11-01',
    periods: [{ start: '08:00', end: '12:00' }],
  };
  const oneShift: WorkPeriodsVersion = {
    version: 3,
    validFrom: '2027-01-01',
    periods: [{ start: '09:00', end: '17:00' }],
  };
  const sameDayFix: WorkPeriodsVersion = {
    version: 4,
    validFrom: '2027-01-01',
    periods: [{ start: '09:00', end: '17:30' }],
  };

  it('is the defaults before the first version, and with none', () => {
    expect(periodsAt([], at(2026, 11, 18, 10))).toBe(DEFAULT_WORK_PERIODS);
    expect(periodsAt([morningOnly], at(2026, 10, 31, 23, 59))).toBe(DEFAULT_WORK_PERIODS);
  });

  it('takes the latest version valid on the Shanghai day, in any order', () => {
    expect(periodsAt([oneShift, morningOnly], at(2026, 11, 1, 0))).toBe(morningOnly);
    expect(periodsAt([oneShift, morningOnly], at(2026, 12, 31, 23, 59))).toBe(morningOnly);
    // 00:30 on 1 Jan 2027 in Shanghai is still 31 Dec in UTC.
    expect(periodsAt([oneShift, morningOnly], at(2027, 1, 1, 0, 30))).toBe(oneShift);
  });

  it('prefers the higher version when two start the same day', () => {
    expect(periodsAt([sameDayFix, oneShift, morningOnly], at(2027, 3, 1, 9))).toBe(sameDayFix);
    expect(periodsAt([oneShift, sameDayFix], at(2027, 3, 1, 9))).toBe(sameDayFix);
  });
});
