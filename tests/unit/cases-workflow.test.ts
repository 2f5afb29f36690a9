/**
 * The case workflow, move by move (core/cases/workflow.ts): which states and roles each move
 * accepts, what it writes, and the sentence it refuses with.
 */
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../core/calendar';
import { allowedMoves } from '../../core/cases/allowed-moves';
import type { CaseSnapshot } from '../../core/cases/case-snapshot';
import { MOVE_FROM, MOVE_KINDS, MOVE_ROLES, type MoveInput, type MoveKind } from '../../core/cases/moves';
import { planMove, type MoveActor, type MovePlan } from '../../core/cases/workflow';
import { mergeClockRules } from '../../core/clocks';
import { CASE_STATES, USER_ROLES, type CaseState } from '../../core/glossary';
import { DAY_MS, HOUR_MS, MINUTE_MS, fromWallClock } from '../../core/time';

const NOW = fromWallClock(2026, 11, 18, 10); // Wed
// 2026 National Day: 1–7 Oct off, Saturday 10 Oct worked (调休).
const calendar = new WorkCalendar([
  ...[1, 2, 3, 4, 5, 6, 7].map((d) => ({ day: `2026-10-0${d}`, kind: 'holiday' as const })),
  { day: '2026-10-10', kind: 'workday' },
]);
const deps = { rules: mergeClockRules({ resolveHours: 24 }), calendar, unitName: (code: string) => `单位${code}` };
const operator: MoveActor = { userId: 2, name: '张敏', role: 'operator' };
const colleague: MoveActor = { userId: 3, name: '刘洋', role: 'operator' };
const leader: MoveActor = { userId: 4, name: '王建国', role: 'leader' };
const system: MoveActor = { userId: null, name: '系统', role: 'system' };

function snapshot(state: CaseState, extra: Partial<CaseSnapshot> = {}): CaseSnapshot {
  const registered = state !== 'reported';
  return {
    id: 1,
    caseNo: 'E01022026111800001',
    categoryCode: 'E0102',
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
    satisfaction: null,
    handlerUserId: state === 'handled' ? 2 : null,
    pendingExtension: null,
    ...extra,
  };
}

const SAMPLE: Record<MoveKind, MoveInput> = {
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

const pending = { newDueAt: NOW + 3 * DAY_MS, reason: '待材料', requestedBy: '张敏', requestedAt: NOW - HOUR_MS };

function plan(s: CaseSnapshot, input: MoveInput, actor: MoveActor = system, now = NOW) {
  return planMove(s, input, actor, now, deps);
}
function ok(result: ReturnType<typeof plan>): MovePlan {
  if (!result.ok) throw new Error(`refused: ${result.sentence.en}`);
  return result;
}

describe('each move starts only from the states DOMAIN.md names', () => {
  for (const kind of MOVE_KINDS) {
    it(`${kind}: from ${MOVE_FROM[kind].join(', ')}`, () => {
      for (const state of CASE_STATES) {
        const s = snapshot(state, kind === 'decline_extension' ? { pendingExtension: pending, handlerUserId: null, handlerName: null } : { handlerUserId: null, handlerName: null });
        const result = plan(s, SAMPLE[kind]);
        if (MOVE_FROM[kind].includes(state)) {
          expect(result.ok, `${kind} from ${state}: ${result.ok ? '' : result.sentence.en}`).toBe(true);
        } else {
          expect(result).toMatchObject({ ok: false, code: 'move_out_of_order' });
        }
      }
    });
  }

  it('says where the case is and which states would do, in both languages', () => {
    const result = plan(snapshot('closed'), SAMPLE.sign);
    expect(result).toMatchObject({
      ok: false,
      sentence: {
        zh: '案卷 E01022026111800001 现在是「已结案」，不能「签收到场」：只有「已派遣」的案卷可以。',
        en: 'Case E01022026111800001 is closed, so it cannot sign for it: only a case that is “dispatched” can.',
      },
    });
  });
});

describe('each move is made only by its roles', () => {
  for (const kind of MOVE_KINDS) {
    it(`${kind}: ${MOVE_ROLES[kind].join(', ')}`, () => {
      const state = MOVE_FROM[kind][0]!;
      for (const role of USER_ROLES) {
        const actor: MoveActor = { userId: 9, name: '某人', role, unitCode: 'D01' };
        const s = snapshot(state, { leadUnitCode: 'D01', pendingExtension: kind === 'decline_extension' ? pending : null, handlerUserId: null, handlerName: null });
        const result = plan(s, SAMPLE[kind], actor);
        if (MOVE_ROLES[kind].includes(role)) expect(result.ok, `${kind} by ${role}`).toBe(true);
        else expect(result).toMatchObject({ ok: false, code: 'role_not_allowed' });
      }
      expect(plan(snapshot(state), SAMPLE[kind], { userId: null, name: '未登录', role: 'anonymous' })).toMatchObject({
        ok: false,
        code: 'sign_in_required',
      });
    });
  }

  it('lets a handling unit act only on cases its unit leads', () => {
    const handler: MoveActor = { userId: 8, name: '市政所 李强', role: 'handler', unitCode: 'D02' };
    expect(plan(snapshot('dispatched'), SAMPLE.sign, handler)).toMatchObject({ ok: false, code: 'not_your_unit' });
    expect(plan(snapshot('dispatched', { leadUnitCode: 'D02' }), SAMPLE.sign, handler).ok).toBe(true);
  });
});

describe('what each move writes', () => {
  it('register starts the resolution clock from the category rule', () => {
    const p = ok(plan(snapshot('reported'), SAMPLE.register, operator));
    expect(p.patch).toMatchObject({ state: 'registered', registeredAt: NOW, baseDueAt: NOW + DAY_MS, dueAt: NOW + DAY_MS, dueWindowMs: DAY_MS });
    expect(p.event).toMatchObject({ kind: 'register', fromState: 'reported', toState: 'registered', at: NOW });
  });

  it('register counts working days over the calendar, and the city deadline overrides', () => {
    const working = { ...deps, rules: mergeClockRules({ resolveWorkingDays: 3 }) };
    const wed = fromWallClock(2026, 9, 30, 10);
    const s = snapshot('reported', { reportedAt: wed - MINUTE_MS });
    const p = planMove(s, SAMPLE.register, operator, wed, working);
    expect(p.ok && p.patch.dueAt).toBe(fromWallClock(2026, 10, 10, 10)); // 调休 Saturday
    const city = planMove({ ...s, cityDeadlineHours: 48 }, SAMPLE.register, operator, wed, working);
    expect(city.ok && city.patch.dueAt).toBe(wed + 48 * HOUR_MS);
    const past = planMove({ ...s, cityDueAt: wed - HOUR_MS }, SAMPLE.register, operator, wed, working);
    expect(past).toMatchObject({ ok: false, code: 'impossible_time', where: 'cityDueAt' });
  });

  it('dispatch sets the lead, the assisting units and the on-site clock', () => {
    const p = ok(plan(snapshot('registered'), SAMPLE.dispatch, operator));
    expect(p.patch).toMatchObject({ state: 'dispatched', dispatchedAt: NOW, onsiteDueAt: NOW + HOUR_MS, leadUnitCode: 'D02' });
    expect(p.units).toEqual({ lead: 'D02', assists: ['D03'], replaceAssists: true });
    expect(p.event.note).toBe('派遣至单位D02');
    expect(plan(snapshot('registered'), { ...SAMPLE.dispatch, assistUnitCodes: ['D02'] } as MoveInput)).toMatchObject({ ok: false, code: 'lead_is_assisting' });
    expect(plan(snapshot('registered'), { ...SAMPLE.dispatch, assistUnitCodes: ['D03', 'D03'] } as MoveInput)).toMatchObject({ ok: false, code: 'duplicate_assist' });
  });

  it('sign, handle and close stamp their times and people', () => {
    expect(ok(plan(snapshot('dispatched'), SAMPLE.sign)).patch).toEqual({ state: 'in_progress', arrivedAt: NOW });
    expect(ok(plan(snapshot('in_progress'), SAMPLE.handle, operator)).patch).toEqual({ state: 'handled', handledAt: NOW, handlerName: '张敏', resultNote: '已清理' });
    expect(ok(plan(snapshot('handled'), SAMPLE.close, colleague)).patch).toEqual({ state: 'closed', closedAt: NOW, verifierName: '刘洋' });
  });

  it('采办分离: the user who recorded the handling cannot close, by id or by name', () => {
    expect(plan(snapshot('handled'), SAMPLE.close, operator)).toMatchObject({ ok: false, code: 'separation_of_duties' });
    const byName = snapshot('handled', { handlerUserId: null, handlerName: '刘洋' });
    expect(plan(byName, SAMPLE.close, colleague)).toMatchObject({ ok: false, code: 'separation_of_duties' });
    expect(plan(snapshot('handled'), SAMPLE.close, leader).ok).toBe(true);
  });

  it('return clears the unit and the dispatch; rework counts and restarts the on-site clock', () => {
    const back = ok(plan(snapshot('in_progress', { dispatchedAt: NOW - HOUR_MS, arrivedAt: NOW - 1000 }), SAMPLE.return));
    expect(back.patch).toMatchObject({ state: 'registered', leadUnitCode: null, dispatchedAt: null, arrivedAt: null, onsiteDueAt: null });
    expect(back.units).toEqual({ clearLead: true });
    expect(plan(snapshot('handled'), SAMPLE.rework, operator)).toMatchObject({ ok: false, code: 'separation_of_duties' });
    const rework = ok(plan(snapshot('handled', { reworkCount: 1 }), SAMPLE.rework, colleague));
    expect(rework.patch).toMatchObject({ state: 'dispatched', reworkCount: 2, dispatchedAt: NOW, arrivedAt: null, handledAt: null, onsiteDueAt: NOW + HOUR_MS });
  });

  it('suspend parks the case; resume returns it and moves the deadline by the time parked', () => {
    const park = ok(plan(snapshot('in_progress'), SAMPLE.suspend));
    expect(park.patch).toEqual({ state: 'suspended', stateBeforeSuspend: 'in_progress', suspendedAt: NOW });
    const parked = snapshot('suspended', { suspendedAt: NOW - 5 * HOUR_MS, suspendedMs: HOUR_MS, dueAt: NOW + 23 * HOUR_MS, baseDueAt: NOW + 22 * HOUR_MS });
    const back = ok(plan(parked, SAMPLE.resume));
    expect(back.patch).toMatchObject({ state: 'in_progress', suspendedAt: null, stateBeforeSuspend: null, suspendedMs: 6 * HOUR_MS, dueAt: NOW + 28 * HOUR_MS });
    expect(back.event.data).toEqual({ pausedMs: 5 * HOUR_MS });
  });

  it('resume of a report parked before registration moves only the accept clock', () => {
    const parked = snapshot('suspended', { stateBeforeSuspend: 'reported', registeredAt: null, baseDueAt: null, dueAt: null, suspendedAt: NOW - HOUR_MS });
    const back = ok(plan(parked, SAMPLE.resume));
    expect(back.patch).toEqual({ state: 'reported', stateBeforeSuspend: null, suspendedAt: null, acceptDueAt: parked.acceptDueAt! + HOUR_MS });
  });

  it('resume of a dispatched case moves the on-site clock too', () => {
    const parked = snapshot('suspended', { stateBeforeSuspend: 'dispatched', onsiteDueAt: NOW - HOUR_MS + 10 * MINUTE_MS, suspendedAt: NOW - HOUR_MS });
    const back = ok(plan(parked, SAMPLE.resume));
    expect(back.patch.onsiteDueAt).toBe(NOW + 10 * MINUTE_MS);
  });

  it('extend sets the new deadline (kept before the suspension shift) and counts it', () => {
    const s = snapshot('in_progress', { suspendedMs: 2 * HOUR_MS, dueAt: NOW + 24 * HOUR_MS });
    const p = ok(plan(s, SAMPLE.extend, leader));
    expect(p.patch).toMatchObject({ dueAt: NOW + 3 * DAY_MS, extendedDueAt: NOW + 3 * DAY_MS - 2 * HOUR_MS, extensionCount: 1 });
    expect(plan(s, { kind: 'extend', newDueAt: NOW - 1, reason: 'x' }, leader)).toMatchObject({ ok: false, code: 'impossible_time' });
    expect(plan(s, { kind: 'extend', newDueAt: NOW + 2 * HOUR_MS, reason: 'x' }, leader)).toMatchObject({ ok: false, code: 'extension_not_later' });
    expect(plan(s, { kind: 'extend', newDueAt: NOW + 400 * DAY_MS, reason: 'x' }, leader)).toMatchObject({ ok: false, code: 'impossible_time' });
    expect(plan({ ...s, cityDeadlineHours: 48 }, SAMPLE.extend, leader)).toMatchObject({ ok: false, code: 'city_deadline' });
  });

  it('an extension request waits for a leader; only one at a time', () => {
    const request = ok(plan(snapshot('in_progress'), SAMPLE.request_extension, operator));
    expect(request.event).toMatchObject({ kind: 'note', data: { type: 'extension_request', newDueAt: NOW + 3 * DAY_MS } });
    expect(request.patch).toEqual({});
    expect(plan(snapshot('in_progress', { pendingExtension: pending }), SAMPLE.request_extension, operator)).toMatchObject({ ok: false, code: 'extension_pending' });
    const decline = ok(plan(snapshot('in_progress', { pendingExtension: pending }), SAMPLE.decline_extension, leader));
    expect(decline.event).toMatchObject({ kind: 'note', data: { type: 'extension_declined' } });
    const approve = ok(plan(snapshot('in_progress', { pendingExtension: pending }), SAMPLE.extend, leader));
    expect(approve.event.data).toMatchObject({ requestedBy: '张敏' });
  });

  it('escalate makes the department lead and keeps the old lead assisting', () => {
    const p = ok(plan(snapshot('in_progress'), SAMPLE.escalate, leader));
    expect(p.patch).toEqual({ escalated: true, leadUnitCode: 'D04' });
    expect(p.units).toEqual({ lead: 'D04', assists: ['D05'], demoteOldLead: true });
  });

  it('supervise marks, callback records once, void keeps the reason, note changes nothing', () => {
    expect(ok(plan(snapshot('registered'), SAMPLE.supervise, leader)).patch).toEqual({ supervised: true });
    expect(ok(plan(snapshot('closed'), SAMPLE.callback, operator)).patch).toEqual({ satisfaction: 'satisfied', callbackAt: NOW });
    expect(plan(snapshot('closed', { satisfaction: 'satisfied' }), SAMPLE.callback, operator)).toMatchObject({ ok: false, code: 'callback_recorded' });
    const voided = ok(plan(snapshot('reported'), { kind: 'void', reason: '重复上报', duplicateOfCaseNo: 'E01' }, operator));
    expect(voided.patch).toMatchObject({ state: 'voided', voidedAt: NOW, voidReason: '重复上报（与 E01 重复）' });
    expect(voided.event.data).toEqual({ duplicateOf: 'E01' });
    expect(ok(plan(snapshot('voided'), SAMPLE.note, operator)).patch).toEqual({});
  });

  it('refuses a move dated before the case was reported (a wrong clock)', () => {
    expect(plan(snapshot('reported'), SAMPLE.register, operator, NOW - 3 * HOUR_MS)).toMatchObject({ ok: false, code: 'impossible_time' });
  });
});

describe('the allowed moves a screen shows', () => {
  it('lists what the state and role permit, with the reason when something else stands in the way', () => {
    const forHandler = allowedMoves(snapshot('handled'), operator);
    expect(forHandler.map((m) => m.kind)).toEqual(['close', 'rework', 'request_extension', 'suspend', 'note']);
    expect(forHandler.find((m) => m.kind === 'close')).toMatchObject({ allowed: false, reason: { zh: expect.stringContaining('采办分离') } });
    expect(forHandler.find((m) => m.kind === 'rework')).toMatchObject({ allowed: false });
    expect(allowedMoves(snapshot('handled'), colleague).find((m) => m.kind === 'close')).toEqual({ kind: 'close', allowed: true });
    expect(allowedMoves(snapshot('in_progress'), leader).map((m) => m.kind)).toEqual(['extend', 'suspend', 'escalate', 'supervise', 'note']);
    expect(allowedMoves(snapshot('closed'), colleague).map((m) => m.kind)).toEqual(['callback', 'note']);
  });
});
