import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../core/calendar';
import { effectiveDueAt, mergeClockRules, resolutionDueAt } from '../../core/clocks';
import {
  demoSeedFor,
  generateDemoStreet,
  type DemoCase,
  type DemoCaseEvent,
  type DemoStreet,
  type DemoStreetInput,
} from '../../core/demo/generate';
import { pointInGeometry } from '../../core/demo/grid-geometry';
import { OPEN_STATES } from '../../core/cases/case-states';
import type { CaseSnapshot } from '../../core/cases/case-snapshot';
import { nextCaseUnits, type CaseUnit } from '../../core/cases/case-units';
import { planIntake } from '../../core/cases/intake';
import type { UnitFacts } from '../../core/cases/move-checks';
import type { MoveInput } from '../../core/cases/moves';
import { planMove, type MoveActor, type MoveDeps } from '../../core/cases/workflow';
import { DEFAULT_WORK_PERIODS } from '../../core/limits/work-periods';
import { replayCase } from '../../core/demo/case-replay';
import type { CasePlan } from '../../core/demo/case-plan';
import { CASE_STATES, type CaseState, type Satisfaction } from '../../core/glossary';
import { DAY_MS, HOUR_MS, dayString } from '../../core/time';
import {
  COMMUNITY_COMMITTEE_UNIT_NAME,
  DEFAULT_CLOCKS,
  readReferenceCalendar,
  readReferenceCategories,
} from '../../db/seed/reference';

const assets = path.resolve(import.meta.dirname, '../../assets');
const now = Date.UTC(2026, 10, 21, 6, 0); // Sat 21 Nov 2026 14:00 in Shanghai
const RUNNING: readonly CaseState[] = ['registered', 'dispatched', 'in_progress', 'handled'];

/** The generator's input as db/seed/demo.ts builds it, but from the asset files alone. */
function demoInput(seed: number, at = now): DemoStreetInput {
  const categories = readReferenceCategories(path.join(assets, 'reference/categories.csv'));
  const unitNames = [...new Set(categories.map((c) => c.defaultUnitName))];
  const unitCode = (name: string) => `D${String(unitNames.indexOf(name) + 1).padStart(2, '0')}`;
  const byCode = new Map(categories.map((c) => [c.code, c]));
  return {
    now: at,
    seed,
    featureCollection: JSON.parse(fs.readFileSync(path.join(assets, 'demo/grids.geojson'), 'utf8')),
    categories: categories.map((c) => ({
      code: c.code,
      kind: c.kind,
      minorName: c.minorName,
      defaultUnitCode: unitCode(c.defaultUnitName),
    })),
    departments: unitNames.map((name) => ({ code: unitCode(name), name })),
    communityCommitteeUnitCode: unitCode(COMMUNITY_COMMITTEE_UNIT_NAME),
    streetUnitCode: 'S00',
    calendar: new WorkCalendar(readReferenceCalendar(path.join(assets, 'reference/holidays.json'))),
    clockRules: (code) => {
      const c = byCode.get(code)!;
      return mergeClockRules(DEFAULT_CLOCKS, {
        resolveHours: c.resolveHours,
        resolveWorkingDays: c.resolveWorkingDays,
      });
    },
  };
}

let street: DemoStreet;
let input: DemoStreetInput;
const records = () => street.cases.map((c) => c.record);
beforeAll(() => {
  input = demoInput(demoSeedFor(now));
  street = generateDemoStreet(input);
});

describe('the demo street generator', () => {
  it('is deterministic: the same seed and now give the same street', () => {
    const again = generateDemoStreet(demoInput(input.seed));
    expect(again).toEqual(street);
  });

  it('gives another street for another seed', () => {
    const other = generateDemoStreet(demoInput(input.seed + 1));
    expect(other.cases.map((c) => c.record.caseNo + c.record.description)).not.toEqual(
      street.cases.map((c) => c.record.caseNo + c.record.description),
    );
    expect(other.staffing.staff.map((s) => s.name)).not.toEqual(
      street.staffing.staff.map((s) => s.name),
    );
  });

  it('derives the default seed from the Shanghai day of now', () => {
    expect(demoSeedFor(now)).toBe(demoSeedFor(now + 9 * HOUR_MS)); // 23:00 the same day
    expect(demoSeedFor(now)).not.toBe(demoSeedFor(now + 10 * HOUR_MS)); // 00:00 the next day
  });

  it('builds the street, its 12 communities and 154 grids, with staff for every grid', () => {
    expect(street.places.street).toMatchObject({
      code: '990101001',
      name: '示范街道',
      level: 'street',
    });
    expect(street.places.communities).toHaveLength(12);
    expect(street.places.grids).toHaveLength(154);
    expect(street.places.communityUnits).toHaveLength(12);
    const roles = street.staffing.roles;
    for (const grid of street.places.grids) {
      const here = roles.filter((r) => r.placeCode === grid.code);
      expect(here.filter((r) => r.role === 'grid_leader')).toHaveLength(1);
      expect(here.filter((r) => r.role === 'full_time_worker')).toHaveLength(1);
      const partTime = here.filter((r) => r.role === 'part_time_worker').length;
      expect(partTime).toBeGreaterThanOrEqual(1);
      expect(partTime).toBeLessThanOrEqual(2);
      const buildings = here.filter((r) => r.role === 'building_leader').length;
      expect(Math.abs(buildings - grid.households / 50)).toBeLessThanOrEqual(1);
      const partyHouseholds = here.filter((r) => r.role === 'party_household');
      expect(partyHouseholds.length).toBeGreaterThanOrEqual(1);
      expect(partyHouseholds.every((r) => r.partyOrgKey !== null)).toBe(true);
    }
    const committees = street.staffing.partyOrgs.filter((o) => o.level === 'community_committee');
    expect(committees).toHaveLength(12);
  });

  it('makes at least 2,000 cases over the 90 days before now, with unique case numbers', () => {
    const cases = records();
    expect(cases.length).toBeGreaterThanOrEqual(2000);
    expect(new Set(cases.map((c) => c.caseNo)).size).toBe(cases.length);
    for (const c of cases) {
      expect(c.reportedAt).toBeLessThanOrEqual(now);
      expect(c.reportedAt).toBeGreaterThan(now - 90 * DAY_MS);
      expect(c.caseNo).toMatch(/^[CE]\d{4}\d{8}\d{5}$/);
      expect(c.caseNo.slice(0, 5)).toBe(c.categoryCode);
      expect(c.caseNo.slice(5, 13)).toBe(dayString(c.reportedAt).replaceAll('-', ''));
    }
  });

  it('has every state, with realistic proportions', () => {
    const count = (state: CaseState) => records().filter((c) => c.state === state).length;
    for (const state of CASE_STATES) expect(count(state), state).toBeGreaterThan(0);
    const total = street.cases.length;
    expect(count('voided') / total).toBeGreaterThan(0.01);
    expect(count('voided') / total).toBeLessThan(0.06);
    expect(count('suspended') / total).toBeLessThan(0.03);
    const old = records().filter((c) => c.reportedAt < now - 30 * DAY_MS);
    expect(old.filter((c) => c.state === 'closed').length / old.length).toBeGreaterThan(0.9);
  });

  it('leaves some open cases overdue and some near due at now', () => {
    const running = records().filter((c) => RUNNING.includes(c.state));
    const overdue = running.filter((c) => c.dueAt! < now);
    const nearDue = running.filter(
      (c) => c.dueAt! >= now && c.dueAt! - now <= 0.2 * c.dueWindowMs!,
    );
    expect(overdue.length).toBeGreaterThanOrEqual(3);
    expect(overdue.length).toBeLessThanOrEqual(80);
    expect(nearDue.length).toBeGreaterThan(0);
  });

  it('has escalated, supervised, reworked and extended cases that match their histories', () => {
    const cases = records();
    expect(cases.filter((c) => c.escalated).length).toBeGreaterThan(10);
    expect(cases.filter((c) => c.supervised).length).toBeGreaterThan(10);
    expect(cases.filter((c) => c.reworkCount > 0).length).toBeGreaterThan(10);
    expect(cases.filter((c) => c.extensionCount > 0).length).toBeGreaterThan(10);
    for (const { record: c, events, units } of street.cases) {
      const kinds = (kind: string) => events.filter((e) => e.kind === kind).length;
      expect(c.reworkCount).toBe(kinds('rework'));
      expect(c.extensionCount).toBe(kinds('extend'));
      expect(c.escalated).toBe(kinds('escalate') > 0);
      expect(c.supervised).toBe(kinds('supervise') > 0);
      if (c.escalated) {
        expect(units.filter((u) => u.role === 'lead')).toHaveLength(1);
        expect(units.filter((u) => u.role === 'assist').length).toBeGreaterThanOrEqual(1);
      }
      if (c.extensionCount > 0) expect(c.extendedDueAt).not.toBeNull();
    }
  });

  it('keeps every time in order and no later than now, and every history consistent', () => {
    // Collected rather than asserted one by one: ~25,000 checks, one readable failure.
    const problems: string[] = [];
    const check = (ok: boolean, c: { caseNo: string }, what: string) => {
      if (!ok) problems.push(`${c.caseNo}: ${what}`);
    };
    for (const { record: c, events } of street.cases) {
      const chain = [
        c.reportedAt,
        c.registeredAt,
        c.dispatchedAt,
        c.arrivedAt,
        c.handledAt,
        c.closedAt,
      ];
      const times = chain.filter((t): t is number => t !== null);
      for (let i = 1; i < times.length; i++)
        check(times[i]! >= times[i - 1]!, c, `times out of order ${chain}`);
      check(times.at(-1)! <= now, c, 'a time after now');
      const instants = [...chain, c.voidedAt, c.baseDueAt, c.extendedDueAt, c.dueAt, c.suspendedMs];
      check(
        instants.every((t) => t === null || Number.isInteger(t)),
        c,
        'a time that is not whole ms',
      );
      if (c.callbackAt !== null)
        check(c.closedAt !== null && c.callbackAt >= c.closedAt, c, 'callback before close');
      check(events[0]?.kind === 'report', c, 'history does not start with the report');
      let state: CaseState | null = null;
      events.forEach((event, i) => {
        check(event.at <= now, c, `${event.kind} after now`);
        if (i > 0) check(event.at >= events[i - 1]!.at, c, `${event.kind} out of order`);
        check(
          event.fromState === state,
          c,
          `${event.kind} from ${event.fromState}, but the case was ${state}`,
        );
        state = event.toState;
      });
      check(state === c.state, c, `history ends in ${state}, the case says ${c.state}`);
      check((c.closedAt !== null) === (c.state === 'closed'), c, 'closed_at without closed state');
      check(
        (c.suspendedAt !== null) === (c.state === 'suspended'),
        c,
        'suspended_at without suspended state',
      );
      check(c.updatedAt === events.at(-1)!.at, c, 'updated_at is not the last event');
      if (c.state === 'closed')
        check(c.verifierName !== c.handlerName, c, 'closed by its own handler'); // 采办分离
      if (OPEN_STATES.includes(c.state))
        check(c.satisfaction === null, c, 'a callback on an open case');
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('computes deadlines with core/clocks from each case’s own rules', () => {
    for (const c of records()) {
      if (c.registeredAt === null) {
        expect(c.dueAt).toBeNull();
        continue;
      }
      const rules = input.clockRules(c.categoryCode, c.urgency);
      const city = { dueAt: c.cityDueAt, deadlineHours: c.cityDeadlineHours };
      const base = resolutionDueAt(c.registeredAt, rules, input.calendar, city);
      expect(c.baseDueAt).toBe(base);
      // The workflow's extend move sets the window to the extended deadline's (planMove 'extend').
      expect(c.dueWindowMs).toBe((c.extendedDueAt ?? base) - c.registeredAt);
      expect(c.dueAt).toBe(effectiveDueAt(base, c.extendedDueAt, c.suspendedMs));
    }
  });

  it('puts every case inside its grid, in its community, with an address and a description', () => {
    const grids = new Map(street.places.grids.map((g) => [g.code, g]));
    for (const c of records()) {
      const grid = grids.get(c.gridCode!)!;
      expect(pointInGeometry(c.lng!, c.lat!, grid.boundary), c.caseNo).toBe(true);
      expect(c.communityCode).toBe(grid.parentCode);
      expect(c.address!.startsWith(grid.name)).toBe(true);
      expect(c.description!.length).toBeGreaterThan(5);
      if (c.source === 'hotline_12345' || c.source === 'public_report') {
        expect(c.reporter).not.toBeNull();
        expect(c.phone).toMatch(/^1[358]\d{9}$/);
      }
    }
  });
});

/** A stored event back as the move a desk user would enter (core/cases/moves.ts). */
function moveOf(event: DemoCaseEvent): MoveInput {
  const note = event.note ?? '';
  const data = (event.data ?? {}) as Record<string, unknown>;
  const units = () => ({
    leadUnitCode: String(data['leadUnitCode']),
    assistUnitCodes: (data['assistUnitCodes'] as string[] | undefined) ?? [],
  });
  switch (event.kind) {
    case 'register':
    case 'sign':
    case 'close':
    case 'resume':
      return { kind: event.kind, note: event.note };
    case 'void':
    case 'return':
    case 'rework':
    case 'suspend':
      return { kind: event.kind, reason: note };
    case 'dispatch':
      return { kind: 'dispatch', ...units(), note: event.note };
    case 'escalate':
      return { kind: 'escalate', ...units(), note };
    case 'handle':
      return { kind: 'handle', result: note };
    case 'extend':
      return { kind: 'extend', newDueAt: Number(data['effectiveDueAt']), reason: note };
    case 'supervise':
      return { kind: 'supervise', note };
    case 'callback':
      return { kind: 'callback', satisfaction: data['satisfaction'] as Satisfaction, note };
    case 'note':
      if (data['type'] === 'extension_request')
        return { kind: 'request_extension', newDueAt: Number(data['newDueAt']), reason: note };
      if (data['type'] === 'extension_declined') return { kind: 'decline_extension', reason: note };
      return { kind: 'note', note };
    default:
      throw new Error(`no move for a demo ${event.kind} event`);
  }
}

/**
 * Replays a stored demo case (record, units, history) through planIntake and planMove, as
 * the desk would have entered it: the desk users with their own roles, anyone else as the
 * lead unit's person. Returns what the workflow makes of it.
 */
function replayStored(demo: DemoCase, users: DemoStreet['users'], deps: MoveDeps) {
  const r = demo.record;
  const [report, ...moves] = demo.events;
  const roleOf = new Map(users.all.map((u, i) => [u.username, { role: u.role, id: i + 1 }]));
  const intake = planIntake(
    {
      caseNo: r.caseNo,
      source: r.source,
      categoryCode: r.categoryCode,
      urgency: r.urgency,
      description: r.description ?? '',
      address: r.address,
      gridCode: r.gridCode,
      communityCode: r.communityCode,
      point: { lng: r.lng!, lat: r.lat! },
      original: { crs: r.originalCrs!, lng: r.originalLng!, lat: r.originalLat! },
      reporter: r.reporter,
      phone: r.phone,
      reportedAt: r.reportedAt,
      cityDueAt: r.cityDueAt,
      cityDeadlineHours: r.cityDeadlineHours,
      registerNow: false,
    },
    { userId: null, name: report!.actorName, role: 'anonymous' },
    report!.at,
    deps,
  );
  if (!intake.ok) throw new Error(`${r.caseNo}: intake refused: ${intake.sentence.en}`);
  const snapshot: CaseSnapshot = {
    ...intake.record,
    id: 0,
    handlerUserId: null,
    pendingExtension: null,
  };
  let units: CaseUnit[] = [];
  const planned = [...intake.events];
  for (const event of moves) {
    const user = event.actorUsername ? roleOf.get(event.actorUsername) : undefined;
    const actor: MoveActor = user
      ? { userId: user.id, name: event.actorName, role: user.role }
      : {
          userId: null,
          name: event.actorName,
          role: 'handler',
          unitCode: snapshot.leadUnitCode,
        };
    const move = moveOf(event);
    const plan = planMove(snapshot, move, actor, event.at, deps);
    if (!plan.ok) throw new Error(`${r.caseNo}: ${move.kind} refused: ${plan.sentence.en}`);
    Object.assign(snapshot, plan.patch, { updatedAt: event.at });
    if (plan.units) units = nextCaseUnits(units, plan.units, event.at);
    if (event.kind === 'handle') snapshot.handlerUserId = actor.userId;
    const type = event.data?.['type'];
    if (event.kind === 'extend' || type === 'extension_declined') snapshot.pendingExtension = null;
    if (type === 'extension_request')
      snapshot.pendingExtension = {
        newDueAt: Number(event.data?.['newDueAt']),
        reason: event.note ?? '',
        requestedBy: event.actorName,
        requestedAt: event.at,
      };
    planned.push(plan.event);
  }
  const { id: _id, handlerUserId: _h, pendingExtension: _p, ...record } = snapshot;
  return { record, units, events: planned };
}

describe('the demo street and the workflow', () => {
  it('is what the workflow makes of each case’s history: record, units and events', () => {
    const facts = new Map<string, UnitFacts>([
      ...input.departments.map(
        (d) => [d.code, { name: d.name, active: true, kind: 'department' as const }] as const,
      ),
      ...street.places.communityUnits.map(
        (u) => [u.code, { name: u.name, active: true, kind: 'community' as const }] as const,
      ),
    ]);
    const problems: string[] = [];
    for (const demo of street.cases) {
      const c = demo.record;
      const deps: MoveDeps = {
        rules: input.clockRules(c.categoryCode, c.urgency),
        calendar: input.calendar,
        periods: DEFAULT_WORK_PERIODS,
        unit: (code) => facts.get(code) ?? null,
      };
      let replayed;
      try {
        replayed = replayStored(demo, street.users, deps);
      } catch (error) {
        problems.push((error as Error).message);
        continue;
      }
      const stored = demo.events.map(({ actorName: _n, actorUsername: _u, ...event }) => event);
      if (JSON.stringify(replayed.record) !== JSON.stringify(c)) {
        const fields = Object.keys(c).filter(
          (f) => replayed.record[f as keyof typeof c] !== c[f as keyof typeof c],
        );
        problems.push(`${c.caseNo}: record differs in ${fields.join(', ')}`);
      }
      if (JSON.stringify(replayed.units) !== JSON.stringify(demo.units))
        problems.push(`${c.caseNo}: units differ`);
      if (JSON.stringify(replayed.events) !== JSON.stringify(stored))
        problems.push(`${c.caseNo}: events differ`);
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('gives the moves to desk users with real roles, the units’ own people and a leader', () => {
    const roles = new Map(street.users.all.map((u) => [u.username, u.role]));
    const byRole = new Map<string, Set<string>>();
    for (const demo of street.cases)
      for (const event of demo.events.slice(1)) {
        const role = event.actorUsername ? roles.get(event.actorUsername)! : 'unit person';
        const kinds = byRole.get(role) ?? new Set<string>();
        kinds.add(event.kind);
        byRole.set(role, kinds);
      }
    expect([...(byRole.get('operator') ?? [])]).toEqual(
      expect.arrayContaining(['register', 'dispatch', 'close', 'rework', 'suspend', 'callback']),
    );
    expect([...(byRole.get('leader') ?? [])].sort()).toEqual(['escalate', 'extend', 'supervise']);
    // The units' people sign, report it handled, return it and ask for extensions (a note).
    expect([...(byRole.get('unit person') ?? [])].sort()).toEqual([
      'handle',
      'note',
      'return',
      'sign',
    ]);
  });

  it('refuses a history that breaks a rule, naming the case and the rule', () => {
    const demo = street.cases.find(
      (c) => c.record.state === 'closed' && c.record.reworkCount === 0,
    )!;
    const c = demo.record;
    const operator = {
      name: '张敏',
      username: 'zhangmin',
      role: 'operator' as const,
      unitCode: 'S00',
    };
    const unitPerson = {
      name: '某单位 李强',
      username: null,
      role: 'handler' as const,
      unitCode: c.leadUnitCode,
    };
    const at = (minutes: number) => c.reportedAt + minutes * 60_000;
    // 采办分离: the operator who recorded the handling (on the unit's behalf) closes it too.
    const history = [
      { at: at(0), actor: { ...unitPerson, role: null }, move: { kind: 'report' as const } },
      { at: at(1), actor: operator, move: { kind: 'register' as const } },
      {
        at: at(2),
        actor: operator,
        move: { kind: 'dispatch' as const, leadUnitCode: c.leadUnitCode!, assistUnitCodes: [] },
      },
      { at: at(30), actor: unitPerson, move: { kind: 'sign' as const } },
      { at: at(90), actor: operator, move: { kind: 'handle' as const, result: '已处理' } },
      { at: at(95), actor: operator, move: { kind: 'close' as const } },
    ];
    const plan = {
      reportedAt: c.reportedAt,
      source: c.source,
      category: { code: c.categoryCode },
      urgency: c.urgency,
      grid: { code: c.gridCode, parentCode: c.communityCode },
      lng: c.lng,
      lat: c.lat,
      address: c.address,
      description: c.description,
      reporter: c.reporter,
      phone: c.phone,
      city: {},
    } as unknown as CasePlan;
    const units = new Map([
      [c.leadUnitCode!, { name: '某单位', active: true, kind: 'department' as const }],
    ]);
    const deps = {
      rules: input.clockRules(c.categoryCode, c.urgency),
      calendar: input.calendar,
      unit: (code: string) => units.get(code) ?? null,
      userId: () => 2,
    };
    expect(() => replayCase('E0102202611210001', plan, history.slice(0, 5), deps)).not.toThrow();
    expect(() => replayCase('E0102202611210001', plan, history, deps)).toThrow(
      /E0102202611210001[\s\S]*Separation of duties/,
    );
  });
});
