/**
 * The case workflow (案卷流转): checks one move against the case, the actor and the clock,
 * and says exactly what it writes: one append-only event and the row's new columns. Pure;
 * the database layer applies a plan in one transaction.
 */
import type { WorkCalendar } from '../calendar';
import { effectiveDueAt, onsiteDueAt, resolutionDueAt, type ClockRules } from '../clocks';
import type { CaseEventKind, CaseState, UserRole } from '../glossary';
import { DAY_MS, formatDateTime } from '../time';
import type { CasePatch, CaseSnapshot, CaseUnitsChange } from './case-snapshot';
import { MOVE_FROM, MOVE_ROLES, MOVE_TO, UNIT_BOUND_MOVES, type MoveInput } from './moves';
import { refuse, wrongRoleRefusal, wrongStateRefusal, type Refusal } from './refusal';

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
  unitName(code: string): string;
}

export interface PlannedEvent {
  kind: CaseEventKind;
  fromState: CaseState | null;
  toState: CaseState;
  at: number;
  note: string | null;
  data: Record<string, unknown> | null;
}

export interface MovePlan {
  ok: true;
  event: PlannedEvent;
  patch: CasePatch;
  units: CaseUnitsChange | null;
}

/** How far ahead a new deadline may be set: beyond a year it is a typing slip. */
const LONGEST_EXTENSION_MS = 366 * DAY_MS;

/** Who may make `input.kind` on this case at all (role, unit, state), before its details. */
export function checkMoveAllowed(
  snapshot: CaseSnapshot,
  kind: MoveInput['kind'],
  actor: MoveActor,
): Refusal | null {
  const roles = MOVE_ROLES[kind];
  if (actor.role !== 'system' && !(roles as readonly string[]).includes(actor.role)) {
    return wrongRoleRefusal(kind, actor.role, roles);
  }
  if (
    actor.role === 'handler' &&
    UNIT_BOUND_MOVES.has(kind) &&
    (!actor.unitCode || actor.unitCode !== snapshot.leadUnitCode)
  ) {
    return refuse(
      'not_your_unit',
      `案卷 ${snapshot.caseNo} 不由您的单位主办，不能办理。`,
      `Case ${snapshot.caseNo} is not led by your unit, so you cannot act on it.`,
    );
  }
  if (!MOVE_FROM[kind].includes(snapshot.state)) {
    return wrongStateRefusal(snapshot.caseNo, snapshot.state, kind);
  }
  // 采办分离: checking the work (close, or send it back) is for someone other than its handler.
  if ((kind === 'close' || kind === 'rework') && isHandler(snapshot, actor)) {
    return refuse(
      'separation_of_duties',
      `采办分离：案卷 ${snapshot.caseNo} 的处置反馈由您登记，须由另一位用户核查（结案或返工）。`,
      `Separation of duties: you recorded the handling of case ${snapshot.caseNo}, so another user must check it (close it or send it back).`,
    );
  }
  if ((kind === 'request_extension' || kind === 'extend') && hasCityDeadline(snapshot)) {
    return refuse(
      'city_deadline',
      `案卷 ${snapshot.caseNo} 的处置时限由市级平台规定，本地不能延期，请在市级平台申请。`,
      `Case ${snapshot.caseNo} has a deadline set by the city platform; extend it there, not here.`,
    );
  }
  if (kind === 'request_extension' && snapshot.pendingExtension) {
    return refuse(
      'extension_pending',
      `案卷 ${snapshot.caseNo} 已有一项待批准的延期申请。`,
      `Case ${snapshot.caseNo} already has an extension request awaiting approval.`,
    );
  }
  if (kind === 'decline_extension' && !snapshot.pendingExtension) {
    return refuse(
      'no_extension_request',
      `案卷 ${snapshot.caseNo} 没有待批准的延期申请。`,
      `Case ${snapshot.caseNo} has no extension request to decline.`,
    );
  }
  if (kind === 'callback' && snapshot.satisfaction != null) {
    return refuse(
      'callback_recorded',
      `案卷 ${snapshot.caseNo} 已登记过回访结果。`,
      `The callback of case ${snapshot.caseNo} is already recorded.`,
    );
  }
  return null;
}

/** 采办分离: the user who recorded the handling may not close the case. */
export function isHandler(snapshot: CaseSnapshot, actor: MoveActor): boolean {
  if (actor.role === 'anonymous') return false;
  if (actor.userId != null && actor.userId === snapshot.handlerUserId) return true;
  return snapshot.handlerName != null && snapshot.handlerName === actor.name;
}

function hasCityDeadline(snapshot: CaseSnapshot): boolean {
  return snapshot.cityDueAt != null || snapshot.cityDeadlineHours != null;
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
    return { ok: true, event: { kind, fromState: from, toState: to, at: now, note, data }, patch, units };
  };
  const to = MOVE_TO[input.kind];
  const clean = (text: string | null | undefined) => (text?.trim() ? text.trim() : null);

  switch (input.kind) {
    case 'register': {
      const city = { dueAt: snapshot.cityDueAt, deadlineHours: snapshot.cityDeadlineHours };
      const base = resolutionDueAt(now, deps.rules, deps.calendar, city);
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
      const units = checkUnits(input.leadUnitCode, input.assistUnitCodes);
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
        clean(input.note) ?? `派遣至${deps.unitName(input.leadUnitCode)}`,
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
      return plan(
        { state: to!, stateBeforeSuspend: from, suspendedAt: now },
        input.reason.trim(),
      );
    case 'resume':
      return planResume(snapshot, now, clean(input.note), plan);
    case 'escalate': {
      const units = checkUnits(input.leadUnitCode, input.assistUnitCodes);
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
      return plan(
        { satisfaction: input.satisfaction, callbackAt: now },
        clean(input.note),
        { satisfaction: input.satisfaction },
      );
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

function checkUnits(lead: string, assists: readonly string[]): Refusal | null {
  if (assists.includes(lead)) {
    return refuse(
      'lead_is_assisting',
      `主办单位 ${lead} 不能同时是协办单位。`,
      `The lead unit ${lead} cannot also be an assisting unit.`,
      'assistUnitCodes',
    );
  }
  if (new Set(assists).size !== assists.length) {
    return refuse(
      'duplicate_assist',
      '协办单位中有重复。',
      'An assisting unit is listed twice.',
      'assistUnitCodes',
    );
  }
  return null;
}

function checkNewDueAt(snapshot: CaseSnapshot, newDueAt: number, now: number): Refusal | null {
  const current = snapshot.dueAt;
  if (newDueAt <= now) {
    return refuse(
      'impossible_time',
      `新的截止时间 ${formatDateTime(newDueAt)} 已经过去，请选择现在（${formatDateTime(now)}）之后的时间。`,
      `The new deadline ${formatDateTime(newDueAt)} has already passed; choose a time after now (${formatDateTime(now)}).`,
      'newDueAt',
    );
  }
  if (current != null && newDueAt <= current) {
    return refuse(
      'extension_not_later',
      `延期后的截止时间须晚于现在的截止时间 ${formatDateTime(current)}。`,
      `An extension must end after the current deadline, ${formatDateTime(current)}.`,
      'newDueAt',
    );
  }
  if (newDueAt - now > LONGEST_EXTENSION_MS) {
    return refuse(
      'impossible_time',
      `新的截止时间 ${formatDateTime(newDueAt)} 在一年以后，请检查输入。`,
      `The new deadline ${formatDateTime(newDueAt)} is more than a year away; check the input.`,
      'newDueAt',
    );
  }
  return null;
}
