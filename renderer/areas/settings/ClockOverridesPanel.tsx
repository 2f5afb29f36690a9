import { useState, type FormEvent } from 'react';
import type { ClockOverrideRow } from '../../../api/contract';
import { getApi } from '../../api/client';
import { useApiQuery } from '../../api/useApiQuery';
import { useT } from '../../i18n/locale-context';
import { ErrorLine } from '../../ui/ErrorLine';
import { useAction } from '../../ui/useApiCall';
import { SettingHistory } from './SettingHistory';

const CLOCKS = [
  ['acceptMinutes', 'settings.overrides.accept'],
  ['onsiteMinutes', 'settings.overrides.onsite'],
  ['resolveHours', 'settings.overrides.resolveHours'],
  ['resolveWorkingDays', 'settings.overrides.resolveDays'],
] as const;
type ClockKey = (typeof CLOCKS)[number][0];
type Draft = { categoryCode: string; urgency: 'normal' | 'urgent' } & Record<ClockKey, string>;

const EMPTY: Draft = {
  categoryCode: '',
  urgency: 'urgent',
  acceptMinutes: '',
  onsiteMinutes: '',
  resolveHours: '',
  resolveWorkingDays: '',
};

/** An empty field is "not overridden" (null), not zero. */
const numberOrNull = (text: string) => (text.trim() === '' ? null : Number(text));

/** 紧急程度时限: category_clock_overrides, listed, added, changed and removed. */
export function ClockOverridesPanel() {
  const t = useT();
  const query = useApiQuery('settings.clockOverrides.list', {});
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const action = useAction();
  const data = query.data;
  const urgencyName = (u: string) =>
    u === 'urgent' ? t('settings.overrides.urgent') : t('settings.overrides.normal');
  const describe = (value: unknown) => {
    const row = value as Partial<ClockOverrideRow>;
    const clocks = CLOCKS.filter(([key]) => row[key] != null).map(
      ([key, label]) => `${t(label)} ${String(row[key])}`,
    );
    return `${row.categoryCode ?? ''} ${urgencyName(row.urgency ?? '')}: ${clocks.join(' · ')}`;
  };
  const run = (step: () => Promise<unknown>) =>
    action.run(async () => {
      await step();
      query.refresh();
    });

  const save = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await getApi().call('settings.clockOverrides.save', {
        categoryCode: draft.categoryCode,
        urgency: draft.urgency,
        acceptMinutes: numberOrNull(draft.acceptMinutes),
        onsiteMinutes: numberOrNull(draft.onsiteMinutes),
        resolveHours: numberOrNull(draft.resolveHours),
        resolveWorkingDays: numberOrNull(draft.resolveWorkingDays),
      });
      setDraft(EMPTY);
    });
  };
  const edit = (row: ClockOverrideRow) =>
    setDraft({
      categoryCode: row.categoryCode,
      urgency: row.urgency,
      acceptMinutes: row.acceptMinutes?.toString() ?? '',
      onsiteMinutes: row.onsiteMinutes?.toString() ?? '',
      resolveHours: row.resolveHours?.toString() ?? '',
      resolveWorkingDays: row.resolveWorkingDays?.toString() ?? '',
    });

  return (
    <div data-testid="settings-overrides">
      {data && data.overrides.length === 0 ? (
        <p className="muted settings__hint">{t('settings.overrides.empty')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th>{t('settings.overrides.category')}</th>
              <th>{t('settings.overrides.urgency')}</th>
              {CLOCKS.map(([key, label]) => (
                <th key={key} className="data-table__num">
                  {t(label)}
                </th>
              ))}
              <th />
            </tr>
          </thead>
          <tbody>
            {(data?.overrides ?? []).map((row) => (
              <tr key={`${row.categoryCode}-${row.urgency}`} data-testid="override-row">
                <td>
                  <span className="data-table__code">{row.categoryCode}</span> {row.minorName}
                </td>
                <td>{urgencyName(row.urgency)}</td>
                {CLOCKS.map(([key]) => (
                  <td key={key} className="data-table__num">
                    {row[key] ?? '—'}
                  </td>
                ))}
                <td className="settings__row-actions">
                  <button type="button" className="button button--quiet" onClick={() => edit(row)}>
                    {t('settings.overrides.change')}
                  </button>
                  <button
                    type="button"
                    className="button button--quiet"
                    disabled={action.working}
                    onClick={() =>
                      void run(() =>
                        getApi().call('settings.clockOverrides.remove', {
                          categoryCode: row.categoryCode,
                          urgency: row.urgency,
                        }),
                      )
                    }
                  >
                    {t('settings.overrides.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="settings-inline" onSubmit={save}>
        <select
          className="input"
          value={draft.categoryCode}
          onChange={(e) => setDraft({ ...draft, categoryCode: e.target.value })}
          aria-label={t('settings.overrides.category')}
          data-testid="override-category"
        >
          <option value="">{t('settings.overrides.category')}…</option>
          {(data?.categories ?? []).map((c) => (
            <option key={c.code} value={c.code}>
              {c.code} {c.name}
            </option>
          ))}
        </select>
        <select
          className="input"
          value={draft.urgency}
          onChange={(e) => setDraft({ ...draft, urgency: e.target.value as Draft['urgency'] })}
          aria-label={t('settings.overrides.urgency')}
        >
          <option value="urgent">{t('settings.overrides.urgent')}</option>
          <option value="normal">{t('settings.overrides.normal')}</option>
        </select>
        {CLOCKS.map(([key, label]) => (
          <input
            key={key}
            className="input settings-number settings-number--wide"
            type="number"
            step="any"
            placeholder={t(label)}
            aria-label={t(label)}
            value={draft[key]}
            onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
            data-testid={`override-${key}`}
          />
        ))}
        <button type="submit" className="button" disabled={action.working}>
          {t('settings.overrides.save')}
        </button>
      </form>
      <div className="settings-inline">
        <ErrorLine error={action.error} testId="override-error" />
      </div>
      <SettingHistory changes={data?.history ?? []} describe={describe} />
    </div>
  );
}
