/**
 * 党建引领's figures for a month or week (issue 14), per community or per unit, with the
 * street's totals. A past period is measured at its end; the current one now.
 */
import type { PartyFigures } from '../contract';
import type { ApiContext } from '../context';
import { UserError } from '../errors';
import { parsePeriodKey, periodLabelZh, type Period } from '../../core/ranking/periods';
import { dayString } from '../../core/time';
import type { Db } from '../../db/open';
import { readPartyFigures, type PartyFigureRow } from '../../db/queries/party-figures';

const SUMMED = [
  'membersReported',
  'membersActive',
  'serviceHours',
  'projectsPlanned',
  'projectsDone',
  'projectsOverdue',
  'budgetFen',
  'spentFen',
  'wishesPublished',
  'wishesClaimed',
  'wishesFulfilled',
  'wishesOverdue',
  'activities',
  'volunteerHours',
  'participants',
  'partyParticipants',
] as const satisfies readonly (keyof PartyFigureRow)[];

/** The bound days and instants of a period's figures, measured at `asOf` (its end, or now). */
export function partyPeriodBounds(period: Period, now: number) {
  const asOf = Math.min(now, period.end);
  return {
    firstDay: dayString(period.start),
    lastDay: dayString(period.end - 1),
    start: period.start,
    end: period.end,
    asOf,
    asOfDay: dayString(asOf),
  };
}

export function computePartyFigures(
  db: Db,
  period: Period,
  level: 'community' | 'unit',
  now: number,
): PartyFigures {
  const bounds = partyPeriodBounds(period, now);
  const rows = readPartyFigures(db, level, bounds);
  const totals = Object.fromEntries(
    SUMMED.map((key) => [key, rows.reduce((sum, row) => sum + row[key], 0)]),
  ) as Record<(typeof SUMMED)[number], number>;
  return {
    period: period.key,
    label: periodLabelZh(period),
    level,
    asOf: bounds.asOf,
    rows,
    totals,
  };
}

export function partyFigures(
  context: ApiContext,
  input: { period: string; level: 'community' | 'unit' },
): PartyFigures {
  const period = parsePeriodKey(input.period);
  if (!period)
    throw new UserError(
      'party_period',
      { zh: `「${input.period}」不是月份或周。`, en: `"${input.period}" is not a month or week.` },
      'period',
    );
  return computePartyFigures(context.db, period, input.level, context.now());
}
