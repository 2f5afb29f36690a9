import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { RowIssue } from '../../../api/contract';
import { useLocale } from '../../i18n/locale-context';

const ROW_HEIGHT = 32;

/** Every problem by row and column, as Excel numbers rows; virtualised (there may be thousands). */
export function ProblemTable({ problems }: { problems: RowIssue[] }) {
  const { t, locale } = useLocale();
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer's answers are read fresh each render; nothing here is memoised on them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: problems.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  return (
    <div
      className="exchange__problems"
      role="table"
      aria-rowcount={problems.length + 1}
      data-testid="problem-table"
    >
      <div className="exchange__problem exchange__problem--head" role="row">
        <span role="columnheader">{t('exchange.result.column.row')}</span>
        <span role="columnheader">{t('exchange.result.column.column')}</span>
        <span role="columnheader">{t('exchange.result.column.value')}</span>
        <span role="columnheader">{t('exchange.result.column.problem')}</span>
      </div>
      <div
        ref={scroller}
        className="exchange__problems-scroll"
        style={{ height: Math.min(problems.length, 12) * ROW_HEIGHT + 2 }}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const problem = problems[item.index]!;
            const message = locale === 'zh-CN' ? problem.message.zh : problem.message.en;
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                className="exchange__problem"
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: ROW_HEIGHT,
                  transform: `translateY(${item.start}px)`,
                }}
                data-testid="problem-row"
              >
                <span role="cell" className="exchange__problem-row">
                  {problem.row}
                </span>
                <span role="cell" title={problem.column}>
                  {problem.column}
                </span>
                <span role="cell" className="data-table__code" title={problem.value}>
                  {problem.value}
                </span>
                <span role="cell" title={message}>
                  {message}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
