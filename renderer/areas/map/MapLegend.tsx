import type { PointClock } from '../../../api/contract';
import { useLocale } from '../../i18n/locale-context';
import { CLOCK_COLOURS } from './case-points-layer';
import type { LegendEntry, MeasureScale } from './measure-scale';

interface MapLegendProps {
  scale: MeasureScale;
  tiers: { blue: number; yellow: number };
  showCases: boolean;
  showHeat: boolean;
}

const CLOCKS: readonly PointClock[] = ['normal', 'near_due', 'overdue', 'paused'];

/** The legend over the map's corner: every colour with its words (docs/design/UI.md: never colour alone). */
export function MapLegend({ scale, tiers, showCases, showHeat }: MapLegendProps) {
  const { t } = useLocale();
  const fmt = (v: number) => (scale.decimals ? v.toFixed(1) : String(v));
  const text = (entry: LegendEntry) => {
    switch (entry.kind) {
      case 'zero':
        return t('map.legend.zero');
      case 'none':
        return scale.measure === 'tier' ? t('map.legend.noDue') : t('map.legend.none');
      case 'tier':
        return t(`map.legend.tier.${entry.tier}`, tiers);
      case 'range':
        return entry.from === entry.to ? fmt(entry.to) : `${fmt(entry.from)}–${fmt(entry.to)}`;
    }
  };
  return (
    <div className="map-legend" data-testid="map-legend">
      <div className="map-legend__title">{t(`map.measure.${scale.measure}`)}</div>
      <ul className="map-legend__list">
        {scale.legend.map((entry, i) => (
          <li key={i}>
            <span
              className="map-legend__swatch"
              style={{ background: entry.colour }}
              aria-hidden="true"
            />
            {text(entry)}
          </li>
        ))}
      </ul>
      {showCases ? (
        <>
          <div className="map-legend__title">{t('map.legend.casesTitle')}</div>
          <ul className="map-legend__list map-legend__list--clocks">
            {CLOCKS.map((clock) => (
              <li key={clock}>
                <span
                  className={`map-legend__dot map-legend__dot--${clock}`}
                  style={{
                    background: clock === 'paused' ? 'transparent' : CLOCK_COLOURS[clock],
                    borderColor: CLOCK_COLOURS[clock],
                  }}
                  aria-hidden="true"
                />
                {t(`map.clock.${clock}`)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {showHeat ? (
        <div className="map-legend__heat">
          <span className="map-legend__ramp" aria-hidden="true" />
          {t('map.legend.heat')}
        </div>
      ) : null}
    </div>
  );
}
