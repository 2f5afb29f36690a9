import {
  calendarYears,
  deleteCalendarDay,
  listCalendarDays,
  upsertCalendarDay,
} from '../../db/queries/calendar';
import { recordAudit } from '../../db/queries/users';
import { DEFAULT_WORK_PERIODS, periodsAt } from '../../core/limits/work-periods';
import { loadWorkPeriodVersions, saveWorkPeriods } from '../../db/queries/work-periods';
import type { ApiContext } from '../context';
import { UserError } from '../errors';
import type { FeatureHandlers } from './types';

function yearView(context: ApiContext, year: number) {
  return { year, days: listCalendarDays(context.db, year), years: calendarYears(context.db) };
}

function workPeriodsView(context: ApiContext) {
  const versions = loadWorkPeriodVersions(context.db);
  return {
    inForce: { periods: periodsAt(versions, context.now()).periods },
    versions,
    defaults: DEFAULT_WORK_PERIODS,
  };
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

  'calendar.workPeriods.get': (context) => workPeriodsView(context),

  /** A new version from validFrom (today or later); the versions before it stay as they were. */
  'calendar.workPeriods.save': (context, input) => {
    const now = context.now();
    const saved = saveWorkPeriods(context.db, input, context.actor.name, now);
    if (!saved.ok) {
      throw new UserError(
        saved.where === 'validFrom' ? 'work_periods_past' : 'work_periods_invalid',
        {
          zh: saved.problems.map((p) => p.zh).join(''),
          en: saved.problems.map((p) => p.en).join(' '),
        },
        saved.where,
      );
    }
    context.live.publish({ type: 'data.changed', at: now });
    return workPeriodsView(context);
  },
} satisfies FeatureHandlers<
  | 'calendar.list'
  | 'calendar.setDay'
  | 'calendar.removeDay'
  | 'calendar.workPeriods.get'
  | 'calendar.workPeriods.save'
>;
