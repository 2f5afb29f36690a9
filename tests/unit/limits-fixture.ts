/**
 * The calendar the limit tests count on, spelled out so each test's days can be checked by
 * eye: 2026's Mid-Autumn (25–27 Sep) and National Day (1–7 Oct) holidays and their make-up
 * working days, Sunday 20 Sep and Saturday 10 Oct (调休). Every other day follows the week.
 */
import { WorkCalendar } from '../../core/calendar';
import { formatDateTime, fromWallClock } from '../../core/time';

const holidays = ['2026-09-25', '2026-09-26', '2026-09-27'];
for (let d = 1; d <= 7; d++) holidays.push(`2026-10-0${d}`);

export const calendar = new WorkCalendar([
  ...holidays.map((day) => ({ day, kind: 'holiday' as const })),
  { day: '2026-09-20', kind: 'workday' },
  { day: '2026-10-10', kind: 'workday' },
]);

/** Shanghai wall-clock time, as the domain speaks of it. */
export const at = (y: number, m: number, d: number, h = 0, min = 0, s = 0) =>
  fromWallClock(y, m, d, h, min, s);

/** "2026-10-10 11:30": failures read as the wall clock, not as epoch numbers. */
export const wall = formatDateTime;
