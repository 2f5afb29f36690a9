/**
 * The seven-step workflow on a real database file: a case taken in by phone, dispatched,
 * signed for, handled and verified by another user (采办分离), with every refusal a sentence
 * and nothing half-written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromWallClock, HOUR_MS, MINUTE_MS } from '../../core/time';
import { aGrid, openCaseDesk, signInDesk, type CaseDesk } from './cases-fixture';

let desk: CaseDesk;
let tokens: Awaited<ReturnType<typeof signInDesk>>;

beforeAll(async () => {
  desk = openCaseDesk();
  tokens = await signInDesk(desk);
});
afterAll(() => desk.close());

const count = (sql: string, ...params: unknown[]) =>
  desk.db
    .prepare(sql)
    .pluck()
    .get(...params) as number;

async function newCase(registerNow = true, categoryCode = 'E0102') {
  const grid = aGrid(desk.db);
  return desk.call(tokens.zhang, 'cases.create', {
    source: 'hotline_12345',
    categoryCode,
    description: '小区门口暴露垃圾，气味较大',
    address: '幸福路 8 号门口',
    placeCode: grid.code,
    reporter: '王小明',
    phone: '13812345678',
    registerNow,
  });
}

describe('a case from phone call to closing', () => {
  it('runs register → dispatch → sign → handle → close, each an event with its actor', async () => {
    const created = await newCase();
    expect(created.state).toBe('registered');
    expect(created.caseNo).toMatch(/^E010220261121\d{5}$/);
    const id = created.id;

    desk.clock.now += 5 * MINUTE_MS;
    const dispatched = await desk.call(tokens.zhang, 'cases.move', {
      caseId: id,
      expectedState: 'registered',
      move: { kind: 'dispatch', leadUnitCode: 'D01', assistUnitCodes: ['D02'] },
    });
    expect(dispatched.detail.state).toBe('dispatched');
    expect(dispatched.detail.onsiteDueAt).toBe(desk.clock.now + HOUR_MS);
    expect(dispatched.detail.units.map((u) => [u.unitCode, u.role])).toEqual([
      ['D01', 'lead'],
      ['D02', 'assist'],
    ]);

    desk.clock.now += 20 * MINUTE_MS;
    await desk.call(tokens.zhang, 'cases.move', { caseId: id, move: { kind: 'sign' } });
    desk.clock.now += HOUR_MS;
    await desk.call(tokens.zhang, 'cases.move', {
      caseId: id,
      move: { kind: 'handle', result: '已清运' },
    });

    // 采办分离: 张敏 recorded the handling, so 张敏 may not close it.
    const before = count('SELECT count(*) FROM case_events WHERE case_id = ?', id);
    await expect(
      desk.call(tokens.zhang, 'cases.move', { caseId: id, move: { kind: 'close' } }),
    ).rejects.toMatchObject({ code: 'separation_of_duties' });
    expect(count('SELECT count(*) FROM case_events WHERE case_id = ?', id)).toBe(before);
    const detailForZhang = await desk.call(tokens.zhang, 'cases.get', { id });
    expect(detailForZhang.moves.find((m) => m.kind === 'close')).toMatchObject({ allowed: false });

    desk.clock.now += 10 * MINUTE_MS;
    const closed = await desk.call(tokens.liu, 'cases.move', {
      caseId: id,
      move: { kind: 'close' },
    });
    expect(closed.detail.state).toBe('closed');
    expect(closed.detail.closedAt).toBe(desk.clock.now);
    expect(closed.detail.verifierName).toBe('刘洋');
    expect(closed.detail.handlerName).toBe('张敏');
    expect(closed.detail.events.map((e) => [e.kind, e.actorName, e.toState])).toEqual([
      ['report', '张敏', 'reported'],
      ['register', '张敏', 'registered'],
      ['dispatch', '张敏', 'dispatched'],
      ['sign', '张敏', 'in_progress'],
      ['handle', '张敏', 'handled'],
      ['close', '刘洋', 'closed'],
    ]);
    expect(desk.live.at(-1)).toMatchObject({ type: 'cases.changed', caseIds: [id] });
  });

  it('computes the deadline from the category’s standard: the demo’s E0102 暴露垃圾 first 立案条件 is 2 working hours', async () => {
    // Registered on Saturday 21 November 2026 after 14:00 with no 立案条件 named: the minor's
    // first row of the demo standard (主次干道暴露垃圾, 2小时) counts from Monday's 08:00.
    const created = await newCase();
    const row = desk.db
      .prepare(
        `SELECT registered_at AS r, base_due_at AS base, due_at AS due, due_window_ms AS w,
                accept_due_at AS a, reported_at AS rep, s.condition, s.limit_value AS value, s.limit_unit AS unit
           FROM cases c JOIN category_standards s ON s.id = c.standard_id WHERE c.id = ?`,
      )
      .get(created.id) as {
      r: number;
      base: number;
      due: number;
      w: number;
      a: number;
      rep: number;
      condition: string;
      value: number;
      unit: string;
    };
    expect(row).toMatchObject({ condition: '主次干道暴露垃圾', value: 2, unit: 'working_hours' });
    expect(row.r).toBeGreaterThan(fromWallClock(2026, 11, 21, 14));
    expect(row.base).toBe(fromWallClock(2026, 11, 23, 10));
    expect(row.base).not.toBe(row.r + 2 * HOUR_MS);
    expect(row.due).toBe(row.base);
    expect(row.w).toBe(row.base - row.r);
    expect(row.a).toBe(row.rep + MINUTE_MS);
  });

  it('refuses moves out of order, by the wrong role, or by nobody, with a sentence', async () => {
    const { id } = await newCase(false);
    await expect(
      desk.call(tokens.zhang, 'cases.move', { caseId: id, move: { kind: 'sign' } }),
    ).rejects.toMatchObject({
      code: 'move_out_of_order',
      sentence: { zh: expect.stringContaining('待受理'), en: expect.stringContaining('reported') },
    });
    await expect(
      desk.call(tokens.leader, 'cases.move', { caseId: id, move: { kind: 'register' } }),
    ).rejects.toMatchObject({
      code: 'role_not_allowed',
    });
    await expect(
      desk.call(null, 'cases.move', { caseId: id, move: { kind: 'register' } }),
    ).rejects.toMatchObject({
      code: 'sign_in_required',
    });
    await expect(
      desk.call(tokens.zhang, 'cases.move', { caseId: id, move: { kind: 'void', reason: '  ' } }),
    ).rejects.toMatchObject({ code: 'invalid_input', where: 'move.reason' });
    await expect(
      desk.call(tokens.zhang, 'cases.move', { caseId: 99_999_999, move: { kind: 'register' } }),
    ).rejects.toMatchObject({
      code: 'no_such_case',
    });
    await desk.call(tokens.zhang, 'cases.move', { caseId: id, move: { kind: 'register' } });
    await expect(
      desk.call(tokens.zhang, 'cases.move', {
        caseId: id,
        move: { kind: 'dispatch', leadUnitCode: 'NOPE', assistUnitCodes: [] },
      }),
    ).rejects.toMatchObject({ code: 'unknown_unit', where: 'move.leadUnitCode' });
    await expect(
      desk.call(tokens.zhang, 'cases.move', {
        caseId: id,
        move: { kind: 'dispatch', leadUnitCode: 'D01', assistUnitCodes: ['D01'] },
      }),
    ).rejects.toMatchObject({ code: 'lead_is_assisting' });
    // Someone else moved it meanwhile: the move made on a stale screen is refused.
    await expect(
      desk.call(tokens.liu, 'cases.move', {
        caseId: id,
        expectedState: 'reported',
        move: { kind: 'void', reason: '重复' },
      }),
    ).rejects.toMatchObject({ code: 'case_changed' });
  });

  it('writes nothing when any part of a move fails (one transaction)', async () => {
    const { id } = await newCase();
    const row = () =>
      desk.db
        .prepare('SELECT state, dispatched_at, lead_unit_code FROM cases WHERE id = ?')
        .get(id);
    const before = {
      row: row(),
      units: count('SELECT count(*) FROM case_units WHERE case_id = ?', id),
    };
    desk.db.exec(
      "CREATE TEMP TRIGGER fail_events BEFORE INSERT ON case_events BEGIN SELECT RAISE(ABORT, 'disk trouble'); END",
    );
    try {
      await expect(
        desk.call(tokens.zhang, 'cases.move', {
          caseId: id,
          move: { kind: 'dispatch', leadUnitCode: 'D01', assistUnitCodes: ['D02'] },
        }),
      ).rejects.toThrow(/disk trouble/);
    } finally {
      desk.db.exec('DROP TRIGGER temp.fail_events');
    }
    expect(row()).toEqual(before.row);
    expect(count('SELECT count(*) FROM case_units WHERE case_id = ?', id)).toBe(before.units);
  });

  it('voids a report that does not stand, from reported or registered only', async () => {
    const { id } = await newCase(false);
    const voided = await desk.call(tokens.zhang, 'cases.move', {
      caseId: id,
      move: { kind: 'void', reason: '重复上报', duplicateOfCaseNo: 'E01022026112100001' },
    });
    expect(voided.detail.state).toBe('voided');
    expect(voided.detail.voidReason).toContain('重复上报');
    await expect(
      desk.call(tokens.zhang, 'cases.move', { caseId: id, move: { kind: 'register' } }),
    ).rejects.toMatchObject({
      code: 'move_out_of_order',
    });
  });
});

describe('side moves', () => {
  async function inProgress() {
    const { id } = await newCase();
    await desk.call(tokens.zhang, 'cases.move', {
      caseId: id,
      move: { kind: 'dispatch', leadUnitCode: 'D03', assistUnitCodes: [] },
    });
    await desk.call(tokens.zhang, 'cases.move', { caseId: id, move: { kind: 'sign' } });
    return id;
  }

  it('returns a wrongly dispatched case to registered, and the unit is no longer on it', async () => {
    const { id } = await newCase();
    await desk.call(tokens.zhang, 'cases.move', {
      caseId: id,
      move: { kind: 'dispatch', leadUnitCode: 'D03', assistUnitCodes: ['D04'] },
    });
    const back = await desk.call(tokens.zhang, 'cases.move', {
      caseId: id,
      move: { kind: 'return', reason: '非本单位职责' },
    });
    expect(back.detail.state).toBe('registered');
    expect(back.detail.leadUnitCode).toBeNull();
    expect(back.detail.units.map((u) => u.unitCode)).toEqual(['D04']);
    const again = await desk.call(tokens.zhang, 'cases.move', {
      caseId: id,
      move: { kind: 'dispatch', leadUnitCode: 'D05', assistUnitCodes: [] },
    });
    expect(again.detail.units.map((u) => [u.unitCode, u.role])).toEqual([['D05', 'lead']]);
  });

  it('sends a case back for rework and counts it', async () => {
    const id = await inProgress();
    await desk.call(tokens.zhang, 'cases.move', {
      caseId: id,
      move: { kind: 'handle', result: '已处理' },
    });
    const rework = await desk.call(tokens.liu, 'cases.move', {
      caseId: id,
      move: { kind: 'rework', reason: '现场仍有垃圾' },
    });
    expect(rework.detail.state).toBe('dispatched');
    expect(rework.detail.reworkCount).toBe(1);
    expect(rework.detail.arrivedAt).toBeNull();
  });

  it('suspends and resumes: the clock stops for the time parked', async () => {
    const id = await inProgress();
    const due = (await desk.call(tokens.zhang, 'cases.get', { id })).dueAt!;
    const parked = await desk.call(tokens.zhang, 'cases.move', {
      caseId: id,
      move: { kind: 'suspend', reason: '待管线单位施工' },
    });
    expect(parked.detail.state).toBe('suspended');
    expect(parked.detail.moves.map((m) => m.kind)).toContain('resume');
    desk.clock.now += 3 * HOUR_MS;
    const resumed = await desk.call(tokens.zhang, 'cases.move', {
      caseId: id,
      move: { kind: 'resume' },
    });
    expect(resumed.detail.state).toBe('in_progress');
    expect(resumed.detail.suspendedMs).toBe(3 * HOUR_MS);
    expect(resumed.detail.dueAt).toBe(due + 3 * HOUR_MS);
  });

  it('extends only with a leader’s approval, and only to a later deadline', async () => {
    const id = await inProgress();
    const due = (await desk.call(tokens.zhang, 'cases.get', { id })).dueAt!;
    await expect(
      desk.call(tokens.zhang, 'cases.move', {
        caseId: id,
        move: { kind: 'extend', newDueAt: due + 86_400_000, reason: '需协调' },
      }),
    ).rejects.toMatchObject({ code: 'role_not_allowed' });
    await desk.call(tokens.zhang, 'cases.move', {
      caseId: id,
      move: { kind: 'request_extension', newDueAt: due + 86_400_000, reason: '需协调物业' },
    });
    const pending = await desk.call(tokens.leader, 'cases.get', { id });
    expect(pending.pendingExtension).toMatchObject({
      newDueAt: due + 86_400_000,
      requestedBy: '张敏',
    });
    await expect(
      desk.call(tokens.leader, 'cases.move', {
        caseId: id,
        move: { kind: 'extend', newDueAt: due - 1000, reason: 'x' },
      }),
    ).rejects.toMatchObject({ code: 'extension_not_later', where: 'newDueAt' });
    const approved = await desk.call(tokens.leader, 'cases.move', {
      caseId: id,
      move: { kind: 'extend', newDueAt: due + 86_400_000, reason: '同意延期一天' },
    });
    expect(approved.detail.dueAt).toBe(due + 86_400_000);
    expect(approved.detail.extensionCount).toBe(1);
    expect(approved.detail.pendingExtension).toBeNull();
    await expect(
      desk.call(tokens.leader, 'cases.move', {
        caseId: id,
        move: { kind: 'decline_extension', reason: 'x' },
      }),
    ).rejects.toMatchObject({ code: 'no_extension_request' });
  });

  it('escalates (吹哨) to a lead department with assisting units; the old lead stays on', async () => {
    const id = await inProgress();
    await expect(
      desk.call(tokens.zhang, 'cases.move', {
        caseId: id,
        move: { kind: 'escalate', leadUnitCode: 'D01', assistUnitCodes: ['D02'], note: '街道吹哨' },
      }),
    ).rejects.toMatchObject({ code: 'role_not_allowed' });
    const escalated = await desk.call(tokens.leader, 'cases.move', {
      caseId: id,
      move: {
        kind: 'escalate',
        leadUnitCode: 'D01',
        assistUnitCodes: ['D02'],
        note: '街道吹哨，部门报到',
      },
    });
    expect(escalated.detail.escalated).toBe(true);
    expect(escalated.detail.leadUnitCode).toBe('D01');
    expect(escalated.detail.units.map((u) => [u.unitCode, u.role]).sort()).toEqual([
      ['D01', 'lead'],
      ['D02', 'assist'],
      ['D03', 'assist'],
    ]);
    const supervised = await desk.call(tokens.leader, 'cases.move', {
      caseId: id,
      move: { kind: 'supervise', note: '请本周内办结' },
    });
    expect(supervised.detail.supervised).toBe(true);
  });
});

describe('the demo street’s rows as they are', () => {
  it('accepts the next move on a demo case in every open state', async () => {
    const pick = (state: string) =>
      desk.db
        .prepare(
          "SELECT id FROM cases WHERE state = ? AND case_no NOT LIKE 'E0102202611%' ORDER BY id DESC LIMIT 1",
        )
        .pluck()
        .get(state) as number;
    const moves: Array<[string, Parameters<CaseDesk['call']>[2]]> = [
      ['reported', { caseId: pick('reported'), move: { kind: 'register' } }],
      [
        'registered',
        {
          caseId: pick('registered'),
          move: { kind: 'dispatch', leadUnitCode: 'D01', assistUnitCodes: [] },
        },
      ],
      ['dispatched', { caseId: pick('dispatched'), move: { kind: 'sign' } }],
      ['in_progress', { caseId: pick('in_progress'), move: { kind: 'handle', result: '已处置' } }],
      ['handled', { caseId: pick('handled'), move: { kind: 'close' } }],
      ['suspended', { caseId: pick('suspended'), move: { kind: 'resume' } }],
    ];
    for (const [state, input] of moves) {
      const result = await desk.call(tokens.liu, 'cases.move', input as never);
      expect(result.detail.events.at(-1)!.actorName, state).toBe('刘洋');
    }
  });
});
