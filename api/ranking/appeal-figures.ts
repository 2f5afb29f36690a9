/**
 * How approved appeals enter a month's figures (core/ranking/appeals.ts): the adjustments at
 * a level, the counts corrected by them, and the line they add to the inputs' checksum.
 */
import {
  adjustmentAt,
  applyAdjustments,
  correctCounts,
  type AppealAdjustment,
} from '../../core/ranking/appeals';
import type { Period } from '../../core/ranking/periods';
import type { RankingLevel } from '../../core/ranking/ranking';
import { aggregatePeriod, emptyCounts, type UnitCounts } from '../../core/ranking/unit-counts';
import type { StageLimits } from '../../core/cases/stage-clocks';
import { approvedAppealParties } from '../../db/queries/appeals';
import {
  aggregateIntakeByPeriod,
  loadHandlingCases,
  loadIntakeCases,
} from '../../db/queries/ranking-facts';
import type { Db } from '../../db/open';

/** The month's approved appeals as they touch `level`; none for weeks and other lengths. */
export function appealAdjustments(db: Db, level: RankingLevel, period: Period): AppealAdjustment[] {
  if (period.kind !== 'month') return [];
  return approvedAppealParties(db, period.key)
    .map((parties) => adjustmentAt(level, parties))
    .filter((a): a is AppealAdjustment => a !== null);
}

/** Corrects SQLite's counts for the window by the adjustments (a few cases: their facts are read again). */
export function correctCountsByAppeals(
  db: Db,
  counts: Map<string, UnitCounts>,
  input: {
    level: RankingLevel;
    period: Period;
    window: { start: number; end: number };
    asOf: number;
    stages: StageLimits;
    adjustments: readonly AppealAdjustment[];
    /** False when `counts` hold the handling figures only (the previous period's ranks). */
    withIntake?: boolean;
  },
): void {
  if (input.adjustments.length === 0) return;
  const filter = { caseIds: input.adjustments.map((a) => a.caseId) };
  const handling = loadHandlingCases(db, input.level, input.window, filter);
  const intake =
    input.withIntake === false ? [] : loadIntakeCases(db, input.level, input.window, filter);
  const count = (h: typeof handling, i: typeof intake) =>
    aggregatePeriod(input.period, h, i, input.asOf, input.stages).counts;
  correctCounts(
    counts,
    count(handling, intake),
    count(
      applyAdjustments(handling, input.adjustments),
      applyAdjustments(intake, input.adjustments),
    ),
  );
}

/** The checksum line of the adjustments; empty without any, so other months' inputs read as before. */
export function adjustmentsDigestLine(adjustments: readonly AppealAdjustment[]): string {
  if (adjustments.length === 0) return '';
  return `appeals|${adjustments.map((a) => `${a.appealId}:${a.caseId}:${a.fromUnit}>${a.toUnit ?? '-'}`).join(',')}\n`;
}

/** Adds each window's intake counts (受理, 立案, 及时受理) to its per-unit counts, in place. */
export function addIntakeCounts(
  db: Db,
  level: RankingLevel,
  windows: ReadonlyArray<{ start: number; end: number }>,
  into: ReadonlyArray<Map<string, UnitCounts>>,
): void {
  for (const { periodIndex, unitCode, ...intake } of aggregateIntakeByPeriod(db, level, windows)) {
    const counts = into[periodIndex]!;
    counts.set(unitCode, { ...(counts.get(unitCode) ?? emptyCounts()), ...intake });
  }
}
