/**
 * 综合指标值, tiers and grades (docs/design/DOMAIN.md): `100 × Σ wᵢ·indexᵢ`, where an index whose
 * denominator is zero is left out and the remaining weights are scaled up to sum to 1.
 * The score is never rounded before tiers, grades and ranking, so it is kept as an exact
 * fraction of integers (BigInt): 90 is blue, and two equal scores really tie, whatever
 * floating point would have made of them.
 */
import type { UnitCounts } from './unit-counts';
import {
  WEIGHT_SCALE,
  type Grade,
  type GradeThresholds,
  type IndexWeights,
  type STAGE_WEIGHT_KEYS,
  type Tier,
  type TierThresholds,
} from './weight-set';

type StageWeightKey = (typeof STAGE_WEIGHT_KEYS)[number];

export interface ExactScore {
  numerator: bigint;
  /** Always positive. */
  denominator: bigint;
  /** The same score as a float, for display and JSON (0–100). */
  value: number;
}

const scaled = (weight: number) => BigInt(Math.round(weight * WEIGHT_SCALE));

/**
 * The score of a unit's counts, or null when no index has a denominator (no due cases, or
 * only zero weights left).
 */
export function compositeScore(counts: UnitCounts, weights: IndexWeights): ExactScore | null {
  const due = BigInt(counts.due);
  const callbacks = BigInt(counts.callbacks);
  const wOnTime = scaled(weights.onTimeRate);
  const wClosure = scaled(weights.closureRate);
  const wReworkFree = scaled(weights.reworkFree);
  const wSatisfaction = scaled(weights.satisfactionRate);

  // Each index as (numerator, denominator), only when its denominator is not zero.
  let sumNumerator = 0n;
  let sumDenominator = 1n;
  let availableWeight = 0n;
  const add = (w: bigint, numerator: bigint, denominator: bigint) => {
    // a/b + w·n/d = (a·d + w·n·b) / (b·d)
    sumNumerator = sumNumerator * denominator + w * numerator * sumDenominator;
    sumDenominator *= denominator;
    availableWeight += w;
  };
  if (counts.due > 0) {
    add(wOnTime, BigInt(counts.onTime), due);
    add(wClosure, BigInt(counts.closed), due);
    add(wReworkFree, due - BigInt(counts.rework), due);
  }
  if (counts.callbacks > 0) add(wSatisfaction, BigInt(counts.satisfied), callbacks);
  // The stage rates enter only when weighted: a zero weight adds nothing, and skipping it
  // keeps the default score's fraction exactly what it was before the stages existed.
  for (const [key, numerator, denominator] of stageIndices(counts)) {
    const w = scaled(weights[key]);
    if (w > 0n && denominator > 0) add(w, BigInt(numerator), BigInt(denominator));
  }
  if (availableWeight === 0n) return null;

  const numerator = 100n * sumNumerator;
  const denominator = sumDenominator * availableWeight;
  return { numerator, denominator, value: toNumber(numerator, denominator) };
}

/** Each stage's rate as (weight key, numerator, denominator): core/ranking/unit-counts ratesOf. */
function stageIndices(c: UnitCounts): Array<[StageWeightKey, number, number]> {
  return [
    ['timelyAcceptRate', c.timelyAccepted, c.registered],
    ['dispatchOnTimeRate', c.dispatchOnTime, c.due],
    ['onsiteOnTimeRate', c.onsiteOnTime, c.dispatched],
    ['handleOnTimeRate', c.handleOnTime, c.dispatched],
    ['verifyOnTimeRate', c.verifyOnTime, c.handled],
  ];
}

function toNumber(numerator: bigint, denominator: bigint): number {
  // Whole part exactly, then the remainder: keeps full float precision for large operands.
  const whole = numerator / denominator;
  const rest = numerator - whole * denominator;
  return Number(whole) + Number((rest * 10n ** 15n) / denominator) / 1e15;
}

/** Negative when a < b, zero when equal, positive when a > b: exact. */
export function compareScores(a: ExactScore, b: ExactScore): number {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** score ≥ threshold, exactly (thresholds carry at most two decimals). */
function scoreAtLeast(score: ExactScore, threshold: number): boolean {
  const hundredths = BigInt(Math.round(threshold * 100));
  return score.numerator * 100n >= hundredths * score.denominator;
}

export function tierOf(score: ExactScore | null, tiers: TierThresholds): Tier | null {
  if (score === null) return null;
  if (scoreAtLeast(score, tiers.blue)) return 'blue';
  if (scoreAtLeast(score, tiers.yellow)) return 'yellow';
  return 'red';
}

export function gradeOf(score: ExactScore | null, grades: GradeThresholds): Grade | null {
  if (score === null) return null;
  if (scoreAtLeast(score, grades.A)) return 'A';
  if (scoreAtLeast(score, grades.B)) return 'B';
  if (scoreAtLeast(score, grades.C)) return 'C';
  if (scoreAtLeast(score, grades.D)) return 'D';
  return 'E';
}
