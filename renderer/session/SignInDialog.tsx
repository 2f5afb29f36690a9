import { useT } from '../i18n/locale-context';
import { Dialog } from '../ui/Dialog';
import { SignInForm } from './SignInForm';

export function SignInDialog({ onDone, onClose }: { onDone(): void; onClose(): void }) {
  const t = useT();
  return (
    <Dialog title={t('session.signInTitle')} onClose={onClose} testId="sign-in-dialog">
      <SignInForm hint={t('session.signInHint')} onDone={onDone} onCancel={onClose} />
    </Dialog>
  );
}
