/**
 * The case workflow (案卷流转): checks one move against the case, the actor and the clock,
 * and says exactly what it writes: one append-only event and the row's new columns. Pure;
 * the database layer applies a plan in one transaction.
 */
import type { WorkCalendar } from '../calendar';
import type { WorkPeriods } from '../limits/work-periods';
import { effectiveDueAt, onsiteDueAt, resolutionDueAt, type ClockRules } from '../clocks';
import type { CaseEventKind, CaseState, UserRole } from '../glossary';
import { formatDateTime } from '../time';
import type { CasePatch, CaseSnapshot, CaseUnitsChange } from './case-snapshot';
import { checkMoveAllowed, checkNewDueAt, checkUnits, type UnitFacts } from './move-checks';
import { MOVE_TO, type MoveInput } from './moves';
import { refuse, type Refusal } from './refusal';

/** Who makes the move (操作人). 'system' is the command line run by whoever holds the file. */
export interface MoveActor {
  userId: number | null;
  name: string;
  role: UserRole | 'system' | 'anonymous';
  /** The unit a handler-role user belongs to. */
  unitCode?: string | null;
}

export interface MoveDeps {
  /** The case's clocks (defaults ← category ← urgency), for registering and dispatching. */
  rules: ClockRules;
  calendar: WorkCalendar;
  /**
   * The work periods in force at the move's time (periodsAt(versions, now)): a registration's
   * limit in working hours counts inside them.
   */
  periods: WorkPeriods;
  /** A unit's name, whether it is in service, and its kind (null: no such unit). */
  unit(code: string): UnitFacts | null;
}

export interface PlannedEvent {
  kind: CaseEventKind;
  fromState: CaseState | null;
  toState: CaseState;
  at: number;
  note: string | null;
  data: Record<string, unknown> | null;
}

export { checkMoveAllowed, isHandler } from './move-checks';

export interface MovePlan {
  ok: true;
  event: PlannedEvent;
  patch: CasePatch;
  units: CaseUnitsChange | null;
}

export function planMove(
  snapshot: CaseSnapshot,
  input: MoveInput,
  actor: MoveActor,
  now: number,
  deps: MoveDeps,
): MovePlan | Refusal {
  const allowed = checkMoveAllowed(snapshot, input.kind, actor);
  if (allowed) return allowed;
  if (now < snapshot.reportedAt) {
    return refuse(
      'impossible_time',
      `操作时间 ${formatDateTime(now)} 早于案卷 ${snapshot.caseNo} 的上报时间 ${formatDateTime(snapshot.reportedAt)}，请检查本机时钟。`,
      `The time of this move (${formatDateTime(now)}) is before case ${snapshot.caseNo} was reported (${formatDateTime(snapshot.reportedAt)}); check this computer's clock.`,
    );
  }
  const from = snapshot.state;
  const plan = (
    patch: CasePatch,
    note: string | null,
    data: Record<string, unknown> | null = null,
    units: CaseUnitsChange | null = null,
    kind: CaseEventKind = input.kind as CaseEventKind,
  ): MovePlan => {
    const to = patch.state ?? from;
    return {
      ok: true,
      event: { kind, fromState: from, toState: to, at: now, note, data },
      patch,
      units,
    };
  };
  const to = MOVE_TO[input.kind];
  const clean = (text: string | null | undefined) => (text?.trim() ? text.trim() : null);

  switch (input.kind) {
    case 'register': {
      const city = { dueAt: snapshot.cityDueAt, deadlineHours: snapshot.cityDeadlineHours };
      const base = resolutionDueAt(now, deps.rules, deps.calendar, city, deps.periods);
      if (base <= now) {
        return refuse(
          'impossible_time',
          `市级平台给出的处置截止时间 ${formatDateTime(base)} 已早于立案时间，请核对后再立案。`,
          `The city's deadline ${formatDateTime(base)} is already past; check it before registering.`,
          'cityDueAt',
        );
      }
      return plan(
        {
          state: to!,
          registeredAt: now,
          baseDueAt: base,
          dueWindowMs: base - now,
          // The resolution clock starts now; earlier pauses stopped only the accept clock.
          dueAt: effectiveDueAt(base, snapshot.extendedDueAt, snapshot.suspendedMs),
          standardId: input.standardId ?? null,
        },
        clean(input.note),
      );
    }
    case 'void': {
      const reason = input.reason.trim();
      const duplicate = clean(input.duplicateOfCaseNo);
      const note = duplicate ? `${reason}（与 ${duplicate} 重复）` : reason;
      return plan({ state: to!, voidedAt: now, voidReason: note }, note, {
        ...(duplicate ? { duplicateOf: duplicate } : {}),
      });
    }
    case 'dispatch': {
      const units = checkUnits(input, deps.unit);
      if (units) return units;
      return plan(
        {
          state: to!,
          dispatchedAt: now,
          arrivedAt: null,
          handledAt: null,
          onsiteDueAt: onsiteDueAt(now, deps.rules),
          leadUnitCode: input.leadUnitCode,
        },
        clean(input.note) ?? `派遣至${deps.unit(input.leadUnitCode)?.name ?? input.leadUnitCode}`,
        { leadUnitCode: input.leadUnitCode, assistUnitCodes: input.assistUnitCodes },
        { lead: input.leadUnitCode, assists: input.assistUnitCodes, replaceAssists: true },
      );
    }
    case 'sign':
      return plan({ state: to!, arrivedAt: now }, clean(input.note));
    case 'handle':
      return plan(
        { state: to!, handledAt: now, handlerName: actor.name, resultNote: input.result.trim() },
        input.result.trim(),
      );
    case 'close':
      return plan(
        { state: to!, closedAt: now, verifierName: actor.name },
        clean(input.note) ?? '核查通过，予以结案',
      );
    case 'return':
      return plan(
        {
          state: to!,
          leadUnitCode: null,
          dispatchedAt: null,
          arrivedAt: null,
          handledAt: null,
          onsiteDueAt: null,
        },
        input.reason.trim(),
        snapshot.leadUnitCode ? { returnedBy: snapshot.leadUnitCode } : null,
        { clearLead: true },
      );
    case 'rework':
      return plan(
        {
          state: to!,
          reworkCount: snapshot.reworkCount + 1,
          dispatchedAt: now,
          arrivedAt: null,
          handledAt: null,
          onsiteDueAt: onsiteDueAt(now, deps.rules),
        },
        input.reason.trim(),
      );
    case 'request_extension': {
      const bad = checkNewDueAt(snapshot, input.newDueAt, now);
      if (bad) return bad;
      return plan(
        {},
        input.reason.trim(),
        { type: 'extension_request', newDueAt: input.newDueAt },
        null,
        'note',
      );
    }
    case 'extend': {
      const bad = checkNewDueAt(snapshot, input.newDueAt, now);
      if (bad) return bad;
      // extended_due_at is kept before the suspension shift, as effectiveDueAt adds it back.
      const extendedDueAt = input.newDueAt - snapshot.suspendedMs;
      return plan(
        {
          extendedDueAt,
          dueAt: input.newDueAt,
          dueWindowMs: extendedDueAt - (snapshot.registeredAt ?? now),
          extensionCount: snapshot.extensionCount + 1,
        },
        input.reason.trim(),
        {
          baseDueAt: snapshot.baseDueAt,
          previousDueAt: snapshot.dueAt,
          newDueAt: extendedDueAt,
          effectiveDueAt: input.newDueAt,
          ...(snapshot.pendingExtension
            ? { requestedBy: snapshot.pendingExtension.requestedBy }
            : {}),
        },
      );
    }
    case 'decline_extension':
      return plan({}, input.reason.trim(), { type: 'extension_declined' }, null, 'note');
    case 'suspend':
      return plan({ state: to!, stateBeforeSuspend: from, suspendedAt: now }, input.reason.trim());
    case 'resume':
      return planResume(snapshot, now, clean(input.note), plan);
    case 'escalate': {
      const units = checkUnits(input, deps.unit);
      if (units) return units;
      return plan(
        { escalated: true, leadUnitCode: input.leadUnitCode },
        input.note.trim(),
        { leadUnitCode: input.leadUnitCode, assistUnitCodes: input.assistUnitCodes },
        { lead: input.leadUnitCode, assists: input.assistUnitCodes, demoteOldLead: true },
      );
    }
    case 'supervise':
      return plan({ supervised: true }, input.note.trim());
    case 'callback':
      return plan({ satisfaction: input.satisfaction, callbackAt: now }, clean(input.note), {
        satisfaction: input.satisfaction,
      });
    case 'note':
      return plan({}, input.note.trim());
  }
}

type PlanFn = (
  patch: CasePatch,
  note: string | null,
  data?: Record<string, unknown> | null,
) => MovePlan;

/**
 * 恢复: back to the state it left. The clocks that ran at suspension move later by the
 * parked time: the resolution clock (suspended_ms, once registered), and the accept or
 * on-site clock that was still waiting.
 */
function planResume(snapshot: CaseSnapshot, now: number, note: string | null, plan: PlanFn) {
  const back = snapshot.stateBeforeSuspend ?? (snapshot.registeredAt ? 'registered' : 'reported');
  const paused = Math.max(0, now - (snapshot.suspendedAt ?? now));
  const patch: CasePatch = {
    state: back,
    stateBeforeSuspend: null,
    suspendedAt: null,
  };
  if (snapshot.registeredAt != null && snapshot.baseDueAt != null) {
    const suspendedMs = snapshot.suspendedMs + paused;
    patch.suspendedMs = suspendedMs;
    patch.dueAt = effectiveDueAt(snapshot.baseDueAt, snapshot.extendedDueAt, suspendedMs);
  }
  if (back === 'reported' && snapshot.acceptDueAt != null) {
    patch.acceptDueAt = snapshot.acceptDueAt + paused;
  }
  if (back === 'dispatched' && snapshot.onsiteDueAt != null && snapshot.arrivedAt == null) {
    patch.onsiteDueAt = snapshot.onsiteDueAt + paused;
  }
  return plan(patch, note ?? '条件具备，恢复处置', { pausedMs: paused });
}
