/**
 * The one virtualised list of the app's long tables and columns (a board column, the case
 * table, a register's table): only the rows in view are drawn, the pages behind them asked
 * for as they come into view, and a keyboard cursor (↑↓ PgUp PgDn Home End, Enter opens)
 * that scrolls the row it moves to into view.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

export function useVirtualList({
  total,
  rowHeight,
  overscan,
  requestRange,
  onEnter,
  version,
  queryKey,
}: {
  total: number;
  rowHeight: number;
  overscan: number;
  /** Load the rows of [first, last] (inclusive) now in view. */
  requestRange(first: number, last: number): void;
  /** Enter on the row under the cursor. */
  onEnter?(index: number): void;
  /** Changes when the loaded rows were replaced (ask for the rows in view again). */
  version?: number;
  /** The query shown (search, filters): a new one puts the cursor back before the first row. */
  queryKey: string;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  // The cursor belongs to the query it was moved in: after a new search, Enter cannot open a
  // row the user never picked.
  const [placed, setPlaced] = useState({ queryKey, index: -1 });
  const cursor = placed.queryKey === queryKey ? placed.index : -1;
  const setCursor = (index: number) => setPlaced({ queryKey, index });
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (total > 0) requestRange(first, last);
  }, [first, last, total, requestRange, version]);

  const moveTo = (index: number) => {
    const clamped = Math.max(0, Math.min(total - 1, index));
    setCursor(clamped);
    virtualizer.scrollToIndex(clamped, { align: 'auto' });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'ArrowDown') moveTo(cursor + 1);
    else if (event.key === 'ArrowUp') moveTo(cursor - 1);
    else if (event.key === 'PageDown') moveTo(cursor + 15);
    else if (event.key === 'PageUp') moveTo(cursor - 15);
    else if (event.key === 'Home') moveTo(0);
    else if (event.key === 'End') moveTo(total - 1);
    else if (event.key === 'Enter' && onEnter && cursor >= 0) onEnter(cursor);
    else return;
    event.preventDefault();
  };
  return { scroller, items, totalSize: virtualizer.getTotalSize(), cursor, setCursor, onKeyDown };
}
