/**
 * 坐席接入 (issue 13): the switch that lets the centre's other seats join this desk, its
 * address, port and exchange folders; what serves now with its certificate's fingerprint;
 * the seats connected now. Refreshes every 10 s while open, so the list stays current.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { getApi } from '../../api/client';
import { useApiQuery } from '../../api/useApiQuery';
import { useLocale } from '../../i18n/locale-context';
import { ErrorLine } from '../../ui/ErrorLine';
import { useAction } from '../../ui/useApiCall';

interface Draft {
  enabled: boolean;
  address: string;
  port: string;
  folders: string;
}

export function SeatsPanel() {
  const { t, format, locale } = useLocale();
  const query = useApiQuery('seats.status', {});
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const { refresh } = query;
  useEffect(() => {
    const timer = setInterval(refresh, 10_000);
    return () => clearInterval(timer);
  }, [refresh]);

  const status = query.data;
  if (!status) return <ErrorLine error={query.error} />;
  const shown: Draft = draft ?? {
    enabled: status.settings.enabled,
    address: status.settings.address,
    port: String(status.settings.port),
    folders: status.settings.exchangeFolders.join('\n'),
  };
  const edit = (patch: Partial<Draft>) => {
    setSaved(false);
    setDraft({ ...shown, ...patch });
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    void action
      .run(() =>
        getApi().call('seats.settings.save', {
          enabled: shown.enabled,
          address: shown.address.trim(),
          port: Number(shown.port),
          exchangeFolders: shown.folders
            .split('\n')
            .map((f) => f.trim())
            .filter(Boolean),
        }),
      )
      .then((result) => {
        if (!result) return;
        setDraft(null);
        setSaved(true);
        refresh();
      });
  };

  return (
    <div className="settings-seats" data-testid="settings-seats">
      <form className="form settings-seats__form" onSubmit={save}>
        <label className="settings-inline">
          <input
            type="checkbox"
            checked={shown.enabled}
            disabled={!status.switchable}
            onChange={(e) => edit({ enabled: e.target.checked })}
            data-testid="seats-allow"
          />
          {t('settings.seats.allow')}
        </label>
        <div className="settings-inline">
          <label className="settings-inline__field">
            {t('settings.seats.address')}
            <input
              className="input"
              value={shown.address}
              placeholder="192.168.1.20"
              onChange={(e) => edit({ address: e.target.value })}
              data-testid="seats-address"
            />
          </label>
          <label className="settings-inline__field">
            {t('settings.seats.port')}
            <input
              className="input settings-number"
              type="number"
              value={shown.port}
              onChange={(e) => edit({ port: e.target.value })}
              data-testid="seats-port"
            />
          </label>
        </div>
        <label className="settings-seats__folders">
          {t('settings.seats.folders')}
          <textarea
            className="input"
            rows={3}
            value={shown.folders}
            onChange={(e) => edit({ folders: e.target.value })}
            data-testid="seats-folders"
          />
          <span className="panel__meta">{t('settings.seats.foldersHint')}</span>
        </label>
        <div className="settings-inline">
          <button
            type="submit"
            className="button"
            disabled={action.working}
            data-testid="seats-save"
          >
            {t('settings.seats.save')}
          </button>
          {saved ? (
            <span role="status" className="settings__saved">
              {t('settings.seats.saved')}
            </span>
          ) : null}
        </div>
        <ErrorLine error={action.error} testId="seats-error" />
      </form>
      <div className="settings-seats__serving" data-testid="seats-serving">
        {!status.switchable ? <p className="panel__meta">{t('settings.seats.byFlags')}</p> : null}
        {status.problem ? (
          <p className="settings-seats__problem">
            {locale === 'zh-CN' ? status.problem.zh : status.problem.en}
          </p>
        ) : null}
        {status.serving ? (
          <>
            <p>{t('settings.seats.serving', { url: status.serving.url })}</p>
            <p className="panel__meta">{t('settings.seats.fingerprint')}</p>
            <code className="settings-seats__fingerprint" data-testid="seats-fingerprint">
              {status.serving.fingerprint}
            </code>
          </>
        ) : (
          <p>{t('settings.seats.notServing')}</p>
        )}
      </div>
      <h3 className="settings-seats__subtitle">{t('settings.seats.connected')}</h3>
      {status.connected.length === 0 ? (
        <p className="panel__meta">{t('settings.seats.none')}</p>
      ) : (
        <table className="data-table" data-testid="seats-connected">
          <thead>
            <tr>
              <th>{t('settings.seats.who')}</th>
              <th>{t('settings.seats.from')}</th>
              <th>{t('settings.seats.client')}</th>
              <th>{t('settings.seats.since')}</th>
              <th>{t('settings.seats.lastSeen')}</th>
            </tr>
          </thead>
          <tbody>
            {status.connected.map((seat) => (
              <tr key={`${seat.client}:${seat.sessionId}`}>
                <td>{seat.name}</td>
                <td className="mono">{seat.address ?? '—'}</td>
                <td>{t(`settings.seats.client.${seat.client}`)}</td>
                <td>{format.tableDateTime(seat.firstSeenAt)}</td>
                <td>{format.clockTime(seat.lastSeenAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
