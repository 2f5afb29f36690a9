/**
 * The "3个1" clocks (三个一): accept in 1 minute, on site in 1 hour, done in 1 day, with the
 * per-category and per-urgency overrides and the city's own deadline above them all.
 */
import type { WorkCalendar } from './calendar';
import { addLimit } from './limits/add-limit';
import type { Limit } from './limits/limit';
import { DEFAULT_WORK_PERIODS, type WorkPeriods } from './limits/work-periods';
import { HOUR_MS, MINUTE_MS } from './time';

export interface ClockRules {
  acceptMinutes: number;
  onsiteMinutes: number;
  /** Resolution limit in natural hours, or… */
  resolveHours: number | null;
  /** …in working days (exactly one of the two is set). */
  resolveWorkingDays: number | null;
  /**
   * The limit in any of the four units (a row of the city's category standard). When set it
   * wins over the two fields above, which then only say what the lower layers had.
   */
  resolveLimit?: Limit | null;
}

export const DEFAULT_CLOCK_RULES: ClockRules = {
  acceptMinutes: 1,
  onsiteMinutes: 60,
  resolveHours: 24,
  resolveWorkingDays: null,
};

/** Later layers win: defaults ← category ← category+urgency override. */
export function mergeClockRules(
  ...layers: ReadonlyArray<Partial<ClockRules> | null | undefined>
): ClockRules {
  const rules: ClockRules = { ...DEFAULT_CLOCK_RULES };
  for (const layer of layers) {
    if (!layer) continue;
    if (layer.acceptMinutes != null) rules.acceptMinutes = layer.acceptMinutes;
    if (layer.onsiteMinutes != null) rules.onsiteMinutes = layer.onsiteMinutes;
    // Within one layer a limit wins over its hours or days, which are left as they were.
    if (layer.resolveLimit != null) {
      rules.resolveLimit = layer.resolveLimit;
    } else if (layer.resolveWorkingDays != null) {
      // A layer that speaks in hours or days overrides a limit below it. The key goes rather
      // than becoming null, so rules without a limit look exactly as they did before limits.
      delete rules.resolveLimit;
      rules.resolveWorkingDays = layer.resolveWorkingDays;
      rules.resolveHours = null;
    } else if (layer.resolveHours != null) {
      delete rules.resolveLimit;
      rules.resolveHours = layer.resolveHours;
      rules.resolveWorkingDays = null;
    }
  }
  return rules;
}

export interface CityDeadline {
  /** 处置截止时间: an absolute deadline from the city. */
  dueAt?: number | null;
  /** 处置时限(小时): natural hours from registration. */
  deadlineHours?: number | null;
}

/** The limit the rules mean: their resolveLimit, else their working days or natural hours. */
export function limitOfRules(rules: ClockRules): Limit {
  if (rules.resolveLimit != null) return rules.resolveLimit;
  if (rules.resolveWorkingDays != null)
    return { value: rules.resolveWorkingDays, unit: 'working_days' };
  return { value: rules.resolveHours ?? 24, unit: 'natural_hours' };
}

/**
 * The base resolution deadline, before extensions and suspension. `periods` are the work
 * periods in force at registration (periodsAt), used only by a limit in working hours.
 */
export function resolutionDueAt(
  registeredAt: number,
  rules: ClockRules,
  calendar: WorkCalendar,
  city: CityDeadline = {},
  periods: WorkPeriods = DEFAULT_WORK_PERIODS,
): number {
  if (city.dueAt != null) return city.dueAt;
  if (city.deadlineHours != null) return registeredAt + city.deadlineHours * HOUR_MS;
  if (rules.resolveLimit != null)
    return addLimit(registeredAt, rules.resolveLimit, calendar, periods);
  if (rules.resolveWorkingDays != null)
    return calendar.addWorkingDays(registeredAt, rules.resolveWorkingDays);
  return registeredAt + (rules.resolveHours ?? 24) * HOUR_MS;
}

export function acceptDueAt(reportedAt: number, rules: ClockRules): number {
  return reportedAt + rules.acceptMinutes * MINUTE_MS;
}

export function onsiteDueAt(dispatchedAt: number, rules: ClockRules): number {
  return dispatchedAt + rules.onsiteMinutes * MINUTE_MS;
}

/**
 * The effective deadline: the latest approved extension's (or the base), shifted by the
 * time the case spent suspended (挂账), since its clocks stop meanwhile.
 *
 * This pauses every limit unit alike (DOMAIN.md: "Suspension pauses every unit"): the pause
 * is the wall-clock time suspended, added to the deadline, whether the limit was natural
 * hours, natural days, working days or working hours. It is not recounted in working time.
 */
export function effectiveDueAt(
  baseDueAt: number,
  latestExtensionDueAt: number | null,
  suspendedMs: number,
): number {
  return (latestExtensionDueAt ?? baseDueAt) + suspendedMs;
}

export type ClockState = 'normal' | 'near_due' | 'overdue' | 'paused';

/** Near due is the last 20% of the window (docs/design/DOMAIN.md). */
export const NEAR_DUE_FRACTION = 0.2;

export function clockState(
  now: number,
  dueAt: number,
  windowMs: number,
  suspended: boolean,
): ClockState {
  if (suspended) return 'paused';
  if (now > dueAt) return 'overdue';
  if (dueAt - now <= windowMs * NEAR_DUE_FRACTION) return 'near_due';
  return 'normal';
}
