import {
  calendarYears,
  deleteCalendarDay,
  listCalendarDays,
  upsertCalendarDay,
} from '../../db/queries/calendar';
import { recordAudit } from '../../db/queries/users';
import type { ApiContext } from '../context';
import { UserError } from '../errors';
import type { FeatureHandlers } from './types';

function yearView(context: ApiContext, year: number) {
  return { year, days: listCalendarDays(context.db, year), years: calendarYears(context.db) };
}

/**
 * Deadlines already computed keep their time: a calendar edit applies to registrations
 * from now on (a case's deadline does not move under the unit handling it).
 */
export const calendarHandlers = {
  'calendar.list': (context, input) => yearView(context, input.year),

  'calendar.setDay': (context, input) => {
    const weekday = new Date(`${input.day}T00:00:00Z`).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    if (input.kind === 'workday' && !weekend) {
      throw new UserError(
        'workday_on_weekday',
        {
          zh: `${input.day} 是工作日，本来就上班；调休上班日只用于周末。`,
          en: `${input.day} is a weekday and a working day anyway; make-up working days are for weekends.`,
        },
        'kind',
      );
    }
    const now = context.now();
    context.db.transaction(() => {
      upsertCalendarDay(context.db, {
        day: input.day,
        kind: input.kind,
        name: input.name,
        source: 'admin',
      });
      recordAudit(context.db, now, context.actor.name, 'calendar.setDay', input);
    })();
    context.live.publish({ type: 'data.changed', at: now });
    return yearView(context, Number(input.day.slice(0, 4)));
  },

  'calendar.removeDay': (context, input) => {
    const now = context.now();
    const removed = context.db.transaction(() => {
      const done = deleteCalendarDay(context.db, input.day);
      if (done) recordAudit(context.db, now, context.actor.name, 'calendar.removeDay', input);
      return done;
    })();
    if (!removed) {
      throw new UserError(
        'no_such_day',
        {
          zh: `${input.day} 不在日历的例外中。`,
          en: `${input.day} is not in the calendar's exceptions.`,
        },
        'day',
      );
    }
    context.live.publish({ type: 'data.changed', at: now });
    return yearView(context, Number(input.day.slice(0, 4)));
  },
} satisfies FeatureHandlers<'calendar.list' | 'calendar.setDay' | 'calendar.removeDay'>;
