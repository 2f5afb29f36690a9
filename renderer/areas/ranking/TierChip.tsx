import type { Tier } from '../../../core/ranking/weight-set';
import { useT } from '../../i18n/locale-context';

/** A tier as its colour and its word together (docs/design/UI.md: never colour alone). */
export function TierChip({ tier, large = false }: { tier: Tier | null; large?: boolean }) {
  const t = useT();
  if (tier === null) return <span className="muted">{t('ranking.unranked')}</span>;
  return (
    <span
      className={`tier-chip tier-chip--${tier}${large ? ' tier-chip--large' : ''}`}
      data-tier={tier}
    >
      <span className="tier-chip__swatch" aria-hidden="true" />
      {t(`tier.${tier}`)}
    </span>
  );
}
