/**
 * A demo case is what the desk's own workflow makes of its history: the report goes through
 * planIntake, every later step through planMove, as if a desk user had entered it at its
 * time. So the demo follows every rule of core/cases (states, roles, 采办分离, clocks, units)
 * without saying any of them again, and a rule changed there changes the demo too. A step
 * the workflow refuses is the demo breaking a rule: generation stops, naming the case.
 */
import type { CaseSnapshot, PendingExtension } from '../cases/case-snapshot';
import { nextCaseUnits, type CaseUnit } from '../cases/case-units';
import { planIntake, type NewCase } from '../cases/intake';
import type { MoveInput } from '../cases/moves';
import type { MoveActor, MoveDeps, PlannedEvent } from '../cases/workflow';
import { planMove } from '../cases/workflow';
import type { Refusal } from '../cases/refusal';
import { DEFAULT_WORK_PERIODS, type WorkPeriods } from '../limits/work-periods';
import type { CasePlan } from './case-plan';
import type { TimelineEvent } from './case-timeline';
import type { DemoActor } from './desk-people';

/** One event of the history as the database keeps it, with who made it. */
export interface DemoCaseEvent extends PlannedEvent {
  actorName: string;
  /** The desk user's username (the seed turns it into actor_id); null for anyone else. */
  actorUsername: string | null;
}

export type DemoCaseUnit = CaseUnit;

/** A demo case: the stored record as the workflow left it, its units, its history. */
export interface DemoCase {
  record: NewCase;
  units: DemoCaseUnit[];
  events: DemoCaseEvent[];
}

interface ReplayDeps extends Omit<MoveDeps, 'periods'> {
  /**
   * The work periods the demo's registrations count in; DEFAULT_WORK_PERIODS when not given,
   * the ones core/demo/case-timeline.ts plans the deadlines with.
   */
  periods?: WorkPeriods;
  /** The demo's own id for a desk user: the snapshot's handlerUserId, as actor_id would be. */
  userId(username: string): number | null;
}

export function replayCase(
  caseNo: string,
  plan: CasePlan,
  happened: readonly TimelineEvent[],
  replayDeps: ReplayDeps,
): DemoCase {
  const deps = { ...replayDeps, periods: replayDeps.periods ?? DEFAULT_WORK_PERIODS };
  const [report, ...moves] = happened;
  if (!report || report.move.kind !== 'report') refusedReport(caseNo);
  const intake = planIntake(
    {
      caseNo,
      source: plan.source,
      categoryCode: plan.category.code,
      urgency: plan.urgency,
      description: plan.description,
      address: plan.address,
      gridCode: plan.grid.code,
      communityCode: plan.grid.parentCode ?? '',
      point: { lng: plan.lng, lat: plan.lat },
      // The demo's points are a phone's GPS fix, given in WGS-84.
      original: { crs: 'WGS84', lng: plan.lng, lat: plan.lat },
      reporter: plan.reporter,
      phone: plan.phone,
      reportedAt: plan.reportedAt,
      cityDueAt: plan.city.dueAt ?? null,
      cityDeadlineHours: plan.city.deadlineHours ?? null,
      registerNow: false,
    },
    moveActorOf(report.actor, deps),
    report.at,
    deps,
  );
  if (!intake.ok) refused(caseNo, 'report', intake);

  // The snapshot planMove reads: the record, plus the two facts db/queries/case-snapshot.ts
  // readCaseSnapshot reads off the history (latest handler, a pending extension request).
  const snapshot: CaseSnapshot = {
    ...intake.record,
    id: 0,
    handlerUserId: null,
    pendingExtension: null,
  };
  let units: CaseUnit[] = [];
  const events: DemoCaseEvent[] = intake.events.map((event) => withActor(event, report.actor));
  for (const step of moves) {
    if (step.move.kind === 'report') refusedReport(caseNo);
    const move: MoveInput = step.move;
    const actor = moveActorOf(step.actor, deps);
    const planned = planMove(snapshot, move, actor, step.at, deps);
    if (!planned.ok) refused(caseNo, move.kind, planned);
    Object.assign(snapshot, planned.patch);
    snapshot.updatedAt = step.at;
    if (planned.units) units = nextCaseUnits(units, planned.units, step.at);
    const event = withActor(planned.event, step.actor);
    followHistory(snapshot, event, actor);
    events.push(event);
  }
  const { id: _id, handlerUserId: _handler, pendingExtension: _pending, ...record } = snapshot;
  return { record, units, events };
}

/** What readCaseSnapshot would read off the history after `event`. */
function followHistory(snapshot: CaseSnapshot, event: DemoCaseEvent, actor: MoveActor): void {
  if (event.kind === 'handle') snapshot.handlerUserId = actor.userId;
  const type = event.kind === 'note' ? event.data?.['type'] : null;
  if (event.kind === 'extend' || type === 'extension_declined') snapshot.pendingExtension = null;
  if (type === 'extension_request') {
    const pending: PendingExtension = {
      newDueAt: Number(event.data?.['newDueAt']),
      reason: event.note ?? '',
      requestedBy: event.actorName,
      requestedAt: event.at,
    };
    snapshot.pendingExtension = pending;
  }
}

function moveActorOf(actor: DemoActor, deps: ReplayDeps): MoveActor {
  return {
    userId: actor.username ? deps.userId(actor.username) : null,
    name: actor.name,
    // Someone outside the desk only reports; were they ever given a move, it is refused.
    role: actor.role ?? 'anonymous',
    unitCode: actor.unitCode,
  };
}

/** Written out rather than spread: ~25,000 events, and a literal is the cheaper copy. */
function withActor(event: PlannedEvent, actor: DemoActor): DemoCaseEvent {
  const { kind, fromState, toState, at, note, data } = event;
  return {
    kind,
    fromState,
    toState,
    at,
    note,
    data,
    actorName: actor.name,
    actorUsername: actor.username,
  };
}

/** A history opens with its one report; the timeline makes no other. */
function refusedReport(caseNo: string): never {
  throw new Error(
    `示范案卷 ${caseNo} 的历史须以唯一一次上报开始。(Demo case ${caseNo} must open with its one report.)`,
  );
}

function refused(caseNo: string, kind: string, refusal: Refusal): never {
  throw new Error(
    `示范案卷 ${caseNo} 的「${kind}」被流程拒绝：${refusal.sentence.zh} ` +
      `(The workflow refuses demo case ${caseNo}'s ${kind}: ${refusal.sentence.en})`,
  );
}
