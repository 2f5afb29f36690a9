import { useState, type FormEvent } from 'react';
import type { UnitRef } from '../../../api/contract';
import { dayString } from '../../../core/time';
import { getApi } from '../../api/client';
import { toApiError, type ApiError } from '../../api/api-error';
import { useLocale } from '../../i18n/locale-context';
import { ErrorState } from '../../states/ErrorState';

/** 新增调度事项: title, lead and assisting units, owner, due day, linked cases. */
export function DispatchItemForm({
  week,
  units,
  now,
  linked,
  onLinkedChange,
  onCreated,
}: {
  week: string;
  units: ReadonlyArray<UnitRef & { kind: string }>;
  now: number;
  /** Case numbers queued from the agenda's lists. */
  linked: string;
  onLinkedChange(value: string): void;
  onCreated(): void;
}) {
  const { t } = useLocale();
  const [title, setTitle] = useState('');
  const [lead, setLead] = useState('');
  const [assist, setAssist] = useState<string[]>([]);
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState(dayString(now + 7 * 86_400_000));
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setDone(null);
    getApi()
      .call('weekly.items.create', {
        week,
        title,
        leadUnitCode: lead,
        assistUnitCodes: assist,
        owner,
        dueDay: due,
        caseNos: linked.split(/[\s,，、]+/).filter(Boolean),
      })
      .then(
        (item) => {
          setDone(t('weekly.form.added', { title: item.title }));
          setTitle('');
          setAssist([]);
          onLinkedChange('');
          onCreated();
        },
        (reason: unknown) => setError(toApiError(reason)),
      );
  };
  return (
    <form className="wk-form" onSubmit={submit} data-testid="item-form">
      <h3 className="wk-form__title">{t('weekly.form.title')}</h3>
      <label className="rk-field wk-form__wide">
        <span className="rk-field__label">{t('weekly.item.title')}</span>
        <input
          className="rk-field__input"
          required
          maxLength={200}
          value={title}
          placeholder={t('weekly.form.titlePlaceholder')}
          onChange={(e) => setTitle(e.target.value)}
          name="title"
        />
      </label>
      <label className="rk-field">
        <span className="rk-field__label">{t('weekly.item.lead')}</span>
        <select
          className="rk-field__input"
          required
          value={lead}
          onChange={(e) => setLead(e.target.value)}
          name="lead"
        >
          <option value="">{t('weekly.form.pickLead')}</option>
          {units.map((u) => (
            <option key={u.code} value={u.code}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
      <label className="rk-field">
        <span className="rk-field__label">
          {t('weekly.item.assist')} <span className="muted">{t('weekly.form.assistHint')}</span>
        </span>
        <select
          className="rk-field__input wk-form__multi"
          multiple
          value={assist}
          onChange={(e) => setAssist([...e.target.selectedOptions].map((o) => o.value))}
          name="assist"
        >
          {units
            .filter((u) => u.code !== lead)
            .map((u) => (
              <option key={u.code} value={u.code}>
                {u.name}
              </option>
            ))}
        </select>
      </label>
      <label className="rk-field">
        <span className="rk-field__label">{t('weekly.item.owner')}</span>
        <input
          className="rk-field__input"
          required
          maxLength={50}
          value={owner}
          onChange={(e) => setOwner(e.target.value)}
          name="owner"
        />
      </label>
      <label className="rk-field">
        <span className="rk-field__label">{t('weekly.item.due')}</span>
        <input
          className="rk-field__input"
          type="date"
          required
          value={due}
          onChange={(e) => setDue(e.target.value)}
          name="due"
        />
      </label>
      <label className="rk-field wk-form__wide">
        <span className="rk-field__label">{t('weekly.item.cases')}</span>
        <input
          className="rk-field__input"
          value={linked}
          placeholder={t('weekly.form.casesPlaceholder')}
          onChange={(e) => onLinkedChange(e.target.value)}
          name="cases"
        />
      </label>
      <div className="wk-form__actions">
        <button type="submit" className="button rk-primary" data-testid="add-item">
          {t('weekly.form.add')}
        </button>
        {done ? (
          <span role="status" className="wk-note">
            {done}
          </span>
        ) : null}
      </div>
      {error ? <ErrorState error={error} /> : null}
    </form>
  );
}
