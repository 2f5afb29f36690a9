/**
 * The status bar's word on an import under way (any window, any screen): while one runs the
 * database takes no saves, so every operator sees which file it is and how far it got before
 * a save is refused. Polled every few seconds while someone is signed in (imports announce
 * only their end, as a live event).
 */
import { useEffect, useState } from 'react';
import type { ImportJobStatus } from '../../api/contract';
import { getApi } from '../api/client';
import { useT } from '../i18n/locale-context';
import { canAct, useSession } from '../session/session-context';

const POLL_MS = 4_000;

export function RunningImportNote() {
  const t = useT();
  const { status } = useSession();
  const signedIn = canAct(status);
  const [job, setJob] = useState<ImportJobStatus | null>(null);

  useEffect(() => {
    if (!signedIn) return;
    let disposed = false;
    const look = () =>
      getApi()
        .call('exchange.overview', {})
        .then(
          (overview) => !disposed && setJob(overview.runningJob),
          () => !disposed && setJob(null),
        );
    void look();
    const timer = setInterval(() => void look(), POLL_MS);
    const unsubscribe = getApi().subscribe(() => void look());
    return () => {
      disposed = true;
      clearInterval(timer);
      unsubscribe();
    };
  }, [signedIn]);

  // Signed out (or locked), the last answer is not shown: the effect stops asking.
  if (!job || !signedIn) return null;
  return (
    <span className="status-bar__import" role="status" data-testid="running-import">
      {t('status.importRunning', {
        file: job.progress.fileName || job.file,
        rows: job.progress.rows.toLocaleString(),
      })}
    </span>
  );
}
