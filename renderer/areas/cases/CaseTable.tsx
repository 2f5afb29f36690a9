import { useEffect, useState } from 'react';
import type { BoardFiltersInput } from '../../../api/contract';
import type { CaseState } from '../../../core/glossary';
import { useLocale } from '../../i18n/locale-context';
import type { BoardSort } from './board-url';
import { CaseMarks, placeLabel } from './CaseMarks';
import { ClockBadge } from './ClockBadge';
import { usePagedCases } from './usePagedCases';
import { useVirtualList } from '../../ui/useVirtualList';

const ROW_HEIGHT = 32;

/** 表格: every matching case, one dense 32 px row each, virtualised; arrows and Enter work. */
export function CaseTable({
  states,
  filters,
  sort,
  now,
  onOpen,
}: {
  states: readonly CaseState[];
  filters: BoardFiltersInput;
  sort: BoardSort;
  now: number;
  onOpen(id: number): void;
}) {
  const { t, format } = useLocale();
  const [hovered, setHovered] = useState(false);
  const list = usePagedCases({ states, filters, sort }, { pageSize: 100, frozen: hovered });
  const {
    scroller,
    items,
    totalSize,
    cursor: selected,
    setCursor: setSelected,
    onKeyDown,
  } = useVirtualList({
    total: list.total ?? 0,
    rowHeight: ROW_HEIGHT,
    overscan: 12,
    requestRange: list.requestRange,
    version: list.version,
    queryKey: JSON.stringify([states, filters, sort]),
    onEnter: (index) => {
      const row = list.rowAt(index);
      if (row) onOpen(row.id);
    },
  });
  useEffect(() => scroller.current?.focus({ preventScroll: true }), [scroller]);

  return (
    <div className="case-table" data-testid="case-table">
      <div className="case-table__meta">
        {list.total == null
          ? '…'
          : list.more
            ? t('cases.table.more', { count: format.count(list.loadedCount) })
            : t('cases.table.total', { count: format.count(list.total) })}
        {list.searchTruncated ? (
          <span className="muted"> · {t('cases.searchTruncated')}</span>
        ) : null}
        {list.pending > 0 ? (
          <span className="muted"> · {t('cases.column.paused', { count: list.pending })}</span>
        ) : null}
      </div>
      <div className="case-table__row case-table__row--head" role="row">
        <span role="columnheader">{t('cases.table.caseNo')}</span>
        <span role="columnheader">{t('cases.table.state')}</span>
        <span role="columnheader">{t('cases.table.category')}</span>
        <span role="columnheader">{t('cases.table.place')}</span>
        <span role="columnheader">{t('cases.table.address')}</span>
        <span role="columnheader">{t('cases.table.unit')}</span>
        <span role="columnheader">{t('cases.table.reportedAt')}</span>
        <span role="columnheader">{t('cases.table.clock')}</span>
        <span role="columnheader">{t('cases.table.marks')}</span>
      </div>
      <div
        ref={scroller}
        className="case-table__scroll"
        tabIndex={0}
        role="grid"
        onKeyDown={onKeyDown}
        onMouseEnter={() => setHovered(true)}
        onMouseLeave={() => setHovered(false)}
      >
        {list.total === 0 ? (
          <div className="board-column__empty">{t('cases.column.empty')}</div>
        ) : null}
        <div style={{ height: totalSize, position: 'relative' }}>
          {items.map((item) => {
            const row = list.rowAt(item.index);
            return (
              <div
                key={item.key}
                role="row"
                className={`case-table__row${item.index === selected ? ' case-table__row--selected' : ''}`}
                style={{ transform: `translateY(${item.start}px)` }}
                data-testid={row ? 'case-row' : undefined}
                data-case-id={row?.id}
                onClick={() => {
                  setSelected(item.index);
                  if (row) onOpen(row.id);
                }}
              >
                {row ? (
                  <>
                    <span className="mono">
                      <button type="button" className="link-button" onClick={() => onOpen(row.id)}>
                        {row.caseNo}
                      </button>
                    </span>
                    <span>{t(`caseState.${row.state}`)}</span>
                    <span className="clip" title={row.categoryName}>
                      {row.categoryName}
                    </span>
                    <span className="clip">{placeLabel(row.communityName, row.gridName)}</span>
                    <span className="clip" title={row.address ?? ''}>
                      {row.address}
                    </span>
                    <span className="clip">
                      {row.leadUnitName ?? (
                        <span className="muted">{t('cases.detail.noUnit')}</span>
                      )}
                    </span>
                    <span className="muted">{format.tableDateTime(row.reportedAt)}</span>
                    <span>
                      <ClockBadge row={row} now={now} />
                    </span>
                    <span>
                      <CaseMarks row={row} />
                    </span>
                  </>
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
