import { readAppInfo } from '../../db/queries/app-info';
import type { FeatureHandlers } from './types';

export const appHandlers = {
  'app.info': (context) => ({
    ...readAppInfo(context.db, context.appVersion),
    transport: context.transport,
  }),
} satisfies FeatureHandlers<'app.info'>;
