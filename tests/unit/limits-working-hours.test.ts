/**
 * core/limits/add-limit: working hours (N小时, N工作时) inside the work periods (08:00–12:00,
 * 14:00–18:00 by default) of working days, every boundary DOMAIN.md's rule has.
 */
import { describe, expect, it } from 'vitest';
import { addLimit } from '../../core/limits/add-limit';
import { DEFAULT_WORK_PERIODS, type WorkPeriods } from '../../core/limits/work-periods';
import { MINUTE_MS, startOfDay } from '../../core/time';
import { at, calendar, wall } from './limits-fixture';

/** The deadline of `hours` working hours from `from`, as a wall-clock string. */
const due = (from: number, hours: number, periods: WorkPeriods = DEFAULT_WORK_PERIODS) =>
  wall(addLimit(from, { value: hours, unit: 'working_hours' }, calendar, periods));

// Wednesday 18 Nov 2026: an ordinary working day in an ordinary week.
describe('working hours on an ordinary working day', () => {
  it('registered before the first period counts from 08:00', () => {
    expect(due(at(2026, 11, 18, 7), 2)).toBe('2026-11-18 10:00');
    expect(due(at(2026, 11, 18, 0, 0), 1)).toBe('2026-11-18 09:00');
  });

  it('registered inside a period counts from registration, across lunch', () => {
    expect(due(at(2026, 11, 18, 9, 30), 2)).toBe('2026-11-18 11:30');
    // 2.5 h before lunch, 1.5 h after.
    expect(due(at(2026, 11, 18, 9, 30), 4)).toBe('2026-11-18 15:30');
    expect(due(at(2026, 11, 18, 15), 2)).toBe('2026-11-18 17:00');
  });

  it('registered exactly at a period start counts from that moment', () => {
    expect(due(at(2026, 11, 18, 8), 4)).toBe('2026-11-18 12:00');
    expect(due(at(2026, 11, 18, 14), 1)).toBe('2026-11-18 15:00');
  });

  it('a deadline landing exactly on a period end is that moment (12:00, not 14:00)', () => {
    expect(
      addLimit(
        at(2026, 11, 18, 10),
        { value: 2, unit: 'working_hours' },
        calendar,
        DEFAULT_WORK_PERIODS,
      ),
    ).toBe(at(2026, 11, 18, 12));
    // And 18:00 stays 18:00, not next morning's 08:00.
    expect(due(at(2026, 11, 18, 14), 4)).toBe('2026-11-18 18:00');
    expect(due(at(2026, 11, 18, 7), 8)).toBe('2026-11-18 18:00');
  });

  it('registered exactly at a period end counts from the next period', () => {
    expect(due(at(2026, 11, 18, 12), 1)).toBe('2026-11-18 15:00');
    expect(due(at(2026, 11, 18, 18), 1)).toBe('2026-11-19 09:00');
  });

  it('registered at lunch counts from 14:00', () => {
    expect(due(at(2026, 11, 18, 12, 30), 1)).toBe('2026-11-18 15:00');
    expect(due(at(2026, 11, 18, 12, 30), 4)).toBe('2026-11-18 18:00');
    expect(due(at(2026, 11, 18, 13, 59), 5)).toBe('2026-11-19 09:00');
  });

  it('registered in the evening counts from 08:00 of the next working day', () => {
    expect(due(at(2026, 11, 18, 19), 1)).toBe('2026-11-19 09:00');
    expect(due(at(2026, 11, 18, 23, 59), 4)).toBe('2026-11-19 12:00');
  });

  it('keeps seconds and fractions of an hour exact', () => {
    const from = at(2026, 11, 18, 9, 0, 30);
    expect(
      addLimit(from, { value: 1, unit: 'working_hours' }, calendar, DEFAULT_WORK_PERIODS),
    ).toBe(at(2026, 11, 18, 10, 0, 30));
    expect(due(at(2026, 11, 18, 11), 1.5)).toBe('2026-11-18 14:30');
    expect(due(at(2026, 11, 18, 17, 45), 0.5)).toBe('2026-11-19 08:15');
  });
});

describe('working hours over weekends, holidays and 调休', () => {
  it('a Saturday registration counts from Monday 08:00', () => {
    expect(due(at(2026, 11, 21, 10), 4)).toBe('2026-11-23 12:00');
    expect(due(at(2026, 11, 22, 23), 1)).toBe('2026-11-23 09:00');
  });

  it('a Friday afternoon carries over the weekend', () => {
    expect(due(at(2026, 11, 20, 17), 2)).toBe('2026-11-23 09:00');
  });

  it('a holiday registration counts from the first working day after it', () => {
    // National Day: Thu 1 – Wed 7 Oct 2026 are off; Thu 8 Oct is the next working day.
    expect(due(at(2026, 10, 1, 10), 4)).toBe('2026-10-08 12:00');
    expect(due(at(2026, 10, 7, 16), 1)).toBe('2026-10-08 09:00');
  });

  it('counts a make-up Saturday (调休) as a working day and skips the Sunday after it', () => {
    expect(due(at(2026, 10, 10, 9), 4)).toBe('2026-10-10 15:00');
    expect(due(at(2026, 10, 10, 17), 2)).toBe('2026-10-12 09:00');
    // The make-up Sunday of 20 Sep 2026.
    expect(due(at(2026, 9, 19, 10), 1)).toBe('2026-09-20 09:00');
  });

  it("follows DOMAIN.md's example: Fri 9 Oct 2026 17:30 + 4 working hours → Sat 10 Oct 11:30", () => {
    // 0.5 h on Friday, then 3.5 h from 08:00 on the make-up Saturday.
    expect(
      addLimit(
        at(2026, 10, 9, 17, 30),
        { value: 4, unit: 'working_hours' },
        calendar,
        DEFAULT_WORK_PERIODS,
      ),
    ).toBe(at(2026, 10, 10, 11, 30));
  });

  it('spans several days and a holiday', () => {
    // Wed 30 Sep 16:00: 2 h, then 1–7 Oct off, Thu 8 Oct 8 h, Fri 9 Oct 8 h, Sat 10 Oct 2 h.
    expect(due(at(2026, 9, 30, 16), 20)).toBe('2026-10-10 10:00');
    // Thu 24 Sep 17:00: 1 h, then Mid-Autumn 25–27 Sep off, Mon 28 Sep 08:00 + 7 h.
    expect(due(at(2026, 9, 24, 17), 8)).toBe('2026-09-28 17:00');
    // Whole days skipped in one step: 00:00 + 9 h is 8 h on the day and 1 h the next.
    expect(due(at(2026, 11, 18, 0), 9)).toBe('2026-11-19 09:00');
    expect(due(at(2026, 11, 18, 8), 40)).toBe('2026-11-24 18:00');
  });
});

describe('custom work periods', () => {
  const oneShift: WorkPeriods = { periods: [{ start: '09:00', end: '17:00' }] };

  it('a single 09:00–17:00 period counts through lunch and ends at 17:00', () => {
    expect(due(at(2026, 11, 18, 12, 30), 1, oneShift)).toBe('2026-11-18 13:30');
    expect(due(at(2026, 11, 18, 16), 2, oneShift)).toBe('2026-11-19 10:00');
    expect(due(at(2026, 11, 18, 8), 8, oneShift)).toBe('2026-11-18 17:00');
    expect(due(at(2026, 11, 18, 17), 1, oneShift)).toBe('2026-11-19 10:00');
  });

  it('a round-the-clock period still keeps weekends and holidays off', () => {
    const allDay: WorkPeriods = { periods: [{ start: '00:00', end: '24:00' }] };
    expect(due(at(2026, 11, 18, 23), 2, allDay)).toBe('2026-11-19 01:00');
    expect(due(at(2026, 11, 20, 23), 2, allDay)).toBe('2026-11-23 01:00');
  });

  it('three periods, two of them touching', () => {
    const shifts: WorkPeriods = {
      periods: [
        { start: '08:00', end: '11:30' },
        { start: '11:30', end: '12:00' },
        { start: '13:00', end: '17:00' },
      ],
    };
    // 11:00–11:30 and 11:30–12:00 run on as one hour; the half hour after is from 13:00.
    expect(due(at(2026, 11, 18, 11), 1, shifts)).toBe('2026-11-18 12:00');
    expect(due(at(2026, 11, 18, 11), 1.5, shifts)).toBe('2026-11-18 13:30');
    expect(due(at(2026, 11, 18, 11), 0.5, shifts)).toBe('2026-11-18 11:30');
  });

  it('refuses periods it could never count in', () => {
    const from = at(2026, 11, 18, 9);
    const limit = { value: 1, unit: 'working_hours' } as const;
    expect(() => addLimit(from, limit, calendar, { periods: [] })).toThrow(RangeError);
    expect(() =>
      addLimit(from, limit, calendar, { periods: [{ start: '12:00', end: '08:00' }] }),
    ).toThrow(/12:00–08:00/);
  });
});

/**
 * The rule counted the slow way, minute by minute: the deadline is the end of the N-th
 * minute that lies inside a work period of a working day.
 */
function minuteByMinute(from: number, minutes: number): number {
  let t = from;
  let counted = 0;
  while (counted < minutes) {
    const minuteOfDay = (t - startOfDay(t)) / MINUTE_MS;
    const inside =
      (minuteOfDay >= 480 && minuteOfDay < 720) || (minuteOfDay >= 840 && minuteOfDay < 1080);
    if (inside && calendar.isWorkingDay(t)) counted += 1;
    t += MINUTE_MS;
  }
  return t;
}

describe('working hours against a minute-by-minute count', () => {
  it('agrees on 300 registrations around the 2026 autumn holidays', () => {
    let seed = 12;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const start = at(2026, 9, 15);
    for (let i = 0; i < 300; i++) {
      // Minute-aligned registrations over five weeks, with 15-minute boundary-heavy times.
      const from = start + Math.floor(random() * 35 * 96) * 15 * MINUTE_MS;
      const halfHours = 1 + Math.floor(random() * 40);
      const got = addLimit(
        from,
        { value: halfHours / 2, unit: 'working_hours' },
        calendar,
        DEFAULT_WORK_PERIODS,
      );
      expect(wall(got), `${wall(from)} + ${halfHours / 2} h`).toBe(
        wall(minuteByMinute(from, halfHours * 30)),
      );
    }
  });
});
