/** The small wishes as a board: a column per state, each card with its clock. */
import type { WishBoard as Board, WishCard } from '../../../api/contract';
import { useLocale } from '../../i18n/locale-context';

function ClockMark({ wish }: { wish: WishCard }) {
  const { t, format } = useLocale();
  if (wish.clock === 'overdue')
    return (
      <span className="wish-card__clock wish-card__clock--overdue">
        {t('party.wishes.overdue')}
      </span>
    );
  if (wish.clock === 'near_due' && wish.dueAt)
    return (
      <span className="wish-card__clock wish-card__clock--near">
        {t('party.wishes.nearDue')} ·{' '}
        {t('party.wishes.due', { time: format.tableDateTime(wish.dueAt) })}
      </span>
    );
  if (wish.clock === 'running' && wish.dueAt)
    return (
      <span className="wish-card__clock">
        {t('party.wishes.due', { time: format.tableDateTime(wish.dueAt) })}
      </span>
    );
  return null;
}

export function WishBoard({
  board,
  selectedId,
  onOpen,
}: {
  board: Board;
  selectedId: number | null;
  onOpen(id: number): void;
}) {
  const { t } = useLocale();
  return (
    <div className="wish-board" data-testid="wish-board">
      {board.columns.map((column) => (
        <section
          key={column.state}
          className="wish-column"
          aria-label={t(`party.wishState.${column.state}`)}
          data-testid={`wish-column-${column.state}`}
        >
          <header className="wish-column__head">
            <span>{t(`party.wishState.${column.state}`)}</span>
            <span className="wish-column__count">{column.count}</span>
          </header>
          <ul className="wish-column__list">
            {column.wishes.length === 0 ? (
              <li className="muted wish-column__empty">{t('party.wishes.empty')}</li>
            ) : null}
            {column.wishes.slice(0, 200).map((wish) => (
              <li key={wish.id}>
                <button
                  type="button"
                  className={`wish-card wish-card--${wish.clock}${selectedId === wish.id ? ' wish-card--selected' : ''}`}
                  onClick={() => onOpen(wish.id)}
                  data-wish-code={wish.code}
                >
                  <span className="wish-card__title">{wish.title}</span>
                  <span className="wish-card__place">{wish.gridName}</span>
                  {wish.claimedBy ? (
                    <span className="wish-card__by">
                      {t('party.wishes.claimedBy', { name: wish.claimedBy })}
                    </span>
                  ) : null}
                  <ClockMark wish={wish} />
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
