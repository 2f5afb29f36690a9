import { getApi } from '../api/client';
import { useT } from '../i18n/locale-context';
import { useAppInfo } from './app-info-context';
import { LastBackupNote } from './LastBackupNote';
import { RunningImportNote } from './RunningImportNote';

export function StatusBar() {
  const t = useT();
  const { data } = useAppInfo();
  const transport = getApi().transport;
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span
        className={`status-bar__transport status-bar__transport--${transport}`}
        data-testid="transport"
      >
        <span className="status-bar__dot" aria-hidden="true" />
        {t(`status.transport.${transport}`)}
      </span>
      {data ? (
        <>
          <span data-testid="app-version">{t('status.version', { version: data.appVersion })}</span>
          <span>{t('status.schema', { schema: data.schemaVersion })}</span>
        </>
      ) : null}
      <RunningImportNote />
      <LastBackupNote />
      <span className="status-bar__spacer" />
      <span>{t('status.shortcutsHint')}</span>
    </footer>
  );
}
