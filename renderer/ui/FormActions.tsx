/**
 * A form's last row: Cancel, and the submit button that says it is working and cannot be
 * pressed twice. Extra content (a key hint) goes before the buttons.
 */
import type { ReactNode } from 'react';
import { useT } from '../i18n/locale-context';

export function FormActions({
  working,
  submitLabel,
  submitTestId,
  onCancel,
  cancelLabel,
  before,
}: {
  working: boolean;
  submitLabel: ReactNode;
  submitTestId: string;
  /** Omitted: no Cancel button (the lock screen has its own second button). */
  onCancel?: () => void;
  cancelLabel?: ReactNode;
  before?: ReactNode;
}) {
  const t = useT();
  return (
    <div className="form__actions">
      {before}
      {onCancel ? (
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {cancelLabel ?? t('session.cancel')}
        </button>
      ) : null}
      <button
        type="submit"
        className="button button--primary"
        disabled={working}
        aria-busy={working}
        data-testid={submitTestId}
      >
        {working ? t('session.working') : submitLabel}
      </button>
    </div>
  );
}
