import { useState, type FormEvent } from 'react';
import type { AuthStatus } from '../../api/contract';
import { getApi } from '../api/client';
import { useT } from '../i18n/locale-context';
import { Dialog } from '../ui/Dialog';
import { ErrorLine } from '../ui/ErrorLine';
import { FieldRow } from '../ui/FieldRow';
import { FormActions } from '../ui/FormActions';
import { useAction } from '../ui/useApiCall';

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
  const unlock = useAction();
  const name = status.user?.displayName ?? '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    const ok = await unlock.run(async () => {
      await getApi().call('auth.unlock', { password });
      return true;
    });
    if (ok) onDone();
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
          <FieldRow label={t('session.password')}>
            <input
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              data-testid="unlock-password"
            />
          </FieldRow>
          <ErrorLine error={unlock.error} />
          <FormActions
            working={unlock.working}
            submitLabel={t('session.unlock')}
            submitTestId="unlock-submit"
            onCancel={onSwitchUser}
            cancelLabel={t('session.switchUser')}
          />
        </form>
      </Dialog>
    </div>
  );
}
