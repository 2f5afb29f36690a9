/**
 * One grid's panel on the map (网格详情): who is responsible ("one grid, five roles" 一格五员,
 * with phone numbers masked as 138****1234: the map is projected in meetings), the party
 * chain (社区党委 → 小区党支部 → 楼栋党小组 → 党员中心户) and its open cases.
 */
import { maskPhone } from '../../core/cases/personal-data';
import type { GridType, PartyOrgLevel, PlaceLevel, StaffRole } from '../../core/glossary';
import { OPEN_STATES_SQL } from '../../core/cases/case-states';
import { CASE_LIST_VIEW, type CaseListRow } from '../../core/cases/case-views';
import type { Db } from '../open';
import { selectCaseView } from './case-select';

export interface GridPerson {
  role: StaffRole;
  name: string;
  /** Masked (138****1234). */
  phone: string | null;
  partyMember: boolean;
  building: string | null;
  households: number | null;
}

export interface PartyOrgNode {
  code: string;
  name: string;
  level: PartyOrgLevel;
  secretary: string | null;
  /** 党员中心户 under a building group; empty elsewhere. */
  partyHouseholds: string[];
  children: PartyOrgNode[];
}

/** An open case in the grid's panel: core/cases/case-views.ts CASE_LIST_VIEW. */
type GridOpenCase = CaseListRow;

export interface GridDetail {
  code: string;
  name: string;
  level: PlaceLevel;
  gridType: GridType | null;
  households: number | null;
  population: number | null;
  community: { code: string; name: string } | null;
  parent: { code: string; name: string } | null;
  subgridCount: number;
  people: GridPerson[];
  /** The community committee at the top, holding this grid's branches and groups. */
  partyChain: PartyOrgNode | null;
  openCases: GridOpenCase[];
  openCaseCount: number;
}

const ROLE_ORDER =
  "CASE r.role WHEN 'grid_leader' THEN 0 WHEN 'full_time_worker' THEN 1 WHEN 'part_time_worker' THEN 2 WHEN 'building_leader' THEN 3 ELSE 4 END";

export function readGridDetail(db: Db, code: string, openLimit = 20): GridDetail | null {
  const place = db
    .prepare<
      [string],
      {
        code: string;
        name: string;
        level: PlaceLevel;
        gridType: GridType | null;
        households: number | null;
        population: number | null;
        communityCode: string | null;
        communityName: string | null;
        parentCode: string | null;
        parentName: string | null;
      }
    >(
      `SELECT p.code, p.name, p.level, p.grid_type AS gridType, p.households, p.population,
              community.code AS communityCode, community.name AS communityName,
              parent.code AS parentCode, parent.name AS parentName
         FROM places p
         LEFT JOIN places community ON community.code = coalesce(p.community_code,
           CASE WHEN p.level = 'community' THEN p.code END)
         LEFT JOIN places parent ON parent.code = p.parent_code
        WHERE p.code = ?`,
    )
    .get(code);
  if (!place) return null;

  const people = db
    .prepare<[string], Omit<GridPerson, 'partyMember'> & { partyMember: number }>(
      `SELECT r.role, s.name, s.phone, s.party_member AS partyMember, r.building, r.households
         FROM staff_roles r JOIN staff s ON s.id = r.staff_id
        WHERE r.place_code = ? AND s.active = 1
        ORDER BY ${ROLE_ORDER}, r.building, r.id`,
    )
    .all(code)
    .map((p) => ({ ...p, phone: maskPhone(p.phone), partyMember: p.partyMember === 1 }));

  // A community's panel lists the open cases of all its grids; a sub-grid's, its grid's.
  const caseColumn = place.level === 'community' ? 'community_code' : 'grid_code';
  const caseCode = place.level === 'subgrid' ? (place.parentCode ?? code) : code;
  const openCaseCount = db
    .prepare<[string], number>(
      `SELECT count(*) FROM cases WHERE ${caseColumn} = ? AND state IN ${OPEN_STATES_SQL}`,
    )
    .pluck()
    .get(caseCode)!;
  const openCases = selectCaseView(
    db,
    CASE_LIST_VIEW,
    `WHERE c.${caseColumn} = ? AND c.state IN ${OPEN_STATES_SQL}
      ORDER BY c.due_at IS NULL, c.due_at, c.reported_at LIMIT ?`,
    [caseCode, openLimit],
  );

  const subgridCount = db
    .prepare<[string], number>(
      "SELECT count(*) FROM places WHERE parent_code = ? AND level = 'subgrid'",
    )
    .pluck()
    .get(code)!;

  return {
    code: place.code,
    name: place.name,
    level: place.level,
    gridType: place.gridType,
    households: place.households,
    population: place.population,
    community: place.communityCode
      ? { code: place.communityCode, name: place.communityName! }
      : null,
    parent: place.parentCode ? { code: place.parentCode, name: place.parentName! } : null,
    subgridCount,
    people,
    partyChain: place.communityCode ? readPartyChain(db, place.communityCode, code) : null,
    openCases,
    openCaseCount,
  };
}

interface OrgRow {
  id: number;
  code: string;
  name: string;
  level: PartyOrgLevel;
  parentId: number | null;
  secretary: string | null;
}

/** The community committee and, below it, only the branches and groups of this grid. */
function readPartyChain(db: Db, communityCode: string, gridCode: string): PartyOrgNode | null {
  const committee = db
    .prepare<[string], OrgRow>(
      `SELECT o.id, o.code, o.name, o.level, o.parent_id AS parentId, s.name AS secretary
         FROM party_orgs o LEFT JOIN staff s ON s.id = o.secretary_staff_id
        WHERE o.place_code = ? AND o.level = 'community_committee'
        ORDER BY o.code LIMIT 1`,
    )
    .get(communityCode);
  if (!committee) return null;
  const below = db
    .prepare<[string], OrgRow>(
      `SELECT o.id, o.code, o.name, o.level, o.parent_id AS parentId, s.name AS secretary
         FROM party_orgs o LEFT JOIN staff s ON s.id = o.secretary_staff_id
        WHERE o.place_code = ? AND o.level <> 'community_committee'
        ORDER BY o.code`,
    )
    .all(gridCode);
  // A residential branch spanning two grids is filed under the first (its place_code): the
  // second grid's building groups still hang under it, so it joins this grid's chain too.
  const orgById = db.prepare<[number], OrgRow>(
    `SELECT o.id, o.code, o.name, o.level, o.parent_id AS parentId, s.name AS secretary
       FROM party_orgs o LEFT JOIN staff s ON s.id = o.secretary_staff_id
      WHERE o.id = ? AND o.level <> 'community_committee'`,
  );
  const known = new Set(below.map((row) => row.id));
  for (let i = 0; i < below.length; i++) {
    const parentId = below[i]!.parentId;
    if (parentId === null || parentId === committee.id || known.has(parentId)) continue;
    const parent = orgById.get(parentId);
    if (!parent) continue;
    known.add(parent.id);
    below.push(parent);
  }
  const households = db
    .prepare<[string], { orgId: number; name: string }>(
      `SELECT r.party_org_id AS orgId, s.name FROM staff_roles r JOIN staff s ON s.id = r.staff_id
        WHERE r.place_code = ? AND r.role = 'party_household' AND r.party_org_id IS NOT NULL
        ORDER BY r.id`,
    )
    .all(gridCode);
  const nodes = new Map<number, PartyOrgNode>();
  const toNode = (row: OrgRow): PartyOrgNode => ({
    code: row.code,
    name: row.name,
    level: row.level,
    secretary: row.secretary,
    partyHouseholds: households.filter((h) => h.orgId === row.id).map((h) => h.name),
    children: [],
  });
  const root = toNode(committee);
  nodes.set(committee.id, root);
  for (const row of below) nodes.set(row.id, toNode(row));
  for (const row of below) {
    const parent = row.parentId === null ? root : (nodes.get(row.parentId) ?? root);
    parent.children.push(nodes.get(row.id)!);
  }
  return root;
}
