import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../core/calendar';
import { fromWallClock } from '../../core/time';
import { readReferenceCalendar } from '../../db/seed/reference';

const holidays = readReferenceCalendar(
  path.resolve(import.meta.dirname, '../../assets/reference/holidays.json'),
);
const calendar = new WorkCalendar(holidays);
/** Shanghai wall-clock time, as the domain speaks of it. */
const at = (y: number, m: number, d: number, h = 0, min = 0) => fromWallClock(y, m, d, h, min);

describe('the work calendar (工作日历)', () => {
  it('reads the reference holidays: ranges expanded, make-up days kept', () => {
    const day = (d: string) => holidays.find((h) => h.day === d);
    expect(day('2026-10-03')).toMatchObject({
      kind: 'holiday',
      name: '国庆节',
      source: 'official',
    });
    expect(day('2026-10-10')).toMatchObject({ kind: 'workday', source: 'official' });
    expect(day('2027-02-06')).toMatchObject({ kind: 'holiday', source: 'provisional' });
    expect(
      holidays.filter((h) => h.day.startsWith('2026-02') && h.kind === 'holiday'),
    ).toHaveLength(9);
  });

  it("follows DOMAIN.md's example: Wed 30 Sep 2026 10:00 + 3 working days → Sat 10 Oct 2026 10:00", () => {
    expect(calendar.addWorkingDays(at(2026, 9, 30, 10), 3)).toBe(at(2026, 10, 10, 10));
  });

  it('counts a registration on a non-working day from 00:00 of the next working day', () => {
    // Sunday 15 Nov 2026 15:30 counts as Monday 16 Nov 00:00.
    expect(calendar.addWorkingDays(at(2026, 11, 15, 15, 30), 1)).toBe(at(2026, 11, 17, 0));
    // Saturday 21 Nov 2026 (an ordinary weekend) + 2 → Wednesday 25 Nov 00:00.
    expect(calendar.addWorkingDays(at(2026, 11, 21, 9), 2)).toBe(at(2026, 11, 25, 0));
  });

  it('skips an ordinary weekend', () => {
    expect(calendar.addWorkingDays(at(2026, 11, 20, 16, 45), 1)).toBe(at(2026, 11, 23, 16, 45));
  });

  it('knows the 2026 Spring Festival span and its make-up Saturdays', () => {
    expect(calendar.isWorkingDay(at(2026, 2, 14, 12))).toBe(true); // Saturday, 调休
    for (let d = 15; d <= 23; d++) expect(calendar.isWorkingDay(at(2026, 2, d, 12))).toBe(false);
    expect(calendar.isWorkingDay(at(2026, 2, 24, 12))).toBe(true);
    expect(calendar.isWorkingDay(at(2026, 2, 28, 12))).toBe(true); // Saturday, 调休
    // Fri 13 Feb 09:00: +1 is the make-up Saturday, +2 jumps the whole holiday.
    expect(calendar.addWorkingDays(at(2026, 2, 13, 9), 1)).toBe(at(2026, 2, 14, 9));
    expect(calendar.addWorkingDays(at(2026, 2, 13, 9), 2)).toBe(at(2026, 2, 24, 9));
    // Registered on the holiday Monday: counts from Tue 24 Feb 00:00.
    expect(calendar.addWorkingDays(at(2026, 2, 16, 11), 1)).toBe(at(2026, 2, 25, 0));
  });

  it('knows the 2025 National Day holiday and its make-up days', () => {
    expect(calendar.isWorkingDay(at(2025, 9, 28, 10))).toBe(true); // Sunday, 调休
    for (let d = 1; d <= 8; d++) expect(calendar.isWorkingDay(at(2025, 10, d, 10))).toBe(false);
    expect(calendar.isWorkingDay(at(2025, 10, 11, 10))).toBe(true); // Saturday, 调休
    expect(calendar.addWorkingDays(at(2025, 9, 30, 16), 3)).toBe(at(2025, 10, 11, 16));
    expect(calendar.addWorkingDays(at(2025, 9, 28, 10), 1)).toBe(at(2025, 9, 29, 10));
  });

  it('uses the Shanghai day, not the UTC day, near midnight', () => {
    // 00:30 Shanghai on Monday 23 Nov 2026 is still Sunday in UTC.
    expect(calendar.isWorkingDay(at(2026, 11, 23, 0, 30))).toBe(true);
    expect(calendar.isWorkingDay(at(2026, 11, 22, 23, 30))).toBe(false);
  });
});
