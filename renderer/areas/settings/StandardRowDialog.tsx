import { useState, type FormEvent } from 'react';
import type { StandardRowView } from '../../../api/contract';
import { useT } from '../../i18n/locale-context';
import { Dialog } from '../../ui/Dialog';
import { ErrorLine } from '../../ui/ErrorLine';
import { useApiCall } from '../../ui/useApiCall';
import { StandardFields, standardInput, type StandardFieldsDraft } from './StandardFields';

/** The limit as the desk would write it back in a city's words: 4工作时, 1紧急工作日. */
const LIMIT_WORD = {
  natural_hours: '紧急工作时',
  working_hours: '工作时',
  working_days: '工作日',
  natural_days: '紧急工作日',
} as const;

/** 修改立案条件: one row of the active version; saving writes a new version. */
export function StandardRowDialog({
  row,
  units,
  onSaved,
  onClose,
}: {
  row: StandardRowView;
  units: Array<{ code: string; name: string }>;
  onSaved(version: number): void;
  onClose(): void;
}) {
  const t = useT();
  const saving = useApiCall('settings.standard.editRow');
  const [draft, setDraft] = useState<StandardFieldsDraft>({
    condition: row.condition,
    closeCondition: row.closeCondition ?? '',
    limit: `${row.limitValue}${LIMIT_WORD[row.limitUnit]}${row.note ? ` ${row.note}` : ''}`,
    unitCode: row.unitCode ?? '',
  });
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const result = await saving.run({ id: row.id, ...standardInput(draft) });
    if (result) onSaved(result.version);
  };
  return (
    <Dialog
      title={t('settings.std.editTitle', {
        code: row.categoryCode,
        name: row.minorName,
        position: row.position,
      })}
      onClose={onClose}
      testId="standard-row-dialog"
    >
      <form className="form" onSubmit={(e) => void save(e)}>
        <StandardFields draft={draft} units={units} onChange={setDraft} />
        <ErrorLine error={saving.error} testId="standard-row-error" />
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('settings.std.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={saving.working}>
            {t('settings.std.saveVersion')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
