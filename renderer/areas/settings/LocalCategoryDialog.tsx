import { useState, type FormEvent } from 'react';
import type { StandardSettingsView } from '../../../api/contract';
import { useT } from '../../i18n/locale-context';
import { Dialog } from '../../ui/Dialog';
import { ErrorLine } from '../../ui/ErrorLine';
import { FieldRow } from '../../ui/FieldRow';
import { useApiCall } from '../../ui/useApiCall';
import { StandardFields, standardInput, type StandardFieldsDraft } from './StandardFields';

/** 新增本地类别: a minor under one of the active version's majors, with its first 立案条件. */
export function LocalCategoryDialog({
  view,
  onSaved,
  onClose,
}: {
  view: StandardSettingsView;
  onSaved(result: { version: number; code: string }): void;
  onClose(): void;
}) {
  const t = useT();
  const saving = useApiCall('settings.standard.addLocal');
  const first = view.majors[0];
  const [major, setMajor] = useState(first ? `${first.kind}:${first.code}` : '');
  const [minorCode, setMinorCode] = useState('');
  const [minorName, setMinorName] = useState('');
  const [fields, setFields] = useState<StandardFieldsDraft>({
    condition: '',
    closeCondition: '',
    limit: '',
    unitCode: '',
  });
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const [kind, majorCode] = major.split(':') as ['component' | 'event', string];
    const result = await saving.run({
      kind,
      majorCode,
      minorCode,
      minorName,
      ...standardInput(fields),
    });
    if (result) onSaved(result);
  };
  return (
    <Dialog title={t('settings.std.addTitle')} onClose={onClose} testId="local-category-dialog">
      <form className="form" onSubmit={(e) => void save(e)}>
        <FieldRow label={t('settings.std.major')}>
          <select
            className="input"
            value={major}
            onChange={(e) => setMajor(e.target.value)}
            data-testid="local-major"
          >
            {view.majors.map((m) => (
              <option key={`${m.kind}:${m.code}`} value={`${m.kind}:${m.code}`}>
                {t(m.kind === 'component' ? 'settings.std.component' : 'settings.std.event')}{' '}
                {m.code} {m.name}
              </option>
            ))}
          </select>
        </FieldRow>
        <FieldRow label={t('settings.std.minorCode')}>
          <input
            className="input"
            value={minorCode}
            maxLength={2}
            placeholder="99"
            onChange={(e) => setMinorCode(e.target.value)}
            data-testid="local-minor-code"
          />
        </FieldRow>
        <FieldRow label={t('settings.std.minorName')}>
          <input
            className="input"
            value={minorName}
            onChange={(e) => setMinorName(e.target.value)}
            data-testid="local-minor-name"
          />
        </FieldRow>
        <StandardFields draft={fields} units={view.units} onChange={setFields} />
        <ErrorLine error={saving.error} testId="local-category-error" />
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
