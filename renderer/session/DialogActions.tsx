/** A sign-in form's last row: Cancel, and the submit button that says it is working. */
import { useT } from '../i18n/locale-context';

export function DialogActions({
  busy,
  submitLabel,
  submitTestId,
  onCancel,
}: {
  busy: boolean;
  submitLabel: string;
  submitTestId: string;
  onCancel(): void;
}) {
  const t = useT();
  return (
    <div className="form__actions">
      <button type="button" className="button button--quiet" onClick={onCancel}>
        {t('session.cancel')}
      </button>
      <button
        type="submit"
        className="button button--primary"
        disabled={busy}
        data-testid={submitTestId}
      >
        {busy ? t('session.working') : submitLabel}
      </button>
    </div>
  );
}
