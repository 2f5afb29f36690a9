import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { BoardFiltersInput } from '../../../api/contract';
import { OPEN_STATES as OPEN_BOARD_STATES } from '../../../core/cases/case-states';
import type { CaseState } from '../../../core/glossary';
import { useT } from '../../i18n/locale-context';
import { BoardColumn } from './BoardColumn';
import type { PagedCases } from './usePagedCases';

interface Selection {
  state: CaseState;
  index: number;
}

/** 看板: a column per open state; arrows walk the cards, Enter opens one. */
export function BoardView({
  filters,
  now,
  onOpen,
}: {
  filters: BoardFiltersInput;
  now: number;
  onOpen(id: number): void;
}) {
  const t = useT();
  const lists = useRef(new Map<CaseState, PagedCases>());
  const [selection, setSelection] = useState<Selection | null>(null);
  const board = useRef<HTMLDivElement>(null);
  // The arrows work at once: the board takes the focus when it opens.
  useEffect(() => board.current?.focus({ preventScroll: true }), []);
  const onList = useCallback(
    (state: CaseState, list: PagedCases) => lists.current.set(state, list),
    [],
  );

  const select = (state: CaseState, id: number) => {
    const list = lists.current.get(state);
    const total = Math.min(list?.total ?? 0, 5000);
    for (let index = 0; index < total; index++) {
      if (list?.rowAt(index)?.id === id) return setSelection({ state, index });
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const columns = OPEN_BOARD_STATES.filter((s) => (lists.current.get(s)?.total ?? 0) > 0);
    if (columns.length === 0) return;
    const current =
      selection && columns.includes(selection.state)
        ? selection
        : { state: columns[0]!, index: -1 };
    const total = lists.current.get(current.state)?.total ?? 0;
    const col = columns.indexOf(current.state);
    if (event.key === 'Enter') {
      const id = lists.current.get(current.state)?.rowAt(current.index)?.id;
      if (id != null) {
        event.preventDefault();
        onOpen(id);
      }
      return;
    }
    let next: Selection;
    if (event.key === 'ArrowDown')
      next = { state: current.state, index: Math.min(total - 1, current.index + 1) };
    else if (event.key === 'ArrowUp')
      next = { state: current.state, index: Math.max(0, current.index - 1) };
    else if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      const to =
        columns[
          Math.min(columns.length - 1, Math.max(0, col + (event.key === 'ArrowRight' ? 1 : -1)))
        ]!;
      const toTotal = lists.current.get(to)?.total ?? 0;
      next = { state: to, index: Math.min(toTotal - 1, Math.max(0, current.index)) };
    } else return;
    event.preventDefault();
    setSelection(next);
  };

  return (
    <div
      ref={board}
      className="board"
      tabIndex={0}
      onKeyDown={onKeyDown}
      aria-label={t('cases.keys.hint')}
      data-testid="case-board"
    >
      {OPEN_BOARD_STATES.map((state) => (
        <BoardColumn
          key={state}
          state={state}
          filters={filters}
          now={now}
          selectedIndex={selection?.state === state ? selection.index : null}
          onSelect={(id) => select(state, id)}
          onOpen={onOpen}
          onList={onList}
        />
      ))}
    </div>
  );
}
