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
  const clockClass =
    state && 'remainingMs' in state ? ` case-card--${state.state.replace('_', '-')}` : '';
  return (
    <div
      className={`case-card${clockClass}${selected ? ' case-card--selected' : ''}${flash ? ' case-card--flash' : ''}`}
      role="option"
      aria-selected={selected}
      data-testid="case-card"
      data-case-id={row.id}
      data-case-no={row.caseNo}
      title={row.caseNo}
      onClick={() => {
        onSelect(row.id);
        onOpen(row.id);
      }}
    >
      <div className="case-card__line">
        <span className="case-card__category" title={row.categoryName}>
          {row.categoryName}
        </span>
        <CaseMarks row={row} />
      </div>
      <div className="case-card__line case-card__place">
        <span className="clip" title={[place, row.address].filter(Boolean).join(' · ')}>
          {place || <span className="muted">{t('cases.card.noPlace')}</span>}
        </span>
        <span
          className="case-card__age"
          title={`${t('cases.detail.reportedAt')} ${format.tableDateTime(row.reportedAt)}`}
        >
          {compactAge(now - row.reportedAt, t)}
        </span>
      </div>
      <div className="case-card__foot">
        <ClockBadge row={row} now={now} />
      </div>
    </div>
  );
});

/** 3天前 / 5小时前 / 12分钟前: the card has room for one unit only. */
function compactAge(ms: number, t: ReturnType<typeof useLocale>['t']): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes >= 1440) return t('cases.age.days', { n: Math.floor(minutes / 1440) });
  if (minutes >= 60) return t('cases.age.hours', { n: Math.floor(minutes / 60) });
  return t('cases.age.minutes', { n: minutes });
}
