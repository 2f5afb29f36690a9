import { useState } from 'react';
import type { BulletinSummary, RankingLevel } from '../../../api/contract';
import { getApi } from '../../api/client';
import { toApiError, type ApiError } from '../../api/api-error';
import { useLocale } from '../../i18n/locale-context';
import { ErrorState } from '../../states/ErrorState';
import { Dialog } from './Dialog';

/** Confirms publishing (发布通报): what freezes, which version it becomes, optional notes. */
export function PublishDialog({
  period,
  periodText,
  level,
  nextVersion,
  inputsSha256,
  onClose,
  onPublished,
}: {
  period: string;
  periodText: string;
  level: RankingLevel;
  nextVersion: number;
  inputsSha256: string;
  onClose(): void;
  onPublished(bulletin: BulletinSummary): void;
}) {
  const { t } = useLocale();
  const [notes, setNotes] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const publish = () => {
    setBusy(true);
    setError(null);
    getApi()
      .call('bulletin.publish', { period, level, ...(notes.trim() ? { notes: notes.trim() } : {}) })
      .then(onPublished, (reason: unknown) => setError(toApiError(reason)))
      .finally(() => setBusy(false));
  };
  return (
    <Dialog
      title={t('ranking.publishDialog.title', { period: periodText })}
      onClose={onClose}
      testId="publish-dialog"
    >
      <div className="rk-dialog__body">
        <p className="publish__version">
          {t('ranking.publishDialog.version', { version: nextVersion })}
        </p>
        <p>{t('ranking.publishDialog.body')}</p>
        <p className="muted publish__sha">
          {t('ranking.status.checksum', { sha: inputsSha256.slice(0, 16) })}
        </p>
        <label className="rk-field">
          <span className="rk-field__label">{t('ranking.publishDialog.notes')}</span>
          <textarea
            className="rk-field__input"
            rows={3}
            maxLength={2000}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
          />
        </label>
        {error ? <ErrorState error={error} /> : null}
        <div className="rk-dialog__footer">
          <button type="button" className="button" onClick={onClose}>
            {t('ranking.publishDialog.cancel')}
          </button>
          <button
            type="button"
            className="button rk-primary"
            disabled={busy}
            onClick={publish}
            data-testid="publish-confirm"
          >
            {t('ranking.publishDialog.confirm')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
