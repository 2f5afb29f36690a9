/** 发布微心愿: a resident's wish, who it is for, where, and what it is worth. */
import { useState, type FormEvent } from 'react';
import { useApiQuery } from '../../api/useApiQuery';
import { useT } from '../../i18n/locale-context';
import { Dialog } from '../../ui/Dialog';
import { ErrorLine } from '../../ui/ErrorLine';
import { FieldRow } from '../../ui/FieldRow';
import { FormActions } from '../../ui/FormActions';
import { useApiCall } from '../../ui/useApiCall';

const TEXT_FIELDS = [
  ['title', 'party.publish.title', 'wish-title'],
  ['forWhom', 'party.publish.forWhom', 'wish-for'],
  ['residentName', 'party.publish.residentName', 'wish-resident'],
  ['residentPhone', 'party.publish.residentPhone', 'wish-phone'],
] as const;

export function PublishWishDialog({
  onClose,
  onDone,
}: {
  onClose(): void;
  onDone(id: number): void;
}) {
  const t = useT();
  const lookups = useApiQuery('cases.lookups', {});
  const publish = useApiCall('wishes.publish');
  const [form, setForm] = useState({
    title: '',
    forWhom: '',
    residentName: '',
    residentPhone: '',
    gridCode: '',
    value: '',
  });
  const grids = (lookups.data?.places ?? []).filter((p) => p.level === 'grid');
  const edit = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const answer = await publish.run({
      title: form.title,
      forWhom: form.forWhom || null,
      residentName: form.residentName || null,
      residentPhone: form.residentPhone || null,
      gridCode: form.gridCode,
      valueYuan: form.value ? Number(form.value) : null,
    });
    if (answer) onDone(answer.id);
  }

  return (
    <Dialog title={t('party.wishes.new')} onClose={onClose} testId="wish-publish">
      <form className="form" onSubmit={submit}>
        {TEXT_FIELDS.map(([key, label, testId], i) => (
          <FieldRow key={key} label={t(label)}>
            <input
              className="input"
              autoFocus={i === 0}
              value={form[key]}
              onChange={edit(key)}
              data-testid={testId}
            />
          </FieldRow>
        ))}
        <FieldRow label={t('party.publish.grid')}>
          <select
            className="input"
            value={form.gridCode}
            onChange={edit('gridCode')}
            data-testid="wish-grid"
          >
            <option value="">{t('party.publish.gridPick')}</option>
            {grids.map((g) => (
              <option key={g.code} value={g.code}>
                {g.name}
              </option>
            ))}
          </select>
        </FieldRow>
        <FieldRow label={t('party.publish.value')}>
          <input
            className="input"
            type="number"
            min={0}
            step="0.01"
            value={form.value}
            onChange={edit('value')}
            data-testid="wish-value"
          />
        </FieldRow>
        <ErrorLine error={publish.error} testId="wish-publish-error" />
        <FormActions
          working={publish.working}
          submitLabel={t('party.publish.submit')}
          submitTestId="wish-publish-submit"
          onCancel={onClose}
          cancelLabel={t('party.cancel')}
        />
      </form>
    </Dialog>
  );
}
