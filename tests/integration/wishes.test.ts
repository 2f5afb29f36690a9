/**
 * Small wishes through the API on a real SQLite file (issue 14): published by an operator,
 * claimed by a member, fulfilled and confirmed, every step an event; a stale move refused
 * naming who moved it and when; residents' data masked for a leader; roles checked.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, type ApiContext } from '../../api/context';
import type { ApiInput, ApiResult, MethodName } from '../../api/contract';
import { invoke } from '../../api/invoke';
import { LiveBus } from '../../api/live';
import { openOrCreateDatabase } from '../../db/bootstrap';
import type { Db } from '../../db/open';
import { DAY_MS } from '../../core/time';

const now = Date.UTC(2026, 10, 21, 2, 0);
let dir: string;
let db: Db;
let base: ApiContext;
const clock = { offset: 0 };

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-wishes-'));
  db = openOrCreateDatabase(path.join(dir, 'desk.sqlite'), {
    appVersion: 'test',
    now,
    demoWhenNew: true,
  }).db;
  base = {
    db,
    now: () => now + clock.offset,
    appVersion: 'test',
    live: new LiveBus(),
    actor: SYSTEM_ACTOR,
    transport: 'ipc',
  };
});
afterAll(() => {
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const as = (role: 'operator' | 'leader' | 'admin', name: string): ApiContext => ({
  ...base,
  actor: { userId: role === 'operator' ? 2 : 3, name, role },
});
const call = <M extends MethodName>(context: ApiContext, method: M, input: ApiInput<M>) =>
  invoke(context, method, input) as Promise<ApiResult<M>>;

describe('small wishes', () => {
  it('go published → claimed → fulfilled → confirmed, every step an event, the clocks set', async () => {
    const operator = as('operator', '张敏');
    const grid = db
      .prepare("SELECT code FROM places WHERE level = 'grid' ORDER BY code LIMIT 1")
      .pluck()
      .get() as string;
    const published = await call(operator, 'wishes.publish', {
      title: '独居老人想要一台轮椅',
      forWhom: '独居老人',
      residentName: '李秀英',
      residentPhone: '13912345678',
      gridCode: grid,
      valueYuan: 380,
    });
    expect(published.state).toBe('published');
    expect(published.dueAt).toBe(now + 7 * DAY_MS);
    expect(published.residentPhone).toBe('13912345678');
    expect(published.moves).toEqual(['claim', 'withdraw']);
    const board = await call(operator, 'wishes.board', {});
    const column = board.columns.find((c) => c.state === 'published')!;
    expect(column.wishes.map((w) => w.id)).toContain(published.id);

    const [member] = await call(operator, 'wishes.claimants', { q: '王' });
    expect(member).toBeDefined();
    clock.offset = 2 * DAY_MS;
    const claimed = await call(operator, 'wishes.move', {
      wishId: published.id,
      expectedState: 'published',
      move: { kind: 'claim', memberId: member!.id },
    });
    expect(claimed.state).toBe('claimed');
    expect(claimed.claimedBy).toBe(member!.name);
    expect(claimed.dueAt).toBe(now + 2 * DAY_MS + 30 * DAY_MS);
    const fulfilled = await call(operator, 'wishes.move', {
      wishId: published.id,
      expectedState: 'claimed',
      move: { kind: 'fulfil', note: '轮椅已送到老人家中' },
    });
    expect(fulfilled.dueAt).toBeNull();
    const confirmed = await call(operator, 'wishes.move', {
      wishId: published.id,
      expectedState: 'fulfilled',
      move: { kind: 'confirm' },
    });
    expect(confirmed.state).toBe('confirmed');
    expect(confirmed.events.map((e) => e.kind)).toEqual(['publish', 'claim', 'fulfil', 'confirm']);
    expect(confirmed.events.every((e) => e.actor === '张敏')).toBe(true);
    expect(confirmed.moves).toEqual([]);
    clock.offset = 0;
  });

  it('refuses a stale move naming who moved the wish and when, and moves nothing', async () => {
    const operator = as('operator', '张敏');
    const other = as('operator', '刘洋');
    const grid = db
      .prepare("SELECT code FROM places WHERE level = 'grid' ORDER BY code LIMIT 1 OFFSET 3")
      .pluck()
      .get() as string;
    const wish = await call(operator, 'wishes.publish', { title: '学习台灯', gridCode: grid });
    await call(other, 'wishes.move', {
      wishId: wish.id,
      expectedState: 'published',
      move: { kind: 'withdraw', reason: '居民已自行解决' },
    });
    const [member] = await call(operator, 'wishes.claimants', { q: '李' });
    await expect(
      call(operator, 'wishes.move', {
        wishId: wish.id,
        expectedState: 'published',
        move: { kind: 'claim', memberId: member!.id },
      }),
    ).rejects.toThrow(/刘洋/);
    const after = await call(operator, 'wishes.get', { id: wish.id });
    expect(after.state).toBe('withdrawn');
    expect(after.events).toHaveLength(2);
  });

  it("masks the resident's name and phone for a leader, who moves nothing", async () => {
    const leader = as('leader', '王建国');
    const wish = db
      .prepare(
        "SELECT id FROM wishes WHERE resident_phone IS NOT NULL AND state = 'published' LIMIT 1",
      )
      .pluck()
      .get() as number;
    const detail = await call(leader, 'wishes.get', { id: wish });
    expect(detail.personalDataMasked).toBe(true);
    expect(detail.residentPhone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(detail.residentName).toMatch(/\*/);
    expect(detail.moves).toEqual([]);
    await expect(
      call(leader, 'wishes.move', {
        wishId: wish,
        expectedState: 'published',
        move: { kind: 'withdraw', reason: 'x' },
      }),
    ).rejects.toThrow(/Only operator, admin/);
    const board = await call(leader, 'wishes.board', {});
    const everyName = board.columns.flatMap((c) => c.wishes.map((w) => w.residentName ?? ''));
    expect(everyName.filter((n) => n && !n.includes('*'))).toEqual([]);
  });

  it('refuses bad input in a sentence', async () => {
    const operator = as('operator', '张敏');
    await expect(call(operator, 'wishes.publish', { title: '', gridCode: '1' })).rejects.toThrow();
    await expect(
      call(operator, 'wishes.publish', { title: '台灯', gridCode: '990101001999999' }),
    ).rejects.toThrow(/There is no grid 990101001999999/);
  });
});
