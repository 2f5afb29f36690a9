/**
 * 大屏密钥 (issue 13): named, revocable keys for wall displays. A new key is shown once,
 * with the display's address when this desk serves seats now; only its hash is kept.
 */
import { useState, type FormEvent } from 'react';
import type { DisplayKeyCreated } from '../../../api/contract';
import { getApi } from '../../api/client';
import { useApiQuery } from '../../api/useApiQuery';
import { useLocale } from '../../i18n/locale-context';
import { ErrorLine } from '../../ui/ErrorLine';
import { useAction } from '../../ui/useApiCall';

export function DisplayKeysPanel() {
  const { t, format } = useLocale();
  const query = useApiQuery('displayKeys.list', {});
  const [name, setName] = useState('');
  const [created, setCreated] = useState<DisplayKeyCreated | null>(null);
  const action = useAction();

  const create = (event: FormEvent) => {
    event.preventDefault();
    void action
      .run(() => getApi().call('displayKeys.create', { name: name.trim() }))
      .then((result) => {
        if (!result) return;
        setCreated(result);
        setName('');
        query.refresh();
      });
  };
  const revoke = (id: number) => {
    void action
      .run(() => getApi().call('displayKeys.revoke', { id }))
      .then((result) => {
        if (result) query.refresh();
      });
  };

  return (
    <div data-testid="settings-displays">
      <form className="settings-inline" onSubmit={create}>
        <input
          className="input"
          value={name}
          maxLength={40}
          placeholder={t('settings.displays.name')}
          aria-label={t('settings.displays.name')}
          onChange={(e) => setName(e.target.value)}
          data-testid="display-name"
        />
        <button
          type="submit"
          className="button"
          disabled={action.working || !name.trim()}
          data-testid="display-create"
        >
          {t('settings.displays.create')}
        </button>
      </form>
      <ErrorLine error={action.error} testId="display-error" />
      {created ? (
        <div className="settings-seats__created" role="status" data-testid="display-created">
          <p>{t('settings.displays.created', { name: created.row.name })}</p>
          <code className="settings-seats__fingerprint" data-testid="display-key">
            {created.key}
          </code>
          {created.link ? (
            <p>
              {t('settings.displays.link')} <code data-testid="display-link">{created.link}</code>
            </p>
          ) : null}
        </div>
      ) : null}
      {(query.data ?? []).length === 0 ? (
        <p className="panel__meta">{t('settings.displays.none')}</p>
      ) : (
        <table className="data-table">
          <tbody>
            {(query.data ?? []).map((row) => (
              <tr key={row.id} className={row.revokedAt ? 'muted' : undefined}>
                <td>{row.name}</td>
                <td className="mono">{row.keyPrefix}…</td>
                <td>
                  {row.revokedAt
                    ? t('settings.displays.revoked', { time: format.tableDateTime(row.revokedAt) })
                    : t('settings.displays.live')}
                </td>
                <td>
                  {row.lastUsedAt
                    ? t('settings.displays.lastUsed', {
                        time: format.tableDateTime(row.lastUsedAt),
                      })
                    : t('settings.displays.neverUsed')}
                </td>
                <td>
                  {row.revokedAt ? null : (
                    <button
                      type="button"
                      className="button button--quiet"
                      onClick={() => revoke(row.id)}
                      data-testid={`display-revoke-${row.id}`}
                    >
                      {t('settings.displays.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
