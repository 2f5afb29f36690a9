import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import type { BoardFiltersInput } from '../../../api/contract';
import type { CaseState } from '../../../core/glossary';
import { useLocale } from '../../i18n/locale-context';
import { CaseCardView } from './CaseCardView';
import { usePagedCases, type PagedCases } from './usePagedCases';

const CARD_HEIGHT = 84;

/** One state's column: its count, then its cards by due time, virtualised (10,000 stay smooth). */
export function BoardColumn({
  state,
  filters,
  now,
  selectedIndex,
  onSelect,
  onOpen,
  onList,
}: {
  state: CaseState;
  filters: BoardFiltersInput;
  now: number;
  /** The keyboard's selected row in this column (brought into view), if any. */
  selectedIndex: number | null;
  onSelect(id: number): void;
  onOpen(id: number): void;
  /** Hands the column's list up, so the keyboard can walk it. */
  onList(state: CaseState, list: PagedCases): void;
}) {
  const { t, format } = useLocale();
  const [hovered, setHovered] = useState(false);
  const list = usePagedCases(
    { states: [state], filters, sort: 'due' },
    { pageSize: 50, frozen: hovered },
  );
  const scroller = useRef<HTMLDivElement>(null);
  const total = list.total ?? 0;
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => CARD_HEIGHT,
    overscan: 6,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  const { requestRange } = list;
  useEffect(() => {
    if (total > 0) requestRange(first, last);
  }, [first, last, total, requestRange, list.version]);
  useEffect(() => {
    onList(state, list);
  });
  useEffect(() => {
    if (selectedIndex != null && selectedIndex < total)
      virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, total, virtualizer]);

  return (
    <section
      className="board-column"
      aria-label={t(`caseState.${state}`)}
      data-testid={`column-${state}`}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
    >
      <header className={`board-column__head board-column__head--${state}`}>
        <span className="board-column__title">{t(`caseState.${state}`)}</span>
        <span className="board-column__count" data-testid={`column-count-${state}`}>
          {list.total == null ? '…' : format.count(list.total)}
        </span>
      </header>
      {list.pending > 0 ? (
        <div className="board-column__paused">
          {t('cases.column.paused', { count: list.pending })}
        </div>
      ) : null}
      <div
        ref={scroller}
        className="board-column__scroll"
        role="listbox"
        aria-label={t(`caseState.${state}`)}
      >
        {list.total === 0 ? (
          <div className="board-column__empty">{t('cases.column.empty')}</div>
        ) : null}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = list.rowAt(item.index);
            return (
              <div
                key={item.key}
                className="board-column__slot"
                style={{ transform: `translateY(${item.start}px)`, height: CARD_HEIGHT }}
              >
                {row ? (
                  <CaseCardView
                    row={row}
                    now={now}
                    selected={item.index === selectedIndex}
                    onOpen={onOpen}
                    onSelect={onSelect}
                  />
                ) : (
                  <div className="case-card case-card--placeholder" aria-hidden="true" />
                )}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
