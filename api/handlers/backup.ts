import {
  backUpNow,
  backupListing,
  restoreListedBackup,
  saveSettings,
  storeStatus,
  verifyListedBackup,
} from '../backup/store-backups';
import type { FeatureHandlers } from './types';

export const backupHandlers = {
  'store.status': (context) => storeStatus(context),
  'backup.list': (context) => backupListing(context),
  'backup.create': (context) => backUpNow(context),
  'backup.verify': (context, input) => verifyListedBackup(context, input.path),
  'backup.restore': (context, input) => restoreListedBackup(context, input.path),
  'backup.settings.save': (context, input) => saveSettings(context, input),
} satisfies FeatureHandlers<
  | 'store.status'
  | 'backup.list'
  | 'backup.create'
  | 'backup.verify'
  | 'backup.restore'
  | 'backup.settings.save'
>;
