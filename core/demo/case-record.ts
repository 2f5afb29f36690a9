/**
 * A demo case's row, read off the part of its history that has happened: the state is where
 * the events lead, each time column is its latest event of that kind in the current round
 * (a return or a rework starts a new round and clears what came after), and the deadlines
 * come from core/clocks exactly as the desk computes them.
 */
import type { WorkCalendar } from '../calendar';
import {
  acceptDueAt,
  effectiveDueAt,
  onsiteDueAt,
  resolutionDueAt,
  type ClockRules,
} from '../clocks';
import type { CaseEventKind, CaseSource, CaseState, Satisfaction, Urgency } from '../glossary';
import type { CasePlan } from './case-plan';
import type { TimelineEvent } from './case-timeline';

export interface DemoCaseEvent {
  kind: CaseEventKind;
  fromState: CaseState | null;
  toState: CaseState;
  at: number;
  actorName: string;
  actorUsername: string | null;
  note: string | null;
  data: Record<string, unknown> | null;
}

export interface DemoCaseUnit {
  unitCode: string;
  role: 'lead' | 'assist';
  addedAt: number;
}

export interface DemoCase {
  caseNo: string;
  source: CaseSource;
  categoryCode: string;
  description: string;
  address: string;
  lng: number;
  lat: number;
  gridCode: string;
  communityCode: string;
  urgency: Urgency;
  state: CaseState;
  stateBeforeSuspend: CaseState | null;
  reportedAt: number;
  registeredAt: number | null;
  dispatchedAt: number | null;
  arrivedAt: number | null;
  handledAt: number | null;
  closedAt: number | null;
  voidedAt: number | null;
  acceptDueAt: number;
  onsiteDueAt: number | null;
  baseDueAt: number | null;
  extendedDueAt: number | null;
  dueAt: number | null;
  dueWindowMs: number | null;
  cityDueAt: number | null;
  cityDeadlineHours: number | null;
  suspendedAt: number | null;
  suspendedMs: number;
  leadUnitCode: string | null;
  reporter: string | null;
  phone: string | null;
  satisfaction: Satisfaction | null;
  callbackAt: number | null;
  reworkCount: number;
  extensionCount: number;
  escalated: boolean;
  supervised: boolean;
  handlerName: string | null;
  verifierName: string | null;
  resultNote: string | null;
  voidReason: string | null;
  updatedAt: number;
  units: DemoCaseUnit[];
  events: DemoCaseEvent[];
}

/** Where each state-changing move leads; the side moves leave the state as it is. */
export const STATE_AFTER_MOVE: Partial<Record<CaseEventKind, CaseState>> = {
  report: 'reported',
  register: 'registered',
  void: 'voided',
  dispatch: 'dispatched',
  return: 'registered',
  sign: 'in_progress',
  handle: 'handled',
  rework: 'dispatched',
  close: 'closed',
  suspend: 'suspended',
};

export function deriveCaseRecord(
  caseNo: string,
  plan: CasePlan,
  happened: readonly TimelineEvent[],
  rules: ClockRules,
  calendar: WorkCalendar,
): DemoCase {
  const record: DemoCase = {
    caseNo,
    source: plan.source,
    categoryCode: plan.category.code,
    description: plan.description,
    address: plan.address,
    lng: plan.lng,
    lat: plan.lat,
    gridCode: plan.grid.code,
    communityCode: plan.grid.parentCode ?? '',
    urgency: plan.urgency,
    state: 'reported',
    stateBeforeSuspend: null,
    reportedAt: plan.reportedAt,
    registeredAt: null,
    dispatchedAt: null,
    arrivedAt: null,
    handledAt: null,
    closedAt: null,
    voidedAt: null,
    acceptDueAt: 0,
    onsiteDueAt: null,
    baseDueAt: null,
    extendedDueAt: null,
    dueAt: null,
    dueWindowMs: null,
    cityDueAt: plan.city.dueAt ?? null,
    cityDeadlineHours: plan.city.deadlineHours ?? null,
    suspendedAt: null,
    suspendedMs: 0,
    leadUnitCode: null,
    reporter: plan.reporter,
    phone: plan.phone,
    satisfaction: null,
    callbackAt: null,
    reworkCount: 0,
    extensionCount: 0,
    escalated: false,
    supervised: false,
    handlerName: null,
    verifierName: null,
    resultNote: null,
    voidReason: null,
    updatedAt: plan.reportedAt,
    units: [],
    events: [],
  };
  const units = new Map<string, DemoCaseUnit>();
  let state: CaseState | null = null;
  for (const event of happened) {
    const from = state;
    state = applyEvent(record, units, event, from);
    record.events.push({
      kind: event.kind,
      fromState: from,
      toState: state,
      at: event.at,
      actorName: event.actor.name,
      actorUsername: event.actor.username,
      note: event.note,
      data: event.data,
    });
    record.updatedAt = event.at;
  }
  record.state = state ?? 'reported';
  record.units = [...units.values()];

  record.acceptDueAt = acceptDueAt(record.reportedAt, rules);
  if (record.dispatchedAt !== null) record.onsiteDueAt = onsiteDueAt(record.dispatchedAt, rules);
  if (record.registeredAt !== null) {
    const base = resolutionDueAt(record.registeredAt, rules, calendar, plan.city);
    record.baseDueAt = base;
    record.dueWindowMs = base - record.registeredAt;
    record.dueAt = effectiveDueAt(base, record.extendedDueAt, record.suspendedMs);
  }
  return record;
}

/** Applies one event to the row and returns the state after it. */
function applyEvent(
  record: DemoCase,
  units: Map<string, DemoCaseUnit>,
  event: TimelineEvent,
  from: CaseState | null,
): CaseState {
  const at = event.at;
  switch (event.kind) {
    case 'register':
      record.registeredAt = at;
      break;
    case 'void':
      record.voidedAt = at;
      record.voidReason = event.note;
      break;
    case 'dispatch': {
      record.dispatchedAt = at;
      record.arrivedAt = null;
      record.handledAt = null;
      const lead = String(event.data?.['leadUnitCode']);
      for (const [code, unit] of units) if (unit.role === 'lead') units.delete(code);
      units.set(lead, { unitCode: lead, role: 'lead', addedAt: at });
      record.leadUnitCode = lead;
      break;
    }
    case 'return':
      // The unit gives the case back: it is no longer theirs, and dispatch starts over.
      if (record.leadUnitCode) units.delete(record.leadUnitCode);
      record.leadUnitCode = null;
      record.dispatchedAt = null;
      record.arrivedAt = null;
      record.handledAt = null;
      break;
    case 'sign':
      record.arrivedAt = at;
      break;
    case 'handle':
      record.handledAt = at;
      record.handlerName = event.actor.name;
      record.resultNote = event.note;
      break;
    case 'rework':
      // 返工 sends the case back to its unit: a new round of dispatch, sign and handle.
      record.reworkCount += 1;
      record.dispatchedAt = at;
      record.arrivedAt = null;
      record.handledAt = null;
      break;
    case 'close':
      record.closedAt = at;
      record.verifierName = event.actor.name;
      break;
    case 'extend':
      record.extensionCount += 1;
      record.extendedDueAt = Number(event.data?.['newDueAt']);
      break;
    case 'suspend':
      record.suspendedAt = at;
      record.stateBeforeSuspend = from;
      return 'suspended';
    case 'resume': {
      const resumed = record.stateBeforeSuspend ?? 'registered';
      record.suspendedMs += at - (record.suspendedAt ?? at);
      record.suspendedAt = null;
      record.stateBeforeSuspend = null;
      return resumed;
    }
    case 'escalate': {
      record.escalated = true;
      const lead = String(event.data?.['leadUnitCode']);
      const assists = (event.data?.['assistUnitCodes'] as string[] | undefined) ?? [];
      for (const unit of units.values())
        if (unit.role === 'lead' && unit.unitCode !== lead) unit.role = 'assist';
      if (units.get(lead)?.role !== 'lead')
        units.set(lead, { unitCode: lead, role: 'lead', addedAt: at });
      for (const code of assists)
        if (!units.has(code)) units.set(code, { unitCode: code, role: 'assist', addedAt: at });
      record.leadUnitCode = lead;
      break;
    }
    case 'supervise':
      record.supervised = true;
      break;
    case 'callback':
      record.satisfaction = (event.data?.['satisfaction'] as Satisfaction | undefined) ?? null;
      record.callbackAt = at;
      break;
    default:
      break;
  }
  return STATE_AFTER_MOVE[event.kind] ?? from ?? 'reported';
}
