import { useState, type FormEvent } from 'react';
import { getApi } from '../api/client';
import { useT } from '../i18n/locale-context';
import { Dialog } from '../ui/Dialog';
import { ErrorLine } from '../ui/ErrorLine';
import { FieldRow } from '../ui/FieldRow';
import { FormActions } from '../ui/FormActions';
import { useAction } from '../ui/useApiCall';

export function SignInDialog({ onDone, onClose }: { onDone(): void; onClose(): void }) {
  const t = useT();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const ok = await signIn.run(async () => {
      await getApi().call('auth.signIn', { username: username.trim(), password });
      return true;
    });
    if (ok) onDone();
  }

  return (
    <Dialog title={t('session.signInTitle')} onClose={onClose} testId="sign-in-dialog">
      <form className="form" onSubmit={submit}>
        <p className="form__hint">{t('session.signInHint')}</p>
        <FieldRow label={t('session.username')}>
          <input
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            data-testid="sign-in-username"
          />
        </FieldRow>
        <FieldRow label={t('session.password')}>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            data-testid="sign-in-password"
          />
        </FieldRow>
        <ErrorLine error={signIn.error} />
        <FormActions
          working={signIn.working}
          submitLabel={t('session.submitSignIn')}
          submitTestId="sign-in-submit"
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
