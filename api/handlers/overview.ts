import { readOverviewCounts } from '../../db/queries/overview';
import type { FeatureHandlers } from './types';

export const overviewHandlers = {
  'overview.counts': (context, input) =>
    readOverviewCounts(context.db, context.now(), input.oldestLimit),
} satisfies FeatureHandlers<'overview.counts'>;
