/**
 * Ranking (排队, docs/design/DOMAIN.md): score higher first; ties by 按期结案率 higher first, then by due
 * count, more first, then unit code ascending. A unit with no due cases is listed after
 * the ranked ones, unranked, without a tier.
 */
import { compositeScore, compareScores, gradeOf, tierOf, type ExactScore } from './score';
import { emptyCounts, ratesOf, type UnitCounts, type UnitRates } from './unit-counts';
import type { Grade, Tier, WeightSet } from './weight-set';

/** What is ranked: communities (by case location), grids, or units (by lead unit 主办单位). */
export const RANKING_LEVELS = ['community', 'grid', 'unit'] as const;
export type RankingLevel = (typeof RANKING_LEVELS)[number];

export interface RankingUnit {
  code: string;
  name: string;
}

export interface RankedUnit {
  unitCode: string;
  unitName: string;
  counts: UnitCounts;
  rates: UnitRates;
  score: ExactScore | null;
  tier: Tier | null;
  grade: Grade | null;
  /** 1-based; null when unranked (no due cases). */
  rank: number | null;
}

/** a before b? On-time rates compared exactly as fractions of integers. */
function compareRanked(a: RankedUnit, b: RankedUnit): number {
  const byScore = compareScores(b.score!, a.score!);
  if (byScore !== 0) return byScore;
  const onTimeA = a.counts.onTime * b.counts.due;
  const onTimeB = b.counts.onTime * a.counts.due;
  if (onTimeA !== onTimeB) return onTimeB - onTimeA;
  if (a.counts.due !== b.counts.due) return b.counts.due - a.counts.due;
  return a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : 0;
}

/**
 * Scores, tiers, grades and ranks for every unit: the listed units (each appears, even
 * with no cases) and any other unit the counts name. Ranked first, then unranked by code.
 */
export function rankUnits(
  units: readonly RankingUnit[],
  counts: ReadonlyMap<string, UnitCounts>,
  weightSet: Pick<WeightSet, 'weights' | 'tiers' | 'grades'>,
): RankedUnit[] {
  const names = new Map(units.map((u) => [u.code, u.name]));
  for (const code of counts.keys()) if (!names.has(code)) names.set(code, code);
  const rows: RankedUnit[] = [...names].map(([code, name]) => {
    const c = counts.get(code) ?? emptyCounts();
    const score = c.due > 0 ? compositeScore(c, weightSet.weights) : null;
    return {
      unitCode: code,
      unitName: name,
      counts: c,
      rates: ratesOf(c),
      score,
      tier: tierOf(score, weightSet.tiers),
      grade: gradeOf(score, weightSet.grades),
      rank: null,
    };
  });
  const ranked = rows.filter((r) => r.score !== null).sort(compareRanked);
  ranked.forEach((row, i) => (row.rank = i + 1));
  const unranked = rows
    .filter((r) => r.score === null)
    .sort((a, b) => (a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : 0));
  return [...ranked, ...unranked];
}
