import { useState, type FormEvent } from 'react';
import type { BulletinSummary, RankingLevel } from '../../../api/contract';
import { useLocale } from '../../i18n/locale-context';
import { Dialog } from '../../ui/Dialog';
import { ErrorLine } from '../../ui/ErrorLine';
import { FieldRow } from '../../ui/FieldRow';
import { FormActions } from '../../ui/FormActions';
import { useApiCall } from '../../ui/useApiCall';

/** Confirms publishing (发布通报): what freezes, which version it becomes, optional notes. */
export function PublishDialog({
  period,
  periodText,
  level,
  nextVersion,
  inputsSha256,
  appealWindowUntil = null,
  onClose,
  onPublished,
}: {
  period: string;
  periodText: string;
  level: RankingLevel;
  nextVersion: number;
  /** null: not computed for the live figures; publishing computes it. */
  inputsSha256: string | null;
  /** When the month's appeal window is still open: until when (publishing closes it). */
  appealWindowUntil?: number | null;
  onClose(): void;
  onPublished(bulletin: BulletinSummary): void;
}) {
  const { t, format } = useLocale();
  const [notes, setNotes] = useState('');
  const [closeWindow, setCloseWindow] = useState(false);
  // A double-click on Publish sends one request: a bulletin version is never made twice.
  const publish = useApiCall('bulletin.publish');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = notes.trim();
    const bulletin = await publish.run({
      period,
      level,
      ...(trimmed ? { notes: trimmed } : {}),
      ...(closeWindow ? { closeAppealWindow: true } : {}),
    });
    if (bulletin) onPublished(bulletin);
  };
  return (
    <Dialog
      title={t('ranking.publishDialog.title', { period: periodText })}
      onClose={onClose}
      testId="publish-dialog"
    >
      <form className="form" onSubmit={submit}>
        <p className="publish__version">
          {t('ranking.publishDialog.version', { version: nextVersion })}
        </p>
        <p>{t('ranking.publishDialog.body')}</p>
        {inputsSha256 ? (
          <p className="muted publish__sha">
            {t('ranking.status.checksum', { sha: inputsSha256.slice(0, 16) })}
          </p>
        ) : null}
        <FieldRow label={t('ranking.publishDialog.notes')}>
          <textarea
            rows={3}
            maxLength={2000}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
          />
        </FieldRow>
        {appealWindowUntil !== null ? (
          <label className="publish__close-window">
            <input
              type="checkbox"
              checked={closeWindow}
              onChange={(e) => setCloseWindow(e.target.checked)}
              data-testid="publish-close-window"
            />{' '}
            {t('ranking.publishDialog.closeWindow', {
              time: format.tableDateTime(appealWindowUntil),
            })}
          </label>
        ) : null}
        <ErrorLine error={publish.error} testId="publish-error" />
        <FormActions
          working={publish.working}
          submitLabel={t('ranking.publishDialog.confirm')}
          submitTestId="publish-confirm"
          onCancel={onClose}
          cancelLabel={t('ranking.publishDialog.cancel')}
        />
      </form>
    </Dialog>
  );
}
