import { caseStateSql } from '../../core/cases/case-states';
import { CASE_LIST_VIEW, type CaseListRow } from '../../core/cases/case-views';
import { DAY_MS, startOfDay } from '../../core/time';
import type { Db } from '../open';
import { selectCaseView } from './case-select';

/** One of the oldest overdue cases: a list row whose deadline is known. */
export type OverdueCaseRow = CaseListRow & { dueAt: number };

/** 工作台 today's counts (Asia/Shanghai day): what overview.counts answers. */
export interface OverviewCountsRow {
  /** The instant the counts were taken (epoch ms). */
  asOf: number;
  /** 今日新增: reported today. */
  newToday: number;
  /** 在办: open (not closed, not voided). */
  open: number;
  /** 超期: open past the effective deadline (suspended cases excluded: their clocks stop). */
  overdue: number;
  /** 临期: in the last 20% of the window. */
  nearDue: number;
  /** 今日结案: closed today. */
  closedToday: number;
  /** The oldest overdue cases, most overdue first. */
  oldestOverdue: OverdueCaseRow[];
}

/** Open, overdue, near due: core/cases/case-states.ts, over the bare table at `:now`. */
const CASES = caseStateSql('', ':now');

export function readOverviewCounts(db: Db, now: number, oldestLimit: number): OverviewCountsRow {
  const dayStart = startOfDay(now);
  const params = { now, dayStart, dayEnd: dayStart + DAY_MS };
  const counts = db
    .prepare<typeof params, Omit<OverviewCountsRow, 'asOf' | 'oldestOverdue'>>(
      `SELECT
         (SELECT count(*) FROM cases WHERE reported_at >= :dayStart AND reported_at < :dayEnd
            AND state <> 'voided') AS newToday,
         (SELECT count(*) FROM cases WHERE ${CASES.open}) AS open,
         (SELECT count(*) FROM cases WHERE ${CASES.overdue}) AS overdue,
         (SELECT count(*) FROM cases WHERE ${CASES.nearDue}) AS nearDue,
         (SELECT count(*) FROM cases WHERE closed_at >= :dayStart AND closed_at < :dayEnd) AS closedToday`,
    )
    .get(params)!;
  const oldestOverdue = selectCaseView(
    db,
    CASE_LIST_VIEW,
    `WHERE ${caseStateSql('c', ':now').overdue} ORDER BY c.due_at ASC LIMIT :limit`,
    { now, limit: oldestLimit },
  ) as OverdueCaseRow[];
  return { asOf: now, ...counts, oldestOverdue };
}
