import { memo, useEffect, useRef, useState } from 'react';
import type { CaseCard } from '../../../api/contract';
import { caseClock } from '../../../core/cases/case-clock';
import { useLocale } from '../../i18n/locale-context';
import { ClockBadge } from './ClockBadge';
import { CaseMarks, placeLabel } from './CaseMarks';

/**
 * One case on the board: category, place, age, its countdown, and the 吹/督/返 marks. A card
 * whose clock runs out while it is on screen flashes once.
 */
export const CaseCardView = memo(function CaseCardView({
  row,
  now,
  selected,
  onOpen,
  onSelect,
}: {
  row: CaseCard;
  now: number;
  selected: boolean;
  onOpen(id: number): void;
  onSelect(id: number): void;
}) {
  const { t, format } = useLocale();
  const state = caseClock(row, now).main;
  const overdue = state != null && 'remainingMs' in state && state.state === 'overdue';
  const wasOverdue = useRef(overdue);
  const [flash, setFlash] = useState(false);
  useEffect(() => {
    if (overdue && !wasOverdue.current) {
      setFlash(true);
      const timer = setTimeout(() => setFlash(false), 2400);
      wasOverdue.current = overdue;
      return () => clearTimeout(timer);
    }
    wasOverdue.current = overdue;
  }, [overdue]);
  const place = placeLabel(row.communityName, row.gridName);
  const clockClass = state && 'remainingMs' in state ? ` case-card--${state.state.replace('_', '-')}` : '';
  return (
    <div
      className={`case-card${clockClass}${selected ? ' case-card--selected' : ''}${flash ? ' case-card--flash' : ''}`}
      role="option"
      aria-selected={selected}
      data-testid="case-card"
      data-case-id={row.id}
      data-case-no={row.caseNo}
      onClick={() => onSelect(row.id)}
      onDoubleClick={() => onOpen(row.id)}
    >
      <div className="case-card__line">
        <span className="case-card__category" title={row.categoryName}>
          {row.categoryName}
        </span>
        <CaseMarks row={row} />
      </div>
      <div className="case-card__place" title={[place, row.address].filter(Boolean).join(' · ')}>
        {place || <span className="muted">{t('cases.card.noPlace')}</span>}
        {row.address ? <span className="muted"> · {row.address}</span> : null}
      </div>
      <div className="case-card__line case-card__foot">
        <ClockBadge row={row} now={now} />
        <span className="case-card__age" title={format.tableDateTime(row.reportedAt)}>
          {t('cases.card.age', { duration: format.duration(now - row.reportedAt) })}
        </span>
      </div>
      <button type="button" className="case-card__open" onClick={() => onOpen(row.id)} aria-label={row.caseNo} tabIndex={-1}>
        {row.caseNo.slice(-5)}
      </button>
    </div>
  );
});
