import { useFlash } from '../../ui/useFlash';
import { useState, type FormEvent } from 'react';
import type { UnitRef } from '../../../api/contract';
import { dayString } from '../../../core/time';
import { useLocale } from '../../i18n/locale-context';
import { ErrorLine } from '../../ui/ErrorLine';
import { FieldRow } from '../../ui/FieldRow';
import { FormActions } from '../../ui/FormActions';
import { useApiCall } from '../../ui/useApiCall';

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
  const [done, setDone] = useFlash();
  const create = useApiCall('weekly.items.create');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const item = await create.run({
      week,
      title,
      leadUnitCode: lead,
      assistUnitCodes: assist,
      owner,
      dueDay: due,
      caseNos: linked.split(/[\s,，、]+/).filter(Boolean),
    });
    if (!item) return;
    setDone((say) => say('weekly.form.added', { title: item.title }));
    setTitle('');
    setAssist([]);
    onLinkedChange('');
    onCreated();
  };
  return (
    <form className="wk-form" onSubmit={(e) => void submit(e)} data-testid="item-form">
      <h3 className="wk-form__title">{t('weekly.form.title')}</h3>
      <FieldRow label={t('weekly.item.title')} className="wk-form__wide">
        <input
          required
          maxLength={200}
          value={title}
          placeholder={t('weekly.form.titlePlaceholder')}
          onChange={(e) => setTitle(e.target.value)}
          name="title"
        />
      </FieldRow>
      <FieldRow label={t('weekly.item.lead')}>
        <select required value={lead} onChange={(e) => setLead(e.target.value)} name="lead">
          <option value="">{t('weekly.form.pickLead')}</option>
          {units.map((u) => (
            <option key={u.code} value={u.code}>
              {u.name}
            </option>
          ))}
        </select>
      </FieldRow>
      <FieldRow
        label={t('weekly.item.assist')}
        hint={t('weekly.form.assistHint')}
        className="wk-form__tall"
      >
        <select
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
      </FieldRow>
      <FieldRow label={t('weekly.item.owner')}>
        <input
          required
          maxLength={50}
          value={owner}
          onChange={(e) => setOwner(e.target.value)}
          name="owner"
        />
      </FieldRow>
      <FieldRow label={t('weekly.item.due')}>
        <input
          type="date"
          required
          value={due}
          onChange={(e) => setDue(e.target.value)}
          name="due"
        />
      </FieldRow>
      <FieldRow label={t('weekly.item.cases')}>
        <input
          value={linked}
          placeholder={t('weekly.form.casesPlaceholder')}
          onChange={(e) => onLinkedChange(e.target.value)}
          name="cases"
        />
      </FieldRow>
      <FormActions
        working={create.working}
        submitLabel={t('weekly.form.add')}
        submitTestId="add-item"
        before={
          done ? (
            <span role="status" className="wk-note">
              {done}
            </span>
          ) : null
        }
      />
      <ErrorLine error={create.error} />
    </form>
  );
}
