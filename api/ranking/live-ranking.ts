/**
 * A live ranking: the period's figures counted, scored, tiered and ranked, with the previous
 * period's ranks for the change column and the SHA-256 of every input used.
 *
 * Two ways to count, which tests hold equal: SQLite's GROUP BY over the covering indexes
 * (fast: what the screens and the CLI get), and core/ranking over per-case facts (slower:
 * publishing needs it, since a bulletin freezes which case counted towards which figure).
 */
import { createHash } from 'node:crypto';
import { measuredWindow, shiftPeriod, type Period } from '../../core/ranking/periods';
import {
  rankUnits,
  type RankedUnit,
  type RankingLevel,
  type RankingUnit,
} from '../../core/ranking/ranking';
import {
  aggregatePeriod,
  emptyCounts,
  type UnitCaseFlags,
  type UnitCounts,
} from '../../core/ranking/unit-counts';
import { weighsStages, type Tier, type WeightSet } from '../../core/ranking/weight-set';
import { latestBulletin } from '../../db/queries/bulletins';
import {
  aggregateHandlingByPeriod,
  aggregateIntakeByPeriod,
  factsDigestText,
  listRankingUnits,
  loadHandlingCases,
  loadIntakeCases,
  type PeriodUnitHandlingCounts,
} from '../../db/queries/ranking-facts';
import { currentWeightSet } from '../../db/queries/weight-sets';
import { loadStageLimits } from '../../db/queries/clock-rules';
import type { Db } from '../../db/open';
import type { RankingRow } from '../contract/ranking';
import { parseBulletinFigures } from './bulletin-figures';
import { applyAdjustments, type AppealAdjustment } from '../../core/ranking/appeals';
import {
  addIntakeCounts,
  adjustmentsDigestLine,
  appealAdjustments,
  correctCountsByAppeals,
} from './appeal-figures';

interface LiveRanking {
  period: Period;
  previousPeriod: Period;
  level: RankingLevel;
  computedAt: number;
  weightSet: WeightSet;
  rows: RankingRow[];
  previousSource: 'bulletin' | 'live';
  /** null when not asked for (options.checksum false). */
  inputsSha256: string | null;
  /** Which case counted towards which figure, per unit: only when asked for (publishing). */
  caseFlags: Map<string, UnitCaseFlags> | null;
  /** The approved appeals applied to this month's figures at this level. */
  adjustments: AppealAdjustment[];
}

/** Handling counts already made for the period and the one before (by the trend). */
export interface PrecountedHandling {
  /** Absent: the period is counted here (with its stage counts). */
  current?: readonly PeriodUnitHandlingCounts[];
  previous: readonly PeriodUnitHandlingCounts[];
}

/** Every unit's counts for one measuring window, counted by SQLite. */
function countsBySql(
  db: Db,
  level: RankingLevel,
  window: { start: number; end: number },
  handlingRows?: readonly PeriodUnitHandlingCounts[],
): Map<string, UnitCounts> {
  const counts = new Map<string, UnitCounts>();
  const of = (code: string) => {
    let c = counts.get(code);
    if (!c) counts.set(code, (c = emptyCounts()));
    return c;
  };
  const handling =
    handlingRows ?? aggregateHandlingByPeriod(db, level, [window], loadStageLimits(db));
  for (const { periodIndex: _i, unitCode, ...row } of handling) Object.assign(of(unitCode), row);
  for (const { periodIndex: _i, unitCode, ...row } of aggregateIntakeByPeriod(db, level, [
    window,
  ])) {
    Object.assign(of(unitCode), row);
  }
  return counts;
}

export function computeLiveRanking(
  db: Db,
  level: RankingLevel,
  period: Period,
  now: number,
  options: {
    caseFlags?: boolean;
    precounted?: PrecountedHandling;
    /**
     * The SHA-256 of every fact used (a third of a month's cost over a million cases): what a
     * bulletin or draft carries and what says whether today's data still matches one. False
     * for figures nothing is compared with (the map's tiers, the weekly agenda, a month with
     * no version yet). Default true.
     */
    checksum?: boolean;
  } = {},
): LiveRanking {
  const weightSet = currentWeightSet(db, now);
  const stages = loadStageLimits(db);
  const units = listRankingUnits(db, level);
  // A running period is measured up to now (see core/ranking/case-facts handlingFlags).
  const window = measuredWindow(period, now);
  // Approved appeals move or remove some of the month's cases (api/ranking/appeal-figures.ts).
  const adjustments = appealAdjustments(db, level, period);
  let counts: Map<string, UnitCounts>;
  let caseFlags: Map<string, UnitCaseFlags> | null = null;
  if (options.caseFlags) {
    const aggregate = aggregatePeriod(
      period,
      applyAdjustments(loadHandlingCases(db, level, window), adjustments),
      applyAdjustments(loadIntakeCases(db, level, window), adjustments),
      now,
      stages,
    );
    counts = aggregate.counts;
    caseFlags = aggregate.caseFlags;
  } else {
    counts = countsBySql(db, level, window, options.precounted?.current);
    correctCountsByAppeals(db, counts, { level, period, window, asOf: now, stages, adjustments });
  }
  const ranked = rankUnits(units, counts, weightSet);
  const previousPeriod = shiftPeriod(period, -1);
  const previous = previousRanks(
    db,
    level,
    previousPeriod,
    units,
    weightSet,
    now,
    options.precounted?.previous,
  );
  const inputsSha256 =
    options.checksum === false
      ? null
      : createHash('sha256')
          .update(`period|${period.key}|${window.start}|${window.end}|${level}\n`)
          .update(
            `weights|${JSON.stringify(weightSet.weights)}|${JSON.stringify(weightSet.tiers)}|${JSON.stringify(weightSet.grades)}\n`,
          )
          .update(`stages|${stages.dispatchMinutes}|${stages.verifyMinutes}\n`)
          .update(adjustmentsDigestLine(adjustments))
          .update(factsDigestText(db, level, window))
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
    caseFlags,
    adjustments,
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
  precounted: readonly PeriodUnitHandlingCounts[] | undefined,
): { source: 'bulletin' | 'live'; byUnit: Map<string, PreviousPlace> } {
  if (previousPeriod.kind === 'month') {
    const bulletin = latestBulletin(db, previousPeriod.key, level);
    // A bulletin that fails its checksum (changed around the triggers) is not what leaders
    // saw: its ranks are not carried into this period, nor frozen into a new bulletin.
    if (bulletin?.checksumOk) {
      const figures = parseBulletinFigures(bulletin.figures);
      return {
        source: 'bulletin',
        byUnit: new Map(
          figures.rows.map((r) => [r.unitCode, { rank: r.rank, score: r.score, tier: r.tier }]),
        ),
      };
    }
  }
  // Ranks need the handling counts only (intake figures enter the score only when weighted).
  const counts = new Map<string, UnitCounts>();
  const window = measuredWindow(previousPeriod, now);
  const stages = loadStageLimits(db);
  // Only the ranks are kept: the stage counts are needed only when they are weighted.
  const rows =
    precounted ??
    aggregateHandlingByPeriod(
      db,
      level,
      [window],
      weighsStages(weightSet.weights) ? stages : 'without',
    );
  for (const { periodIndex: _i, unitCode, ...handling } of rows) {
    counts.set(unitCode, { ...emptyCounts(), ...handling });
  }
  // 及时受理率 weighted: the intake counts enter the score, so they are counted too.
  const withIntake = weightSet.weights.timelyAcceptRate > 0;
  if (withIntake) addIntakeCounts(db, level, [window], [counts]);
  correctCountsByAppeals(db, counts, {
    level,
    period: previousPeriod,
    window,
    asOf: now,
    stages,
    adjustments: appealAdjustments(db, level, previousPeriod),
    withIntake,
  });
  const ranked = rankUnits(units, counts, weightSet);
  return {
    source: 'live',
    byUnit: new Map(
      ranked.map((r) => [
        r.unitCode,
        { rank: r.rank, score: r.score?.value ?? null, tier: r.tier },
      ]),
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
