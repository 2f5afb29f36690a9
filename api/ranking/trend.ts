/**
 * The score trend of every unit over the last N periods (12 months by default), counted by
 * SQLite in one pass (db/queries/ranking-facts.ts) and scored by core/ranking.
 */
import { loadStageLimits } from '../../db/queries/clock-rules';
import { measuredWindow, periodsEndingWith, type Period } from '../../core/ranking/periods';
import type { RankingLevel } from '../../core/ranking/ranking';
import { compositeScore, tierOf } from '../../core/ranking/score';
import { emptyCounts } from '../../core/ranking/unit-counts';
import type { WeightSet } from '../../core/ranking/weight-set';
import {
  aggregateHandlingByPeriod,
  listRankingUnits,
  type PeriodUnitHandlingCounts,
} from '../../db/queries/ranking-facts';
import type { Db } from '../../db/open';
import type { TrendResult, TrendSeries } from '../contract/ranking';
import { periodInfo } from './periods';

export function computeTrend(
  db: Db,
  level: RankingLevel,
  last: Period,
  count: number,
  weightSet: WeightSet,
  now: number,
): TrendResult {
  return trendWithCounts(db, level, last, count, weightSet, now).trend;
}

/**
 * The trend, and the handling counts it was scored from (per window and unit), which a
 * caller that also ranks the last period can reuse instead of counting again.
 */
export function trendWithCounts(
  db: Db,
  level: RankingLevel,
  last: Period,
  count: number,
  weightSet: WeightSet,
  now: number,
): { trend: TrendResult; counts: PeriodUnitHandlingCounts[] } {
  const periods = periodsEndingWith(last, count);
  const series = new Map<string, TrendSeries>();
  const seriesOf = (code: string, name: string) => {
    let s = series.get(code);
    if (!s) {
      s = {
        unitCode: code,
        unitName: name,
        scores: periods.map(() => null),
        tiers: periods.map(() => null),
      };
      series.set(code, s);
    }
    return s;
  };
  for (const unit of listRankingUnits(db, level)) seriesOf(unit.code, unit.name);
  const counts = aggregateHandlingByPeriod(
    db,
    level,
    periods.map((p) => measuredWindow(p, now)),
    loadStageLimits(db),
  );
  for (const row of counts) {
    const { periodIndex, unitCode, ...handling } = row;
    const score = compositeScore({ ...emptyCounts(), ...handling }, weightSet.weights);
    const s = seriesOf(unitCode, unitCode);
    s.scores[periodIndex] = score?.value ?? null;
    s.tiers[periodIndex] = tierOf(score, weightSet.tiers);
  }
  return {
    trend: {
      periods: periods.map(periodInfo),
      level,
      series: [...series.values()].sort((a, b) => (a.unitCode < b.unitCode ? -1 : 1)),
    },
    counts,
  };
}
