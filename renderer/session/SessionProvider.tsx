import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { getApi } from '../api/client';
import { onSessionEnded } from '../api/session-ended';
import { useApiQuery } from '../api/useApiQuery';
import { LockScreen } from './LockScreen';
import { SessionContext, type SessionValue } from './session-context';
import { SetupAdminDialog } from './SetupAdminDialog';
import { SignInDialog } from './SignInDialog';
import { SeatSignInPage } from './SeatSignInPage';
import { useIdleLock } from './useIdleLock';
import './session.css';

const REFRESH_ON = ['data.changed'] as const;

/**
 * Holds auth.status for the window and shows the sign-in, first-run setup and lock screens.
 * Nobody signed in is a normal, read-only state (a wall display); signing in is asked for
 * when a user goes to act.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const query = useApiQuery('auth.status', {}, { refreshOn: REFRESH_ON });
  const [dialog, setDialog] = useState<'signIn' | 'setup' | null>(null);
  const [lockedByIdle, setLockedByIdle] = useState(false);
  const status = query.data ?? null;
  // useApiQuery hands out a new refresh() each render; the callbacks below must stay put.
  const refreshRef = useRef(query.refresh);
  useEffect(() => {
    refreshRef.current = query.refresh;
  });
  const refresh = useCallback(() => refreshRef.current(), []);
  // A seat whose session ended at the host goes back to its sign-in page.
  useEffect(() => onSessionEnded(refresh), [refresh]);

  const done = useCallback(() => {
    setDialog(null);
    refresh();
  }, [refresh]);

  const lockNow = useCallback(
    async (idle: boolean) => {
      setLockedByIdle(idle);
      await getApi().call('auth.lock', {});
      refresh();
    },
    [refresh],
  );
  const onIdle = useCallback(() => void lockNow(true), [lockNow]);
  const signedInAndOpen = Boolean(status?.user && !status.locked);
  useIdleLock(signedInAndOpen, status?.idleLockMinutes ?? 15, onIdle);

  const value = useMemo<SessionValue>(
    () => ({
      status,
      key: `${status?.user?.id ?? 'none'}:${status?.locked ? 'locked' : 'open'}`,
      refresh,
      openSignIn: () => setDialog(status?.needsSetup ? 'setup' : 'signIn'),
      openSetup: () => setDialog('setup'),
      signOut: async () => {
        await getApi().call('auth.signOut', {});
        refresh();
      },
      lock: () => lockNow(false),
    }),
    [status, refresh, lockNow],
  );

  // A seat of the centre's host shows nothing of the street before a sign-in (issue 13).
  const seat = getApi().seat ?? null;
  const gated =
    seat !== null && !seat.display && (!status || (status.signInRequired && !status.user));
  if (gated) {
    return (
      <SessionContext.Provider value={value}>
        {status ? <SeatSignInPage onDone={refresh} /> : null}
      </SessionContext.Provider>
    );
  }

  return (
    <SessionContext.Provider value={value}>
      {children}
      {dialog === 'signIn' ? <SignInDialog onDone={done} onClose={() => setDialog(null)} /> : null}
      {dialog === 'setup' && status ? (
        <SetupAdminDialog
          username={status.setupUsername}
          onDone={done}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {status?.user && status.locked ? (
        <LockScreen
          status={status}
          idle={lockedByIdle}
          onDone={refresh}
          onSwitchUser={() => {
            void value.signOut().then(() => setDialog('signIn'));
          }}
        />
      ) : null}
    </SessionContext.Provider>
  );
}
