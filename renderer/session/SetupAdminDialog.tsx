import { useState, type FormEvent } from 'react';
import { getApi } from '../api/client';
import { useT } from '../i18n/locale-context';
import { Dialog } from './Dialog';
import { DialogActions } from './DialogActions';
import { ErrorLine } from './ErrorLine';

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
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password !== again) {
      setError({
        code: 'client.passwords_differ',
        message: { zh: t('session.passwordsDiffer'), en: t('session.passwordsDiffer') },
      });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await getApi().call('auth.setupAdmin', { password });
      onDone();
    } catch (reason) {
      setError(reason);
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('session.setupTitle')} onClose={onClose} testId="setup-dialog">
      <form className="form" onSubmit={submit}>
        <p className="form__hint">{t('session.setupBody', { username })}</p>
        <label className="field">
          <span className="field__label">{t('session.password')}</span>
          <input
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            data-testid="setup-password"
          />
          <span className="field__note">{t('session.passwordRule')}</span>
        </label>
        <label className="field">
          <span className="field__label">{t('session.passwordAgain')}</span>
          <input
            type="password"
            autoComplete="new-password"
            value={again}
            onChange={(e) => setAgain(e.target.value)}
            data-testid="setup-password-again"
          />
        </label>
        <ErrorLine error={error} />
        <DialogActions
          busy={busy}
          submitLabel={t('session.setupSubmit')}
          submitTestId="setup-submit"
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
