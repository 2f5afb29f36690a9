/**
 * The whole demo street 示范街道, from a seed and `now`: places, community units, staff and
 * the party chain, the desk's users, and a quarter's cases. Pure: no clock, no files; the
 * same (seed, now) always gives the same street.
 */
import type { WorkCalendar } from '../calendar';
import type { ClockRules } from '../clocks';
import type { UnitFacts } from '../cases/move-checks';
import type { Urgency } from '../glossary';
import type { WorkPeriods } from '../limits/work-periods';
import { dayString } from '../time';
import type { DemoCategory, DemoUnitRef } from './case-plan';
import type { DemoCase } from './case-replay';
import { generateDemoCases } from './cases';
import {
  buildDepartmentHandlers,
  buildDeskUsers,
  outsider,
  unitPerson,
  type DemoDeskUsers,
} from './desk-people';
import { hashString, SeededRandom } from './random';
import { buildDemoStaffing, type DemoStaffing } from './staffing';
import { buildDemoPlaces, type DemoPlaces } from './street';

export type { DemoCategory, DemoStandard, DemoUnitRef } from './case-plan';
export type { DemoCase, DemoCaseEvent, DemoCaseUnit } from './case-replay';
export type { DemoUser } from './desk-people';
export type { DemoPlace } from './street';
export type { DemoPartyOrg, DemoStaff, DemoStaffRole } from './staffing';

export interface DemoStreetInput {
  now: number;
  seed: number;
  /** The parsed assets/demo/grids.geojson. */
  featureCollection: unknown;
  categories: readonly DemoCategory[];
  /** Every department-kind unit of the reference data, 社区居委会 included. */
  departments: readonly DemoUnitRef[];
  /** The 社区居委会 unit: its cases go to the community the case lies in. */
  communityCommitteeUnitCode: string;
  /** The street command centre's own unit, which the desk's users belong to. */
  streetUnitCode: string;
  calendar: WorkCalendar;
  /** The rules of a category and urgency, under the named 立案条件 when there is one. */
  clockRules(categoryCode: string, urgency: Urgency, standardId?: number | null): ClockRules;
  /** The work periods in force at an instant (working hours count in them); the defaults if absent. */
  periodsAt?(instant: number): WorkPeriods;
}

export interface DemoStreet {
  seed: number;
  places: DemoPlaces;
  staffing: DemoStaffing;
  users: DemoDeskUsers;
  cases: DemoCase[];
}

/** The default seed: one per Shanghai day, so the demo is always "relative to today". */
export function demoSeedFor(now: number): number {
  return hashString(`griddesk-demo:${dayString(now)}`);
}

const REPORTER_BY_SOURCE = {
  hotline_12345: '12345热线',
  video: '视频巡查系统',
  assigned: '区城市运行管理中心',
  city_platform: '市级平台',
} as const;

export function generateDemoStreet(input: DemoStreetInput): DemoStreet {
  const random = new SeededRandom(input.seed);
  const places = buildDemoPlaces(input.featureCollection);
  const staffing = buildDemoStaffing(places, random.derive('staffing'));
  const users = buildDeskUsers(input.streetUnitCode);

  const communityNames = new Map(places.communities.map((c) => [c.code, c.name]));
  const unitNames = new Map<string, string>([
    ...input.departments.map((d) => [d.code, d.name] as const),
    ...places.communityUnits.map((u) => [u.code, u.name] as const),
  ]);
  // The committee placeholder is a routing rule, not a unit anyone is sent to or called in.
  const departments = input.departments.filter((d) => d.code !== input.communityCommitteeUnitCode);
  const departmentHandlers = buildDepartmentHandlers(random.derive('handlers'), departments);

  // The units as the workflow checks them when a case is sent to one: all in service.
  const unitFacts = new Map<string, UnitFacts>([
    ...input.departments.map(
      (d) => [d.code, { name: d.name, active: true, kind: 'department' }] as const,
    ),
    ...places.communityUnits.map(
      (u) => [u.code, { name: u.name, active: true, kind: 'community' }] as const,
    ),
  ]);

  // The grid's full-time worker: reports on patrol, and handles the community's cases.
  const gridWorker = (plan: {
    grid: { code: string; parentCode: string | null };
    communityName: string;
  }) =>
    unitPerson(
      `${plan.communityName} ${staffing.gridWorkerByGrid.get(plan.grid.code) ?? '网格员'}`,
      plan.grid.parentCode ?? '',
    );

  const cases = generateDemoCases(
    {
      now: input.now,
      calendar: input.calendar,
      clockRules: input.clockRules,
      ...(input.periodsAt ? { periodsAt: input.periodsAt } : {}),
      categories: input.categories,
      grids: places.grids,
      communityNames,
      buildingsByGrid: staffing.buildingsByGrid,
      communityCommitteeUnitCode: input.communityCommitteeUnitCode,
      departments,
      users,
      unitName: (code) => unitNames.get(code) ?? code,
      unit: (code) => unitFacts.get(code) ?? null,
      handlerFor: (caseRandom, unitCode, plan) => {
        // A community handles its cases through the grid's own full-time worker.
        if (communityNames.has(unitCode)) return gridWorker(plan);
        const pool = departmentHandlers.get(unitCode);
        return pool
          ? caseRandom.pick(pool)
          : unitPerson(unitNames.get(unitCode) ?? unitCode, unitCode);
      },
      reporterOf: (plan) => {
        switch (plan.source) {
          case 'grid_patrol':
            return gridWorker(plan);
          case 'public_report':
            return outsider(plan.reporter ?? '群众');
          case 'department_transfer':
            return outsider(unitNames.get(plan.leadUnitCode) ?? '部门移交');
          default:
            return outsider(REPORTER_BY_SOURCE[plan.source]);
        }
      },
    },
    random.derive('cases'),
  );
  return { seed: input.seed, places, staffing, users, cases };
}
