import { z } from 'zod';
import { method } from './define';

export interface OverdueCaseSummary {
  id: number;
  caseNo: string;
  categoryName: string;
  communityName: string | null;
  gridName: string | null;
  leadUnitName: string | null;
  state: string;
  dueAt: number;
}

/** 工作台 today's counts (Asia/Shanghai day). */
export interface OverviewCounts {
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
  oldestOverdue: OverdueCaseSummary[];
}

export const overviewContract = {
  'overview.counts': method<OverviewCounts>()(
    z
      .object({
        /** How many of the oldest overdue cases to list. */
        oldestLimit: z.number().int().min(0).max(50).default(8),
      })
      .strict(),
  ),
};
