/**
 * One small wish: who it is for, where, its clock, its history, and the moves this user may
 * make, each sent with the state seen when its form opened (a wish another seat moved is
 * refused with who and when; the form and its text stay).
 */
import { useState } from 'react';
import type { WishDetail } from '../../../api/contract';
import type { WishMove } from '../../../core/party/wish-clock';
import { useApiQuery } from '../../api/useApiQuery';
import { useLocale } from '../../i18n/locale-context';
import { ErrorState } from '../../states/ErrorState';
import { LoadingState } from '../../states/LoadingState';
import { useApiCall } from '../../ui/useApiCall';
import { WishMoveForm } from './WishMoveForm';

const REFRESH_ON = ['data.changed'] as const;

export function WishDetailPanel({ id, onClose }: { id: number; onClose(): void }) {
  const { t, format } = useLocale();
  const query = useApiQuery('wishes.get', { id }, { refreshOn: REFRESH_ON, debounceMs: 100 });
  const move = useApiCall('wishes.move');
  const [kind, setKind] = useState<WishMove | null>(null);
  const [seen, setSeen] = useState<WishDetail['state'] | null>(null);
  const [done, setDone] = useState<WishMove | null>(null);
  const wish = query.data;

  if (!wish)
    return (
      <aside className="wish-detail" data-testid="wish-detail">
        {query.error ? (
          <ErrorState error={query.error} onRetry={query.refresh} />
        ) : (
          <LoadingState />
        )}
      </aside>
    );

  const rows: [string, string][] = [
    [t('party.wishes.forWhom'), wish.forWhom ?? '—'],
    [t('party.wishes.resident'), wish.residentName ?? '—'],
    [t('party.wishes.phone'), wish.residentPhone ?? '—'],
    [t('party.wishes.place'), wish.gridName],
    [
      t('party.wishes.value'),
      wish.valueFen == null ? '—' : `${(wish.valueFen / 100).toFixed(2)} 元`,
    ],
  ];

  return (
    <aside className="wish-detail" data-testid="wish-detail" aria-label={wish.title}>
      <header className="wish-detail__head">
        <div>
          <code data-testid="wish-code">{wish.code}</code>{' '}
          <span className={`state-chip wish-state--${wish.state}`} data-testid="wish-state">
            {t(`party.wishState.${wish.state}`)}
          </span>
          <h2 className="wish-detail__title">{wish.title}</h2>
        </div>
        <button type="button" className="button button--quiet" onClick={onClose}>
          {t('party.wishes.close')} <kbd>Esc</kbd>
        </button>
      </header>
      {wish.dueAt ? (
        <p className={`wish-detail__due wish-card__clock--${wish.clock}`}>
          {wish.clock === 'overdue' ? `${t('party.wishes.overdue')} · ` : ''}
          {t('party.wishes.due', { time: format.tableDateTime(wish.dueAt) })}
        </p>
      ) : null}
      <dl className="fields">
        {rows.map(([label, value]) => (
          <div key={label} className="fields__row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {wish.personalDataMasked ? <p className="muted">{t('party.wishes.masked')}</p> : null}
      {done && !kind ? (
        <p className="move-done" role="status" data-testid="wish-move-done">
          {t('party.wishes.done', { move: t(`party.wishMove.${done}`) })}
        </p>
      ) : null}
      <div className="move-bar">
        {wish.moves.length === 0 ? <p className="muted">{t('party.wishes.noMoves')}</p> : null}
        {wish.moves.map((option) => (
          <button
            key={option}
            type="button"
            className={`button move-button${kind === option ? ' move-button--active' : ''}`}
            onClick={() => {
              move.reset();
              setDone(null);
              setKind(option);
              setSeen(wish.state);
            }}
            data-testid={`wish-move-${option}`}
          >
            {t(`party.wishMove.${option}`)}
          </button>
        ))}
      </div>
      {kind ? (
        <WishMoveForm
          key={kind}
          kind={kind}
          working={move.working}
          error={move.error}
          onCancel={() => setKind(null)}
          onSubmit={(request) =>
            void move
              .run({ wishId: wish.id, expectedState: seen ?? wish.state, move: request })
              .then((answer) => {
                if (!answer) return setSeen(wish.state);
                setKind(null);
                setDone(request.kind);
                query.refresh();
              })
          }
        />
      ) : null}
      <section className="wish-detail__events" aria-label={t('party.wishes.events')}>
        <h3>{t('party.wishes.events')}</h3>
        <ol data-testid="wish-events">
          {wish.events.map((event) => (
            <li key={event.id}>
              <span className="muted">{format.tableDateTime(event.at)}</span>{' '}
              <strong>{t(`party.wishEvent.${event.kind as 'publish'}`)}</strong> · {event.actor}
              {event.note ? <span> · {event.note}</span> : null}
            </li>
          ))}
        </ol>
      </section>
    </aside>
  );
}
