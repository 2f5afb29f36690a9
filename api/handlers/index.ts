/** Every feature's handlers, intersected into the full map the contract requires. */
import type { MethodName } from '../contract';
import { appHandlers } from './app';
import { overviewHandlers } from './overview';
import { authHandlers } from './auth';
import { caseDeskHandlers } from './case-desk';
import { calendarHandlers } from './calendar';
import { rankingHandlers } from './ranking';
import { weeklyHandlers } from './weekly';
import { mapHandlers } from './map';
import { exchangeHandlers } from './exchange';
import { backupHandlers } from './backup';
import { settingsHandlers } from './settings';
import { appealsHandlers } from './appeals';
import { seatsHandlers } from './seats';
import { wishesHandlers } from './wishes';
import { partyRegistersHandlers } from './party-registers';
import type { FeatureHandlers } from './types';

export const handlers = {
  ...exchangeHandlers,
  ...appHandlers,
  ...overviewHandlers,
  ...authHandlers,
  ...caseDeskHandlers,
  ...calendarHandlers,
  ...rankingHandlers,
  ...weeklyHandlers,
  ...mapHandlers,
  ...backupHandlers,
  ...settingsHandlers,
  ...appealsHandlers,
  ...seatsHandlers,
  ...wishesHandlers,
  ...partyRegistersHandlers,
} satisfies FeatureHandlers<MethodName>;
