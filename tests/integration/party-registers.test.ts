/**
 * The party-building registers through the API on a real SQLite file (issue 14): every
 * register's table pages, searches and filters with the totals SQL gives; phones masked for a
 * leader; keyboard entry with its history and field-named refusals; 双向点单 from a need to
 * resources making a project; a project's approval by a leader before it starts; a stale
 * move refused naming who moved it; a community's user kept to its own community.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, type ApiContext } from '../../api/context';
import type { ApiInput, ApiResult, MethodName } from '../../api/contract';
import { invoke } from '../../api/invoke';
import { LiveBus } from '../../api/live';
import { REGISTERS, REGISTER_COLUMNS } from '../../core/party/registers';
import { openOrCreateDatabase } from '../../db/bootstrap';
import type { Db } from '../../db/open';

const now = Date.UTC(2026, 10, 21, 2, 0);
let dir: string;
let db: Db;
let base: ApiContext;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-registers-'));
  db = openOrCreateDatabase(path.join(dir, 'desk.sqlite'), {
    appVersion: 'test',
    now,
    demoWhenNew: true,
  }).db;
  base = {
    db,
    now: () => now,
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

type Role = 'operator' | 'leader' | 'admin' | 'handler';
const as = (role: Role, name: string, unitCode?: string): ApiContext => ({
  ...base,
  actor: { userId: 5, name, role, unitCode },
});
const call = <M extends MethodName>(context: ApiContext, method: M, input: ApiInput<M>) =>
  invoke(context, method, input) as Promise<ApiResult<M>>;
const count = (sql: string, ...params: unknown[]) =>
  db
    .prepare(sql)
    .pluck()
    .get(...params) as number;

describe('register tables', () => {
  it('page every register with the total SQL gives and every column of the screen', async () => {
    const operator = as('operator', '张敏');
    const tables: Record<string, string> = {
      units: 'party_units',
      members: 'party_members',
      records: 'service_records',
      needs: 'party_needs',
      resources: 'party_resources',
      projects: 'party_projects',
      volunteers: 'volunteers',
      activities: 'volunteer_activities',
    };
    for (const register of REGISTERS) {
      const page = await call(operator, 'party.registerPage', {
        register,
        filters: {},
        offset: 0,
        limit: 40,
      });
      expect(page.total, register).toBe(count(`SELECT count(*) FROM ${tables[register]}`));
      expect(page.total, register).toBeGreaterThan(0);
      expect(page.rows.length, register).toBe(Math.min(40, page.total!));
      for (const column of REGISTER_COLUMNS[register])
        expect(Object.keys(page.rows[0]!), `${register}.${column.key}`).toContain(column.key);
    }
  });

  it('search, filter by community and status, and page on without repeating a row', async () => {
    const operator = as('operator', '张敏');
    const member = db
      .prepare('SELECT name, home_community_code AS community FROM party_members LIMIT 1 OFFSET 37')
      .get() as { name: string; community: string };
    const found = await call(operator, 'party.registerPage', {
      register: 'members',
      filters: { q: member.name },
      offset: 0,
      limit: 100,
    });
    expect(found.total).toBeGreaterThan(0);
    expect(
      found.rows.every(
        (r) =>
          String(r.name).includes(member.name) ||
          String(r.unit).includes(member.name) ||
          String(r.skills ?? '').includes(member.name),
      ),
    ).toBe(true);
    const inCommunity = await call(operator, 'party.registerPage', {
      register: 'members',
      filters: { communityCode: member.community },
      offset: 0,
      limit: 500,
    });
    expect(inCommunity.total).toBe(
      count('SELECT count(*) FROM party_members WHERE home_community_code = ?', member.community),
    );
    const overdue = await call(operator, 'party.registerPage', {
      register: 'projects',
      filters: { status: 'overdue' },
      offset: 0,
      limit: 500,
    });
    expect(overdue.total).toBe(
      count(
        "SELECT count(*) FROM party_projects WHERE status IN ('planned','in_progress') AND planned_end < '2026-11-21'",
      ),
    );
    expect(overdue.rows.every((r) => r.overdue === 1)).toBe(true);
    const first = await call(operator, 'party.registerPage', {
      register: 'records',
      filters: {},
      offset: 0,
      limit: 50,
    });
    const second = await call(operator, 'party.registerPage', {
      register: 'records',
      filters: {},
      offset: 50,
      limit: 50,
    });
    const scrolled = await call(operator, 'party.registerPage', {
      register: 'records',
      filters: {},
      offset: 50,
      limit: 50,
      count: false,
    });
    expect(scrolled.total).toBeNull();
    expect(scrolled.rows).toEqual(second.rows);
    const ids = new Set([...first.rows, ...second.rows].map((r) => r.id));
    expect(ids.size).toBe(100);
    expect(String(first.rows[0]!.servedOn) >= String(second.rows.at(-1)!.servedOn)).toBe(true);
  });

  it("mask members' and volunteers' phones and volunteers' names for a leader, not for an operator", async () => {
    const input = { register: 'volunteers' as const, filters: {}, offset: 0, limit: 5 };
    const seen = await call(as('operator', '张敏'), 'party.registerPage', input);
    const masked = await call(as('leader', '王主任'), 'party.registerPage', input);
    expect(seen.personalDataMasked).toBe(false);
    expect(masked.personalDataMasked).toBe(true);
    expect(String(seen.rows[0]!.phone)).toMatch(/^1\d{10}$/);
    expect(String(masked.rows[0]!.phone)).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(String(masked.rows[0]!.name)).toMatch(/^.\*+$/);
  });
});

describe('entry, 双向点单 and project moves', () => {
  it('enter a need by keyboard with its history, and refuse a place that is not the street’s by field', async () => {
    const operator = as('operator', '张敏');
    const grid = count(
      "SELECT code FROM places WHERE level = 'grid' ORDER BY code LIMIT 1",
    ) as unknown as string;
    const before = count('SELECT count(*) FROM party_needs');
    const made = await call(operator, 'party.enter', {
      register: 'needs',
      title: '楼道照明改造',
      placeCode: grid,
      category: 'facilities',
      households: 48,
      urgency: 'urgent',
      raisedOn: '2026-11-20',
    });
    expect(made.row).toMatchObject({
      title: '楼道照明改造',
      status: 'open',
      category: 'facilities',
    });
    expect(String(made.row.code)).toMatch(/^XQ\d{4}$/);
    expect(made.events).toMatchObject([{ kind: 'create', actor: '张敏' }]);
    expect(count('SELECT count(*) FROM party_needs')).toBe(before + 1);
    await expect(
      call(operator, 'party.enter', {
        register: 'needs',
        title: '楼道照明改造',
        placeCode: '990101999999999',
        category: 'facilities',
        urgency: 'normal',
        raisedOn: '2026-11-20',
      }),
    ).rejects.toMatchObject({ where: 'placeCode' });
    expect(count('SELECT count(*) FROM party_needs')).toBe(before + 1);
    await expect(
      call(as('leader', '王主任'), 'party.enter', {
        register: 'needs',
        title: '领导不录入',
        placeCode: grid,
        category: 'other',
        urgency: 'normal',
        raisedOn: '2026-11-20',
      }),
    ).rejects.toThrow(/Only operator, admin, handler/);
  });

  it('order a project from a need and resources; approve, start, finish; refuse a stale move', async () => {
    const operator = as('operator', '张敏');
    const leader = as('leader', '王主任');
    const need = db
      .prepare("SELECT id, place_code AS place FROM party_needs WHERE status = 'open' LIMIT 1")
      .get() as { id: number; place: string };
    const resources = db
      .prepare(
        'SELECT id FROM party_resources WHERE available_until IS NULL OR available_until >= ? LIMIT 2',
      )
      .pluck()
      .all('2026-12-01') as number[];
    const owner = count('SELECT id FROM party_units ORDER BY id LIMIT 1');
    const project = await call(operator, 'party.orderProject', {
      orderedBy: 'community',
      needIds: [need.id],
      resourceIds: resources,
      title: '楼道照明改造项目',
      ownerUnitId: owner,
      budgetYuan: 12_345.6,
      plannedStart: '2026-12-01',
      plannedEnd: '2026-12-20',
    });
    expect(project.row).toMatchObject({ status: 'planned', budgetFen: 1_234_560, approved: 0 });
    expect(project.related.find((r) => r.relation === 'needs')!.rows.map((r) => r.id)).toEqual([
      need.id,
    ]);
    expect(project.related.find((r) => r.relation === 'resources')!.total).toBe(resources.length);
    expect(count('SELECT status FROM party_needs WHERE id = ?', need.id)).toBe('matched');
    expect(project.moves).toEqual(['cancel']);
    const id = project.row.id;

    await expect(
      call(operator, 'party.moveProject', {
        projectId: id,
        expectedStatus: 'planned',
        move: { kind: 'approve' },
      }),
    ).rejects.toThrow(/approved by leaders/);
    await expect(
      call(operator, 'party.moveProject', {
        projectId: id,
        expectedStatus: 'planned',
        move: { kind: 'start', on: '2026-12-01' },
      }),
    ).rejects.toThrow(/not approved/);
    const approved = await call(leader, 'party.moveProject', {
      projectId: id,
      expectedStatus: 'planned',
      move: { kind: 'approve', note: '同意' },
    });
    expect(approved.row.approved).toBe(1);
    expect(approved.moves).toEqual([]);
    const seenByOperator = await call(operator, 'party.registerItem', { register: 'projects', id });
    expect(seenByOperator.moves).toEqual(['start', 'cancel']);
    const started = await call(operator, 'party.moveProject', {
      projectId: id,
      expectedStatus: 'planned',
      move: { kind: 'start', on: '2026-12-01' },
    });
    expect(started.row.status).toBe('in_progress');
    await expect(
      call(as('operator', '李强'), 'party.moveProject', {
        projectId: id,
        expectedStatus: 'planned',
        move: { kind: 'cancel', reason: '重复' },
      }),
    ).rejects.toThrow(/张敏/);
    const done = await call(operator, 'party.moveProject', {
      projectId: id,
      expectedStatus: 'in_progress',
      move: { kind: 'finish', on: '2026-12-15', spentYuan: 11_000, resultNote: '更换灯具 60 盏' },
    });
    expect(done.row).toMatchObject({ status: 'done', spentFen: 1_100_000, overdue: 0 });
    expect(done.events.map((e) => e.kind)).toEqual(['create', 'approve', 'start', 'finish']);
    expect(done.moves).toEqual([]);
    const needItem = await call(operator, 'party.registerItem', { register: 'needs', id: need.id });
    expect(needItem.related[0]!.rows.map((r) => r.id)).toContain(id);
    expect(needItem.events.at(-1)).toMatchObject({ kind: 'link', toStatus: 'matched' });
  });

  it("keep a community's own user to its community", async () => {
    const unit = db
      .prepare(
        "SELECT code, place_code AS place FROM units WHERE kind = 'community' ORDER BY code LIMIT 1",
      )
      .get() as { code: string; place: string };
    const other = count(
      "SELECT code FROM places WHERE level = 'grid' AND community_code <> ? LIMIT 1",
      unit.place,
    ) as unknown as string;
    const own = count(
      "SELECT code FROM places WHERE level = 'grid' AND community_code = ? LIMIT 1",
      unit.place,
    ) as unknown as string;
    const handler = as('handler', '社区书记', unit.code);
    const entry = {
      register: 'needs' as const,
      title: '托育点',
      category: 'childcare' as const,
      urgency: 'normal' as const,
      raisedOn: '2026-11-20',
    };
    const mine = await call(handler, 'party.enter', { ...entry, placeCode: own });
    expect(mine.row.communityCode).toBe(unit.place);
    await expect(call(handler, 'party.enter', { ...entry, placeCode: other })).rejects.toThrow(
      /not your community/,
    );
  });

  it('keep the history append-only: no delete, no update, no replace', () => {
    const id = count('SELECT max(id) FROM party_register_events');
    expect(() => db.prepare('DELETE FROM party_register_events').run()).toThrow(/append-only/);
    expect(() =>
      db.prepare("UPDATE party_register_events SET actor = 'x' WHERE id = ?").run(id),
    ).toThrow(/append-only/);
    expect(() =>
      db
        .prepare(
          "INSERT OR REPLACE INTO party_register_events (id, register, item_id, kind, at, actor) VALUES (?, 'needs', 1, 'edit', 0, 'x')",
        )
        .run(id),
    ).toThrow(/append-only/);
  });

  it("refuse a community's user ordering for another community's need, and link a need given twice once", async () => {
    const unit = db
      .prepare(
        "SELECT code, place_code AS place FROM units WHERE kind = 'community' ORDER BY code LIMIT 1",
      )
      .get() as { code: string; place: string };
    const mine = count(
      "SELECT id FROM party_needs WHERE status = 'open' AND substr(place_code, 1, 12) = ? LIMIT 1",
      unit.place,
    );
    const theirs = count(
      "SELECT id FROM party_needs WHERE status = 'open' AND substr(place_code, 1, 12) <> ? LIMIT 1",
      unit.place,
    );
    const owner = count('SELECT id FROM party_units ORDER BY id LIMIT 1');
    const order = {
      orderedBy: 'community' as const,
      resourceIds: [],
      title: '跨社区点单',
      ownerUnitId: owner,
      budgetYuan: 100,
      plannedStart: '2026-12-01',
      plannedEnd: '2026-12-10',
    };
    await expect(
      call(as('handler', '社区书记', unit.code), 'party.orderProject', {
        ...order,
        needIds: [mine, theirs],
      }),
    ).rejects.toThrow(/not your community/);
    expect(count('SELECT status FROM party_needs WHERE id = ?', theirs)).toBe('open');
    const twice = await call(as('operator', '张敏'), 'party.orderProject', {
      ...order,
      needIds: [theirs, theirs],
    });
    expect(
      count('SELECT count(*) FROM party_project_links WHERE project_id = ?', twice.row.id),
    ).toBe(1);
  });

  it("search phones and volunteers' names only for those who see them in full", async () => {
    const volunteer = db.prepare('SELECT name, phone FROM volunteers LIMIT 1').get() as {
      name: string;
      phone: string;
    };
    const search = (role: Role, q: string) =>
      call(as(role, role === 'leader' ? '王主任' : '张敏'), 'party.registerPage', {
        register: 'volunteers',
        filters: { q },
        offset: 0,
        limit: 5,
      });
    expect((await search('operator', volunteer.phone)).total).toBeGreaterThan(0);
    expect((await search('leader', volunteer.phone)).total).toBe(0);
    expect((await search('leader', volunteer.name)).total).toBe(0);
    const member = db.prepare('SELECT phone FROM party_members LIMIT 1').pluck().get() as string;
    const members = (role: Role) =>
      call(as(role, 'x'), 'party.registerPage', {
        register: 'members',
        filters: { q: member },
        offset: 0,
        limit: 5,
      });
    expect((await members('operator')).total).toBeGreaterThan(0);
    expect((await members('leader')).total).toBe(0);
    await expect(
      call(as('operator', '张敏'), 'party.registerPage', {
        register: 'members',
        filters: { status: 'constructor' },
        offset: 0,
        limit: 5,
      }),
    ).rejects.toMatchObject({ where: 'status' });
  });
});

describe('the weekly meeting', () => {
  it('lists the projects due this week or overdue, and counts the members who served last week', async () => {
    const operator = as('operator', '张敏');
    // 2026-11-21 is in ISO week 47 (Mon 16th – Sun 22nd); the reviewed week is week 46.
    const need = count("SELECT id FROM party_needs WHERE status = 'open' LIMIT 1");
    const owner = count('SELECT id FROM party_units ORDER BY id LIMIT 1');
    const due = await call(operator, 'party.orderProject', {
      orderedBy: 'community',
      needIds: [need],
      resourceIds: [],
      title: '本周到期的项目',
      ownerUnitId: owner,
      budgetYuan: 1000,
      plannedStart: '2026-11-16',
      plannedEnd: '2026-11-22',
    });
    const agenda = await call(operator, 'weekly.agenda', { week: '2026-W47' });
    const listed = agenda.party.projects.find((p) => p.id === due.row.id);
    expect(listed).toMatchObject({ code: due.row.code, plannedEnd: '2026-11-22', overdue: false });
    expect(agenda.party.projectsOverdueTotal).toBe(
      count(
        "SELECT count(*) FROM party_projects WHERE status IN ('planned','in_progress') AND planned_end < '2026-11-21'",
      ),
    );
    expect(agenda.party.projectsDueTotal).toBe(
      count(
        "SELECT count(*) FROM party_projects WHERE status IN ('planned','in_progress') AND planned_end BETWEEN '2026-11-21' AND '2026-11-22'",
      ),
    );
    // The late first, then those due this week: nothing late after the first one due.
    const firstDue = agenda.party.projects.findIndex((p) => !p.overdue);
    expect(firstDue).toBeGreaterThanOrEqual(0);
    expect(agenda.party.projects.slice(firstDue).some((p) => p.overdue)).toBe(false);
    expect(agenda.party.membersActive).toBe(
      count(
        "SELECT count(DISTINCT member_id) FROM service_records WHERE served_on BETWEEN '2026-11-09' AND '2026-11-15'",
      ),
    );
    expect(agenda.party.membersActive).toBeGreaterThan(0);
  });
});
