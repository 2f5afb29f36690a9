import { useT } from '../../i18n/locale-context';
import { FieldRow } from '../../ui/FieldRow';

/** What a standard row's form holds, as typed: the limit as a city writes it (4小时, 1天). */
export interface StandardFieldsDraft {
  condition: string;
  closeCondition: string;
  limit: string;
  unitCode: string;
}

/** The 立案条件, 结案条件, limit and handling unit rows of the edit and local-category forms. */
export function StandardFields({
  draft,
  units,
  onChange,
}: {
  draft: StandardFieldsDraft;
  units: Array<{ code: string; name: string }>;
  onChange(draft: StandardFieldsDraft): void;
}) {
  const t = useT();
  const set = (field: keyof StandardFieldsDraft, value: string) =>
    onChange({ ...draft, [field]: value });
  return (
    <>
      <FieldRow label={t('settings.std.condition')}>
        <input
          className="input"
          value={draft.condition}
          onChange={(e) => set('condition', e.target.value)}
          data-testid="std-condition"
        />
      </FieldRow>
      <FieldRow label={t('settings.std.closeCondition')}>
        <input
          className="input"
          value={draft.closeCondition}
          onChange={(e) => set('closeCondition', e.target.value)}
          data-testid="std-close-condition"
        />
      </FieldRow>
      <FieldRow label={t('settings.std.limit')} hint={t('settings.std.limitHint')}>
        <input
          className="input"
          value={draft.limit}
          onChange={(e) => set('limit', e.target.value)}
          data-testid="std-limit"
        />
      </FieldRow>
      <FieldRow label={t('settings.std.unit')} hint={t('settings.std.unitHint')}>
        <select
          className="input"
          value={draft.unitCode}
          onChange={(e) => set('unitCode', e.target.value)}
          data-testid="std-unit"
        >
          <option value="">{t('settings.std.noUnit')}</option>
          {units.map((u) => (
            <option key={u.code} value={u.code}>
              {u.name}
            </option>
          ))}
        </select>
      </FieldRow>
    </>
  );
}

/** The form's fields as the API takes them (empty 结案条件 and unit are none). */
export function standardInput(draft: StandardFieldsDraft) {
  return {
    condition: draft.condition,
    closeCondition: draft.closeCondition.trim() === '' ? null : draft.closeCondition,
    limit: draft.limit,
    unitCode: draft.unitCode === '' ? null : draft.unitCode,
  };
}
