import { Link } from 'react-router';
import { periodContaining } from '../../../core/ranking/periods';
import { TIERS } from '../../../core/ranking/weight-set';
import { useApiQuery } from '../../api/useApiQuery';
import { useLocale } from '../../i18n/locale-context';
import { ErrorState } from '../../states/ErrorState';
import { LoadingState } from '../../states/LoadingState';
import { useNow } from '../../time/useNow';
import { periodLabel } from '../ranking/figures';
import './community-tiers.css';
import { Panel } from '../../ui/Panel';

const LIVE = ['cases.changed', 'data.changed'] as const;

/**
 * 本月社区分级: this month's tier of every community, as the ranking computes it up to now
 * (a case counts once its deadline has come or it was closed). Opens the monthly ranking.
 */
export function CommunityTiersPanel() {
  const { t, format } = useLocale();
  const now = useNow(60_000);
  const month = periodContaining('month', now).key;
  const ranking = useApiQuery(
    'ranking.compute',
    { period: month, level: 'community' },
    { refreshOn: LIVE },
  );
  const data = ranking.data;
  let body;
  if (data) {
    const unranked = data.rows.filter((r) => r.tier === null).length;
    body =
      data.rows.length === 0 ? (
        <p className="tiers-panel__text">{t('ranking.overview.noCommunities')}</p>
      ) : (
        <>
          <ul className="tiers-panel__tiers">
            {TIERS.map((tier) => {
              const rows = data.rows.filter((r) => r.tier === tier);
              return (
                <li key={tier} className="tiers-panel__tier" data-testid={`tier-count-${tier}`}>
                  <span className={`tier-chip tier-chip--${tier}`}>
                    <span className="tier-chip__swatch" aria-hidden="true" />
                    {t(`tier.${tier}`)}
                  </span>
                  <strong className="tiers-panel__count">
                    {t('ranking.overview.count', { n: format.count(rows.length) })}
                  </strong>
                  <span
                    className="tiers-panel__names"
                    title={rows.map((r) => r.unitName).join('、')}
                  >
                    {rows.map((r) => r.unitName).join('、')}
                  </span>
                </li>
              );
            })}
          </ul>
          {unranked > 0 ? (
            <p className="tiers-panel__text">{t('ranking.overview.unranked', { n: unranked })}</p>
          ) : null}
        </>
      );
  } else if (ranking.error) {
    body = <ErrorState error={ranking.error} onRetry={ranking.refresh} />;
  } else {
    body = <LoadingState compact />;
  }
  return (
    <Panel
      title={t('overview.tiers.title')}
      className="tiers-panel"
      testId="community-tiers"
      meta={t('ranking.overview.meta', { period: periodLabel(t, month) })}
    >
      {body}
      <p className="tiers-panel__link">
        <Link to={`/ranking?month=${month}`}>{t('ranking.overview.open')} →</Link>
      </p>
    </Panel>
  );
}
