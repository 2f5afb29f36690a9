/** The weekly meeting's 微心愿 (issue 14): how many wait for a claim, and those past their clock. */
import type { WeeklyAgenda } from '../../../api/contract';
import { useLocale } from '../../i18n/locale-context';
import { EmptyState } from '../../states/EmptyState';

export function AgendaWishes({ wishes }: { wishes: WeeklyAgenda['wishes'] }) {
  const { t, format } = useLocale();
  return (
    <div data-testid="agenda-wishes">
      <p className="wk-subtitle">
        {t('weekly.wishes.summary', {
          unclaimed: format.count(wishes.unclaimed),
          overdue: format.count(wishes.overdueTotal),
        })}
      </p>
      {wishes.overdue.length === 0 ? (
        <EmptyState message={t('weekly.wishes.none')} />
      ) : (
        <table className="data-table" data-testid="agenda-wishes-overdue">
          <thead>
            <tr>
              <th>{t('weekly.wishes.code')}</th>
              <th>{t('weekly.wishes.title')}</th>
              <th>{t('weekly.wishes.grid')}</th>
              <th>{t('weekly.wishes.state')}</th>
              <th>{t('weekly.wishes.due')}</th>
            </tr>
          </thead>
          <tbody>
            {wishes.overdue.map((wish) => (
              <tr key={wish.id}>
                <td>
                  <code>{wish.code}</code>
                </td>
                <td>{wish.title}</td>
                <td>{wish.gridName}</td>
                <td>
                  {t(`party.wishState.${wish.state}`)}
                  {wish.claimedBy ? ` · ${wish.claimedBy}` : ''}
                </td>
                <td className="wk-overdue">{format.tableDateTime(wish.dueAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
