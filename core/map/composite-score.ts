/**
 * DOMAIN.md's composite score (综合指标值) and tiers (蓝黄红) for one unit and period, from the
 * accountable counts. An index whose denominator is zero is left out and the remaining
 * weights are scaled up to sum to 1; the score is never rounded before the tier.
 */

export interface AccountableCounts {
  /** 应结案数: cases accountable in the period. */
  due: number;
  /** 结案数: of those, closed before the period's end. */
  closed: number;
  /** 按期结案数: of those, closed at or before their deadline. */
  onTime: number;
  /** 返工数: of the accountable cases, those with at least one rework. */
  reworked: number;
  /** With a callback result, and of those satisfied (满意 or 基本满意). */
  withCallback: number;
  satisfied: number;
}

export interface IndexWeights {
  onTimeRate: number;
  closureRate: number;
  reworkFree: number;
  satisfactionRate: number;
}

export interface TierThresholds {
  blue: number;
  yellow: number;
}

export type Tier = 'blue' | 'yellow' | 'red';

export interface UnitIndices {
  closureRate: number | null;
  onTimeRate: number | null;
  reworkRate: number | null;
  satisfactionRate: number | null;
  /** 0–100, or null when the unit has no due cases (listed unranked). */
  score: number | null;
  tier: Tier | null;
}

export const DEFAULT_WEIGHTS: IndexWeights = {
  onTimeRate: 0.4,
  closureRate: 0.3,
  reworkFree: 0.2,
  satisfactionRate: 0.1,
};
export const DEFAULT_TIERS: TierThresholds = { blue: 90, yellow: 75 };

export function tierOf(score: number, tiers: TierThresholds): Tier {
  if (score >= tiers.blue) return 'blue';
  if (score >= tiers.yellow) return 'yellow';
  return 'red';
}

export function unitIndices(
  counts: AccountableCounts,
  weights: IndexWeights,
  tiers: TierThresholds,
): UnitIndices {
  const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);
  const closureRate = rate(counts.closed, counts.due);
  const onTimeRate = rate(counts.onTime, counts.due);
  const reworkRate = rate(counts.reworked, counts.due);
  const satisfactionRate = rate(counts.satisfied, counts.withCallback);
  if (counts.due === 0) {
    return { closureRate, onTimeRate, reworkRate, satisfactionRate, score: null, tier: null };
  }
  const parts: Array<[number, number | null]> = [
    [weights.onTimeRate, onTimeRate],
    [weights.closureRate, closureRate],
    [weights.reworkFree, reworkRate === null ? null : 1 - reworkRate],
    [weights.satisfactionRate, satisfactionRate],
  ];
  let weightSum = 0;
  let weighted = 0;
  for (const [weight, value] of parts) {
    if (value === null) continue;
    weightSum += weight;
    weighted += weight * value;
  }
  const score = weightSum > 0 ? (100 * weighted) / weightSum : null;
  return {
    closureRate,
    onTimeRate,
    reworkRate,
    satisfactionRate,
    score,
    tier: score === null ? null : tierOf(score, tiers),
  };
}
