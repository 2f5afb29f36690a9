/** Who this window is signed in as (auth.status), and the sign-in actions, for every screen. */
import { createContext, useContext } from 'react';
import type { AuthStatus } from '../../api/contract';

export interface SessionValue {
  status: AuthStatus | null;
  /** Changes whenever the signed-in user or the lock changes: remount what depends on it. */
  key: string;
  refresh(): void;
  openSignIn(): void;
  openSetup(): void;
  signOut(): Promise<void>;
  lock(): Promise<void>;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() needs a <SessionProvider> above it');
  return value;
}

/** True when someone is signed in and the screen is not locked. */
export function canAct(status: AuthStatus | null): boolean {
  return Boolean(status?.user && !status.locked);
}
