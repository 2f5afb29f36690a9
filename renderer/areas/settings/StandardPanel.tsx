import { useState } from 'react';
import type { StandardRowView } from '../../../api/contract';
import { formatLimit } from '../../../core/limits/limit';
import { useApiQuery } from '../../api/useApiQuery';
import { useLocale } from '../../i18n/locale-context';
import { ErrorState } from '../../states/ErrorState';
import { useFlash, type FlashWords } from '../../ui/useFlash';
import { LocalCategoryDialog } from './LocalCategoryDialog';
import { StandardRowDialog } from './StandardRowDialog';
import { StandardVersions } from './StandardVersions';

const SHOWN_ROWS = 100;

/**
 * 类别与立结案标准: the versions with their cases, a version's rows searched by code, name
 * or condition with the cases registered under each, and (in the version in force) a row's
 * edit or a new local category, each saved as a new version.
 */
export function StandardPanel() {
  const { t, format, locale } = useLocale();
  const lang = locale === 'zh-CN' ? 'zh' : 'en';
  const view = useApiQuery('settings.standard.versions', {}, { refreshOn: ['data.changed'] });
  const [picked, setPicked] = useState<number | null>(null);
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<StandardRowView | null>(null);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useFlash();
  const active = view.data?.activeVersion ?? null;
  const viewing = picked ?? active;
  const rows = useApiQuery(
    'settings.standard.rows',
    { ...(viewing !== null ? { version: viewing } : {}), search, limit: SHOWN_ROWS },
    { refreshOn: ['data.changed'] },
  );
  const readOnly = viewing !== active;
  const saved = (message: FlashWords) => {
    setEditing(null);
    setAdding(false);
    setPicked(null);
    setNotice(message);
    view.refresh();
    rows.refresh();
  };

  if (view.error) return <ErrorState error={view.error} onRetry={view.refresh} />;
  const data = view.data;
  return (
    <div className="settings-standard" data-testid="settings-standard">
      {notice ? (
        <p role="status" className="settings__saved settings__hint" data-testid="standard-notice">
          {notice}
        </p>
      ) : null}
      {data ? (
        <StandardVersions versions={data.versions} viewing={viewing} onView={setPicked} />
      ) : null}
      {data && data.casesWithoutStandard > 0 ? (
        <p className="muted settings__hint">
          {t('settings.std.withoutStandard', { count: format.count(data.casesWithoutStandard) })}
        </p>
      ) : null}
      <div className="settings-inline">
        <input
          className="input settings-search"
          type="search"
          value={search}
          placeholder={t('settings.std.search')}
          aria-label={t('settings.std.search')}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="standard-search"
        />
        {rows.data ? (
          <span className="muted">
            {t('settings.std.found', {
              total: format.count(rows.data.total),
              shown: format.count(rows.data.rows.length),
            })}
          </span>
        ) : null}
        {readOnly && viewing !== null ? (
          <>
            <span className="settings__provisional-inline">
              {t('settings.std.oldVersion', { id: viewing })}
            </span>
            <button type="button" className="button" onClick={() => setPicked(null)}>
              {t('settings.std.backToActive')}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button settings-inline__end"
            onClick={() => setAdding(true)}
            disabled={!data}
            data-testid="standard-add-local"
          >
            {t('settings.std.addLocal')}
          </button>
        )}
      </div>
      <div className="settings-standard__rows">
        <table className="data-table">
          <thead>
            <tr>
              <th>{t('settings.std.code')}</th>
              <th>{t('settings.std.minor')}</th>
              <th className="data-table__num">{t('settings.std.position')}</th>
              <th>{t('settings.std.condition')}</th>
              <th>{t('settings.std.closeCondition')}</th>
              <th>{t('settings.std.limit')}</th>
              <th>{t('settings.std.unit')}</th>
              <th className="data-table__num">{t('settings.std.cases')}</th>
              {readOnly ? null : <th />}
            </tr>
          </thead>
          <tbody>
            {(rows.data?.rows ?? []).map((row) => (
              <tr key={row.id} data-testid="standard-row">
                <td className="data-table__code">{row.categoryCode}</td>
                <td>
                  {row.majorName} / {row.minorName}{' '}
                  {row.local ? (
                    <span className="badge badge--muted">{t('settings.std.local')}</span>
                  ) : null}
                </td>
                <td className="data-table__num">{row.position}</td>
                <td>{row.condition}</td>
                <td>{row.closeCondition ?? '—'}</td>
                <td data-testid="standard-row-limit">
                  {formatLimit({ value: row.limitValue, unit: row.limitUnit }, lang)}
                  {row.note ? <span className="muted"> {row.note}</span> : null}
                </td>
                <td>{row.unitName ?? '—'}</td>
                <td className="data-table__num">{format.count(row.cases)}</td>
                {readOnly ? null : (
                  <td>
                    <button
                      type="button"
                      className="button button--quiet"
                      onClick={() => setEditing(row)}
                      data-testid="standard-row-edit"
                    >
                      {t('settings.std.edit')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {rows.data && rows.data.rows.length === 0 ? (
          <p className="muted settings__hint">{t('settings.std.empty')}</p>
        ) : null}
      </div>
      {editing && data ? (
        <StandardRowDialog
          row={editing}
          units={data.units}
          onClose={() => setEditing(null)}
          onSaved={(version) => saved((t) => t('settings.std.savedVersion', { version }))}
        />
      ) : null}
      {adding && data ? (
        <LocalCategoryDialog
          view={data}
          onClose={() => setAdding(false)}
          onSaved={(result) => saved((t) => t('settings.std.addedCategory', result))}
        />
      ) : null}
    </div>
  );
}
