import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  ReferenceLine,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';
import type { RankingResult } from '../../../api/contract';
import { useLocale } from '../../i18n/locale-context';
import { EmptyState } from '../../states/EmptyState';
import { formatScore } from './figures';
import { AXIS_TEXT, TIER_HEX } from './tier-colours';

const ROW = 22;

/** The month's scores as bars in their tier colours, best first, with the tier lines dashed. */
export function ScoreBars({
  ranking,
  onSelect,
}: {
  ranking: RankingResult;
  onSelect(unitCode: string): void;
}) {
  const { t } = useLocale();
  const ranked = ranking.rows.filter((r) => r.score !== null);
  if (ranked.length === 0) return <EmptyState message={t('ranking.noDue')} />;
  const data = ranked.map((r) => ({
    code: r.unitCode,
    label: `${r.rank}. ${r.unitName}`,
    score: r.score!,
    tier: r.tier!,
    text: `${formatScore(r.score)} ${t(`tier.${r.tier!}`)}`,
  }));
  const { blue, yellow } = ranking.weightSet.tiers;
  return (
    <div className="score-bars" data-testid="score-bars">
      <ResponsiveContainer width="100%" height={data.length * ROW + 52}>
        <BarChart
          data={data}
          layout="vertical"
          margin={{ top: 20, right: 64, bottom: 0, left: 4 }}
          barCategoryGap={4}
        >
          <CartesianGrid horizontal={false} stroke="#e8ebef" />
          <XAxis
            type="number"
            domain={[0, 100]}
            ticks={[0, 20, 40, 60, 80, 100]}
            tick={{ fontSize: 11, fill: AXIS_TEXT }}
          />
          <YAxis
            type="category"
            dataKey="label"
            width={128}
            tick={{ fontSize: 12, fill: '#1c222a' }}
            interval={0}
          />
          <Bar
            dataKey="score"
            isAnimationActive={false}
            onClick={(entry: { payload?: { code?: string } }) =>
              entry.payload?.code && onSelect(entry.payload.code)
            }
          >
            {data.map((d) => (
              <Cell key={d.code} fill={TIER_HEX[d.tier]} cursor="pointer" />
            ))}
            <LabelList dataKey="text" position="right" style={{ fontSize: 11, fill: '#1c222a' }} />
          </Bar>
          <ReferenceLine
            x={blue}
            stroke={TIER_HEX.blue}
            strokeDasharray="4 3"
            label={{
              value: t('ranking.tierLine.blue', { value: blue }),
              position: 'top',
              fontSize: 11,
              fill: TIER_HEX.blue,
            }}
          />
          <ReferenceLine
            x={yellow}
            stroke={TIER_HEX.yellow}
            strokeDasharray="4 3"
            label={{
              value: t('ranking.tierLine.yellow', { value: yellow }),
              position: 'top',
              fontSize: 11,
              fill: '#9a6f00',
            }}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
