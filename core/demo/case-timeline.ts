/**
 * One demo case's whole history as it would unfold, with times: report, register,
 * dispatch, sign, handle, close and the side moves, each a move of the workflow as a desk
 * user would enter it (core/cases/moves.ts MoveInput). It may run past `now`; the caller
 * keeps only what has happened by then and replays it through planIntake/planMove
 * (case-replay.ts), which refuses any step the desk's rules would refuse.
 */
import type { WorkCalendar } from '../calendar';
import { resolutionDueAt, type ClockRules } from '../clocks';
import type { MoveInput } from '../cases/moves';
import type { Urgency } from '../glossary';
import { DEFAULT_WORK_PERIODS, type WorkPeriods } from '../limits/work-periods';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../time';
import type { CasePlan } from './case-plan';
import {
  EXTEND_REASONS,
  REWORK_NOTES,
  SUPERVISE_NOTES,
  SUSPEND_REASONS,
  VOID_REASONS,
} from './case-texts';
import { actorOf, operatorOnDuty, type DemoActor, type DemoDeskUsers } from './desk-people';
import { acceptDelay, dispatchDelay, onsiteDelay, spanFraction } from './case-pace';
import type { SeededRandom } from './random';

/** The report, which opens the case (planIntake), or one move of the workflow (planMove). */
export type DemoMove = { kind: 'report' } | MoveInput;

export interface TimelineEvent {
  at: number;
  actor: DemoActor;
  move: DemoMove;
}

export interface TimelineContext {
  now: number;
  calendar: WorkCalendar;
  /** The rules of the case's category, urgency and 立案条件 (its standard row, when it has one). */
  clockRules(categoryCode: string, urgency: Urgency, standardId?: number | null): ClockRules;
  /** The work periods in force at an instant; DEFAULT_WORK_PERIODS when not given. */
  periodsAt?(instant: number): WorkPeriods;
  users: DemoDeskUsers;
  unitName(code: string): string;
  /** Someone of the unit who signs for and handles the case (role 'handler', that unit). */
  handlerFor(random: SeededRandom, unitCode: string, plan: CasePlan): DemoActor;
  /** Who reported the case, by source. */
  reporterOf(plan: CasePlan): DemoActor;
}

/** A resolution never squeezes below ten minutes, however short the window. */
const MIN_SPAN_MS = 10 * MINUTE_MS;
/** Cases stuck for months end here: the quarter's demo needs no longer tails. */
const MAX_SPAN_MS = 75 * DAY_MS;

export function buildTimeline(
  plan: CasePlan,
  random: SeededRandom,
  context: TimelineContext,
): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  const onDuty = (at: number) => operatorOnDuty(context.users, at);
  const push: Push = (at, actor, move) => {
    // Histories are kept to the second; flooring keeps every order and never passes `now`.
    events.push({ at: toSecond(at), actor, move });
  };

  const reportedAt = plan.reportedAt;
  push(reportedAt, context.reporterOf(plan), { kind: 'report' });
  if (plan.fate === 'void_from_reported') {
    const at = reportedAt + random.between(3, 90) * MINUTE_MS;
    push(at, onDuty(at), { kind: 'void', reason: random.pick(VOID_REASONS) });
    return events;
  }
  // Whole seconds from here, so the deadlines computed from it are whole milliseconds too.
  const registeredAt = toSecond(reportedAt + acceptDelay(random));
  push(registeredAt, onDuty(registeredAt), {
    kind: 'register',
    standardId: plan.standardId ?? null,
  });
  if (plan.fate === 'void_from_registered') {
    const at = registeredAt + random.between(10, 360) * MINUTE_MS;
    push(at, onDuty(at), { kind: 'void', reason: random.pick(VOID_REASONS) });
    return events;
  }

  const rules = context.clockRules(plan.category.code, plan.urgency, plan.standardId);
  const periods = context.periodsAt?.(registeredAt) ?? DEFAULT_WORK_PERIODS;
  const baseDueAt = resolutionDueAt(registeredAt, rules, context.calendar, plan.city, periods);
  const window = baseDueAt - registeredAt;
  const extensionMs = plan.extended ? Math.max(window, DAY_MS) * random.int(1, 2) : 0;
  const paceWindow = window + extensionMs;
  const span = Math.min(
    MAX_SPAN_MS,
    Math.max(
      MIN_SPAN_MS,
      spanFraction(plan, registeredAt, window, paceWindow, context.now) * paceWindow,
    ),
  );
  const closedAt = registeredAt + span;

  let dispatchFrom = registeredAt;
  if (plan.wrongUnitCode) {
    const wrongAt = registeredAt + Math.min(dispatchDelay(random), 0.04 * span);
    push(wrongAt, onDuty(wrongAt), {
      kind: 'dispatch',
      leadUnitCode: plan.wrongUnitCode,
      assistUnitCodes: [],
    });
    const returnedAt = wrongAt + Math.min(random.between(20, 180) * MINUTE_MS, 0.08 * span);
    push(returnedAt, context.handlerFor(random, plan.wrongUnitCode, plan), {
      kind: 'return',
      reason: '非本单位职责，申请回退',
    });
    dispatchFrom = returnedAt;
  }
  const dispatchedAt = dispatchFrom + Math.min(dispatchDelay(random), 0.05 * span);
  push(dispatchedAt, onDuty(dispatchedAt), {
    kind: 'dispatch',
    leadUnitCode: plan.leadUnitCode,
    assistUnitCodes: [],
  });
  const handler = context.handlerFor(random, plan.leadUnitCode, plan);
  const arrivedAt = dispatchedAt + Math.min(onsiteDelay(random), 0.18 * span);
  push(arrivedAt, handler, { kind: 'sign' });

  // 核查: the verifier gets to it within minutes to most of a working day.
  const handledAt = closedAt - Math.min(random.between(20, 600) * MINUTE_MS, 0.3 * span);
  let roundStart = arrivedAt;
  let firstHandledAt = handledAt;
  for (let round = 0; round < plan.reworks; round++) {
    const remaining = handledAt - roundStart;
    const triedAt = roundStart + remaining * random.between(0.3, 0.5);
    if (round === 0) firstHandledAt = triedAt;
    push(triedAt, handler, { kind: 'handle', result: plan.resultNote });
    const reworkAt = triedAt + remaining * random.between(0.05, 0.1);
    push(reworkAt, onDuty(reworkAt), { kind: 'rework', reason: random.pick(REWORK_NOTES) });
    roundStart = reworkAt + Math.min(onsiteDelay(random), remaining * 0.1);
    push(roundStart, handler, { kind: 'sign' });
  }
  push(handledAt, handler, { kind: 'handle', result: plan.resultNote });
  // 采办分离: the operator on duty verifies, never the unit's person who reported it done.
  push(closedAt, onDuty(closedAt), { kind: 'close' });
  if (plan.satisfaction) {
    const at = closedAt + random.between(1, 36) * HOUR_MS;
    push(at, onDuty(at), {
      kind: 'callback',
      satisfaction: plan.satisfaction,
      note: `回访：${SATISFACTION_ZH[plan.satisfaction]}`,
    });
  }

  addSideMoves(push, plan, random, context, {
    dispatchedAt,
    arrivedAt,
    firstHandledAt,
    dueAt: baseDueAt,
    extensionMs,
    handler,
  });
  // Stable: events at the same second keep the order they were made in.
  events.sort((a, b) => a.at - b.at);

  if (plan.fate === 'suspended_now' || plan.suspendedAndResumed) {
    const parkAt = arrivedAt + (firstHandledAt - arrivedAt) * random.between(0.1, 0.5);
    suspend(events, plan, random, parkAt, onDuty);
  }
  if (plan.escalation && plan.escalation.leadUnitCode !== plan.leadUnitCode) {
    handOverAfterEscalation(
      events,
      plan,
      context.handlerFor(random, plan.escalation.leadUnitCode, plan),
    );
  }
  return events;
}

type Push = (at: number, actor: DemoActor, move: DemoMove) => void;

/**
 * 吹哨, 延期, 督办: they fall while the case is being handled, before its first report of
 * completion; a supervision of a late case comes after its deadline has passed. An
 * extension is asked for by the unit (申请延期) and approved by the leader (批准延期).
 */
function addSideMoves(
  push: Push,
  plan: CasePlan,
  random: SeededRandom,
  context: TimelineContext,
  times: {
    dispatchedAt: number;
    arrivedAt: number;
    firstHandledAt: number;
    dueAt: number;
    extensionMs: number;
    handler: DemoActor;
  },
): void {
  const { dispatchedAt, arrivedAt, firstHandledAt, dueAt, extensionMs, handler } = times;
  const leader = actorOf(context.users.leader);
  const working = firstHandledAt - arrivedAt;
  if (plan.escalation) {
    const at = arrivedAt + working * random.between(0.05, 0.3);
    const lead = context.unitName(plan.escalation.leadUnitCode);
    const assists = plan.escalation.assistUnitCodes
      .map((code) => context.unitName(code))
      .join('、');
    push(at, leader, {
      kind: 'escalate',
      leadUnitCode: plan.escalation.leadUnitCode,
      assistUnitCodes: plan.escalation.assistUnitCodes,
      note: `街道吹哨：${lead}主办，${assists}协办`,
    });
  }
  if (plan.extended) {
    // Asked for before the deadline runs out; on a case already late when the unit got
    // there, before the new one would (the workflow refuses a deadline already past).
    const lastChance = dueAt > arrivedAt ? dueAt : dueAt + extensionMs;
    const until = Math.min(lastChance, firstHandledAt);
    const at = arrivedAt + (until - arrivedAt) * random.between(0.3, 0.9);
    const reason = random.pick(EXTEND_REASONS);
    // The new deadline as the desk shows it; suspend() moves it on by any parked time.
    const newDueAt = dueAt + extensionMs;
    const askedAt = arrivedAt + (at - arrivedAt) * random.between(0.3, 0.8);
    push(askedAt, handler, { kind: 'request_extension', newDueAt, reason });
    push(at, leader, { kind: 'extend', newDueAt, reason });
  }
  if (plan.supervised) {
    const extendedDue = dueAt + extensionMs;
    const at =
      extendedDue < firstHandledAt
        ? extendedDue +
          Math.min(random.between(1, 24) * HOUR_MS, (firstHandledAt - extendedDue) * 0.5)
        : dispatchedAt + (firstHandledAt - dispatchedAt) * random.between(0.1, 0.6);
    push(at, leader, { kind: 'supervise', note: random.pick(SUPERVISE_NOTES) });
  }
}

function toSecond(at: number): number {
  return Math.floor(at / 1000) * 1000;
}

const SATISFACTION_ZH = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
} as const;

/**
 * 挂账: park the case at `at`. Parked for good, its later events never happen; resumed,
 * everything after moves later by the parked time, since its clocks stopped meanwhile (an
 * extension asked for later names a deadline that much later too).
 */
function suspend(
  events: TimelineEvent[],
  plan: CasePlan,
  random: SeededRandom,
  at: number,
  onDuty: (at: number) => DemoActor,
): void {
  const suspendedAt = toSecond(at);
  const cut = events.findIndex((e) => e.at > suspendedAt);
  const later = cut < 0 ? [] : events.splice(cut);
  const reason = random.pick(SUSPEND_REASONS);
  events.push({ at: suspendedAt, actor: onDuty(suspendedAt), move: { kind: 'suspend', reason } });
  if (plan.fate === 'suspended_now') return;
  const parkedMs = Math.round((random.between(1, 6) * DAY_MS) / 1000) * 1000;
  const resumedAt = suspendedAt + parkedMs;
  events.push({ at: resumedAt, actor: onDuty(resumedAt), move: { kind: 'resume' } });
  for (const event of later) {
    const move = event.move;
    const shifted =
      move.kind === 'extend' || move.kind === 'request_extension'
        ? { ...move, newDueAt: move.newDueAt + parkedMs }
        : move;
    events.push({ ...event, at: event.at + parkedMs, move: shifted });
  }
}

/**
 * After 吹哨 a department leads: what the first unit's person would still have done (sign
 * again after a rework, report it handled) is done by the new lead's person, since a
 * handler acts only on cases their own unit leads.
 */
function handOverAfterEscalation(
  events: TimelineEvent[],
  plan: CasePlan,
  newHandler: DemoActor,
): void {
  const from = events.findIndex((e) => e.move.kind === 'escalate');
  if (from < 0) return;
  for (let i = from + 1; i < events.length; i++) {
    const actor = events[i]!.actor;
    if (actor.role === 'handler' && actor.unitCode === plan.leadUnitCode) {
      events[i] = { ...events[i]!, actor: newHandler };
    }
  }
}
