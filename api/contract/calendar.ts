/** The work calendar (工作日历): holidays and make-up working days (调休), edited by an admin. */
import { z } from 'zod';
import { method } from './define';
import type { CalendarDayRow } from '../../db/queries/calendar';
import type { WorkPeriods, WorkPeriodsVersion } from '../../core/limits/work-periods';

export interface CalendarYear {
  year: number;
  days: CalendarDayRow[];
  years: Array<{ year: number; days: number; provisional: number }>;
}

/**
 * The work periods (工作时段) working hours count inside: the ones in force now, every saved
 * version (oldest first; none means the defaults have always been in force) and the defaults.
 */
export interface WorkPeriodsView {
  inForce: WorkPeriods;
  versions: WorkPeriodsVersion[];
  defaults: WorkPeriods;
}

const time = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, '时间格式为 HH:MM (a time is HH:MM)');

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD (a day is YYYY-MM-DD)')
  .refine((value) => {
    const parsed = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
  }, '没有这一天 (no such day)');

export const calendarContract = {
  'calendar.list': method<CalendarYear>()(
    z.object({ year: z.number().int().min(2000).max(2100) }).strict(),
  ),
  'calendar.setDay': method<CalendarYear>()(
    z
      .object({ day, kind: z.enum(['holiday', 'workday']), name: z.string().trim().min(1).max(40) })
      .strict(),
  ),
  'calendar.removeDay': method<CalendarYear>()(z.object({ day }).strict()),
  'calendar.workPeriods.get': method<WorkPeriodsView>()(z.object({}).strict()),
  'calendar.workPeriods.save': method<WorkPeriodsView>()(
    z
      .object({
        periods: z
          .array(z.object({ start: time, end: time }).strict())
          .min(1)
          .max(4),
        validFrom: day,
      })
      .strict(),
  ),
};
