import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { TrendResult } from '../../../api/contract';
import type { Tier, TierThresholds } from '../../../core/ranking/weight-set';
import { useLocale } from '../../i18n/locale-context';
import { EmptyState } from '../../states/EmptyState';
import { formatScore, periodLabel } from './figures';
import { ACCENT, AXIS_TEXT, LINE_GREY, TIER_HEX } from './tier-colours';

/** Every unit's score over the last 12 periods: grey lines, the selected unit in the accent with tier-coloured points. */
export function ScoreTrend({
  trend,
  tiers,
  selected,
}: {
  trend: TrendResult;
  tiers: TierThresholds;
  selected: string | null;
}) {
  const { t } = useLocale();
  const series = trend.series.filter((s) => s.scores.some((score) => score !== null));
  if (series.length === 0) return <EmptyState message={t('ranking.trend.none')} />;
  const data = trend.periods.map((period, i) => {
    const point: Record<string, number | string | null> = { label: shortLabel(t, period.key) };
    for (const s of series) point[s.unitCode] = s.scores[i] ?? null;
    return point;
  });
  const lowest = Math.min(
    ...series.flatMap((s) => s.scores.filter((v): v is number => v !== null)),
  );
  const floor = Math.max(0, Math.min(60, Math.floor(lowest / 10) * 10));
  const chosen = series.find((s) => s.unitCode === selected) ?? null;
  const tierAt = (index: number): Tier | null => chosen?.tiers[index] ?? null;
  return (
    <div className="score-trend" data-testid="score-trend">
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={data} margin={{ top: 10, right: 16, bottom: 0, left: -8 }}>
          <CartesianGrid stroke="#eef0f3" />
          <XAxis dataKey="label" tick={{ fontSize: 11, fill: AXIS_TEXT }} interval={0} />
          <YAxis domain={[floor, 100]} tick={{ fontSize: 11, fill: AXIS_TEXT }} allowDataOverflow />
          <ReferenceLine y={tiers.blue} stroke={TIER_HEX.blue} strokeDasharray="4 3" />
          <ReferenceLine y={tiers.yellow} stroke={TIER_HEX.yellow} strokeDasharray="4 3" />
          <Tooltip
            isAnimationActive={false}
            formatter={(value, name) => [
              formatScore(typeof value === 'number' ? value : null),
              series.find((s) => s.unitCode === name)?.unitName ?? String(name),
            ]}
            itemSorter={(item) => -(typeof item.value === 'number' ? item.value : 0)}
            wrapperStyle={{ fontSize: 12 }}
          />
          {series
            .filter((s) => s.unitCode !== selected)
            .map((s) => (
              <Line
                key={s.unitCode}
                dataKey={s.unitCode}
                stroke={LINE_GREY}
                strokeWidth={1}
                dot={false}
                isAnimationActive={false}
                connectNulls={false}
                activeDot={false}
              />
            ))}
          {chosen ? (
            <Line
              key={chosen.unitCode}
              dataKey={chosen.unitCode}
              stroke={ACCENT}
              strokeWidth={2.5}
              isAnimationActive={false}
              connectNulls={false}
              dot={(props: { cx?: number; cy?: number; index?: number }) => {
                const tier = tierAt(props.index ?? -1);
                if (props.cx === undefined || props.cy === undefined || tier === null)
                  return <g key={`dot-${props.index}`} />;
                return (
                  <circle
                    key={`dot-${props.index}`}
                    cx={props.cx}
                    cy={props.cy}
                    r={4.5}
                    fill={TIER_HEX[tier]}
                    stroke="#fff"
                    strokeWidth={1.5}
                  />
                );
              }}
            />
          ) : null}
        </LineChart>
      </ResponsiveContainer>
      <p className="score-trend__caption">
        {chosen ? <strong>{t('ranking.trend.selected', { unit: chosen.unitName })}</strong> : null}{' '}
        {t('ranking.trend.hint')}
        {' · '}
        {periodLabel(t, trend.periods[0]!.key)} – {periodLabel(t, trend.periods.at(-1)!.key)}
      </p>
    </div>
  );
}

/** 10月 / W47 on the axis. */
function shortLabel(t: ReturnType<typeof useLocale>['t'], key: string): string {
  const week = /-W(\d{2})$/.exec(key);
  if (week) return `W${week[1]}`;
  return t('ranking.axisMonth', { month: Number(key.slice(5, 7)), year: key.slice(2, 4) });
}
