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

/*
 * Both levels read each table once, grouped by the level's key, and join the groups to the
 * communities or units: a correlated count per unit read the city's 740,000 service records
 * 2,407 times over (15 s); grouped, the month's figures take well under a second.
 */
const aggregates = (key: {
  member: string;
  project: string;
  wish: string;
  team: string;
}) => /* sql */ `
mem AS (SELECT ${key.member} AS k, count(*) AS reported FROM party_members m
         WHERE m.reported_on <= @lastDay GROUP BY k),
rec AS (SELECT ${key.member} AS k, count(DISTINCT r.member_id) AS active, sum(r.hours) AS hours
          FROM service_records r JOIN party_members m ON m.id = r.member_id
         WHERE r.served_on BETWEEN @firstDay AND @lastDay GROUP BY k),
prj AS (SELECT ${key.project} AS k,
          sum(p.status <> 'cancelled' AND p.planned_start <= @lastDay AND p.planned_end >= @firstDay) AS planned,
          sum(p.status = 'done' AND p.actual_end BETWEEN @firstDay AND @lastDay) AS done,
          sum(p.status IN ('planned', 'in_progress') AND p.planned_end < @asOfDay) AS overdue,
          sum(CASE WHEN p.status <> 'cancelled' AND p.planned_start <= @lastDay AND p.planned_end >= @firstDay
                   THEN p.budget_fen ELSE 0 END) AS budget,
          sum(CASE WHEN p.status = 'done' AND p.actual_end BETWEEN @firstDay AND @lastDay
                   THEN p.spent_fen ELSE 0 END) AS spent
          FROM party_projects p GROUP BY k),
wsh AS (SELECT ${key.wish} AS k,
          sum(w.published_at >= @start AND w.published_at < @end) AS published,
          sum(w.claimed_at >= @start AND w.claimed_at < @end) AS claimed,
          sum(w.fulfilled_at >= @start AND w.fulfilled_at < @end) AS fulfilled,
          sum(w.due_at < @asOf AND w.state IN (${key.wish === 'm.unit_id' ? "'claimed'" : "'published', 'claimed'"})) AS overdue
          FROM wishes w ${key.wish === 'm.unit_id' ? 'JOIN party_members m ON m.id = w.claimed_by_member_id' : ''}
         GROUP BY k),
act AS (SELECT ${key.team} AS k, count(*) AS activities, sum(a.hours) AS hours,
          sum(a.participants) AS participants, sum(a.party_participants) AS partyParticipants
          FROM volunteer_activities a JOIN volunteer_teams t ON t.id = a.team_id
         WHERE a.held_on BETWEEN @firstDay AND @lastDay GROUP BY k)`;

const figureColumns = (withWishesPublished: boolean, withActivities: boolean) => /* sql */ `
  coalesce(mem.reported, 0) AS membersReported,
  coalesce(rec.active, 0) AS membersActive,
  coalesce(rec.hours, 0) AS serviceHours,
  coalesce(prj.planned, 0) AS projectsPlanned,
  coalesce(prj.done, 0) AS projectsDone,
  coalesce(prj.overdue, 0) AS projectsOverdue,
  coalesce(prj.budget, 0) AS budgetFen,
  coalesce(prj.spent, 0) AS spentFen,
  ${withWishesPublished ? 'coalesce(wsh.published, 0)' : '0'} AS wishesPublished,
  coalesce(wsh.claimed, 0) AS wishesClaimed,
  coalesce(wsh.fulfilled, 0) AS wishesFulfilled,
  coalesce(wsh.overdue, 0) AS wishesOverdue,
  ${withActivities ? 'coalesce(act.activities, 0)' : '0'} AS activities,
  ${withActivities ? 'coalesce(act.hours, 0)' : '0'} AS volunteerHours,
  ${withActivities ? 'coalesce(act.participants, 0)' : '0'} AS participants,
  ${withActivities ? 'coalesce(act.partyParticipants, 0)' : '0'} AS partyParticipants`;

const joins = (key: string) => /* sql */ `
  LEFT JOIN mem ON mem.k = ${key} LEFT JOIN rec ON rec.k = ${key} LEFT JOIN prj ON prj.k = ${key}
  LEFT JOIN wsh ON wsh.k = ${key} LEFT JOIN act ON act.k = ${key}`;

const COMMUNITY_SQL = /* sql */ `
WITH ${aggregates({
  member: 'm.home_community_code',
  project: 'p.community_code',
  wish: 'w.community_code',
  team: 't.community_code',
})}
SELECT c.code, c.name, ${figureColumns(true, true)}
FROM places c ${joins('c.code')}
WHERE c.level = 'community' ORDER BY c.code`;

// A unit's wishes are those its members claimed; units hold no volunteer activities.
const UNIT_SQL = /* sql */ `
WITH ${aggregates({
  member: 'm.unit_id',
  project: 'p.owner_unit_id',
  wish: 'm.unit_id',
  team: 'NULL',
})}
SELECT u.code, u.name, ${figureColumns(false, false)}
FROM party_units u ${joins('u.id')}
WHERE u.active = 1 ORDER BY u.code`;

export function readPartyFigures(
  db: Db,
  level: 'community' | 'unit',
  period: PartyPeriod,
): PartyFigureRow[] {
  return db
    .prepare<PartyPeriod, PartyFigureRow>(level === 'community' ? COMMUNITY_SQL : UNIT_SQL)
    .all(period);
}
