/**
 * Intake (受理): a new case from a report. Beside planMove, the other half of the workflow:
 * it checks the report's time against the clock, builds the stored case in 待受理 with its
 * accept clock running, the first 'report' event, and — for a phone call taken on the spot —
 * registers it through planMove, so registering on intake is the same move as registering
 * later. Pure: the caller says where the case is (db/ locates grids) and gives its number.
 */
import { acceptDueAt } from '../clocks';
import type { Crs } from '../geo/coordinates';
import { DAY_MS, MINUTE_MS, formatDateTime } from '../time';
import type { CaseRecord } from './case-record';
import type { CaseSnapshot } from './case-snapshot';
import { refuse, type Refusal } from './refusal';
import { planMove, type MoveActor, type MoveDeps, type PlannedEvent } from './workflow';

/** A report may be entered up to 30 days late; older cases come in through data exchange. */
const INTAKE_WINDOW_MS = 30 * DAY_MS;
/** A report time a minute ahead is a clock a little fast, not the future. */
const CLOCK_SLACK_MS = MINUTE_MS;

/** A report as intake takes it: the case model's own fields, and where and when. */
export type IntakeReport = Pick<
  CaseRecord,
  | 'caseNo'
  | 'source'
  | 'categoryCode'
  | 'urgency'
  | 'address'
  | 'gridCode'
  | 'communityCode'
  | 'reporter'
  | 'phone'
  | 'cityDueAt'
  | 'cityDeadlineHours'
> & {
  description: string;
  /** The WGS-84 point, and the point as it was given. */
  point: { lng: number; lat: number } | null;
  original: { crs: Crs; lng: number; lat: number } | null;
  /** When the problem was reported; `now` when not given. */
  reportedAt?: number | undefined;
  registerNow: boolean;
  /** The 立案条件 registered under, when registering on intake. */
  standardId?: number | null | undefined;
};

/** A new case, before the database gives it an id. */
export type NewCase = Omit<CaseRecord, 'id'>;

interface IntakePlan {
  ok: true;
  record: NewCase;
  /** The 'report' event, then 'register' when registered on intake. */
  events: PlannedEvent[];
}

export function planIntake(
  report: IntakeReport,
  actor: MoveActor,
  now: number,
  deps: MoveDeps,
): IntakePlan | Refusal {
  const reportedAt = report.reportedAt ?? now;
  if (reportedAt > now + CLOCK_SLACK_MS) {
    return refuse(
      'impossible_time',
      `上报时间 ${formatDateTime(reportedAt)} 在将来，请检查。`,
      `The report time ${formatDateTime(reportedAt)} is in the future; check it.`,
      'reportedAt',
    );
  }
  if (reportedAt < now - INTAKE_WINDOW_MS) {
    return refuse(
      'impossible_time',
      `上报时间 ${formatDateTime(reportedAt)} 早于 30 天前：历史案卷请用数据交换导入。`,
      `The report time ${formatDateTime(reportedAt)} is over 30 days ago; import older cases through data exchange.`,
      'reportedAt',
    );
  }
  let record: NewCase = {
    caseNo: report.caseNo,
    source: report.source,
    categoryCode: report.categoryCode,
    description: report.description,
    address: report.address?.trim() || null,
    lng: report.point?.lng ?? null,
    lat: report.point?.lat ?? null,
    originalCrs: report.original?.crs ?? null,
    originalLng: report.original?.lng ?? null,
    originalLat: report.original?.lat ?? null,
    gridCode: report.gridCode,
    communityCode: report.communityCode,
    urgency: report.urgency,
    state: 'reported',
    stateBeforeSuspend: null,
    reportedAt,
    registeredAt: null,
    dispatchedAt: null,
    arrivedAt: null,
    handledAt: null,
    closedAt: null,
    voidedAt: null,
    acceptDueAt: acceptDueAt(reportedAt, deps.rules),
    onsiteDueAt: null,
    baseDueAt: null,
    extendedDueAt: null,
    dueAt: null,
    dueWindowMs: null,
    cityDueAt: report.cityDueAt,
    cityDeadlineHours: report.cityDeadlineHours,
    suspendedAt: null,
    suspendedMs: 0,
    leadUnitCode: null,
    reporter: report.reporter?.trim() || null,
    phone: report.phone?.replace(/\s+/g, '') || null,
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
    extra: null,
    importBatchId: null,
    externalUpdatedAt: null,
    createdAt: now,
    updatedAt: now,
    exchangeHash: null,
    exchangedAt: null,
    standardId: null,
  };
  const events: PlannedEvent[] = [
    {
      kind: 'report',
      fromState: null,
      toState: 'reported',
      at: reportedAt,
      note: null,
      data: { source: report.source },
    },
  ];
  if (report.registerNow) {
    const register = { kind: 'register', standardId: report.standardId ?? null } as const;
    const registered = planMove(snapshotOfNew(record), register, actor, now, deps);
    if (!registered.ok) return registered;
    record = { ...record, ...registered.patch, updatedAt: now };
    events.push(registered.event);
  }
  return { ok: true, record, events };
}

/** A case not yet written, as the workflow reads one: no id yet, no history beyond the report. */
function snapshotOfNew(record: NewCase): CaseSnapshot {
  return { ...record, id: 0, handlerUserId: null, pendingExtension: null };
}
