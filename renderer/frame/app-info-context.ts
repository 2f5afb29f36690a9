/** `app.info`, asked once by the frame and shared with every screen that shows it. */
import { createContext, useContext } from 'react';
import type { AppInfo } from '../../api/contract';
import type { ApiQuery } from '../api/useApiQuery';

type AppInfoQuery = ApiQuery<'app.info'>;

export const AppInfoContext = createContext<AppInfoQuery | null>(null);

export function useAppInfo(): AppInfoQuery {
  const value = useContext(AppInfoContext);
  if (!value) throw new Error('useAppInfo() needs an <AppInfoProvider> above it');
  return value;
}

export type { AppInfo };
