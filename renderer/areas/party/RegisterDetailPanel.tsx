/**
 * One register row beside its table (issue 14): every field, its figures (a member's or
 * unit's service hours this year), the rows it is linked to (a unit's members, a need's
 * projects, a project's needs and resources: each opens), its history, and what may be done
 * now: 双向点单 from a need or a resource, a project's moves.
 */
import type { RegisterItem } from '../../../api/contract';
import {
  REGISTER_COLUMNS,
  type Register,
  type RegisterColumn,
} from '../../../core/party/registers';
import { useApiQuery } from '../../api/useApiQuery';
import { useLocale } from '../../i18n/locale-context';
import { ErrorState } from '../../states/ErrorState';
import { LoadingState } from '../../states/LoadingState';
import { ProjectMoves } from './ProjectMoves';
import { cellText } from './register-cells';
import { registerKey } from './register-messages';

const REFRESH_ON = ['data.changed'] as const;

/** A project's dates and how it was ordered, shown in its detail beyond the table's columns. */
const PROJECT_EXTRAS: RegisterColumn[] = [
  { key: 'orderedBy', kind: 'enum', width: 1 },
  { key: 'plannedStart', kind: 'day', width: 1 },
  { key: 'actualStart', kind: 'day', width: 1 },
  { key: 'actualEnd', kind: 'day', width: 1 },
];

export function RegisterDetailPanel({
  register,
  id,
  mayOrder,
  onClose,
  onOpenRow,
  onOrder,
}: {
  register: Register;
  id: number;
  mayOrder: boolean;
  onClose(): void;
  onOpenRow(register: Register, id: number): void;
  onOrder(item: RegisterItem): void;
}) {
  const { t, format } = useLocale();
  const query = useApiQuery(
    'party.registerItem',
    { register, id },
    { refreshOn: REFRESH_ON, debounceMs: 100 },
  );
  const item = query.data;
  if (!item || item.register !== register || item.row.id !== id)
    return (
      <aside className="register-detail" data-testid="register-detail">
        {query.error ? (
          <ErrorState error={query.error} onRetry={query.refresh} />
        ) : (
          <LoadingState />
        )}
      </aside>
    );
  const row = item.row;
  const columns = [
    ...REGISTER_COLUMNS[register],
    ...(register === 'projects' ? PROJECT_EXTRAS : []),
  ];
  const heading = String(row.title ?? row.name ?? row.theme ?? row.activity ?? row.code ?? id);
  const orderable =
    mayOrder && ((register === 'needs' && row.status !== 'closed') || register === 'resources');

  return (
    <aside className="register-detail" data-testid="register-detail" aria-label={heading}>
      <header className="wish-detail__head">
        <div>
          {row.code ? <code data-testid="register-code">{String(row.code)}</code> : null}{' '}
          {row.status ? (
            <span className="state-chip" data-testid="register-status">
              {t(registerKey('party.value', String(row.status)))}
            </span>
          ) : null}
          {row.overdue ? (
            <span className="state-chip register-overdue">{t('party.project.overdue')}</span>
          ) : null}
          <h2 className="wish-detail__title">{heading}</h2>
        </div>
        <button type="button" className="button button--quiet" onClick={onClose}>
          {t('party.reg.close')} <kbd>Esc</kbd>
        </button>
      </header>
      <dl className="register-detail__fields">
        {columns
          .filter((c) => c.key !== 'code' && c.key !== 'status')
          .map((c) => (
            <div key={c.key}>
              <dt>{t(registerKey('party.col', c.key))}</dt>
              <dd>{cellText(c, row[c.key], t, format)}</dd>
            </div>
          ))}
        {item.facts.map((fact) => (
          <div key={fact.key}>
            <dt>{t(registerKey('party.col', fact.key))}</dt>
            <dd data-testid={`fact-${fact.key}`}>{fact.value}</dd>
          </div>
        ))}
      </dl>
      {item.personalDataMasked ? <p className="muted">{t('party.reg.masked')}</p> : null}
      {orderable ? (
        <button
          type="button"
          className="button button--primary"
          onClick={() => onOrder(item)}
          data-testid="register-order"
        >
          {t(register === 'needs' ? 'party.order.fromNeed' : 'party.order.fromResource')}
        </button>
      ) : null}
      {register === 'projects' ? <ProjectMoves item={item} onMoved={query.refresh} /> : null}
      {item.related.map((related) => (
        <section key={related.relation} className="register-detail__related">
          <h3>
            {t(registerKey('party.relation', related.relation))}{' '}
            <span className="muted">{format.count(related.total)}</span>
          </h3>
          <ul data-testid={`related-${related.relation}`}>
            {related.rows.map((r) => (
              <li key={r.id}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onOpenRow(related.register, r.id)}
                >
                  {[r.code, r.title ?? r.name ?? r.activity, r.servedOn].filter(Boolean).join(' ')}
                </button>
                {r.status ? (
                  <span className="muted">
                    {' '}
                    · {t(registerKey('party.value', String(r.status)))}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
          {related.total > related.rows.length ? (
            <p className="muted">
              {t('party.reg.more', { count: related.total - related.rows.length })}
            </p>
          ) : null}
        </section>
      ))}
      <section className="register-detail__related">
        <h3>{t('party.reg.history')}</h3>
        {item.events.length === 0 ? (
          <p className="muted">{t('party.reg.noHistory')}</p>
        ) : (
          <ol className="wish-events" data-testid="register-events">
            {item.events.map((event) => (
              <li key={event.id}>
                <span className="muted">{format.tableDateTime(event.at)}</span>{' '}
                <strong>{t(registerKey('party.event', event.kind))}</strong> {event.actor}
                {event.note ? <span> · {event.note}</span> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </aside>
  );
}
