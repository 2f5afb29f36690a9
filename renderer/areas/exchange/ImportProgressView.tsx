import { useEffect, useRef, useState } from 'react';
import type { ImportJobStatus } from '../../../api/contract';
import { getApi } from '../../api/client';
import { useLocale } from '../../i18n/locale-context';
import { Panel } from '../../ui/Panel';

/** A running import: how far (bytes read), how many rows at what speed, and cancel (Esc). */
export function ImportProgressView({ job }: { job: ImportJobStatus }) {
  const { t, format } = useLocale();
  const [cancelling, setCancelling] = useState(false);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const { progress } = job;
  const percent =
    progress.bytesTotal > 0
      ? Math.min(100, Math.floor((progress.bytesRead / progress.bytesTotal) * 100))
      : 0;
  const jobId = job.jobId;

  useEffect(() => {
    cancelButton.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setCancelling(true);
      void getApi().call('exchange.cancel', { jobId });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [jobId]);

  return (
    <Panel
      title={<>{t('exchange.progress.title', { name: progress.fileName })}</>}
      className="exchange__progress"
      testId="import-progress"
      meta={t(`exchange.progress.phase.${progress.phase}`)}
    >
      <div className="exchange__progress-body">
        <div
          className="exchange__bar"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-label={t('exchange.progress.title', { name: progress.fileName })}
        >
          <div className="exchange__bar-fill" style={{ width: `${percent}%` }} />
        </div>
        <p className="exchange__progress-line" aria-live="polite">
          <strong>{percent}%</strong> ·{' '}
          {t('exchange.progress.rows', {
            rows: format.count(progress.rows),
            rate: format.count(Math.round(progress.rowsPerSecond)),
          })}
        </p>
        <div className="exchange__progress-actions">
          <button
            ref={cancelButton}
            type="button"
            className="button"
            disabled={cancelling}
            onClick={() => {
              setCancelling(true);
              void getApi().call('exchange.cancel', { jobId });
            }}
            data-testid="cancel-import"
          >
            {cancelling ? t('exchange.progress.cancelling') : t('exchange.progress.cancel')}{' '}
            <kbd>Esc</kbd>
          </button>
          <span className="muted">{t('exchange.progress.cancelHint')}</span>
        </div>
      </div>
    </Panel>
  );
}
