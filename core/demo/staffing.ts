/**
 * The demo street's people per grid, "one grid, five roles" (一格五员), and the party chain
 * beside them (社区党委 → 小区党支部 → 楼栋党小组 → 党员中心户), as docs/design/DOMAIN.md describes.
 * Rows refer to each other by `key` (their index); the database assigns real ids.
 */
import type { PartyOrgLevel, StaffRole } from '../glossary';
import { mobileNumber, personName, type Gender } from './people';
import type { SeededRandom } from './random';
import type { DemoPlaces } from './street';

export interface DemoStaff {
  key: number;
  name: string;
  phone: string;
  gender: Gender;
  partyMember: boolean;
  /** The community unit the person works for. */
  unitCode: string;
}

export interface DemoPartyOrg {
  key: number;
  code: string;
  name: string;
  level: PartyOrgLevel;
  parentKey: number | null;
  placeCode: string;
  secretaryStaffKey: number | null;
}

export interface DemoStaffRole {
  staffKey: number;
  role: StaffRole;
  placeCode: string;
  partyOrgKey: number | null;
  building: string | null;
  households: number | null;
}

export interface DemoStaffing {
  staff: DemoStaff[];
  partyOrgs: DemoPartyOrg[];
  roles: DemoStaffRole[];
  /** The full-time grid worker (专职网格员) of each grid: patrols, reports, handles community cases. */
  gridWorkerByGrid: Map<string, string>;
  /** How many buildings each grid has (1号楼 … N号楼), for addresses. */
  buildingsByGrid: Map<string, number>;
}

/** About one building leader (楼长) per 50 households. */
const HOUSEHOLDS_PER_BUILDING = 50;

export function buildDemoStaffing(places: DemoPlaces, random: SeededRandom): DemoStaffing {
  const staff: DemoStaff[] = [];
  const partyOrgs: DemoPartyOrg[] = [];
  const roles: DemoStaffRole[] = [];
  const gridWorkerByGrid = new Map<string, string>();
  const buildingsByGrid = new Map<string, number>();

  const addPerson = (unitCode: string, partyMember: boolean, gender?: Gender): DemoStaff => {
    const person = personName(random, gender);
    const row: DemoStaff = {
      key: staff.length,
      name: person.name,
      phone: mobileNumber(random),
      gender: person.gender,
      partyMember,
      unitCode,
    };
    staff.push(row);
    return row;
  };
  const addOrg = (org: Omit<DemoPartyOrg, 'key'>): DemoPartyOrg => {
    const row = { key: partyOrgs.length, ...org };
    partyOrgs.push(row);
    return row;
  };

  for (const community of places.communities) {
    // The community party secretary leads every grid of the community (网格长).
    const secretary = addPerson(community.code, true);
    const committee = addOrg({
      code: `PC-${community.code}`,
      name: `${community.name}党委`,
      level: 'community_committee',
      parentKey: null,
      placeCode: community.code,
      secretaryStaffKey: secretary.key,
    });
    const grids = places.grids.filter((g) => g.parentCode === community.code);
    let branchNumber = 0;
    for (let i = 0; i < grids.length;) {
      // A residential-area branch covers one grid or two neighbouring ones.
      const span = i + 1 < grids.length && random.chance(0.5) ? 2 : 1;
      const branchGrids = grids.slice(i, i + span);
      i += span;
      branchNumber += 1;
      const firstGrid = branchGrids[0]!;
      const branch = addOrg({
        code: `PB-${firstGrid.code}`,
        name: `${community.name}第${branchNumber}小区党支部`,
        level: 'residential_branch',
        parentKey: committee.key,
        // A branch spanning two grids is filed under the first of them.
        placeCode: firstGrid.code,
        secretaryStaffKey: null,
      });
      for (const grid of branchGrids) {
        const noRole = { partyOrgKey: null, building: null, households: null };
        roles.push({
          staffKey: secretary.key,
          role: 'grid_leader',
          placeCode: grid.code,
          ...noRole,
        });

        const worker = addPerson(community.code, random.chance(0.7));
        roles.push({
          staffKey: worker.key,
          role: 'full_time_worker',
          placeCode: grid.code,
          ...noRole,
        });
        gridWorkerByGrid.set(grid.code, worker.name);
        if (branch.secretaryStaffKey === null) {
          worker.partyMember = true;
          branch.secretaryStaffKey = worker.key;
        }
        const partTimers = random.int(1, 2);
        for (let p = 0; p < partTimers; p++) {
          const helper = addPerson(community.code, random.chance(0.4));
          roles.push({
            staffKey: helper.key,
            role: 'part_time_worker',
            placeCode: grid.code,
            ...noRole,
          });
        }
        addBuildingsAndGroups(grid, branch, community.code);
      }
    }
  }

  function addBuildingsAndGroups(
    grid: DemoPlaces['grids'][number],
    branch: DemoPartyOrg,
    unitCode: string,
  ): void {
    const buildings = Math.max(1, Math.round(grid.households / HOUSEHOLDS_PER_BUILDING));
    buildingsByGrid.set(grid.code, buildings);
    const groupOfBuilding: DemoPartyOrg[] = [];
    let groupNumber = 0;
    for (let first = 1; first <= buildings;) {
      // A building party group covers three or four buildings.
      const size = Math.min(random.int(3, 4), buildings - first + 1);
      groupNumber += 1;
      const group = addOrg({
        code: `PG-${grid.code}-${String(groupNumber).padStart(2, '0')}`,
        name: `${grid.name}${size > 1 ? `${first}-${first + size - 1}` : first}号楼党小组`,
        level: 'building_group',
        parentKey: branch.key,
        placeCode: grid.code,
        secretaryStaffKey: null,
      });
      for (let b = first; b < first + size; b++) groupOfBuilding[b] = group;
      first += size;
    }
    let remaining = grid.households;
    for (let b = 1; b <= buildings; b++) {
      const share = b === buildings ? remaining : Math.round(grid.households / buildings);
      remaining -= share;
      const group = groupOfBuilding[b]!;
      // Party-member building leaders (党员楼长) are common; one of them leads the group.
      const leader = addPerson(unitCode, random.chance(0.45));
      if (group.secretaryStaffKey === null) {
        leader.partyMember = true;
        group.secretaryStaffKey = leader.key;
      }
      roles.push({
        staffKey: leader.key,
        role: 'building_leader',
        placeCode: grid.code,
        partyOrgKey: leader.partyMember ? group.key : null,
        building: `${b}号楼`,
        households: Math.max(0, share),
      });
    }
    const partyHouseholds = random.int(1, 3);
    for (let h = 0; h < partyHouseholds; h++) {
      const building = random.int(1, buildings);
      const member = addPerson(unitCode, true);
      roles.push({
        staffKey: member.key,
        role: 'party_household',
        placeCode: grid.code,
        partyOrgKey: groupOfBuilding[building]!.key,
        building: `${building}号楼`,
        households: 1,
      });
    }
  }

  return { staff, partyOrgs, roles, gridWorkerByGrid, buildingsByGrid };
}
