import { useState, type FormEvent } from 'react';
import type { StageClockDefaults } from '../../../api/contract';
import { getApi } from '../../api/client';
import { useApiQuery } from '../../api/useApiQuery';
import { useT } from '../../i18n/locale-context';
import { ErrorLine } from '../../ui/ErrorLine';
import { useAction } from '../../ui/useApiCall';
import { SettingHistory } from './SettingHistory';

const STAGES = [
  ['acceptMinutes', 'settings.clocks.accept'],
  ['dispatchMinutes', 'settings.clocks.dispatch'],
  ['onsiteMinutes', 'settings.clocks.onsite'],
  ['verifyMinutes', 'settings.clocks.verify'],
] as const;

type Draft = Record<keyof StageClockDefaults, string>;

/** 各环节默认时限: the stage clocks of 'clocks.defaults' (its other keys are kept by the server). */
export function ClockDefaultsPanel() {
  const t = useT();
  const query = useApiQuery('settings.clockDefaults.get', {});
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const value = query.data?.value;
  const shown: Draft | null =
    draft ??
    (value
      ? {
          acceptMinutes: String(value.acceptMinutes),
          dispatchMinutes: String(value.dispatchMinutes),
          onsiteMinutes: String(value.onsiteMinutes),
          verifyMinutes: String(value.verifyMinutes),
        }
      : null);

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!shown) return;
    void action
      .run(() =>
        getApi().call('settings.clockDefaults.save', {
          acceptMinutes: Number(shown.acceptMinutes),
          dispatchMinutes: Number(shown.dispatchMinutes),
          onsiteMinutes: Number(shown.onsiteMinutes),
          verifyMinutes: Number(shown.verifyMinutes),
        }),
      )
      .then((result) => {
        if (!result) return;
        setSaved(true);
        setDraft(null);
        query.refresh();
      });
  };
  // A stored value may hold more than the four (resolveHours…): show the four only.
  const describe = (stored: unknown) => {
    const record = (stored ?? {}) as Record<string, unknown>;
    return STAGES.filter(([key]) => record[key] != null)
      .map(([key, label]) => `${t(label)} ${String(record[key])}`)
      .join(' · ');
  };

  return (
    <div data-testid="settings-clock-defaults">
      <form className="settings-inline" onSubmit={save}>
        {STAGES.map(([key, label]) => (
          <label key={key} className="settings-inline__field">
            <span>{t(label)}</span>
            <input
              className="input settings-number"
              type="number"
              step="any"
              value={shown?.[key] ?? ''}
              onChange={(e) => {
                if (!shown) return;
                setSaved(false);
                setDraft({ ...shown, [key]: e.target.value });
              }}
              data-testid={`clock-${key}`}
            />
            <span className="muted">{t('settings.clocks.minutes')}</span>
          </label>
        ))}
        <button type="submit" className="button" disabled={!shown || action.working}>
          {t('settings.clocks.save')}
        </button>
        {saved ? (
          <span role="status" className="settings__saved">
            {t('settings.clocks.saved')}
          </span>
        ) : null}
      </form>
      <div className="settings-inline">
        <ErrorLine error={action.error} testId="clock-defaults-error" />
      </div>
      <SettingHistory changes={query.data?.history ?? []} describe={describe} />
    </div>
  );
}
