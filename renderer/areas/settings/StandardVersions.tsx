import type { CategoryVersionRow } from '../../../api/contract';
import { useLocale } from '../../i18n/locale-context';

/** Where a version came from, in words: the built-in table, a file, or a settings edit. */
function useVersionSource() {
  const { t } = useLocale();
  return (v: CategoryVersionRow) => {
    if (v.source === 'categories.csv' && v.id === 1)
      return `${t('settings.std.builtin')} categories.csv`;
    if (v.source !== 'settings' || !v.notes) return t('settings.std.imported', { file: v.source });
    const change = JSON.parse(v.notes) as {
      change: string;
      code: string;
      position?: number;
      name?: string;
    };
    return change.change === 'add'
      ? t('settings.std.addedLocal', { code: change.code, name: change.name ?? '' })
      : t('settings.std.edited', { code: change.code, position: change.position ?? 1 });
  };
}

/** 版本: every version, newest first, with its cases; one may be opened to browse. */
export function StandardVersions({
  versions,
  viewing,
  onView,
}: {
  versions: CategoryVersionRow[];
  viewing: number | null;
  onView(id: number): void;
}) {
  const { t, format } = useLocale();
  const sourceOf = useVersionSource();
  return (
    <table className="data-table settings-versions" data-testid="standard-versions">
      <thead>
        <tr>
          <th>{t('settings.std.versions')}</th>
          <th>{t('settings.std.source')}</th>
          <th>{t('settings.std.time')}</th>
          <th>{t('settings.std.by')}</th>
          <th className="data-table__num">{t('settings.std.minors')}</th>
          <th className="data-table__num">{t('settings.std.standards')}</th>
          <th className="data-table__num">{t('settings.std.cases')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {versions.map((v) => (
          <tr
            key={v.id}
            data-testid="standard-version"
            className={v.id === viewing ? 'settings-versions__viewing' : undefined}
          >
            <td>
              {t('settings.std.version', { id: v.id })}{' '}
              {v.active ? <span className="badge">{t('settings.std.active')}</span> : null}
            </td>
            <td>{sourceOf(v)}</td>
            <td className="data-table__code">
              {v.importedAt > 0 ? format.tableDateTime(v.importedAt) : '—'}
            </td>
            <td>{v.importedBy}</td>
            <td className="data-table__num">{format.count(v.minors)}</td>
            <td className="data-table__num">{format.count(v.standards)}</td>
            <td className="data-table__num" data-testid="standard-version-cases">
              {format.count(v.cases)}
            </td>
            <td>
              {v.id === viewing ? (
                <span className="muted">{t('settings.std.viewing')}</span>
              ) : (
                <button type="button" className="button button--quiet" onClick={() => onView(v.id)}>
                  {t('settings.std.view')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
