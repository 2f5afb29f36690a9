import { useT } from '../../i18n/locale-context';

const TIERS = ['blue', 'yellow', 'red'] as const;

/** 本月社区分级: arrives with the monthly ranking; until then it says so, with no sample data. */
export function CommunityTiersPanel() {
  const t = useT();
  return (
    <section
      className="panel tiers-panel"
      aria-labelledby="tiers-title"
      data-testid="community-tiers"
    >
      <div className="panel__head">
        <h2 id="tiers-title" className="panel__title">
          {t('overview.tiers.title')}
        </h2>
        <span className="badge badge--muted">{t('notBuilt.badge')}</span>
      </div>
      <p className="tiers-panel__text">{t('overview.tiers.notBuilt')}</p>
      <div className="tiers-panel__legend" aria-label={t('overview.tiers.legend')}>
        {TIERS.map((tier) => (
          <span key={tier} className={`tier-chip tier-chip--${tier}`}>
            <span className="tier-chip__swatch" aria-hidden="true" />
            {t(`tier.${tier}`)}
          </span>
        ))}
      </div>
    </section>
  );
}
