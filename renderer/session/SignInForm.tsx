/** The username and password form, in the sign-in dialog and on a seat's sign-in page. */
import { useState, type FormEvent } from 'react';
import { getApi } from '../api/client';
import { useT } from '../i18n/locale-context';
import { ErrorLine } from '../ui/ErrorLine';
import { FieldRow } from '../ui/FieldRow';
import { FormActions } from '../ui/FormActions';
import { useAction } from '../ui/useApiCall';

export function SignInForm({
  hint,
  onDone,
  onCancel,
}: {
  hint: string;
  onDone(): void;
  /** Omitted: no Cancel (a seat's sign-in page has nothing behind it). */
  onCancel?: () => void;
}) {
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
    <form className="form" onSubmit={submit}>
      <p className="form__hint">{hint}</p>
      <FieldRow label={t('session.username')}>
        <input
          name="username"
          autoComplete="username"
          autoFocus
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
        onCancel={onCancel}
      />
    </form>
  );
}
