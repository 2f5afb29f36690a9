/**
 * 党建引领's figures for one period (issue 14), per community or per unit party organisation:
 * members reported and active, service hours, projects planned / done / overdue with their
 * money, small wishes published / claimed / fulfilled / overdue, volunteer activities, hours
 * and the party members' share of participants. What each counts:
 * - members reported: reported on or before the period's last day; active: a service record
 *   inside it (by the member's home community, or the member's unit);
 * - projects planned: not cancelled and planned to run on some day of it (with their budget);
 *   done: finished inside it (with what was spent); overdue: open at `asOf` past their end day;
 * - wishes: published, claimed or fulfilled inside it; overdue: open at `asOf` past their clock
 *   (for a unit: the wishes its members claimed);
 * - activities: held inside it by the community's teams (units have none of their own).
 */
import type { Db } from '../open';

export interface PartyFigureRow {
  code: string;
  name: string;
  membersReported: number;
  membersActive: number;
  serviceHours: number;
  projectsPlanned: number;
  projectsDone: number;
  projectsOverdue: number;
  budgetFen: number;
  spentFen: number;
  wishesPublished: number;
  wishesClaimed: number;
  wishesFulfilled: number;
  wishesOverdue: number;
  activities: number;
  volunteerHours: number;
  /** Activity participants, and of them party members (their share is the second over the first). */
  participants: number;
  partyParticipants: number;
}

export interface PartyPeriod {
  /** First and last day, 'YYYY-MM-DD'. */
  firstDay: string;
  lastDay: string;
  start: number;
  end: number;
  asOf: number;
  asOfDay: string;
}

const COMMUNITY_SQL = /* sql */ `
WITH c AS (SELECT code, name FROM places WHERE level = 'community')
SELECT c.code, c.name,
  (SELECT count(*) FROM party_members m WHERE m.home_community_code = c.code AND m.reported_on <= @lastDay) AS membersReported,
  (SELECT count(DISTINCT r.member_id) FROM service_records r JOIN party_members m ON m.id = r.member_id
    WHERE m.home_community_code = c.code AND r.served_on BETWEEN @firstDay AND @lastDay) AS membersActive,
  (SELECT coalesce(sum(r.hours), 0) FROM service_records r JOIN party_members m ON m.id = r.member_id
    WHERE m.home_community_code = c.code AND r.served_on BETWEEN @firstDay AND @lastDay) AS serviceHours,
  (SELECT count(*) FROM party_projects p WHERE p.community_code = c.code AND p.status <> 'cancelled'
    AND p.planned_start <= @lastDay AND p.planned_end >= @firstDay) AS projectsPlanned,
  (SELECT count(*) FROM party_projects p WHERE p.community_code = c.code AND p.status = 'done'
    AND p.actual_end BETWEEN @firstDay AND @lastDay) AS projectsDone,
  (SELECT count(*) FROM party_projects p WHERE p.community_code = c.code
    AND p.status IN ('planned', 'in_progress') AND p.planned_end < @asOfDay) AS projectsOverdue,
  (SELECT coalesce(sum(p.budget_fen), 0) FROM party_projects p WHERE p.community_code = c.code AND p.status <> 'cancelled'
    AND p.planned_start <= @lastDay AND p.planned_end >= @firstDay) AS budgetFen,
  (SELECT coalesce(sum(p.spent_fen), 0) FROM party_projects p WHERE p.community_code = c.code AND p.status = 'done'
    AND p.actual_end BETWEEN @firstDay AND @lastDay) AS spentFen,
  (SELECT count(*) FROM wishes w WHERE w.community_code = c.code AND w.published_at >= @start AND w.published_at < @end) AS wishesPublished,
  (SELECT count(*) FROM wishes w WHERE w.community_code = c.code AND w.claimed_at >= @start AND w.claimed_at < @end) AS wishesClaimed,
  (SELECT count(*) FROM wishes w WHERE w.community_code = c.code AND w.fulfilled_at >= @start AND w.fulfilled_at < @end) AS wishesFulfilled,
  (SELECT count(*) FROM wishes w WHERE w.community_code = c.code AND w.state IN ('published', 'claimed') AND w.due_at < @asOf) AS wishesOverdue,
  (SELECT count(*) FROM volunteer_activities a JOIN volunteer_teams t ON t.id = a.team_id
    WHERE t.community_code = c.code AND a.held_on BETWEEN @firstDay AND @lastDay) AS activities,
  (SELECT coalesce(sum(a.hours), 0) FROM volunteer_activities a JOIN volunteer_teams t ON t.id = a.team_id
    WHERE t.community_code = c.code AND a.held_on BETWEEN @firstDay AND @lastDay) AS volunteerHours,
  (SELECT coalesce(sum(a.participants), 0) FROM volunteer_activities a JOIN volunteer_teams t ON t.id = a.team_id
    WHERE t.community_code = c.code AND a.held_on BETWEEN @firstDay AND @lastDay) AS participants,
  (SELECT coalesce(sum(a.party_participants), 0) FROM volunteer_activities a JOIN volunteer_teams t ON t.id = a.team_id
    WHERE t.community_code = c.code AND a.held_on BETWEEN @firstDay AND @lastDay) AS partyParticipants
FROM c ORDER BY c.code`;

const UNIT_SQL = /* sql */ `
SELECT u.code, u.name,
  (SELECT count(*) FROM party_members m WHERE m.unit_id = u.id AND m.reported_on <= @lastDay) AS membersReported,
  (SELECT count(DISTINCT r.member_id) FROM service_records r JOIN party_members m ON m.id = r.member_id
    WHERE m.unit_id = u.id AND r.served_on BETWEEN @firstDay AND @lastDay) AS membersActive,
  (SELECT coalesce(sum(r.hours), 0) FROM service_records r JOIN party_members m ON m.id = r.member_id
    WHERE m.unit_id = u.id AND r.served_on BETWEEN @firstDay AND @lastDay) AS serviceHours,
  (SELECT count(*) FROM party_projects p WHERE p.owner_unit_id = u.id AND p.status <> 'cancelled'
    AND p.planned_start <= @lastDay AND p.planned_end >= @firstDay) AS projectsPlanned,
  (SELECT count(*) FROM party_projects p WHERE p.owner_unit_id = u.id AND p.status = 'done'
    AND p.actual_end BETWEEN @firstDay AND @lastDay) AS projectsDone,
  (SELECT count(*) FROM party_projects p WHERE p.owner_unit_id = u.id
    AND p.status IN ('planned', 'in_progress') AND p.planned_end < @asOfDay) AS projectsOverdue,
  (SELECT coalesce(sum(p.budget_fen), 0) FROM party_projects p WHERE p.owner_unit_id = u.id AND p.status <> 'cancelled'
    AND p.planned_start <= @lastDay AND p.planned_end >= @firstDay) AS budgetFen,
  (SELECT coalesce(sum(p.spent_fen), 0) FROM party_projects p WHERE p.owner_unit_id = u.id AND p.status = 'done'
    AND p.actual_end BETWEEN @firstDay AND @lastDay) AS spentFen,
  0 AS wishesPublished,
  (SELECT count(*) FROM wishes w JOIN party_members m ON m.id = w.claimed_by_member_id
    WHERE m.unit_id = u.id AND w.claimed_at >= @start AND w.claimed_at < @end) AS wishesClaimed,
  (SELECT count(*) FROM wishes w JOIN party_members m ON m.id = w.claimed_by_member_id
    WHERE m.unit_id = u.id AND w.fulfilled_at >= @start AND w.fulfilled_at < @end) AS wishesFulfilled,
  (SELECT count(*) FROM wishes w JOIN party_members m ON m.id = w.claimed_by_member_id
    WHERE m.unit_id = u.id AND w.state = 'claimed' AND w.due_at < @asOf) AS wishesOverdue,
  0 AS activities,
  0 AS volunteerHours,
  0 AS participants,
  0 AS partyParticipants
FROM party_units u WHERE u.active = 1 ORDER BY u.code`;

export function readPartyFigures(
  db: Db,
  level: 'community' | 'unit',
  period: PartyPeriod,
): PartyFigureRow[] {
  return db
    .prepare<PartyPeriod, PartyFigureRow>(level === 'community' ? COMMUNITY_SQL : UNIT_SQL)
    .all(period);
}
