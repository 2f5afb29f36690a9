import type { SettingChange } from '../../../api/contract';
import { useLocale } from '../../i18n/locale-context';

/** A simple setting's value as a short text (an override's row, the clocks' minutes). */
export type DescribeValue = (value: unknown) => string;

/**
 * 最近修改: the audit lines of a setting that keeps no versions of its own (overrides,
 * stage clocks, idle lock), newest first: when, who, and the value before → after.
 */
export function SettingHistory({
  changes,
  describe,
  testId,
}: {
  changes: SettingChange[];
  describe: DescribeValue;
  testId?: string;
}) {
  const { t, format } = useLocale();
  const shown = (value: unknown) => (value === null ? t('settings.history.none') : describe(value));
  return (
    <div className="settings-history" data-testid={testId}>
      <h3 className="settings-history__title">{t('settings.history.title')}</h3>
      {changes.length === 0 ? (
        <p className="muted">{t('settings.history.empty')}</p>
      ) : (
        <ul>
          {changes.map((change, i) => (
            <li key={`${change.at}-${i}`}>
              <span className="data-table__code">{format.tableDateTime(change.at)}</span>{' '}
              <strong>{change.actor}</strong> <span className="muted">{shown(change.before)}</span>
              {' → '}
              {shown(change.after)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
