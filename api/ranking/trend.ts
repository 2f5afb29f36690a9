/**
 * The score trend of every unit over the last N periods (12 months by default), counted by
 * SQLite in one pass (db/queries/ranking-facts.ts) and scored by core/ranking.
 */
import { loadStageLimits } from '../../db/queries/clock-rules';
import { measuredWindow, periodsEndingWith, type Period } from '../../core/ranking/periods';
import type { RankingLevel } from '../../core/ranking/ranking';
import { compositeScore, tierOf } from '../../core/ranking/score';
import { emptyCounts, type UnitCounts } from '../../core/ranking/unit-counts';
import { addIntakeCounts, appealAdjustments, correctCountsByAppeals } from './appeal-figures';
import { weighsStages, type WeightSet } from '../../core/ranking/weight-set';
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
  // The points are scores: the stage counts only matter when a stage is weighted.
  return trendWithCounts(
    db,
    level,
    last,
    count,
    weightSet,
    now,
    weighsStages(weightSet.weights) ? 'all' : 'none',
  ).trend;
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
  /**
   * Which windows carry the stage counts: all (a stage is weighted), only the last (the
   * caller ranks it and shows its stage rates), or none (score-only points).
   */
  stages: 'all' | 'last' | 'none' = 'all',
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
  const windows = periods.map((p) => measuredWindow(p, now));
  const limits = loadStageLimits(db);
  const counts =
    stages === 'last'
      ? [
          ...aggregateHandlingByPeriod(db, level, windows.slice(0, -1), 'without'),
          ...aggregateHandlingByPeriod(db, level, windows.slice(-1), limits).map((row) => ({
            ...row,
            periodIndex: windows.length - 1,
          })),
        ]
      : aggregateHandlingByPeriod(db, level, windows, stages === 'all' ? limits : 'without');
  // Score each window's counts, corrected by the month's approved appeals (the raw counts
  // go back to the caller uncorrected: computeLiveRanking corrects what it reuses itself).
  const byWindow = periods.map(() => new Map<string, UnitCounts>());
  for (const { periodIndex, unitCode, ...handling } of counts)
    byWindow[periodIndex]!.set(unitCode, { ...emptyCounts(), ...handling });
  // 及时受理率 weighted: the intake counts enter the score, so they are counted too.
  const withIntake = weightSet.weights.timelyAcceptRate > 0;
  if (withIntake) addIntakeCounts(db, level, windows, byWindow);
  periods.forEach((period, index) => {
    const byUnit = byWindow[index]!;
    correctCountsByAppeals(db, byUnit, {
      level,
      period,
      window: measuredWindow(period, now),
      asOf: now,
      stages: limits,
      adjustments: appealAdjustments(db, level, period),
      withIntake,
    });
    for (const [unitCode, unitCounts] of byUnit) {
      const score = compositeScore(unitCounts, weightSet.weights);
      const s = seriesOf(unitCode, unitCode);
      s.scores[index] = score?.value ?? null;
      s.tiers[index] = tierOf(score, weightSet.tiers);
    }
  });
  return {
    trend: {
      periods: periods.map(periodInfo),
      level,
      series: [...series.values()].sort((a, b) => (a.unitCode < b.unitCode ? -1 : 1)),
    },
    counts,
  };
}
