/**
 * The demo street's case load: about 2,300 cases over the 90 days before `now`, more on
 * working days and in office hours, each with a history cut off at `now`, so the desk opens
 * on a believable morning: most old cases closed, today's spread over the open states, a few
 * overdue, some near due.
 */
import type { WorkCalendar } from '../calendar';
import type { ClockRules } from '../clocks';
import { MOVE_TO } from '../cases/moves';
import type { UnitFacts } from '../cases/move-checks';
import { CATEGORY_KIND_LETTER, type CaseState, type Urgency } from '../glossary';
import { DEFAULT_WORK_PERIODS } from '../limits/work-periods';
import { DAY_MS, HOUR_MS, dayString, startOfDay } from '../time';
import { CasePlanner, type CasePlanContext } from './case-plan';
import { replayCase, type DemoCase } from './case-replay';
import {
  buildTimeline,
  type DemoMove,
  type TimelineContext,
  type TimelineEvent,
} from './case-timeline';
import type { SeededRandom } from './random';

interface DemoCaseContext extends CasePlanContext, Omit<TimelineContext, 'now'> {
  now: number;
  calendar: WorkCalendar;
  clockRules(categoryCode: string, urgency: Urgency, standardId?: number | null): ClockRules;
  /** The demo street's units as the workflow's unit checks see them (units table). */
  unit(code: string): UnitFacts | null;
}

const DEMO_DAYS = 90;
const TARGET_CASES = 2300;

/** Reports per hour of the Shanghai day: quiet nights, morning and afternoon peaks. */
// prettier-ignore
const HOUR_WEIGHTS = [
  0.2, 0.12, 0.1, 0.1, 0.15, 0.3, 0.8, 1.6, 2.6, 3.0, 3.0, 2.6,
  1.8, 1.7, 2.4, 2.8, 2.7, 2.3, 1.6, 1.3, 1.1, 0.9, 0.6, 0.35,
];

export function generateDemoCases(context: DemoCaseContext, random: SeededRandom): DemoCase[] {
  const { now } = context;
  const reportTimes = spreadReports(random.derive('report-times'), now, context.calendar);
  const planner = new CasePlanner(context);
  const planRandom = random.derive('plans');
  const standardRandom = random.derive('standards');
  const plans = reportTimes.map((at) => planner.plan(planRandom, at, standardRandom));
  const timelines = plans.map((plan, i) =>
    buildTimeline(plan, random.derive(`case:${i}`), context),
  );

  // What has happened by now; a few of the newest cases are held earlier on purpose.
  const happened = timelines.map((events) => events.filter((e) => e.at <= now));
  holdNewestCases(happened);
  ensureOpenStatesPresent(happened);

  // The demo's own ids for the desk users, in the order the seed writes them.
  const userIds = new Map(context.users.all.map((user, i) => [user.username, i + 1]));
  const userId = (username: string) => userIds.get(username) ?? null;
  const serialByDay = new Map<string, number>();
  return plans.map((plan, i) => {
    const day = dayString(plan.reportedAt).replaceAll('-', '');
    const serial = (serialByDay.get(day) ?? 0) + 1;
    serialByDay.set(day, serial);
    const code = plan.category.code;
    const caseNo = `${CATEGORY_KIND_LETTER[plan.category.kind]}${code.slice(1, 5)}${day}${String(serial).padStart(5, '0')}`;
    // The registration counts working hours in the periods in force at its time.
    const registeredAt = happened[i]!.find((e) => e.move.kind === 'register')?.at;
    const deps = {
      rules: context.clockRules(code, plan.urgency, plan.standardId),
      calendar: context.calendar,
      periods:
        registeredAt === undefined || !context.periodsAt
          ? DEFAULT_WORK_PERIODS
          : context.periodsAt(registeredAt),
      unit: context.unit,
      userId,
    };
    return replayCase(caseNo, plan, happened[i]!, deps);
  });
}

/**
 * The report times, oldest first: the day totals follow working days (a holiday or weekend
 * is quieter) with some noise and a slight rise towards today, scaled to the target; today
 * counts only the part of its day before `now`.
 */
function spreadReports(random: SeededRandom, now: number, calendar: WorkCalendar): number[] {
  const today = startOfDay(now);
  const hourTotal = HOUR_WEIGHTS.reduce((a, b) => a + b, 0);
  const days: Array<{ start: number; weight: number }> = [];
  for (let back = DEMO_DAYS - 1; back >= 0; back--) {
    const start = today - back * DAY_MS;
    const working = calendar.isWorkingDay(start);
    let weight = (working ? 1 : 0.7) * Math.max(0.5, random.normalish(1, 0.12));
    weight *= 0.92 + 0.16 * (1 - back / DEMO_DAYS);
    if (back === 0) weight *= elapsedHourWeight(now - start) / hourTotal;
    days.push({ start, weight });
  }
  const target = TARGET_CASES + random.int(-40, 40);
  const counts = largestRemainder(
    days.map((d) => d.weight),
    target,
  );
  const times: number[] = [];
  days.forEach((day, i) => {
    const limit = Math.min(day.start + DAY_MS, now);
    for (let n = 0; n < counts[i]!; n++) times.push(timeInDay(random, day.start, limit));
  });
  return times.sort((a, b) => a - b);
}

/** The hour weights summed over the first `elapsedMs` of a day. */
function elapsedHourWeight(elapsedMs: number): number {
  let total = 0;
  HOUR_WEIGHTS.forEach((weight, hour) => {
    const inHour = Math.min(Math.max(elapsedMs - hour * HOUR_MS, 0), HOUR_MS);
    total += (weight * inHour) / HOUR_MS;
  });
  return total;
}

function timeInDay(random: SeededRandom, dayStart: number, limit: number): number {
  const hours = HOUR_WEIGHTS.map((weight, hour) => [hour, weight] as const).filter(
    ([hour]) => dayStart + hour * HOUR_MS < limit,
  );
  const hour = random.weighted(hours);
  const from = dayStart + hour * HOUR_MS;
  const to = Math.min(from + HOUR_MS, limit);
  return Math.floor(random.between(from, to) / 1000) * 1000;
}

/** Integer counts proportional to `weights` that sum exactly to `total`. */
function largestRemainder(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const counts = exact.map(Math.floor);
  let missing = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((x, i) => [i, x - Math.floor(x)] as const)
    .sort((a, b) => b[1] - a[1]);
  for (const [i] of byRemainder) {
    if (missing-- <= 0) break;
    counts[i]! += 1;
  }
  return counts;
}

/**
 * The desk always has something waiting: the two newest reports wait for acceptance
 * (待受理), the next two wait for dispatch (已立案), and the next two for their unit to sign
 * (已派遣). A case that has not got that far yet is left as it is.
 */
function holdNewestCases(happened: TimelineEvent[][]): void {
  const holds: Array<DemoMove['kind']> = [
    'report',
    'report',
    'register',
    'register',
    'dispatch',
    'dispatch',
  ];
  for (let i = happened.length - 1; i >= 0 && holds.length > 0; i--) {
    const events = happened[i]!;
    if (events.some((e) => e.move.kind === 'void')) continue;
    const held = holdAfter(events, holds[0]!);
    if (!held) continue;
    happened[i] = held;
    holds.shift();
  }
}

/**
 * Every open state should be on the demo desk. The natural flow almost always gives each;
 * should one be missing (a desk opened at 4 a.m., say), hold the newest case that has
 * reached it there: its later events simply have not happened yet.
 */
function ensureOpenStatesPresent(happened: TimelineEvent[][]): void {
  const entering: ReadonlyArray<readonly [CaseState, DemoMove['kind']]> = [
    ['dispatched', 'dispatch'],
    ['in_progress', 'sign'],
    ['handled', 'handle'],
  ];
  for (const [state, kind] of entering) {
    if (happened.some((events) => currentState(events) === state)) continue;
    for (let i = happened.length - 1; i >= 0; i--) {
      const events = happened[i]!;
      // The newest cases held at report or register stay as they are.
      const pastRegistration = !['reported', 'registered'].includes(currentState(events));
      const held = pastRegistration ? holdAfter(events, kind) : null;
      if (held && currentState(held) === state) {
        happened[i] = held;
        break;
      }
    }
  }
}

/** The history up to and including the last event of `kind`, or null without one. */
function holdAfter(
  events: readonly TimelineEvent[],
  kind: DemoMove['kind'],
): TimelineEvent[] | null {
  for (let i = events.length - 1; i >= 0; i--) {
    if (events[i]!.move.kind === kind) return events.slice(0, i + 1);
  }
  return null;
}

/**
 * Where a history leads, before it is replayed: only to choose which cases to hold. The
 * moves' own targets (MOVE_TO); resume goes back to the state the case left.
 */
function currentState(events: readonly TimelineEvent[]): CaseState {
  let state: CaseState = 'reported';
  let beforeSuspend: CaseState = 'reported';
  for (const { move } of events) {
    if (move.kind === 'report') continue;
    if (move.kind === 'suspend') beforeSuspend = state;
    state = move.kind === 'resume' ? beforeSuspend : (MOVE_TO[move.kind] ?? state);
  }
  return state;
}
