import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../core/calendar';
import { effectiveDueAt, mergeClockRules, resolutionDueAt } from '../../core/clocks';
import {
  demoSeedFor,
  generateDemoStreet,
  type DemoStreet,
  type DemoStreetInput,
} from '../../core/demo/generate';
import { pointInGeometry } from '../../core/demo/grid-geometry';
import { OPEN_STATES } from '../../core/cases/case-states';
import { CASE_STATES, type CaseState } from '../../core/glossary';
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
    expect(other.cases.map((c) => c.caseNo + c.description)).not.toEqual(
      street.cases.map((c) => c.caseNo + c.description),
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
    const cases = street.cases;
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
    const count = (state: CaseState) => street.cases.filter((c) => c.state === state).length;
    for (const state of CASE_STATES) expect(count(state), state).toBeGreaterThan(0);
    const total = street.cases.length;
    expect(count('voided') / total).toBeGreaterThan(0.01);
    expect(count('voided') / total).toBeLessThan(0.06);
    expect(count('suspended') / total).toBeLessThan(0.03);
    const old = street.cases.filter((c) => c.reportedAt < now - 30 * DAY_MS);
    expect(old.filter((c) => c.state === 'closed').length / old.length).toBeGreaterThan(0.9);
  });

  it('leaves some open cases overdue and some near due at now', () => {
    const running = street.cases.filter((c) => RUNNING.includes(c.state));
    const overdue = running.filter((c) => c.dueAt! < now);
    const nearDue = running.filter(
      (c) => c.dueAt! >= now && c.dueAt! - now <= 0.2 * c.dueWindowMs!,
    );
    expect(overdue.length).toBeGreaterThanOrEqual(3);
    expect(overdue.length).toBeLessThanOrEqual(80);
    expect(nearDue.length).toBeGreaterThan(0);
  });

  it('has escalated, supervised, reworked and extended cases that match their histories', () => {
    const cases = street.cases;
    const kinds = (c: (typeof cases)[number], kind: string) =>
      c.events.filter((e) => e.kind === kind).length;
    expect(cases.filter((c) => c.escalated).length).toBeGreaterThan(10);
    expect(cases.filter((c) => c.supervised).length).toBeGreaterThan(10);
    expect(cases.filter((c) => c.reworkCount > 0).length).toBeGreaterThan(10);
    expect(cases.filter((c) => c.extensionCount > 0).length).toBeGreaterThan(10);
    for (const c of cases) {
      expect(c.reworkCount).toBe(kinds(c, 'rework'));
      expect(c.extensionCount).toBe(kinds(c, 'extend'));
      expect(c.escalated).toBe(kinds(c, 'escalate') > 0);
      expect(c.supervised).toBe(kinds(c, 'supervise') > 0);
      if (c.escalated) {
        expect(c.units.filter((u) => u.role === 'lead')).toHaveLength(1);
        expect(c.units.filter((u) => u.role === 'assist').length).toBeGreaterThanOrEqual(1);
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
    for (const c of street.cases) {
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
      check(c.events[0]?.kind === 'report', c, 'history does not start with the report');
      let state: CaseState | null = null;
      c.events.forEach((event, i) => {
        check(event.at <= now, c, `${event.kind} after now`);
        if (i > 0) check(event.at >= c.events[i - 1]!.at, c, `${event.kind} out of order`);
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
      check(c.updatedAt === c.events.at(-1)!.at, c, 'updated_at is not the last event');
      if (c.state === 'closed')
        check(c.verifierName !== c.handlerName, c, 'closed by its own handler'); // 采办分离
      if (OPEN_STATES.includes(c.state))
        check(c.satisfaction === null, c, 'a callback on an open case');
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('computes deadlines with core/clocks from each case’s own rules', () => {
    for (const c of street.cases) {
      if (c.registeredAt === null) {
        expect(c.dueAt).toBeNull();
        continue;
      }
      const rules = input.clockRules(c.categoryCode, c.urgency);
      const city = { dueAt: c.cityDueAt, deadlineHours: c.cityDeadlineHours };
      const base = resolutionDueAt(c.registeredAt, rules, input.calendar, city);
      expect(c.baseDueAt).toBe(base);
      expect(c.dueWindowMs).toBe(base - c.registeredAt);
      expect(c.dueAt).toBe(effectiveDueAt(base, c.extendedDueAt, c.suspendedMs));
    }
  });

  it('puts every case inside its grid, in its community, with an address and a description', () => {
    const grids = new Map(street.places.grids.map((g) => [g.code, g]));
    for (const c of street.cases) {
      const grid = grids.get(c.gridCode)!;
      expect(pointInGeometry(c.lng, c.lat, grid.boundary), c.caseNo).toBe(true);
      expect(c.communityCode).toBe(grid.parentCode);
      expect(c.address.startsWith(grid.name)).toBe(true);
      expect(c.description.length).toBeGreaterThan(5);
      if (c.source === 'hotline_12345' || c.source === 'public_report') {
        expect(c.reporter).not.toBeNull();
        expect(c.phone).toMatch(/^1[358]\d{9}$/);
      }
    }
  });
});
