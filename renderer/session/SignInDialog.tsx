import { useState, type FormEvent } from 'react';
import { getApi } from '../api/client';
import { useT } from '../i18n/locale-context';
import { Dialog } from './Dialog';
import { DialogActions } from './DialogActions';
import { ErrorLine } from './ErrorLine';

export function SignInDialog({ onDone, onClose }: { onDone(): void; onClose(): void }) {
  const t = useT();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await getApi().call('auth.signIn', { username: username.trim(), password });
      onDone();
    } catch (reason) {
      setError(reason);
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('session.signInTitle')} onClose={onClose} testId="sign-in-dialog">
      <form className="form" onSubmit={submit}>
        <p className="form__hint">{t('session.signInHint')}</p>
        <label className="field">
          <span className="field__label">{t('session.username')}</span>
          <input
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            data-testid="sign-in-username"
          />
        </label>
        <label className="field">
          <span className="field__label">{t('session.password')}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            data-testid="sign-in-password"
          />
        </label>
        <ErrorLine error={error} />
        <DialogActions
          busy={busy}
          submitLabel={t('session.submitSignIn')}
          submitTestId="sign-in-submit"
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
