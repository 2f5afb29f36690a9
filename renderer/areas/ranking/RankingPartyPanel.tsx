/**
 * 党建引领工作情况 under the ranking (issue 14): the section a bulletin or draft froze with its
 * figures, or for a live month the figures as they stand (frozen when it is published).
 */
import type { RankingResult } from '../../../api/contract';
import { useApiQuery } from '../../api/useApiQuery';
import { useLocale } from '../../i18n/locale-context';
import { ErrorState } from '../../states/ErrorState';
import { LoadingState } from '../../states/LoadingState';
import { Panel } from '../../ui/Panel';
import { PartyFiguresTable } from '../party/PartyFiguresTable';

export function RankingPartyPanel({ ranking }: { ranking: RankingResult }) {
  const { t, format } = useLocale();
  const frozen = ranking.bulletin ?? ranking.draft;
  if (frozen) {
    const at = ranking.bulletin?.publishedAt ?? ranking.draft?.createdAt ?? ranking.computedAt;
    return (
      <Panel
        title={t('party.section.title')}
        meta={ranking.party ? t('party.section.frozen', { at: format.tableDateTime(at) }) : null}
        testId="ranking-party"
      >
        {ranking.party ? (
          <PartyFiguresTable data={ranking.party} />
        ) : (
          <p className="ranking__party-none">{t('party.section.none')}</p>
        )}
      </Panel>
    );
  }
  return <LivePartyPanel period={ranking.period.key} />;
}

function LivePartyPanel({ period }: { period: string }) {
  const { t } = useLocale();
  const query = useApiQuery(
    'party.figures',
    { period, level: 'community' },
    { refreshOn: ['data.changed'] },
  );
  return (
    <Panel title={t('party.section.title')} meta={t('party.section.live')} testId="ranking-party">
      {query.data ? (
        <PartyFiguresTable data={query.data} />
      ) : query.error ? (
        <ErrorState error={query.error} onRetry={query.refresh} />
      ) : (
        <LoadingState compact />
      )}
    </Panel>
  );
}
