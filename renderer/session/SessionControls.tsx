import { useT } from '../i18n/locale-context';
import { useSession } from './session-context';

/** The header's sign-in corner: who is signed in, lock and sign out; or sign in / first-run setup. */
export function SessionControls() {
  const t = useT();
  const { status, openSignIn, openSetup, signOut, lock } = useSession();
  if (!status) return null;
  if (status.display !== null) {
    // A wall display: nobody signs in here; it only shows.
    return (
      <span className="session-controls">
        <span className="session-controls__who" data-testid="session-user">
          {t('seat.displayBadge', { name: status.display })}
        </span>
      </span>
    );
  }
  if (status.needsSetup) {
    return (
      <button
        type="button"
        className="button button--accent"
        onClick={openSetup}
        data-testid="session-setup"
      >
        {t('session.setupNeeded')}
      </button>
    );
  }
  if (!status.user) {
    return (
      <span className="session-controls">
        <span className="session-controls__who muted" data-testid="session-user">
          {t('session.notSignedIn')}
        </span>
        <button type="button" className="button" onClick={openSignIn} data-testid="session-sign-in">
          {t('session.signIn')}
        </button>
      </span>
    );
  }
  return (
    <span className="session-controls">
      <span className="session-controls__who" data-testid="session-user">
        {t('session.userLabel', {
          name: status.user.displayName,
          role: t(`session.role.${status.user.role}`),
        })}
      </span>
      <button
        type="button"
        className="button button--quiet"
        onClick={() => void lock()}
        data-testid="session-lock"
      >
        {t('session.lock')}
      </button>
      <button
        type="button"
        className="button button--quiet"
        onClick={() => void signOut()}
        data-testid="session-sign-out"
      >
        {t('session.signOut')}
      </button>
    </span>
  );
}
