import { z } from 'zod';
import { method } from './define';

/** 工作台 today's counts (Asia/Shanghai day); the shapes are db/queries/overview.ts's rows. */
export type {
  OverdueCaseRow as OverdueCaseSummary,
  OverviewCountsRow as OverviewCounts,
} from '../../db/queries/overview';
import type { OverviewCountsRow } from '../../db/queries/overview';

export const overviewContract = {
  'overview.counts': method<OverviewCountsRow>()(
    z
      .object({
        /** How many of the oldest overdue cases to list. */
        oldestLimit: z.number().int().min(0).max(50).default(8),
      })
      .strict(),
  ),
};
