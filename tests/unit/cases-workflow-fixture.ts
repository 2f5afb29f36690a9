/**
 * A case snapshot in any state, a sample input for every move, and the actors the workflow
 * tests use (core/cases/workflow.ts).
 */
import { WorkCalendar } from '../../core/calendar';
import type { CaseSnapshot } from '../../core/cases/case-snapshot';
import type { MoveInput, MoveKind } from '../../core/cases/moves';
import { planMove, type MoveActor, type MovePlan } from '../../core/cases/workflow';
import { mergeClockRules } from '../../core/clocks';
import { DEFAULT_WORK_PERIODS } from '../../core/limits/work-periods';
import type { CaseState } from '../../core/glossary';
import { DAY_MS, HOUR_MS, MINUTE_MS, fromWallClock } from '../../core/time';

export const NOW = fromWallClock(2026, 11, 18, 10); // Wed
// 2026 National Day: 1–7 Oct off, Saturday 10 Oct worked (调休).
export const calendar = new WorkCalendar([
  ...[1, 2, 3, 4, 5, 6, 7].map((d) => ({ day: `2026-10-0${d}`, kind: 'holiday' as const })),
  { day: '2026-10-10', kind: 'workday' },
]);
export const deps = {
  rules: mergeClockRules({ resolveHours: 24 }),
  calendar,
  periods: DEFAULT_WORK_PERIODS,
  unit: (code: string) => ({ name: `单位${code}`, active: true, kind: 'department' as const }),
};
export const operator: MoveActor = { userId: 2, name: '张敏', role: 'operator' };
export const colleague: MoveActor = { userId: 3, name: '刘洋', role: 'operator' };
export const leader: MoveActor = { userId: 4, name: '王建国', role: 'leader' };
export const system: MoveActor = { userId: null, name: '系统', role: 'system' };

export function snapshot(state: CaseState, extra: Partial<CaseSnapshot> = {}): CaseSnapshot {
  const registered = state !== 'reported';
  return {
    id: 1,
    caseNo: 'E01022026111800001',
    source: 'grid_patrol',
    categoryCode: 'E0102',
    description: '人行道上有建筑垃圾',
    address: '幸福路 12 号',
    lng: 121.47,
    lat: 31.23,
    originalCrs: null,
    originalLng: null,
    originalLat: null,
    gridCode: null,
    communityCode: null,
    urgency: 'normal',
    state,
    stateBeforeSuspend: state === 'suspended' ? 'in_progress' : null,
    reportedAt: NOW - 2 * HOUR_MS,
    registeredAt: registered ? NOW - 2 * HOUR_MS + MINUTE_MS : null,
    dispatchedAt: null,
    arrivedAt: null,
    handledAt: null,
    closedAt: state === 'closed' ? NOW - MINUTE_MS : null,
    voidedAt: null,
    acceptDueAt: NOW - 2 * HOUR_MS + MINUTE_MS,
    onsiteDueAt: null,
    baseDueAt: registered ? NOW + 22 * HOUR_MS : null,
    extendedDueAt: null,
    dueAt: registered ? NOW + 22 * HOUR_MS : null,
    dueWindowMs: registered ? DAY_MS : null,
    cityDueAt: null,
    cityDeadlineHours: null,
    suspendedAt: state === 'suspended' ? NOW - HOUR_MS : null,
    suspendedMs: 0,
    leadUnitCode: ['dispatched', 'in_progress', 'handled'].includes(state) ? 'D01' : null,
    reworkCount: 0,
    extensionCount: 0,
    escalated: false,
    supervised: false,
    handlerName: state === 'handled' ? '张敏' : null,
    verifierName: null,
    resultNote: null,
    voidReason: null,
    reporter: null,
    phone: null,
    satisfaction: null,
    callbackAt: null,
    extra: null,
    importBatchId: null,
    externalUpdatedAt: null,
    createdAt: NOW - 2 * HOUR_MS,
    updatedAt: NOW - 2 * HOUR_MS,
    exchangeHash: null,
    exchangedAt: null,
    standardId: null,
    handlerUserId: state === 'handled' ? 2 : null,
    pendingExtension: null,
    ...extra,
  };
}

export const SAMPLE: Record<MoveKind, MoveInput> = {
  register: { kind: 'register' },
  void: { kind: 'void', reason: '不属实' },
  dispatch: { kind: 'dispatch', leadUnitCode: 'D02', assistUnitCodes: ['D03'] },
  sign: { kind: 'sign' },
  handle: { kind: 'handle', result: '已清理' },
  close: { kind: 'close' },
  return: { kind: 'return', reason: '非本单位职责' },
  rework: { kind: 'rework', reason: '未清理干净' },
  request_extension: { kind: 'request_extension', newDueAt: NOW + 3 * DAY_MS, reason: '待材料' },
  extend: { kind: 'extend', newDueAt: NOW + 3 * DAY_MS, reason: '同意' },
  decline_extension: { kind: 'decline_extension', reason: '不同意' },
  suspend: { kind: 'suspend', reason: '待施工' },
  resume: { kind: 'resume' },
  escalate: { kind: 'escalate', leadUnitCode: 'D04', assistUnitCodes: ['D05'], note: '吹哨' },
  supervise: { kind: 'supervise', note: '督办' },
  callback: { kind: 'callback', satisfaction: 'satisfied' },
  note: { kind: 'note', note: '已电话联系' },
};

export const pending = {
  newDueAt: NOW + 3 * DAY_MS,
  reason: '待材料',
  requestedBy: '张敏',
  requestedAt: NOW - HOUR_MS,
};

export function plan(s: CaseSnapshot, input: MoveInput, actor: MoveActor = system, now = NOW) {
  return planMove(s, input, actor, now, deps);
}
export function ok(result: ReturnType<typeof plan>): MovePlan {
  if (!result.ok) throw new Error(`refused: ${result.sentence.en}`);
  return result;
}
