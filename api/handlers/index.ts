/** Every feature's handlers, intersected into the full map the contract requires. */
import type { MethodName } from '../contract';
import { appHandlers } from './app';
import { overviewHandlers } from './overview';
import type { FeatureHandlers } from './types';

export const handlers = {
  ...appHandlers,
  ...overviewHandlers,
} satisfies FeatureHandlers<MethodName>;
