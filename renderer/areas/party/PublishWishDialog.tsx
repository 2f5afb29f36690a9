/** 发布微心愿: a resident's wish, who it is for, where, and what it is worth. */
import { useState, type FormEvent } from 'react';
import { useApiQuery } from '../../api/useApiQuery';
import { useT } from '../../i18n/locale-context';
import { Dialog } from '../../ui/Dialog';
import { ErrorLine } from '../../ui/ErrorLine';
import { FieldRow } from '../../ui/FieldRow';
import { FormActions } from '../../ui/FormActions';
import { useApiCall } from '../../ui/useApiCall';

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
        <FieldRow label={t('party.publish.title')}>
          <input
            className="input"
            autoFocus
            value={form.title}
            onChange={edit('title')}
            data-testid="wish-title"
          />
        </FieldRow>
        <FieldRow label={t('party.publish.forWhom')}>
          <input
            className="input"
            value={form.forWhom}
            onChange={edit('forWhom')}
            data-testid="wish-for"
          />
        </FieldRow>
        <FieldRow label={t('party.publish.residentName')}>
          <input
            className="input"
            value={form.residentName}
            onChange={edit('residentName')}
            data-testid="wish-resident"
          />
        </FieldRow>
        <FieldRow label={t('party.publish.residentPhone')}>
          <input
            className="input"
            value={form.residentPhone}
            onChange={edit('residentPhone')}
            data-testid="wish-phone"
          />
        </FieldRow>
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
