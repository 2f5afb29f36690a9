import { useState, type FormEvent } from 'react';
import { getApi } from '../../api/client';
import { useApiQuery } from '../../api/useApiQuery';
import { useT } from '../../i18n/locale-context';
import { ErrorLine } from '../../ui/ErrorLine';
import { useAction } from '../../ui/useApiCall';
import { SettingHistory } from './SettingHistory';

/** 闲置锁屏: the minutes every window locks after; auth.status carries them to the session. */
export function IdleLockPanel() {
  const t = useT();
  const query = useApiQuery('settings.idleLock.get', {});
  const [draft, setDraft] = useState<string | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const action = useAction();
  const shown = draft ?? (query.data ? String(query.data.value) : '');

  const save = (event: FormEvent) => {
    event.preventDefault();
    void action
      .run(() => getApi().call('settings.idleLock.save', { minutes: Number(shown) }))
      .then((result) => {
        if (!result) return;
        setSaved(result.value);
        setDraft(null);
        query.refresh();
      });
  };

  return (
    <div data-testid="settings-idle-lock">
      <form className="settings-inline" onSubmit={save}>
        <input
          className="input settings-number"
          type="number"
          step="1"
          value={shown}
          onChange={(e) => {
            setSaved(null);
            setDraft(e.target.value);
          }}
          aria-label={t('settings.idle.title')}
          data-testid="idle-lock-minutes"
        />
        <span>{t('settings.idle.minutes')}</span>
        <button type="submit" className="button" disabled={action.working}>
          {t('settings.idle.save')}
        </button>
        {saved !== null ? (
          <span role="status" className="settings__saved">
            {t('settings.idle.saved', { minutes: saved })}
          </span>
        ) : null}
      </form>
      <div className="settings-inline">
        <ErrorLine error={action.error} testId="idle-lock-error" />
      </div>
      <SettingHistory
        changes={query.data?.history ?? []}
        describe={(value) => `${String(value)} ${t('settings.idle.minutes')}`}
      />
    </div>
  );
}
