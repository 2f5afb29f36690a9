/**
 * What each move writes (core/cases/workflow.ts): the row's new columns, the units and the
 * one event, and the sentences it refuses with.
 */
import { describe, expect, it } from 'vitest';
import type { MoveInput } from '../../core/cases/moves';
import { planMove } from '../../core/cases/workflow';
import { mergeClockRules } from '../../core/clocks';
import { DAY_MS, HOUR_MS, MINUTE_MS, fromWallClock } from '../../core/time';
import {
  NOW,
  SAMPLE,
  colleague,
  deps,
  leader,
  ok,
  operator,
  pending,
  plan,
  snapshot,
} from './cases-workflow-fixture';

describe('what each move writes', () => {
  it('register starts the resolution clock from the category rule', () => {
    const p = ok(plan(snapshot('reported'), SAMPLE.register, operator));
    expect(p.patch).toMatchObject({
      state: 'registered',
      registeredAt: NOW,
      baseDueAt: NOW + DAY_MS,
      dueAt: NOW + DAY_MS,
      dueWindowMs: DAY_MS,
    });
    expect(p.event).toMatchObject({
      kind: 'register',
      fromState: 'reported',
      toState: 'registered',
      at: NOW,
    });
  });

  it('register counts working days over the calendar, and the city deadline overrides', () => {
    const working = { ...deps, rules: mergeClockRules({ resolveWorkingDays: 3 }) };
    const wed = fromWallClock(2026, 9, 30, 10);
    const s = snapshot('reported', { reportedAt: wed - MINUTE_MS });
    const p = planMove(s, SAMPLE.register, operator, wed, working);
    expect(p.ok && p.patch.dueAt).toBe(fromWallClock(2026, 10, 10, 10)); // 调休 Saturday
    const city = planMove({ ...s, cityDeadlineHours: 48 }, SAMPLE.register, operator, wed, working);
    expect(city.ok && city.patch.dueAt).toBe(wed + 48 * HOUR_MS);
    const past = planMove(
      { ...s, cityDueAt: wed - HOUR_MS },
      SAMPLE.register,
      operator,
      wed,
      working,
    );
    expect(past).toMatchObject({ ok: false, code: 'impossible_time', where: 'cityDueAt' });
  });

  it('register counts working hours inside the periods in force at the move', () => {
    const rules = mergeClockRules({ resolveLimit: { value: 4, unit: 'working_hours' } });
    const fri = fromWallClock(2026, 10, 9, 17, 30);
    const s = snapshot('reported', { reportedAt: fri - MINUTE_MS });
    const byDefault = planMove(s, SAMPLE.register, operator, fri, { ...deps, rules });
    // 0.5 h on Friday, then the 调休 Saturday from 08:00: 11:30.
    expect(byDefault.ok && byDefault.patch.dueAt).toBe(fromWallClock(2026, 10, 10, 11, 30));
    const nineToFive = { periods: [{ start: '09:00', end: '17:00' }] };
    const edited = planMove(s, SAMPLE.register, operator, fri, {
      ...deps,
      rules,
      periods: nineToFive,
    });
    // 17:30 is after Friday's period: Saturday 09:00 + 4 h.
    expect(edited.ok && edited.patch.dueAt).toBe(fromWallClock(2026, 10, 10, 13));
  });

  it('dispatch sets the lead, the assisting units and the on-site clock', () => {
    const p = ok(plan(snapshot('registered'), SAMPLE.dispatch, operator));
    expect(p.patch).toMatchObject({
      state: 'dispatched',
      dispatchedAt: NOW,
      onsiteDueAt: NOW + HOUR_MS,
      leadUnitCode: 'D02',
    });
    expect(p.units).toEqual({ lead: 'D02', assists: ['D03'], replaceAssists: true });
    expect(p.event.note).toBe('派遣至单位D02');
    expect(
      plan(snapshot('registered'), { ...SAMPLE.dispatch, assistUnitCodes: ['D02'] } as MoveInput),
    ).toMatchObject({ ok: false, code: 'lead_is_assisting' });
    expect(
      plan(snapshot('registered'), {
        ...SAMPLE.dispatch,
        assistUnitCodes: ['D03', 'D03'],
      } as MoveInput),
    ).toMatchObject({ ok: false, code: 'duplicate_assist' });
  });

  it('sign, handle and close stamp their times and people', () => {
    expect(ok(plan(snapshot('dispatched'), SAMPLE.sign)).patch).toEqual({
      state: 'in_progress',
      arrivedAt: NOW,
    });
    expect(ok(plan(snapshot('in_progress'), SAMPLE.handle, operator)).patch).toEqual({
      state: 'handled',
      handledAt: NOW,
      handlerName: '张敏',
      resultNote: '已清理',
    });
    expect(ok(plan(snapshot('handled'), SAMPLE.close, colleague)).patch).toEqual({
      state: 'closed',
      closedAt: NOW,
      verifierName: '刘洋',
    });
  });

  it('采办分离: the user who recorded the handling cannot close, by id or by name', () => {
    expect(plan(snapshot('handled'), SAMPLE.close, operator)).toMatchObject({
      ok: false,
      code: 'separation_of_duties',
    });
    const byName = snapshot('handled', { handlerUserId: null, handlerName: '刘洋' });
    expect(plan(byName, SAMPLE.close, colleague)).toMatchObject({
      ok: false,
      code: 'separation_of_duties',
    });
    expect(plan(snapshot('handled'), SAMPLE.close, leader).ok).toBe(true);
  });

  it('return clears the unit and the dispatch; rework counts and restarts the on-site clock', () => {
    const back = ok(
      plan(
        snapshot('in_progress', { dispatchedAt: NOW - HOUR_MS, arrivedAt: NOW - 1000 }),
        SAMPLE.return,
      ),
    );
    expect(back.patch).toMatchObject({
      state: 'registered',
      leadUnitCode: null,
      dispatchedAt: null,
      arrivedAt: null,
      onsiteDueAt: null,
    });
    expect(back.units).toEqual({ clearLead: true });
    expect(plan(snapshot('handled'), SAMPLE.rework, operator)).toMatchObject({
      ok: false,
      code: 'separation_of_duties',
    });
    const rework = ok(plan(snapshot('handled', { reworkCount: 1 }), SAMPLE.rework, colleague));
    expect(rework.patch).toMatchObject({
      state: 'dispatched',
      reworkCount: 2,
      dispatchedAt: NOW,
      arrivedAt: null,
      handledAt: null,
      onsiteDueAt: NOW + HOUR_MS,
    });
  });

  it('suspend parks the case; resume returns it and moves the deadline by the time parked', () => {
    const park = ok(plan(snapshot('in_progress'), SAMPLE.suspend));
    expect(park.patch).toEqual({
      state: 'suspended',
      stateBeforeSuspend: 'in_progress',
      suspendedAt: NOW,
    });
    const parked = snapshot('suspended', {
      suspendedAt: NOW - 5 * HOUR_MS,
      suspendedMs: HOUR_MS,
      dueAt: NOW + 23 * HOUR_MS,
      baseDueAt: NOW + 22 * HOUR_MS,
    });
    const back = ok(plan(parked, SAMPLE.resume));
    expect(back.patch).toMatchObject({
      state: 'in_progress',
      suspendedAt: null,
      stateBeforeSuspend: null,
      suspendedMs: 6 * HOUR_MS,
      dueAt: NOW + 28 * HOUR_MS,
    });
    expect(back.event.data).toEqual({ pausedMs: 5 * HOUR_MS });
  });

  it('resume of a report parked before registration moves only the accept clock', () => {
    const parked = snapshot('suspended', {
      stateBeforeSuspend: 'reported',
      registeredAt: null,
      baseDueAt: null,
      dueAt: null,
      suspendedAt: NOW - HOUR_MS,
    });
    const back = ok(plan(parked, SAMPLE.resume));
    expect(back.patch).toEqual({
      state: 'reported',
      stateBeforeSuspend: null,
      suspendedAt: null,
      acceptDueAt: parked.acceptDueAt! + HOUR_MS,
    });
  });

  it('resume of a dispatched case moves the on-site clock too', () => {
    const parked = snapshot('suspended', {
      stateBeforeSuspend: 'dispatched',
      onsiteDueAt: NOW - HOUR_MS + 10 * MINUTE_MS,
      suspendedAt: NOW - HOUR_MS,
    });
    const back = ok(plan(parked, SAMPLE.resume));
    expect(back.patch.onsiteDueAt).toBe(NOW + 10 * MINUTE_MS);
  });

  it('extend sets the new deadline (kept before the suspension shift) and counts it', () => {
    const s = snapshot('in_progress', { suspendedMs: 2 * HOUR_MS, dueAt: NOW + 24 * HOUR_MS });
    const p = ok(plan(s, SAMPLE.extend, leader));
    expect(p.patch).toMatchObject({
      dueAt: NOW + 3 * DAY_MS,
      extendedDueAt: NOW + 3 * DAY_MS - 2 * HOUR_MS,
      extensionCount: 1,
    });
    expect(plan(s, { kind: 'extend', newDueAt: NOW - 1, reason: 'x' }, leader)).toMatchObject({
      ok: false,
      code: 'impossible_time',
    });
    expect(
      plan(s, { kind: 'extend', newDueAt: NOW + 2 * HOUR_MS, reason: 'x' }, leader),
    ).toMatchObject({ ok: false, code: 'extension_not_later' });
    expect(
      plan(s, { kind: 'extend', newDueAt: NOW + 400 * DAY_MS, reason: 'x' }, leader),
    ).toMatchObject({ ok: false, code: 'impossible_time' });
    expect(plan({ ...s, cityDeadlineHours: 48 }, SAMPLE.extend, leader)).toMatchObject({
      ok: false,
      code: 'city_deadline',
    });
  });

  it('an extension request waits for a leader; only one at a time', () => {
    const request = ok(plan(snapshot('in_progress'), SAMPLE.request_extension, operator));
    expect(request.event).toMatchObject({
      kind: 'note',
      data: { type: 'extension_request', newDueAt: NOW + 3 * DAY_MS },
    });
    expect(request.patch).toEqual({});
    expect(
      plan(
        snapshot('in_progress', { pendingExtension: pending }),
        SAMPLE.request_extension,
        operator,
      ),
    ).toMatchObject({ ok: false, code: 'extension_pending' });
    const decline = ok(
      plan(
        snapshot('in_progress', { pendingExtension: pending }),
        SAMPLE.decline_extension,
        leader,
      ),
    );
    expect(decline.event).toMatchObject({ kind: 'note', data: { type: 'extension_declined' } });
    const approve = ok(
      plan(snapshot('in_progress', { pendingExtension: pending }), SAMPLE.extend, leader),
    );
    expect(approve.event.data).toMatchObject({ requestedBy: '张敏' });
  });

  it('escalate makes the department lead and keeps the old lead assisting', () => {
    const p = ok(plan(snapshot('in_progress'), SAMPLE.escalate, leader));
    expect(p.patch).toEqual({ escalated: true, leadUnitCode: 'D04' });
    expect(p.units).toEqual({ lead: 'D04', assists: ['D05'], demoteOldLead: true });
  });

  it('supervise marks, callback records once, void keeps the reason, note changes nothing', () => {
    expect(ok(plan(snapshot('registered'), SAMPLE.supervise, leader)).patch).toEqual({
      supervised: true,
    });
    expect(ok(plan(snapshot('closed'), SAMPLE.callback, operator)).patch).toEqual({
      satisfaction: 'satisfied',
      callbackAt: NOW,
    });
    expect(
      plan(snapshot('closed', { satisfaction: 'satisfied' }), SAMPLE.callback, operator),
    ).toMatchObject({ ok: false, code: 'callback_recorded' });
    const voided = ok(
      plan(
        snapshot('reported'),
        { kind: 'void', reason: '重复上报', duplicateOfCaseNo: 'E01' },
        operator,
      ),
    );
    expect(voided.patch).toMatchObject({
      state: 'voided',
      voidedAt: NOW,
      voidReason: '重复上报（与 E01 重复）',
    });
    expect(voided.event.data).toEqual({ duplicateOf: 'E01' });
    expect(ok(plan(snapshot('voided'), SAMPLE.note, operator)).patch).toEqual({});
  });

  it('refuses a move dated before the case was reported (a wrong clock)', () => {
    expect(plan(snapshot('reported'), SAMPLE.register, operator, NOW - 3 * HOUR_MS)).toMatchObject({
      ok: false,
      code: 'impossible_time',
    });
  });
});
