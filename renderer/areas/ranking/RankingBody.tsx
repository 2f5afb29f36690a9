import { useState } from 'react';
import type { RankingResult, TrendResult } from '../../../api/contract';
import type { ApiQuery } from '../../api/useApiQuery';
import { useLocale } from '../../i18n/locale-context';
import { ErrorState } from '../../states/ErrorState';
import { LoadingState } from '../../states/LoadingState';
import { DrillDownDialog } from './DrillDownDialog';
import type { DrillTarget } from './figures';
import { HonourBoard } from './HonourBoard';
import { RankingTable } from './RankingTable';
import { ScoreBars } from './ScoreBars';
import { ScoreTrend } from './ScoreTrend';
import { Panel } from '../../ui/Panel';
import { RankingPartyPanel } from './RankingPartyPanel';

/**
 * The ranking on screen: the table or the honour board, the score bars, the 12-month trend
 * and the month's 党建引领 figures.
 */
export function RankingBody({
  ranking,
  trend,
  trendQuery,
  view,
}: {
  ranking: RankingResult;
  /** A bulletin's frozen trend; otherwise the live trend query. */
  trend: TrendResult | null;
  trendQuery: Pick<ApiQuery<'ranking.trend'>, 'data' | 'error' | 'refresh'> | null;
  view: 'table' | 'board';
}) {
  const { t } = useLocale();
  const firstRanked = ranking.rows.find((r) => r.rank !== null)?.unitCode ?? null;
  const [selected, setSelected] = useState<string | null>(null);
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const highlighted = selected ?? firstRanked;
  const shownTrend = trend ?? trendQuery?.data ?? null;

  let trendPanel;
  if (shownTrend)
    trendPanel = (
      <ScoreTrend trend={shownTrend} tiers={ranking.weightSet.tiers} selected={highlighted} />
    );
  else if (trendQuery?.error)
    trendPanel = <ErrorState error={trendQuery.error} onRetry={trendQuery.refresh} />;
  else trendPanel = <LoadingState compact />;

  return (
    <div className="ranking__layout">
      <div className="ranking__main">
        {view === 'table' ? (
          <RankingTable
            ranking={ranking}
            selected={highlighted}
            onSelect={setSelected}
            onDrill={setDrill}
          />
        ) : (
          <HonourBoard ranking={ranking} onDrill={setDrill} />
        )}
      </div>
      <div className="ranking__charts">
        <Panel title={t('ranking.bars.title')} meta={t('ranking.bars.hint')}>
          <div className="ranking__chart-scroll">
            <ScoreBars ranking={ranking} onSelect={setSelected} />
          </div>
        </Panel>
        <Panel title={t('ranking.trend.title')} meta={trend ? t('ranking.trend.frozen') : null}>
          <div className="ranking__chart-pad">{trendPanel}</div>
        </Panel>
      </div>
      <div className="ranking__party">
        <RankingPartyPanel ranking={ranking} />
      </div>
      {drill ? (
        <DrillDownDialog
          target={drill}
          period={ranking.period.key}
          level={ranking.level}
          bulletinId={ranking.bulletin?.id ?? null}
          bulletinVersion={ranking.bulletin?.version ?? null}
          draftId={ranking.draft?.id ?? null}
          draftVersion={ranking.draft?.version ?? null}
          onClose={() => setDrill(null)}
        />
      ) : null}
    </div>
  );
}
