/**
 * 新建 a register's row by keyboard (issue 14): the fields of register-fields.ts in typing
 * order, the first focused; Tab walks them, the pickers take Enter, Ctrl+Enter saves from any
 * field, Esc leaves. A refusal is shown under the field it names and nothing is saved.
 */
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { RegisterItem } from '../../../api/contract';
import { dayString } from '../../../core/time';
import { toApiError } from '../../api/api-error';
import { useLocale } from '../../i18n/locale-context';
import { Dialog } from '../../ui/Dialog';
import { ErrorLine } from '../../ui/ErrorLine';
import { FieldRow } from '../../ui/FieldRow';
import { FormActions } from '../../ui/FormActions';
import { useApiCall } from '../../ui/useApiCall';
import { ComboBox } from '../cases/ComboBox';
import { useCaseLookups } from '../cases/useCaseLookups';
import { LookupField } from './LookupField';
import {
  ENTRY_FIELDS,
  entryOf,
  initialValues,
  type EntryRegister,
  type FieldSpec,
  type FormValues,
} from './register-fields';
import { registerKey } from './register-messages';

export function RegisterEntryDialog({
  register,
  onClose,
  onDone,
}: {
  register: EntryRegister;
  onClose(): void;
  onDone(item: RegisterItem): void;
}) {
  const { t, locale } = useLocale();
  const { lookups } = useCaseLookups();
  const enter = useApiCall('party.enter');
  const [values, setValues] = useState<FormValues>(() =>
    initialValues(register, dayString(Date.now())),
  );
  const set = (key: string, value: FormValues[string]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const failure = enter.error ? toApiError(enter.error).payload : null;
  const fieldError = (key: string) =>
    failure?.where === key ? (locale === 'zh-CN' ? failure.message.zh : failure.message.en) : '';

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    const answer = await enter.run(entryOf(register, values));
    if (answer) onDone(answer);
  }
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  };

  const label = (field: FieldSpec) =>
    `${t(registerKey('party.field', field.key))}${'required' in field && field.required ? ' *' : ''}`;

  function control(field: FieldSpec, first: boolean) {
    const testId = `entry-${field.key}`;
    const value = values[field.key];
    switch (field.type) {
      case 'select':
        return (
          <FieldRow key={field.key} label={label(field)} hint={fieldError(field.key)}>
            <select
              className="input"
              value={String(value)}
              autoFocus={first}
              onChange={(e) => set(field.key, e.target.value)}
              data-testid={testId}
            >
              {field.options.map((option) => (
                <option key={option} value={option}>
                  {t(registerKey('party.value', option))}
                </option>
              ))}
            </select>
          </FieldRow>
        );
      case 'place': {
        const options = (lookups?.placeOptions ?? []).filter(
          (p) => field.level === 'any' || p.level === field.level,
        );
        return (
          <div key={field.key}>
            <ComboBox
              label={label(field)}
              hint={t('party.entry.placeHint')}
              options={options}
              value={(value as string) || null}
              onChange={(next) => set(field.key, next ?? '')}
              testId={testId}
              autoFocus={first}
            />
            <span className="field__note">{fieldError(field.key)}</span>
          </div>
        );
      }
      case 'lookup':
        return (
          <div key={field.key}>
            <LookupField
              what={field.what}
              label={label(field)}
              hint={t('party.entry.lookup')}
              value={(value as number | null) ?? null}
              onChange={(id) => set(field.key, id)}
              testId={testId}
              autoFocus={first}
            />
            <span className="field__note">{fieldError(field.key)}</span>
          </div>
        );
      case 'flag':
        return (
          <label key={field.key} className="party-check">
            <input
              type="checkbox"
              checked={Boolean(value)}
              onChange={(e) => set(field.key, e.target.checked)}
              data-testid={testId}
            />
            {label(field)}
          </label>
        );
      default:
        return (
          <FieldRow key={field.key} label={label(field)} hint={fieldError(field.key)}>
            <input
              className="input"
              type={field.type === 'number' ? 'number' : field.type === 'day' ? 'date' : 'text'}
              inputMode={field.type === 'phone' ? 'tel' : undefined}
              step={
                field.type === 'number'
                  ? 'integer' in field && field.integer
                    ? 1
                    : 0.1
                  : undefined
              }
              min={field.type === 'number' ? 0 : undefined}
              autoFocus={first}
              value={String(value ?? '')}
              onChange={(e) => set(field.key, e.target.value)}
              data-testid={testId}
            />
          </FieldRow>
        );
    }
  }

  const fields = ENTRY_FIELDS[register];
  return (
    <Dialog
      title={t('party.entry.title', { register: t(registerKey('party.tab', register)) })}
      onClose={onClose}
      size="wide"
      testId="register-entry"
    >
      <form className="form register-entry" onSubmit={submit} onKeyDown={onKeyDown}>
        <div className="register-entry__grid">{fields.map((f, i) => control(f, i === 0))}</div>
        {failure && !failure.where ? <ErrorLine error={enter.error} testId="entry-error" /> : null}
        {failure?.where && !fields.some((f) => f.key === failure.where) ? (
          <ErrorLine error={enter.error} testId="entry-error" />
        ) : null}
        <FormActions
          working={enter.working}
          submitLabel={t('party.entry.submit')}
          submitTestId="entry-submit"
          onCancel={onClose}
          cancelLabel={t('party.cancel')}
        />
      </form>
    </Dialog>
  );
}
