/**
 * The SQL behind each register's table (党建引领 台账): the columns of core/party/registers.ts
 * with their expressions, what a search matches, and the filters each register offers. Read
 * by db/queries/party-registers.ts, which pages through them.
 */
import type { Register } from '../../core/party/registers';

export interface RegisterSql {
  /** The register's own table and alias, e.g. `party_members m`. */
  table: string;
  joins: string;
  /** Column key → SQL expression (the keys of REGISTER_COLUMNS, plus extras the API needs). */
  select: Record<string, string>;
  /**
   * What a search matches (LIKE %q%): the register's own columns, and conditions through a
   * linked table's names (a member's unit) as subqueries, so neither the count nor the page
   * needs the joins to filter.
   */
  search: {
    columns: string[];
    /** Personal data (phones, residents' names): searched only for viewers who see it in full. */
    personal?: string[];
    also?: string[];
  };
  community?: string;
  /**
   * The index the community filter must read by. SQLite's planner prefers walking the day
   * index (no sort) and filtering, which at a deep page reads most of 740,000 records
   * (200 ms); reading the community's range and sorting it takes a fifth of that.
   */
  communityIndex?: string;
  unit?: string;
  member?: string;
  team?: string;
  /** linked register → condition on @linked. */
  links?: Partial<Record<'needs' | 'resources' | 'projects', string>>;
  /** status value → condition; `today` is bound as @today. */
  status?: Record<string, string>;
  order: string;
}

const named = (table: string, column: string) => (key: string) =>
  `${key} IN (SELECT id FROM ${table} WHERE ${column} LIKE @q ESCAPE '\\')`;
const unitNamed = named('party_units', 'name');
const memberNamed = named('party_members', 'name');
const teamNamed = named('volunteer_teams', 'name');

export const REGISTER_SQL: Record<Register, RegisterSql> = {
  units: {
    table: 'party_units u',
    joins: 'LEFT JOIN places c ON c.code = u.community_code',
    select: {
      code: 'u.code',
      name: 'u.name',
      community: 'c.name',
      communityCode: 'u.community_code',
      contactName: 'u.contact_name',
      contactPhone: 'u.contact_phone',
      members: '(SELECT count(*) FROM party_members m WHERE m.unit_id = u.id)',
      agreementOn: 'u.agreement_on',
      active: 'u.active',
    },
    search: { columns: ['u.name', 'u.code'], personal: ['u.contact_name', 'u.contact_phone'] },
    community: 'u.community_code',
    status: { active: 'u.active = 1', inactive: 'u.active = 0' },
    order: 'u.code',
  },
  members: {
    table: 'party_members m',
    joins: `JOIN party_units u ON u.id = m.unit_id
            LEFT JOIN places c ON c.code = m.home_community_code
            LEFT JOIN places g ON g.code = m.home_grid_code`,
    select: {
      code: 'm.code',
      name: 'm.name',
      phone: 'm.phone',
      unit: 'u.name',
      unitId: 'm.unit_id',
      community: 'c.name',
      communityCode: 'm.home_community_code',
      grid: 'g.name',
      reportedOn: 'm.reported_on',
      skills: 'm.skills',
      active: 'm.active',
    },
    search: {
      columns: ['m.name', 'm.code', 'm.skills'],
      personal: ['m.phone'],
      also: [unitNamed('m.unit_id')],
    },
    community: 'm.home_community_code',
    unit: 'm.unit_id',
    status: { active: 'm.active = 1', inactive: 'm.active = 0' },
    order: 'm.code',
  },
  records: {
    table: 'service_records r',
    joins: `LEFT JOIN party_members m ON m.id = r.member_id
            LEFT JOIN party_units u ON u.id = coalesce(r.unit_id, m.unit_id)
            LEFT JOIN places p ON p.code = r.place_code`,
    select: {
      servedOn: 'r.served_on',
      member: 'm.name',
      unit: 'u.name',
      place: 'p.name',
      activity: 'r.activity',
      theme: 'r.theme',
      hours: 'r.hours',
      serves: 'r.serves_kind',
      servesId: 'r.serves_id',
    },
    search: {
      columns: ['r.activity', 'r.theme'],
      // The unit shown is the record's own or its member's.
      also: [
        memberNamed('r.member_id'),
        unitNamed('r.unit_id'),
        `r.member_id IN (SELECT id FROM party_members WHERE ${unitNamed('unit_id')})`,
      ],
    },
    community: "r.place_code BETWEEN @community AND @community || '999'",
    communityIndex: 'service_records_place',
    unit: 'coalesce(r.unit_id, (SELECT unit_id FROM party_members WHERE id = r.member_id))',
    member: 'r.member_id',
    order: 'r.served_on DESC, r.id DESC',
  },
  needs: {
    table: 'party_needs n',
    joins: `LEFT JOIN places p ON p.code = n.place_code`,
    select: {
      code: 'n.code',
      title: 'n.title',
      place: 'p.name',
      placeCode: 'n.place_code',
      communityCode: 'coalesce(p.community_code, n.place_code)',
      category: 'n.category',
      households: 'n.households',
      urgency: 'n.urgency',
      raisedOn: 'n.raised_on',
      status: 'n.status',
    },
    search: { columns: ['n.title', 'n.code'] },
    community:
      '(n.place_code = @community OR n.place_code IN (SELECT code FROM places WHERE community_code = @community))',
    links: {
      projects: 'n.id IN (SELECT need_id FROM party_project_links WHERE project_id = @linked)',
    },
    status: {
      open: "n.status = 'open'",
      matched: "n.status = 'matched'",
      closed: "n.status = 'closed'",
    },
    order: "n.status = 'closed', n.raised_on DESC, n.id DESC",
  },
  resources: {
    table: 'party_resources r',
    joins: `LEFT JOIN party_units u ON u.id = r.unit_id
            LEFT JOIN party_members m ON m.id = r.member_id
            LEFT JOIN places c ON c.code = r.community_code`,
    select: {
      code: 'r.code',
      title: 'r.title',
      kind: 'r.kind',
      offeredBy: 'coalesce(u.name, m.name, r.offered_by_name)',
      unitId: 'r.unit_id',
      community: 'c.name',
      communityCode: 'r.community_code',
      capacity: 'r.capacity',
      amountFen: 'r.amount_fen',
      availableUntil: 'r.available_until',
    },
    search: {
      columns: ['r.title', 'r.code', 'r.offered_by_name'],
      also: [unitNamed('r.unit_id'), memberNamed('r.member_id')],
    },
    community: 'r.community_code',
    unit: 'r.unit_id',
    member: 'r.member_id',
    links: {
      projects: 'r.id IN (SELECT resource_id FROM party_project_links WHERE project_id = @linked)',
    },
    status: {
      venue: "r.kind = 'venue'",
      funds: "r.kind = 'funds'",
      skills: "r.kind = 'skills'",
      goods: "r.kind = 'goods'",
      service: "r.kind = 'service'",
    },
    order: 'r.code',
  },
  projects: {
    table: 'party_projects j',
    joins: `LEFT JOIN party_units u ON u.id = j.owner_unit_id
            LEFT JOIN places c ON c.code = j.community_code`,
    select: {
      code: 'j.code',
      title: 'j.title',
      ownerUnit: 'u.name',
      unitId: 'j.owner_unit_id',
      community: 'c.name',
      communityCode: 'j.community_code',
      orderedBy: 'j.ordered_by',
      budgetFen: 'j.budget_fen',
      spentFen: 'j.spent_fen',
      plannedStart: 'j.planned_start',
      plannedEnd: 'j.planned_end',
      actualStart: 'j.actual_start',
      actualEnd: 'j.actual_end',
      status: 'j.status',
      approved: '(j.approved_at IS NOT NULL)',
      overdue: "(j.status IN ('planned', 'in_progress') AND j.planned_end < @today)",
    },
    search: { columns: ['j.title', 'j.code'], also: [unitNamed('j.owner_unit_id')] },
    community: 'j.community_code',
    unit: 'j.owner_unit_id',
    links: {
      needs: 'j.id IN (SELECT project_id FROM party_project_links WHERE need_id = @linked)',
      resources: 'j.id IN (SELECT project_id FROM party_project_links WHERE resource_id = @linked)',
    },
    status: {
      planned: "j.status = 'planned'",
      in_progress: "j.status = 'in_progress'",
      done: "j.status = 'done'",
      cancelled: "j.status = 'cancelled'",
      overdue: "j.status IN ('planned', 'in_progress') AND j.planned_end < @today",
      unapproved: "j.status = 'planned' AND j.approved_at IS NULL",
    },
    order: "j.status IN ('done', 'cancelled'), j.planned_end, j.id",
  },
  volunteers: {
    table: 'volunteers v',
    joins: `JOIN volunteer_teams t ON t.id = v.team_id
            LEFT JOIN places c ON c.code = t.community_code`,
    select: {
      name: 'v.name',
      phone: 'v.phone',
      team: 't.name',
      teamId: 'v.team_id',
      community: 'c.name',
      communityCode: 't.community_code',
      partyMember: 'v.party_member',
      joinedOn: 'v.joined_on',
    },
    search: { columns: [], personal: ['v.name', 'v.phone'], also: [teamNamed('v.team_id')] },
    community: '(SELECT community_code FROM volunteer_teams WHERE id = v.team_id)',
    team: 'v.team_id',
    order: 'v.team_id, v.id',
  },
  activities: {
    table: 'volunteer_activities a',
    joins: `LEFT JOIN volunteer_teams t ON t.id = a.team_id
            LEFT JOIN places p ON p.code = a.place_code`,
    select: {
      code: 'a.code',
      heldOn: 'a.held_on',
      theme: 'a.theme',
      team: 't.name',
      teamId: 'a.team_id',
      place: 'p.name',
      placeCode: 'a.place_code',
      participants: 'a.participants',
      partyParticipants: 'a.party_participants',
      hours: 'a.hours',
    },
    search: { columns: ['a.theme', 'a.code'], also: [teamNamed('a.team_id')] },
    community: "a.place_code BETWEEN @community AND @community || '999'",
    communityIndex: 'volunteer_activities_place',
    team: 'a.team_id',
    order: 'a.held_on DESC, a.id DESC',
  },
};
