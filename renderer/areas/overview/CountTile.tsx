import { Link } from 'react-router';
import { useLocale } from '../../i18n/locale-context';
import { type Signal, SignalIcon } from '../../icons/SignalIcon';

export type CountKey = 'newToday' | 'open' | 'overdue' | 'nearDue' | 'closedToday';

const SIGNAL_OF: Record<CountKey, Signal> = {
  newToday: 'new',
  open: 'open',
  overdue: 'overdue',
  nearDue: 'nearDue',
  closedToday: 'closed',
};

/**
 * One of today's counts. Overdue is red and near due amber, each with its word and icon;
 * the rest are neutral. Every number opens: the tile links to the board filtered to it.
 */
export function CountTile({ countKey, value }: { countKey: CountKey; value: number }) {
  const { t, format } = useLocale();
  const alarming = value > 0 && (countKey === 'overdue' || countKey === 'nearDue');
  return (
    <Link
      to={`/cases?count=${countKey}`}
      className={`count-tile count-tile--${countKey}${alarming ? ' count-tile--alarming' : ''}`}
      title={t('overview.countOpensCases')}
    >
      <span className="count-tile__label">
        <SignalIcon signal={SIGNAL_OF[countKey]} />
        {t(`overview.count.${countKey}`)}
      </span>
      <span className="count-tile__figure">
        <span className="count-tile__value" data-testid={`count-${countKey}`}>
          {format.count(value)}
        </span>
        <span className="count-tile__unit">{t('overview.countUnit')}</span>
      </span>
    </Link>
  );
}
