import { useState, type FormEvent } from 'react';
import { getApi } from '../api/client';
import { clientError } from '../api/api-error';
import { useT } from '../i18n/locale-context';
import { Dialog } from '../ui/Dialog';
import { ErrorLine } from '../ui/ErrorLine';
import { FieldRow } from '../ui/FieldRow';
import { FormActions } from '../ui/FormActions';
import { useAction } from '../ui/useApiCall';

/** First run (首次使用): no account has a password; the administrator's is set here. */
export function SetupAdminDialog({
  username,
  onDone,
  onClose,
}: {
  username: string;
  onDone(): void;
  onClose(): void;
}) {
  const t = useT();
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const setup = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password !== again) {
      const differ = t('session.passwordsDiffer');
      setup.fail(clientError('client.passwords_differ', differ, differ));
      return;
    }
    const ok = await setup.run(async () => {
      await getApi().call('auth.setupAdmin', { password });
      return true;
    });
    if (ok) onDone();
  }

  return (
    <Dialog title={t('session.setupTitle')} onClose={onClose} testId="setup-dialog">
      <form className="form" onSubmit={submit}>
        <p className="form__hint">{t('session.setupBody', { username })}</p>
        <FieldRow label={t('session.password')} hint={t('session.passwordRule')}>
          <input
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            data-testid="setup-password"
          />
        </FieldRow>
        <FieldRow label={t('session.passwordAgain')}>
          <input
            type="password"
            autoComplete="new-password"
            value={again}
            onChange={(e) => setAgain(e.target.value)}
            data-testid="setup-password-again"
          />
        </FieldRow>
        <ErrorLine error={setup.error} />
        <FormActions
          working={setup.working}
          submitLabel={t('session.setupSubmit')}
          submitTestId="setup-submit"
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
