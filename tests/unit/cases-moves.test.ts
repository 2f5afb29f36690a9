/**
 * Which states and roles each move accepts (docs/design/DOMAIN.md's lifecycle), and the moves a case
 * screen offers, with the sentence for those it refuses.
 */
import { describe, expect, it } from 'vitest';
import { allowedMoves } from '../../core/cases/allowed-moves';
import { MOVE_FROM, MOVE_KINDS, MOVE_ROLES } from '../../core/cases/moves';
import type { MoveActor } from '../../core/cases/workflow';
import { CASE_STATES, USER_ROLES } from '../../core/glossary';
import {
  SAMPLE,
  colleague,
  leader,
  operator,
  pending,
  plan,
  snapshot,
} from './cases-workflow-fixture';

describe('each move starts only from the states DOMAIN.md names', () => {
  for (const kind of MOVE_KINDS) {
    it(`${kind}: from ${MOVE_FROM[kind].join(', ')}`, () => {
      for (const state of CASE_STATES) {
        const s = snapshot(
          state,
          kind === 'decline_extension'
            ? { pendingExtension: pending, handlerUserId: null, handlerName: null }
            : { handlerUserId: null, handlerName: null },
        );
        const result = plan(s, SAMPLE[kind]);
        if (MOVE_FROM[kind].includes(state)) {
          expect(result.ok, `${kind} from ${state}: ${result.ok ? '' : result.sentence.en}`).toBe(
            true,
          );
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
        const s = snapshot(state, {
          leadUnitCode: 'D01',
          pendingExtension: kind === 'decline_extension' ? pending : null,
          handlerUserId: null,
          handlerName: null,
        });
        const result = plan(s, SAMPLE[kind], actor);
        if (MOVE_ROLES[kind].includes(role)) expect(result.ok, `${kind} by ${role}`).toBe(true);
        else expect(result).toMatchObject({ ok: false, code: 'role_not_allowed' });
      }
      expect(
        plan(snapshot(state), SAMPLE[kind], { userId: null, name: '未登录', role: 'anonymous' }),
      ).toMatchObject({
        ok: false,
        code: 'sign_in_required',
      });
    });
  }

  it('lets a handling unit act only on cases its unit leads', () => {
    const handler: MoveActor = { userId: 8, name: '市政所 李强', role: 'handler', unitCode: 'D02' };
    expect(plan(snapshot('dispatched'), SAMPLE.sign, handler)).toMatchObject({
      ok: false,
      code: 'not_your_unit',
    });
    expect(plan(snapshot('dispatched', { leadUnitCode: 'D02' }), SAMPLE.sign, handler).ok).toBe(
      true,
    );
  });
});

describe('the allowed moves a screen shows', () => {
  it('lists what the state and role permit, with the reason when something else stands in the way', () => {
    const forHandler = allowedMoves(snapshot('handled'), operator);
    expect(forHandler.map((m) => m.kind)).toEqual([
      'close',
      'rework',
      'request_extension',
      'suspend',
      'note',
    ]);
    expect(forHandler.find((m) => m.kind === 'close')).toMatchObject({
      allowed: false,
      reason: { zh: expect.stringContaining('采办分离') },
    });
    expect(forHandler.find((m) => m.kind === 'rework')).toMatchObject({ allowed: false });
    expect(allowedMoves(snapshot('handled'), colleague).find((m) => m.kind === 'close')).toEqual({
      kind: 'close',
      allowed: true,
    });
    expect(allowedMoves(snapshot('in_progress'), leader).map((m) => m.kind)).toEqual([
      'extend',
      'suspend',
      'escalate',
      'supervise',
      'note',
    ]);
    expect(allowedMoves(snapshot('closed'), colleague).map((m) => m.kind)).toEqual([
      'callback',
      'note',
    ]);
  });
});
