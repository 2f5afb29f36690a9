import { useState, type FormEvent } from 'react';
import type { WorkPeriod } from '../../../core/limits/work-periods';
import { dayString } from '../../../core/time';
import { getApi } from '../../api/client';
import { useApiQuery } from '../../api/useApiQuery';
import { useT } from '../../i18n/locale-context';
import { ErrorLine } from '../../ui/ErrorLine';
import { useAction } from '../../ui/useApiCall';

const periodsText = (periods: WorkPeriod[]) => periods.map((p) => `${p.start}–${p.end}`).join('、');

/**
 * 工作时段: the periods in force, every saved version, and a form for the next version.
 * Times are typed as HH:MM text: a time input shows 12-hour AM/PM under an English OS,
 * and the desk writes 24-hour times everywhere (the server checks the format).
 */
export function WorkPeriodsPanel() {
  const t = useT();
  const query = useApiQuery('calendar.workPeriods.get', {}, { refreshOn: ['data.changed'] });
  const [draft, setDraft] = useState<WorkPeriod[] | null>(null);
  // Today in Shanghai: the earliest day a new version may start (the server checks it too).
  const [validFrom, setValidFrom] = useState(() => dayString(Date.now()));
  const [saved, setSaved] = useState<{ version: number; day: string } | null>(null);
  const action = useAction();
  const data = query.data;
  const shown = draft ?? data?.inForce.periods ?? [];
  const setPeriod = (i: number, field: keyof WorkPeriod, value: string) => {
    setSaved(null);
    setDraft(shown.map((p, j) => (j === i ? { ...p, [field]: value } : p)));
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    void action
      .run(() => getApi().call('calendar.workPeriods.save', { periods: shown, validFrom }))
      .then((view) => {
        if (!view) return;
        const last = view.versions[view.versions.length - 1]!;
        setSaved({ version: last.version, day: last.validFrom });
        setDraft(null);
        query.refresh();
      });
  };

  return (
    <div data-testid="settings-work-periods">
      {data ? (
        <p className="settings-inline" data-testid="work-periods-in-force">
          <strong>
            {t('settings.periods.inForce', { periods: periodsText(data.inForce.periods) })}
          </strong>
          {data.versions.length === 0 ? (
            <span className="muted">{t('settings.periods.defaults')}</span>
          ) : null}
        </p>
      ) : null}
      {data && data.versions.length === 0 ? (
        <p className="muted settings__hint">
          {t('settings.periods.none', { periods: periodsText(data.defaults.periods) })}
        </p>
      ) : (
        <ul className="settings-periods__versions">
          {[...(data?.versions ?? [])].reverse().map((v) => (
            <li key={v.version} data-testid="work-periods-version">
              <strong>{t('settings.periods.version', { version: v.version })}</strong>{' '}
              {t('settings.periods.from', { day: v.validFrom })}: {periodsText(v.periods)}
            </li>
          ))}
        </ul>
      )}
      <form className="settings-inline" onSubmit={save}>
        {shown.map((period, i) => (
          <span key={i} className="settings-period">
            <input
              className="input settings-time"
              inputMode="numeric"
              placeholder="HH:MM"
              maxLength={5}
              value={period.start}
              onChange={(e) => setPeriod(i, 'start', e.target.value)}
              aria-label={`${t('settings.periods.start')} ${i + 1}`}
              data-testid={`period-start-${i}`}
            />
            –
            <input
              className="input settings-time"
              inputMode="numeric"
              placeholder="HH:MM"
              maxLength={5}
              value={period.end}
              onChange={(e) => setPeriod(i, 'end', e.target.value)}
              aria-label={`${t('settings.periods.end')} ${i + 1}`}
              data-testid={`period-end-${i}`}
            />
            {shown.length > 1 ? (
              <button
                type="button"
                className="button button--quiet"
                onClick={() => setDraft(shown.filter((_, j) => j !== i))}
              >
                {t('settings.periods.removePeriod')}
              </button>
            ) : null}
          </span>
        ))}
        {shown.length < 4 ? (
          <button
            type="button"
            className="button button--quiet"
            onClick={() => setDraft([...shown, { start: '19:00', end: '21:00' }])}
          >
            {t('settings.periods.addPeriod')}
          </button>
        ) : null}
        <label className="settings-inline__field">
          <span>{t('settings.periods.validFrom')}</span>
          <input
            className="input"
            type="date"
            value={validFrom}
            onChange={(e) => setValidFrom(e.target.value)}
            data-testid="period-valid-from"
          />
        </label>
        <button type="submit" className="button" disabled={action.working}>
          {t('settings.periods.save')}
        </button>
        {saved ? (
          <span role="status" className="settings__saved">
            {t('settings.periods.saved', saved)}
          </span>
        ) : null}
      </form>
      <div className="settings-inline">
        <ErrorLine error={action.error} testId="work-periods-error" />
      </div>
    </div>
  );
}
