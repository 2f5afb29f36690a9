import { useState } from 'react';
import type { DispatchItemView } from '../../../api/contract';
import { useLocale } from '../../i18n/locale-context';
import { ErrorLine } from '../../ui/ErrorLine';
import { useApiCall } from '../../ui/useApiCall';
import { weekLabel } from './week-words';

/** Dispatch items with their status (word and colour), progress, and the moves open ↔ done. */
export function DispatchItemsTable({
  items,
  showWeek,
  onChanged,
  testId,
}: {
  items: readonly DispatchItemView[];
  showWeek: boolean;
  onChanged(): void;
  testId: string;
}) {
  const { t, format } = useLocale();
  const [editing, setEditing] = useState<{ id: number; note: string } | null>(null);
  const call = useApiCall('weekly.items.update');
  const update = async (input: {
    id: number;
    status?: 'open' | 'done';
    progressNote?: string | null;
  }) => {
    if (!(await call.run(input))) return;
    setEditing(null);
    onChanged();
  };
  return (
    <>
      <ErrorLine error={call.error} />
      <div className="table-scroll">
        <table className="data-table wk-items" data-testid={testId}>
          <thead>
            <tr>
              {showWeek ? <th scope="col">{t('weekly.item.week')}</th> : null}
              <th scope="col">{t('weekly.item.title')}</th>
              <th scope="col">{t('weekly.item.lead')}</th>
              <th scope="col">{t('weekly.item.owner')}</th>
              <th scope="col">{t('weekly.item.due')}</th>
              <th scope="col">{t('weekly.item.status')}</th>
              <th scope="col">{t('weekly.item.progress')}</th>
              <th scope="col">{t('weekly.item.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} data-testid="dispatch-item" data-status={item.status}>
                {showWeek ? <td className="data-table__time">{weekLabel(t, item.week)}</td> : null}
                <td className="wk-items__title">
                  <span>{item.title}</span>
                  {item.cases.length > 0 ? (
                    <span className="wk-items__cases">
                      {item.cases.map((c) => c.caseNo).join(' ')}
                    </span>
                  ) : null}
                </td>
                <td>
                  {item.leadUnit.name}
                  {item.assistUnits.length > 0 ? (
                    <span className="muted">
                      {' '}
                      · {item.assistUnits.map((u) => u.name).join('、')}
                    </span>
                  ) : null}
                </td>
                <td>{item.owner}</td>
                <td className="data-table__time">{item.dueDay}</td>
                <td>
                  <span className={`wk-status wk-status--${item.status}`}>
                    {t(`weekly.status.${item.status}`)}
                  </span>
                  {item.doneAt !== null ? (
                    <span className="muted wk-items__done">
                      {' '}
                      {t('weekly.items.doneAt', { time: format.tableDateTime(item.doneAt) })}
                    </span>
                  ) : null}
                </td>
                <td className="wk-items__progress">
                  {editing?.id === item.id ? (
                    <span className="wk-inline-edit">
                      <input
                        className="input"
                        value={editing.note}
                        autoFocus
                        maxLength={2000}
                        onChange={(e) => setEditing({ id: item.id, note: e.target.value })}
                        onKeyDown={(e) =>
                          e.key === 'Enter' &&
                          void update({ id: item.id, progressNote: editing.note.trim() || null })
                        }
                      />
                      <button
                        type="button"
                        className="button"
                        disabled={call.working}
                        onClick={() =>
                          void update({ id: item.id, progressNote: editing.note.trim() || null })
                        }
                      >
                        {t('weekly.item.saveProgress')}
                      </button>
                      <button
                        type="button"
                        className="button button--quiet"
                        onClick={() => setEditing(null)}
                      >
                        {t('weekly.item.cancel')}
                      </button>
                    </span>
                  ) : (
                    (item.progressNote ?? <span className="muted">—</span>)
                  )}
                </td>
                <td className="wk-items__actions">
                  {editing?.id === item.id ? null : (
                    <button
                      type="button"
                      className="button button--quiet"
                      onClick={() => setEditing({ id: item.id, note: item.progressNote ?? '' })}
                    >
                      {t('weekly.item.editProgress')}
                    </button>
                  )}
                  {item.status === 'done' ? (
                    <button
                      type="button"
                      className="button button--quiet"
                      disabled={call.working}
                      onClick={() => void update({ id: item.id, status: 'open' })}
                    >
                      {t('weekly.item.reopen')}
                    </button>
                  ) : (
                    <button
                      type="button"
                      className="button"
                      disabled={call.working}
                      onClick={() => void update({ id: item.id, status: 'done' })}
                      data-testid="mark-done"
                    >
                      {t('weekly.item.markDone')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
