import { z } from 'zod';
import type { AppInfoRow } from '../../db/queries/app-info';
import { method } from './define';

export interface AppInfo extends AppInfoRow {
  /** Which transport answered: the renderer shows "browser mode" in the status bar. */
  transport: 'ipc' | 'http' | 'cli';
}

export const appContract = {
  'app.info': method<AppInfo>()(z.object({}).strict()),
};
