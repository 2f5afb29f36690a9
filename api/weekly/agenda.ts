/**
 * The weekly dispatch meeting's agenda (周调度, docs/design/DOMAIN.md), prepared for an ISO week: last
 * week's figures per community with tiers and week-over-week change, overdue cases by age,
 * escalated and supervised cases, and the earlier dispatch items still open (以周保月).
 */
import { shiftPeriod, type Period } from '../../core/ranking/periods';
import {
  carriesOver,
  dispatchItemStatus,
  OVERDUE_AGE_GROUPS,
  overdueAgeGroup,
  type OverdueAgeGroup,
} from '../../core/weekly/agenda-rules';
import { flaggedOpenCasesAt, overdueCasesAt } from '../../db/queries/agenda-cases';
import {
  carriedItems,
  itemsOfWeek,
  meetingOfWeek,
  type DispatchItemRow,
  type MeetingRow,
} from '../../db/queries/dispatch-items';
import type { Db } from '../../db/open';
import type {
  AgendaCase,
  DispatchItemView,
  MeetingRecord,
  OverdueGroup,
  WeeklyAgenda,
} from '../contract/weekly';
import { computeLiveRanking } from '../ranking/live-ranking';
import { periodInfo } from '../ranking/periods';
import { readAgendaWishes } from '../../db/queries/wishes';
import { readAgendaParty } from '../../db/queries/agenda-party';
import { dayString } from '../../core/time';

export function toItemView(row: DispatchItemRow, now: number): DispatchItemView {
  return {
    id: row.id,
    week: row.week,
    title: row.title,
    leadUnit: { code: row.leadUnitCode, name: row.leadUnitName },
    assistUnits: row.assistUnits,
    owner: row.owner,
    dueDay: row.dueDay,
    status: dispatchItemStatus(row, now),
    doneAt: row.doneAt,
    progressNote: row.progressNote,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    cases: row.cases,
  };
}

export function toMeetingRecord(row: MeetingRow): MeetingRecord {
  return {
    week: row.week,
    heldAt: row.heldAt,
    chair: row.chair,
    attendees: row.attendees,
    notes: row.notes,
  };
}

export function buildAgenda(db: Db, week: Period, now: number, listLimit: number): WeeklyAgenda {
  const figuresWeek = shiftPeriod(week, -1);
  const asOf = Math.min(now, week.end);
  const ranking = computeLiveRanking(db, 'community', figuresWeek, now, { checksum: false });

  const byGroup = new Map<OverdueAgeGroup, AgendaCase[]>(OVERDUE_AGE_GROUPS.map((g) => [g, []]));
  const overdue = overdueCasesAt(db, asOf);
  for (const row of overdue) byGroup.get(overdueAgeGroup(asOf - (row.dueAt ?? asOf)))!.push(row);
  const groups: OverdueGroup[] = OVERDUE_AGE_GROUPS.map((group) => {
    const cases = byGroup.get(group)!;
    return { group, count: cases.length, cases: cases.slice(0, listLimit) };
  });

  const flagged = flaggedOpenCasesAt(db, asOf);
  const previousWeekStart = figuresWeek.start;
  const meeting = meetingOfWeek(db, week.key);
  return {
    week: periodInfo(week),
    figuresWeek: periodInfo(figuresWeek),
    comparedWeek: periodInfo(ranking.previousPeriod),
    asOf,
    weightSet: ranking.weightSet,
    figures: ranking.rows,
    overdue: { total: overdue.length, groups },
    escalated: flagged.filter((c) => c.escalated).slice(0, listLimit),
    supervised: flagged.filter((c) => c.supervised).slice(0, listLimit),
    carriedItems: carriedItems(db, week.key, previousWeekStart)
      .filter((item) => carriesOver(item, previousWeekStart))
      .map((item) => toItemView(item, now)),
    items: itemsOfWeek(db, week.key).map((item) => toItemView(item, now)),
    meeting: meeting ? toMeetingRecord(meeting) : null,
    wishes: readAgendaWishes(db, asOf, listLimit),
    party: readAgendaParty(
      db,
      { firstDay: dayString(week.start), lastDay: dayString(week.end - 1) },
      { firstDay: dayString(figuresWeek.start), lastDay: dayString(figuresWeek.end - 1) },
      dayString(asOf),
      listLimit,
    ),
  };
}
