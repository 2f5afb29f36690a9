import { useState, type FormEvent } from 'react';
import { getApi } from '../../api/client';
import { useApiQuery } from '../../api/useApiQuery';
import { useT } from '../../i18n/locale-context';
import { ErrorLine } from '../../ui/ErrorLine';
import { useAction } from '../../ui/useApiCall';

/** 节假日日历: a year's holidays and make-up working days (调休), editable by an admin. */
export function CalendarPanel() {
  const t = useT();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const query = useApiQuery('calendar.list', { year });
  const [draft, setDraft] = useState({
    day: '',
    kind: 'holiday' as 'holiday' | 'workday',
    name: '',
  });
  const action = useAction();
  /** One change at a time (a second press while one is sent is ignored); then the year again. */
  const run = (step: () => Promise<unknown>) =>
    action.run(async () => {
      await step();
      query.refresh();
    });
  const data = query.data;
  const provisional = data?.years.find((y) => y.year === year && y.provisional > 0);
  const sourceLabel = {
    official: t('settings.calendar.official'),
    provisional: t('settings.calendar.provisionalSource'),
    admin: t('settings.calendar.admin'),
  };

  return (
    <div className="settings-calendar" data-testid="settings-calendar">
      <div className="settings-inline">
        <span>{t('settings.calendar.year')}</span>
        {(data?.years ?? []).map((y) => (
          <button
            key={y.year}
            type="button"
            className={y.year === year ? 'button button--primary' : 'button'}
            onClick={() => setYear(y.year)}
          >
            {y.year}
          </button>
        ))}
      </div>
      {provisional ? (
        <p className="settings__provisional">{t('settings.calendar.provisional', { year })}</p>
      ) : null}
      {data && data.days.length === 0 ? (
        <p className="muted">{t('settings.calendar.empty')}</p>
      ) : null}
      <table className="data-table">
        <thead>
          <tr>
            <th>{t('settings.calendar.day')}</th>
            <th>{t('settings.calendar.kind')}</th>
            <th>{t('settings.calendar.name')}</th>
            <th>{t('settings.calendar.source')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(data?.days ?? []).map((d) => (
            <tr key={d.day} data-testid="calendar-day">
              <td className="data-table__code">{d.day}</td>
              <td>
                {d.kind === 'holiday'
                  ? t('settings.calendar.holiday')
                  : t('settings.calendar.workday')}
              </td>
              <td>{d.name}</td>
              <td>{sourceLabel[d.source]}</td>
              <td>
                <button
                  type="button"
                  className="button button--quiet"
                  disabled={action.working}
                  onClick={() =>
                    void run(() => getApi().call('calendar.removeDay', { day: d.day }))
                  }
                >
                  {t('settings.calendar.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="settings-inline"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void run(() => getApi().call('calendar.setDay', draft));
        }}
      >
        <input
          className="input"
          type="date"
          value={draft.day}
          onChange={(e) => setDraft({ ...draft, day: e.target.value })}
          aria-label={t('settings.calendar.day')}
        />
        <select
          className="input"
          value={draft.kind}
          onChange={(e) => setDraft({ ...draft, kind: e.target.value as 'holiday' | 'workday' })}
          aria-label={t('settings.calendar.kind')}
        >
          <option value="holiday">{t('settings.calendar.holiday')}</option>
          <option value="workday">{t('settings.calendar.workday')}</option>
        </select>
        <input
          className="input"
          placeholder={t('settings.calendar.name')}
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
        <button type="submit" className="button" disabled={action.working}>
          {t('settings.calendar.add')}
        </button>
      </form>
      <ErrorLine error={action.error} />
    </div>
  );
}
