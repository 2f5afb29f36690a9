/**
 * One demo case's whole history as it would unfold, with times: report, register,
 * dispatch, sign, handle, close and the side moves. It may run past `now`; the caller
 * keeps only what has happened by then.
 */
import type { WorkCalendar } from '../calendar';
import { resolutionDueAt, type ClockRules } from '../clocks';
import type { CaseEventKind, Urgency } from '../glossary';
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

export interface TimelineEvent {
  kind: CaseEventKind;
  at: number;
  actor: DemoActor;
  note: string | null;
  data: Record<string, unknown> | null;
}

export interface TimelineContext {
  now: number;
  calendar: WorkCalendar;
  clockRules(categoryCode: string, urgency: Urgency): ClockRules;
  users: DemoDeskUsers;
  unitName(code: string): string;
  /** Someone of the unit who signs for and handles the case. */
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
  const push: Push = (kind, at, actor, note = null, data = null) => {
    // Histories are kept to the second; flooring keeps every order and never passes `now`.
    events.push({ kind, at: toSecond(at), actor, note, data });
  };

  const reportedAt = plan.reportedAt;
  push('report', reportedAt, context.reporterOf(plan), null, { source: plan.source });
  if (plan.fate === 'void_from_reported') {
    const at = reportedAt + random.between(3, 90) * MINUTE_MS;
    push('void', at, onDuty(at), random.pick(VOID_REASONS));
    return events;
  }
  // Whole seconds from here, so the deadlines computed from it are whole milliseconds too.
  const registeredAt = toSecond(reportedAt + acceptDelay(random));
  push('register', registeredAt, onDuty(registeredAt));
  if (plan.fate === 'void_from_registered') {
    const at = registeredAt + random.between(10, 360) * MINUTE_MS;
    push('void', at, onDuty(at), random.pick(VOID_REASONS));
    return events;
  }

  const rules = context.clockRules(plan.category.code, plan.urgency);
  const baseDueAt = resolutionDueAt(registeredAt, rules, context.calendar, plan.city);
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
    push('dispatch', wrongAt, onDuty(wrongAt), `派遣至${context.unitName(plan.wrongUnitCode)}`, {
      leadUnitCode: plan.wrongUnitCode,
    });
    const returnedAt = wrongAt + Math.min(random.between(20, 180) * MINUTE_MS, 0.08 * span);
    push(
      'return',
      returnedAt,
      context.handlerFor(random, plan.wrongUnitCode, plan),
      '非本单位职责，申请回退',
    );
    dispatchFrom = returnedAt;
  }
  const dispatchedAt = dispatchFrom + Math.min(dispatchDelay(random), 0.05 * span);
  const leadName = context.unitName(plan.leadUnitCode);
  push('dispatch', dispatchedAt, onDuty(dispatchedAt), `派遣至${leadName}`, {
    leadUnitCode: plan.leadUnitCode,
  });
  const handler = context.handlerFor(random, plan.leadUnitCode, plan);
  const arrivedAt = dispatchedAt + Math.min(onsiteDelay(random), 0.18 * span);
  push('sign', arrivedAt, handler);

  // 核查: the verifier gets to it within minutes to most of a working day.
  const handledAt = closedAt - Math.min(random.between(20, 600) * MINUTE_MS, 0.3 * span);
  let roundStart = arrivedAt;
  let firstHandledAt = handledAt;
  for (let round = 0; round < plan.reworks; round++) {
    const remaining = handledAt - roundStart;
    const triedAt = roundStart + remaining * random.between(0.3, 0.5);
    if (round === 0) firstHandledAt = triedAt;
    push('handle', triedAt, handler, plan.resultNote);
    const reworkAt = triedAt + remaining * random.between(0.05, 0.1);
    push('rework', reworkAt, onDuty(reworkAt), random.pick(REWORK_NOTES));
    roundStart = reworkAt + Math.min(onsiteDelay(random), remaining * 0.1);
    push('sign', roundStart, handler);
  }
  push('handle', handledAt, handler, plan.resultNote);
  push('close', closedAt, onDuty(closedAt), '核查通过，予以结案');
  if (plan.satisfaction) {
    const at = closedAt + random.between(1, 36) * HOUR_MS;
    push('callback', at, onDuty(at), `回访：${SATISFACTION_ZH[plan.satisfaction]}`, {
      satisfaction: plan.satisfaction,
    });
  }

  addSideMoves(push, plan, random, context, {
    dispatchedAt,
    arrivedAt,
    firstHandledAt,
    dueAt: baseDueAt,
    extensionMs,
  });
  // Stable: events at the same second keep the order they were made in.
  events.sort((a, b) => a.at - b.at);

  if (plan.fate === 'suspended_now' || plan.suspendedAndResumed) {
    const parkAt = arrivedAt + (firstHandledAt - arrivedAt) * random.between(0.1, 0.5);
    suspend(events, plan, random, parkAt, onDuty);
  }
  return events;
}

type Push = (
  kind: CaseEventKind,
  at: number,
  actor: DemoActor,
  note?: string | null,
  data?: TimelineEvent['data'],
) => void;

/**
 * 吹哨, 延期, 督办: they fall while the case is being handled, before its first report of
 * completion; a supervision of a late case comes after its deadline has passed.
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
  },
): void {
  const { dispatchedAt, arrivedAt, firstHandledAt, dueAt, extensionMs } = times;
  const leader = actorOf(context.users.leader);
  const working = firstHandledAt - arrivedAt;
  if (plan.escalation) {
    const at = arrivedAt + working * random.between(0.05, 0.3);
    const lead = context.unitName(plan.escalation.leadUnitCode);
    const assists = plan.escalation.assistUnitCodes
      .map((code) => context.unitName(code))
      .join('、');
    push('escalate', at, leader, `街道吹哨：${lead}主办，${assists}协办`, {
      leadUnitCode: plan.escalation.leadUnitCode,
      assistUnitCodes: plan.escalation.assistUnitCodes,
    });
  }
  if (plan.extended) {
    const until = Math.min(dueAt, firstHandledAt);
    const at =
      until > arrivedAt
        ? arrivedAt + (until - arrivedAt) * random.between(0.3, 0.9)
        : arrivedAt + working * 0.2;
    push('extend', at, leader, random.pick(EXTEND_REASONS), {
      baseDueAt: dueAt,
      newDueAt: dueAt + extensionMs,
    });
  }
  if (plan.supervised) {
    const extendedDue = dueAt + extensionMs;
    const at =
      extendedDue < firstHandledAt
        ? extendedDue +
          Math.min(random.between(1, 24) * HOUR_MS, (firstHandledAt - extendedDue) * 0.5)
        : dispatchedAt + (firstHandledAt - dispatchedAt) * random.between(0.1, 0.6);
    push('supervise', at, leader, random.pick(SUPERVISE_NOTES));
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
 * everything after moves later by the parked time, since its clocks stopped meanwhile.
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
  const note = random.pick(SUSPEND_REASONS);
  events.push({ kind: 'suspend', at: suspendedAt, actor: onDuty(suspendedAt), note, data: null });
  if (plan.fate === 'suspended_now') return;
  const parkedMs = Math.round((random.between(1, 6) * DAY_MS) / 1000) * 1000;
  const resumedAt = suspendedAt + parkedMs;
  events.push({
    kind: 'resume',
    at: resumedAt,
    actor: onDuty(resumedAt),
    note: '条件具备，恢复处置',
    data: null,
  });
  for (const event of later) events.push({ ...event, at: event.at + parkedMs });
}
