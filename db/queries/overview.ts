import { NEAR_DUE_FRACTION } from '../../core/clocks';
import { DAY_MS, startOfDay } from '../../core/time';
import type { Db } from '../open';

export interface OverdueCaseRow {
  id: number;
  caseNo: string;
  categoryName: string;
  communityName: string | null;
  gridName: string | null;
  leadUnitName: string | null;
  state: string;
  dueAt: number;
}

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

/** States whose resolution clock runs (suspended cases' clocks stop; reported ones have not started). */
const RUNNING = "('registered', 'dispatched', 'in_progress', 'handled')";
const OPEN = "('reported', 'registered', 'dispatched', 'in_progress', 'handled', 'suspended')";

export function readOverviewCounts(db: Db, now: number, oldestLimit: number): OverviewCountsRow {
  const dayStart = startOfDay(now);
  const params = { now, dayStart, dayEnd: dayStart + DAY_MS, nearFraction: NEAR_DUE_FRACTION };
  const counts = db
    .prepare<typeof params, Omit<OverviewCountsRow, 'asOf' | 'oldestOverdue'>>(
      `SELECT
         (SELECT count(*) FROM cases WHERE reported_at >= :dayStart AND reported_at < :dayEnd
            AND state <> 'voided') AS newToday,
         (SELECT count(*) FROM cases WHERE state IN ${OPEN}) AS open,
         (SELECT count(*) FROM cases WHERE state IN ${RUNNING} AND due_at < :now) AS overdue,
         (SELECT count(*) FROM cases WHERE state IN ${RUNNING} AND due_at >= :now
            AND due_at - :now <= :nearFraction * due_window_ms) AS nearDue,
         (SELECT count(*) FROM cases WHERE closed_at >= :dayStart AND closed_at < :dayEnd) AS closedToday`,
    )
    .get(params)!;
  const oldestOverdue = db
    .prepare<{ now: number; limit: number }, OverdueCaseRow>(
      `SELECT c.id, c.case_no AS caseNo, cat.minor_name AS categoryName,
              community.name AS communityName, grid.name AS gridName,
              unit.name AS leadUnitName, c.state, c.due_at AS dueAt
         FROM cases c
         JOIN categories cat ON cat.code = c.category_code
         LEFT JOIN places community ON community.code = c.community_code
         LEFT JOIN places grid ON grid.code = c.grid_code
         LEFT JOIN units unit ON unit.code = c.lead_unit_code
        WHERE c.state IN ${RUNNING} AND c.due_at < :now
        ORDER BY c.due_at ASC
        LIMIT :limit`,
    )
    .all({ now, limit: oldestLimit });
  return { asOf: now, ...counts, oldestOverdue };
}
