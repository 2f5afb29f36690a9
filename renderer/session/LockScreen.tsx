import { useState, type FormEvent } from 'react';
import type { AuthStatus } from '../../api/contract';
import { getApi } from '../api/client';
import { useT } from '../i18n/locale-context';
import { Dialog } from './Dialog';
import { ErrorLine } from './ErrorLine';

/** 锁屏: covers the desk until the signed-in user's password is given again. */
export function LockScreen({
  status,
  idle,
  onDone,
  onSwitchUser,
}: {
  status: AuthStatus;
  idle: boolean;
  onDone(): void;
  onSwitchUser(): void;
}) {
  const t = useT();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const name = status.user?.displayName ?? '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await getApi().call('auth.unlock', { password });
      onDone();
    } catch (reason) {
      setError(reason);
    }
  }

  return (
    <div className="lock-screen">
      <Dialog title={t('session.lockedTitle')} onClose={null} testId="lock-screen">
        <form className="form" onSubmit={submit}>
          <p className="form__hint">
            {idle
              ? t('session.lockedBody', { name, minutes: status.idleLockMinutes })
              : t('session.lockedManual', { name })}
          </p>
          <label className="field">
            <span className="field__label">{t('session.password')}</span>
            <input
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              data-testid="unlock-password"
            />
          </label>
          <ErrorLine error={error} />
          <div className="form__actions">
            <button type="button" className="button button--quiet" onClick={onSwitchUser}>
              {t('session.switchUser')}
            </button>
            <button type="submit" className="button button--primary" data-testid="unlock-submit">
              {t('session.unlock')}
            </button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}
