/**
 * 本周党建 (issue 14): this ISO week's party-building figures for the whole street, beside
 * the case figures: members who served, small wishes past their clock, projects open past
 * their end, volunteer activities. Opens the 党建引领 area.
 */
import { Link } from 'react-router';
import { periodContaining } from '../../../core/ranking/periods';
import { useApiQuery } from '../../api/useApiQuery';
import { useLocale } from '../../i18n/locale-context';
import { ErrorState } from '../../states/ErrorState';
import { LoadingState } from '../../states/LoadingState';
import { useNow } from '../../time/useNow';
import { Panel } from '../../ui/Panel';

const LIVE = ['data.changed'] as const;

export function PartyWeekPanel() {
  const { t, format } = useLocale();
  const now = useNow(60_000);
  const week = periodContaining('week', now).key;
  const query = useApiQuery(
    'party.figures',
    { period: week, level: 'community' },
    { refreshOn: LIVE },
  );
  const totals = query.data?.totals;
  let body;
  if (totals) {
    const tiles: [string, number, boolean][] = [
      ['overview.party.active', totals.membersActive, false],
      ['overview.party.hours', Math.round(totals.serviceHours), false],
      ['overview.party.wishesOverdue', totals.wishesOverdue, totals.wishesOverdue > 0],
      ['overview.party.projectsOverdue', totals.projectsOverdue, totals.projectsOverdue > 0],
      ['overview.party.activities', totals.activities, false],
    ];
    body = (
      <dl className="party-week" data-testid="party-week">
        {tiles.map(([key, value, alarm]) => (
          <div key={key} className={`party-week__tile${alarm ? ' party-week__tile--alarm' : ''}`}>
            <dt>{t(key as 'overview.party.active')}</dt>
            <dd>{format.count(value)}</dd>
          </div>
        ))}
      </dl>
    );
  } else if (query.error) {
    body = <ErrorState error={query.error} onRetry={query.refresh} />;
  } else {
    body = <LoadingState compact />;
  }
  return (
    <Panel
      title={t('overview.party.title')}
      testId="panel-party-week"
      meta={<Link to="/party">{t('overview.party.open')}</Link>}
    >
      {body}
    </Panel>
  );
}
