import { getApi } from '../api/client';
import { useT } from '../i18n/locale-context';
import { useAppInfo } from './app-info-context';
import { useSession } from '../session/session-context';
import { LastBackupNote } from './LastBackupNote';
import { RunningImportNote } from './RunningImportNote';

export function StatusBar() {
  const t = useT();
  const { data } = useAppInfo();
  const api = getApi();
  const transport = api.transport;
  const { status } = useSession();
  const label = api.seat
    ? api.seat.display
      ? t('seat.statusDisplay', { name: status?.display ?? '' })
      : t('seat.statusHost', { host: api.seat.host })
    : t(`status.transport.${transport}`);
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span
        className={`status-bar__transport status-bar__transport--${api.seat ? 'seat' : transport}`}
        data-testid="transport"
      >
        <span className="status-bar__dot" aria-hidden="true" />
        {label}
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
