import type { ReactNode } from 'react';
import { useApiQuery } from '../api/useApiQuery';
import { AppInfoContext } from './app-info-context';

const REFRESH_ON = ['data.changed'] as const;

export function AppInfoProvider({ children }: { children: ReactNode }) {
  const appInfo = useApiQuery('app.info', {}, { refreshOn: REFRESH_ON });
  return <AppInfoContext.Provider value={appInfo}>{children}</AppInfoContext.Provider>;
}
