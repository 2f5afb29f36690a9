/**
 * A live ranking: the period's per-case facts from db/, counted, scored, tiered and ranked
 * by core/indices, with the previous period's ranks for the change column and the SHA-256
 * of every input used.
 */
import { createHash } from 'node:crypto';
import { canonicalInputsText } from '../../core/indices/inputs-text';
import { measuredWindow, shiftPeriod, type Period } from '../../core/indices/periods';
import { rankUnits, type RankedUnit, type RankingLevel, type RankingUnit } from '../../core/indices/ranking';
import { aggregatePeriod, emptyCounts, type UnitCaseFlags, type UnitCounts } from '../../core/indices/unit-counts';
import type { Tier, WeightSet } from '../../core/indices/weight-set';
import { latestBulletin } from '../../db/queries/bulletins';
import {
  aggregateHandlingByPeriod,
  listRankingUnits,
  loadHandlingCases,
  loadIntakeCases,
} from '../../db/queries/index-facts';
import { currentWeightSet } from '../../db/queries/weight-sets';
import type { Db } from '../../db/open';
import type { RankingRow } from '../contract/ranking';
import { parseBulletinFigures } from './bulletin-figures';

export interface LiveRanking {
  period: Period;
  previousPeriod: Period;
  level: RankingLevel;
  computedAt: number;
  weightSet: WeightSet;
  rows: RankingRow[];
  previousSource: 'bulletin' | 'live';
  inputsSha256: string;
  caseFlags: Map<string, UnitCaseFlags>;
}

export function computeLiveRanking(db: Db, level: RankingLevel, period: Period, now: number): LiveRanking {
  const weightSet = currentWeightSet(db, now);
  const units = listRankingUnits(db, level);
  // A running period is measured up to now (see core/indices/case-facts handlingFlags).
  const window = measuredWindow(period, now);
  const handling = loadHandlingCases(db, level, window);
  const intake = loadIntakeCases(db, level, window);
  const aggregate = aggregatePeriod(period, handling, intake, now);
  const ranked = rankUnits(units, aggregate.counts, weightSet);
  const previousPeriod = shiftPeriod(period, -1);
  const previous = previousRanks(db, level, previousPeriod, units, weightSet, now);
  const inputsSha256 = createHash('sha256')
    .update(canonicalInputsText(period, window.end, level, weightSet, handling, intake))
    .digest('hex');
  return {
    period,
    previousPeriod,
    level,
    computedAt: now,
    weightSet,
    rows: ranked.map((row) => toRankingRow(row, previous.byUnit.get(row.unitCode))),
    previousSource: previous.source,
    inputsSha256,
    caseFlags: aggregate.caseFlags,
  };
}

interface PreviousPlace {
  rank: number | null;
  score: number | null;
  tier: Tier | null;
}

/**
 * The previous period's ranks: as published, when that month has a bulletin (what leaders
 * saw), else computed now with the weights in force.
 */
function previousRanks(
  db: Db,
  level: RankingLevel,
  previousPeriod: Period,
  units: readonly RankingUnit[],
  weightSet: WeightSet,
  now: number,
): { source: 'bulletin' | 'live'; byUnit: Map<string, PreviousPlace> } {
  if (previousPeriod.kind === 'month') {
    const bulletin = latestBulletin(db, previousPeriod.key, level);
    if (bulletin) {
      const figures = parseBulletinFigures(bulletin.figures);
      return {
        source: 'bulletin',
        byUnit: new Map(
          figures.rows.map((r) => [r.unitCode, { rank: r.rank, score: r.score, tier: r.tier }]),
        ),
      };
    }
  }
  const counts = new Map<string, UnitCounts>();
  for (const row of aggregateHandlingByPeriod(db, level, [measuredWindow(previousPeriod, now)])) {
    const { periodIndex: _index, unitCode, ...handling } = row;
    counts.set(unitCode, { ...emptyCounts(), ...handling });
  }
  const ranked = rankUnits(units, counts, weightSet);
  return {
    source: 'live',
    byUnit: new Map(
      ranked.map((r) => [r.unitCode, { rank: r.rank, score: r.score?.value ?? null, tier: r.tier }]),
    ),
  };
}

function toRankingRow(row: RankedUnit, previous: PreviousPlace | undefined): RankingRow {
  return {
    unitCode: row.unitCode,
    unitName: row.unitName,
    counts: row.counts,
    rates: row.rates,
    score: row.score?.value ?? null,
    tier: row.tier,
    grade: row.grade,
    rank: row.rank,
    previousRank: previous?.rank ?? null,
    previousScore: previous?.score ?? null,
    previousTier: previous?.tier ?? null,
  };
}
