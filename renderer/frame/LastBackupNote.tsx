/** The status bar's "last good backup" line: when, and why it was taken. */
import { useLocale } from '../i18n/locale-context';
import { useStoreStatus } from './useStoreStatus';

export function LastBackupNote() {
  const { t, format } = useLocale();
  const status = useStoreStatus();
  if (!status) return null;
  const last = status.lastGoodBackup;
  if (!last) {
    return (
      <span className="status-bar__backup status-bar__backup--none" data-testid="last-backup">
        {t('status.noBackup')}
      </span>
    );
  }
  return (
    <span className="status-bar__backup" data-testid="last-backup" title={last.path}>
      {t('status.lastBackup', {
        time: format.tableDateTime(last.createdAt),
        reason: t(`backup.reason.${last.reason}`),
      })}
    </span>
  );
}
