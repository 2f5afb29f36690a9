/**
 * A register's table: every matching row, one dense 32 px row each, virtualised so a city's
 * 143,000 members scroll as smoothly as a street's 2,600; ↑↓ PgUp PgDn move, Enter opens.
 */
import { REGISTER_COLUMNS, type Register } from '../../../core/party/registers';
import { useLocale } from '../../i18n/locale-context';
import { ErrorState } from '../../states/ErrorState';
import { useVirtualList } from '../../ui/useVirtualList';
import { cellText } from './register-cells';
import { registerKey } from './register-messages';
import type { useRegisterRows } from './useRegisterRows';

const ROW_HEIGHT = 32;

export function RegisterTable({
  register,
  list,
  selectedId,
  onOpen,
}: {
  register: Register;
  list: ReturnType<typeof useRegisterRows>;
  selectedId: number | null;
  onOpen(id: number): void;
}) {
  const { t, format } = useLocale();
  const columns = REGISTER_COLUMNS[register];
  const template = columns.map((c) => `minmax(0, ${c.width}fr)`).join(' ');
  const { scroller, items, totalSize, cursor, setCursor, onKeyDown } = useVirtualList({
    total: list.total ?? 0,
    rowHeight: ROW_HEIGHT,
    overscan: 12,
    requestRange: list.requestRange,
    queryKey: list.key,
    onEnter: (index) => {
      const row = list.rowAt(index);
      if (row) onOpen(row.id);
    },
  });

  if (list.error && list.total == null)
    return <ErrorState error={list.error} onRetry={list.refresh} />;
  return (
    <div className="register-table" data-testid="register-table">
      <div className="register-table__meta">
        {list.total == null ? '…' : t('party.reg.total', { count: format.count(list.total) })}
        {list.masked ? <span className="muted"> · {t('party.reg.masked')}</span> : null}
      </div>
      <div
        className="register-table__row register-table__row--head"
        role="row"
        style={{ gridTemplateColumns: template }}
      >
        {columns.map((c) => (
          <span key={c.key} role="columnheader" className={alignOf(c.kind)}>
            {t(registerKey('party.col', c.key))}
          </span>
        ))}
      </div>
      <div
        ref={scroller}
        className="register-table__scroll"
        tabIndex={0}
        role="grid"
        aria-label={t(registerKey('party.tab', register))}
        onKeyDown={onKeyDown}
        data-testid="register-grid"
      >
        {list.total === 0 ? (
          <div className="board-column__empty">{t('party.reg.empty')}</div>
        ) : null}
        <div style={{ height: totalSize, position: 'relative' }}>
          {items.map((item) => {
            const row = list.rowAt(item.index);
            const classes = ['register-table__row'];
            if (item.index === cursor) classes.push('register-table__row--cursor');
            if (row && row.id === selectedId) classes.push('register-table__row--selected');
            if (row?.overdue) classes.push('register-table__row--overdue');
            return (
              <div
                key={item.key}
                role="row"
                className={classes.join(' ')}
                style={{ transform: `translateY(${item.start}px)`, gridTemplateColumns: template }}
                data-testid={row ? 'register-row' : undefined}
                data-row-id={row?.id}
                onClick={() => {
                  setCursor(item.index);
                  if (row) onOpen(row.id);
                }}
              >
                {row ? (
                  columns.map((c) => {
                    const text = cellText(c, row[c.key], t, format);
                    return (
                      <span key={c.key} className={`clip ${alignOf(c.kind)}`} title={text}>
                        {c.key === 'status' && row.overdue ? (
                          <span className="register-overdue-text">
                            {t('party.project.overdue')} · {text}
                          </span>
                        ) : (
                          text
                        )}
                      </span>
                    );
                  })
                ) : (
                  <span className="muted">…</span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function alignOf(kind: string): string {
  return kind === 'fen' || kind === 'count' || kind === 'hours' ? 'num' : '';
}
