/**
 * The weekly meeting's 党建 lines (issue 14) beside its small wishes: the three lists'
 * projects due in the meeting's week or already past their planned end, and the members who
 * served in the week under review (the agenda's figures week) with their hours.
 */
import type { Db } from '../open';

export interface AgendaProjectRow {
  id: number;
  code: string;
  title: string;
  communityName: string | null;
  ownerUnitName: string | null;
  plannedEnd: string;
  status: 'planned' | 'in_progress';
  overdue: boolean;
}

export interface AgendaParty {
  /** Open projects planned to end in the meeting's week (not yet past it). */
  projectsDueTotal: number;
  /** Open projects already past their planned end. */
  projectsOverdueTotal: number;
  /** The overdue first (longest late first), then those due this week, by day. */
  projects: AgendaProjectRow[];
  /** Members reported by the end of the reviewed week, and of them those with a service record in it. */
  membersReported: number;
  membersActive: number;
  serviceHours: number;
}

export function readAgendaParty(
  db: Db,
  week: { firstDay: string; lastDay: string },
  reviewed: { firstDay: string; lastDay: string },
  today: string,
  limit: number,
): AgendaParty {
  const open = "j.status IN ('planned', 'in_progress')";
  const rows = db
    .prepare(
      `SELECT j.id, j.code, j.title, c.name AS communityName, u.name AS ownerUnitName,
              j.planned_end AS plannedEnd, j.status, j.planned_end < @today AS overdue
         FROM party_projects j
         LEFT JOIN places c ON c.code = j.community_code
         LEFT JOIN party_units u ON u.id = j.owner_unit_id
        WHERE ${open} AND j.planned_end <= @lastDay
        ORDER BY j.planned_end, j.id LIMIT @limit`,
    )
    .all({ today, lastDay: week.lastDay, limit }) as (Omit<AgendaProjectRow, 'overdue'> & {
    overdue: number;
  })[];
  const counts = db
    .prepare(
      `SELECT coalesce(sum(j.planned_end < @today), 0) AS overdue,
              coalesce(sum(j.planned_end >= @today), 0) AS due
         FROM party_projects j WHERE ${open} AND j.planned_end <= @lastDay`,
    )
    .get({ today, lastDay: week.lastDay }) as { overdue: number; due: number };
  const members = db
    .prepare(
      `SELECT (SELECT count(*) FROM party_members WHERE reported_on <= @lastDay AND active = 1) AS reported,
              count(DISTINCT member_id) AS active, coalesce(sum(hours), 0) AS hours
         FROM service_records WHERE served_on BETWEEN @firstDay AND @lastDay AND member_id IS NOT NULL`,
    )
    .get(reviewed) as { reported: number; active: number; hours: number };
  return {
    projectsDueTotal: counts.due,
    projectsOverdueTotal: counts.overdue,
    projects: rows.map((row) => ({ ...row, overdue: Boolean(row.overdue) })),
    membersReported: members.reported,
    membersActive: members.active,
    serviceHours: Math.round(members.hours * 10) / 10,
  };
}
