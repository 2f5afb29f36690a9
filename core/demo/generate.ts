/**
 * The whole demo street 示范街道, from a seed and `now`: places, community units, staff and
 * the party chain, the desk's users, and a quarter's cases. Pure: no clock, no files; the
 * same (seed, now) always gives the same street.
 */
import type { WorkCalendar } from '../calendar';
import type { ClockRules } from '../clocks';
import type { Urgency } from '../glossary';
import { dayString } from '../time';
import type { DemoCategory, DemoUnitRef } from './case-plan';
import type { DemoCase } from './case-record';
import { generateDemoCases } from './cases';
import {
  buildDepartmentHandlers,
  buildDeskUsers,
  type DemoActor,
  type DemoDeskUsers,
} from './desk-people';
import { hashString, SeededRandom } from './random';
import { buildDemoStaffing, type DemoStaffing } from './staffing';
import { buildDemoPlaces, type DemoPlaces } from './street';

export type { DemoCategory, DemoUnitRef } from './case-plan';
export type { DemoCase, DemoCaseEvent, DemoCaseUnit } from './case-record';
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
  clockRules(categoryCode: string, urgency: Urgency): ClockRules;
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

  const gridWorker = (gridCode: string, communityName: string): DemoActor => ({
    name: `${communityName} ${staffing.gridWorkerByGrid.get(gridCode) ?? '网格员'}`,
    username: null,
  });

  const cases = generateDemoCases(
    {
      now: input.now,
      calendar: input.calendar,
      clockRules: input.clockRules,
      categories: input.categories,
      grids: places.grids,
      communityNames,
      buildingsByGrid: staffing.buildingsByGrid,
      communityCommitteeUnitCode: input.communityCommitteeUnitCode,
      departments,
      users,
      unitName: (code) => unitNames.get(code) ?? code,
      handlerFor: (caseRandom, unitCode, plan) => {
        // A community handles its cases through the grid's own full-time worker.
        if (communityNames.has(unitCode)) return gridWorker(plan.grid.code, plan.communityName);
        const pool = departmentHandlers.get(unitCode);
        return pool
          ? caseRandom.pick(pool)
          : { name: unitNames.get(unitCode) ?? unitCode, username: null };
      },
      reporterOf: (plan) => {
        switch (plan.source) {
          case 'grid_patrol':
            return gridWorker(plan.grid.code, plan.communityName);
          case 'public_report':
            return { name: plan.reporter ?? '群众', username: null };
          case 'department_transfer':
            return { name: unitNames.get(plan.leadUnitCode) ?? '部门移交', username: null };
          default:
            return { name: REPORTER_BY_SOURCE[plan.source], username: null };
        }
      },
    },
    random.derive('cases'),
  );
  return { seed: input.seed, places, staffing, users, cases };
}
