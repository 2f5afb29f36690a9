import { z } from 'zod';
import { method } from './define';

export interface AppInfo {
  appVersion: string;
  schemaVersion: number;
  street: { code: string; name: string } | null;
  communities: number;
  grids: number;
  cases: number;
  units: number;
  staff: number;
  /** Which transport answered: the renderer shows "browser mode" in the status bar. */
  transport: 'ipc' | 'http' | 'cli';
}

export const appContract = {
  'app.info': method<AppInfo>()(z.object({}).strict()),
};
