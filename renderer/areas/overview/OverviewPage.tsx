import { useApiQuery } from '../../api/useApiQuery';
import { useAppInfo } from '../../frame/app-info-context';
import { useLocale } from '../../i18n/locale-context';
import { ErrorState } from '../../states/ErrorState';
import { LoadingState } from '../../states/LoadingState';
import { useNow } from '../../time/useNow';
import { CommunityTiersPanel } from './CommunityTiersPanel';
import { PartyWeekPanel } from './PartyWeekPanel';
import { type CountKey, CountTile } from './CountTile';
import { OldestOverdueTable } from './OldestOverdueTable';
import { PageShell } from '../../ui/PageShell';

const COUNT_KEYS: readonly CountKey[] = ['newToday', 'open', 'overdue', 'nearDue', 'closedToday'];
const COUNTS_INPUT = { oldestLimit: 10 };
const REFRESH_ON = ['cases.changed', 'data.changed'] as const;

/** 工作台: today's counts, the oldest overdue cases, and (later) this month's tiers. */
export function OverviewPage() {
  const { t, format } = useLocale();
  const appInfo = useAppInfo().data;
  const counts = useApiQuery('overview.counts', COUNTS_INPUT, { refreshOn: REFRESH_ON });
  const localNow = useNow(30_000);

  // Overdue spans run on the server's clock: its `asOf` plus the time since the answer came.
  const measuredAt = counts.data
    ? counts.data.asOf + Math.max(0, localNow - (counts.receivedAt ?? localNow))
    : 0;

  const data = counts.data;
  let main;
  if (data) {
    main = (
      <>
        {counts.error ? (
          <p className="stale-warning" role="status">
            {t('state.staleWarning', { time: format.clockTime(data.asOf) })}
          </p>
        ) : null}
        <div className="count-tiles">
          {COUNT_KEYS.map((key) => (
            <CountTile key={key} countKey={key} value={data[key]} />
          ))}
        </div>
        <OldestOverdueTable
          cases={data.oldestOverdue}
          totalOverdue={data.overdue}
          now={measuredAt}
        />
      </>
    );
  } else if (counts.error) {
    main = <ErrorState error={counts.error} onRetry={counts.refresh} />;
  } else {
    main = <LoadingState />;
  }

  return (
    <PageShell
      className="overview"
      testId="area-overview"
      title={t('area.overview.title')}
      subtitle={
        appInfo
          ? t('overview.subtitle', {
              communities: format.count(appInfo.communities),
              grids: format.count(appInfo.grids),
              cases: format.count(appInfo.cases),
            })
          : null
      }
      toolbar={
        counts.data ? (
          <span className="updated-at" data-testid="updated-at" title={t('overview.liveHint')}>
            <span className="updated-at__dot" aria-hidden="true" />
            {t('overview.updatedAt', { time: format.clockTime(counts.data.asOf) })}
          </span>
        ) : null
      }
    >
      <div className="overview__layout">
        <div className="overview__main">{main}</div>
        <aside className="overview__side">
          <CommunityTiersPanel />
          <PartyWeekPanel />
        </aside>
      </div>
    </PageShell>
  );
}
