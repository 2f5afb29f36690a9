import { Link } from 'react-router';
import type { MapPeriod } from '../../../api/contract';
import { useLocale } from '../../i18n/locale-context';
import { MEASURES, type MeasureKey } from './measure-scale';

export interface LayerToggles {
  cases: boolean;
  heat: boolean;
  labels: boolean;
}

interface MapToolbarProps {
  measure: MeasureKey;
  onMeasure(measure: MeasureKey): void;
  period: string;
  periods: readonly MapPeriod[];
  now: number;
  onPeriod(key: string): void;
  layers: LayerToggles;
  onLayers(layers: LayerToggles): void;
  tiers: { blue: number; yellow: number };
}

/** 本期 / 2026年11月 / 2026年第47周, as the period picker shows it. */
export function usePeriodLabel() {
  const { t } = useLocale();
  return (period: MapPeriod, now: number) => {
    const label =
      period.kind === 'month'
        ? t('map.period.month', {
            year: period.key.slice(0, 4),
            month: Number(period.key.slice(5, 7)),
          })
        : t('map.period.week', {
            year: period.key.slice(0, 4),
            week: Number(period.key.slice(6)),
          });
    return period.start <= now && now < period.end ? t('map.period.running', { label }) : label;
  };
}

/** Measure, period and layer switches above the map; number keys 1–4 pick the measure. */
export function MapToolbar(props: MapToolbarProps) {
  const { t } = useLocale();
  const periodLabel = usePeriodLabel();
  const toggle = (key: keyof LayerToggles) =>
    props.onLayers({ ...props.layers, [key]: !props.layers[key] });
  const months = props.periods.filter((p) => p.kind === 'month');
  const weeks = props.periods.filter((p) => p.kind === 'week');
  return (
    <div className="map-toolbar" role="toolbar" aria-label={t('area.map.title')}>
      <span className="map-toolbar__label" id="map-measure-label">
        {t('map.measureLabel')}
      </span>
      <div className="segmented" role="radiogroup" aria-labelledby="map-measure-label">
        {MEASURES.map((m, i) => (
          <button
            key={m}
            type="button"
            role="radio"
            aria-checked={props.measure === m}
            className={`segmented__option${props.measure === m ? ' is-active' : ''}`}
            title={`${t(`map.measureHint.${m}`, props.tiers)}（${i + 1}）`}
            data-testid={`measure-${m}`}
            onClick={() => props.onMeasure(m)}
          >
            {t(`map.measure.${m}`)}
            <kbd aria-hidden="true">{i + 1}</kbd>
          </button>
        ))}
      </div>
      <label className="map-toolbar__label">
        {t('map.periodLabel')}
        <select
          value={props.period}
          data-testid="map-period"
          onChange={(event) => props.onPeriod(event.target.value)}
        >
          <optgroup label={t('map.periodMonths')}>
            {months.map((p) => (
              <option key={p.key} value={p.key}>
                {periodLabel(p, props.now)}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('map.periodWeeks')}>
            {weeks.map((p) => (
              <option key={p.key} value={p.key}>
                {periodLabel(p, props.now)}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <div className="map-toolbar__layers">
        {(['cases', 'heat', 'labels'] as const).map((key) => (
          <label key={key} className="check">
            <input
              type="checkbox"
              checked={props.layers[key]}
              data-testid={`layer-${key}`}
              onChange={() => toggle(key)}
            />
            {t(
              key === 'cases'
                ? 'map.layerCases'
                : key === 'heat'
                  ? 'map.layerHeat'
                  : 'map.layerLabels',
            )}
          </label>
        ))}
      </div>
      <Link to="/map/manage" className="button button--quiet map-toolbar__manage">
        {t('map.manage')}
      </Link>
    </div>
  );
}
