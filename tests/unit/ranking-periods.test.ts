import { describe, expect, it } from 'vitest';
import {
  isoWeekOf,
  isoWeeksInYear,
  parsePeriodKey,
  periodContaining,
  periodLabelZh,
  periodsEndingWith,
  shiftPeriod,
} from '../../core/ranking/periods';

// Shanghai wall clock → epoch ms (UTC+8, no daylight saving).
const sh = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0) =>
  Date.UTC(y, mo - 1, d, h - 8, mi, s, ms);

describe('months in Asia/Shanghai, half-open', () => {
  it('November 2026 starts at 00:00 on the 1st in Shanghai, which is 16:00 UTC on 31 October', () => {
    const nov = parsePeriodKey('2026-11')!;
    expect(nov.start).toBe(Date.UTC(2026, 9, 31, 16, 0));
    expect(nov.end).toBe(sh(2026, 12, 1));
    expect(nov.kind).toBe('month');
  });

  it('puts 00:10 on the 1st into the new month, and the last millisecond before into the old one', () => {
    expect(periodContaining('month', sh(2026, 11, 1, 0, 10)).key).toBe('2026-11');
    expect(periodContaining('month', sh(2026, 11, 1) - 1).key).toBe('2026-10');
    expect(periodContaining('month', sh(2026, 11, 1)).key).toBe('2026-11');
  });

  it('steps across year ends both ways', () => {
    expect(shiftPeriod(parsePeriodKey('2026-12')!, 1).key).toBe('2027-01');
    expect(shiftPeriod(parsePeriodKey('2026-01')!, -1).key).toBe('2025-12');
    expect(periodsEndingWith(parsePeriodKey('2026-10')!, 12).map((p) => p.key)).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
    ]);
  });

  it('labels months and weeks the way the bulletin heading says them', () => {
    expect(periodLabelZh(parsePeriodKey('2026-10')!)).toBe('2026年10月');
    expect(periodLabelZh(parsePeriodKey('2026-W07')!)).toBe('2026年第7周');
  });
});

describe('ISO weeks in Asia/Shanghai', () => {
  it('numbers weeks as ISO 8601 does (checked against Python isocalendar)', () => {
    expect(isoWeekOf(sh(2026, 11, 21, 12))).toEqual({ isoYear: 2026, week: 47 });
    expect(isoWeekOf(sh(2025, 12, 29))).toEqual({ isoYear: 2026, week: 1 });
    expect(isoWeekOf(sh(2027, 1, 3, 23, 59))).toEqual({ isoYear: 2026, week: 53 });
    expect(isoWeekOf(sh(2027, 1, 4))).toEqual({ isoYear: 2027, week: 1 });
    expect(isoWeeksInYear(2026)).toBe(53);
    expect(isoWeeksInYear(2027)).toBe(52);
  });

  it('starts a week on Monday 00:00 Shanghai time, not UTC', () => {
    const w47 = parsePeriodKey('2026-W47')!;
    expect(w47.start).toBe(sh(2026, 11, 16));
    expect(w47.end).toBe(sh(2026, 11, 23));
    // Monday 07:59 Shanghai is still Sunday in UTC: it belongs to the new week all the same.
    expect(periodContaining('week', sh(2026, 11, 23, 7, 59)).key).toBe('2026-W48');
    expect(periodContaining('week', sh(2026, 11, 23) - 1).key).toBe('2026-W47');
  });

  it('refuses malformed keys and weeks a year does not have', () => {
    expect(parsePeriodKey('2026-13')).toBeNull();
    expect(parsePeriodKey('2026-W00')).toBeNull();
    expect(parsePeriodKey('2027-W53')).toBeNull();
    expect(parsePeriodKey('2026-W53')!.start).toBe(sh(2026, 12, 28));
    expect(parsePeriodKey('26-10')).toBeNull();
  });

  it('steps weeks across the ISO year end', () => {
    expect(shiftPeriod(parsePeriodKey('2026-W53')!, 1).key).toBe('2027-W01');
    expect(shiftPeriod(parsePeriodKey('2026-W01')!, -1).key).toBe('2025-W52');
  });
});
