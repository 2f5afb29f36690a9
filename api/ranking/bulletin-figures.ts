/**
 * What a published bulletin freezes (bulletins.figures, JSON): the ranking as computed, the
 * weights used, the 12-month trend printed beside it, and for every unit the ids of the
 * cases behind each figure with their flags, so a drill-down into a published bulletin
 * shows exactly what was counted then, whatever imports changed since.
 */
import type { AppealReasonKind, AppealStatus } from '../../core/ranking/appeals';
import type { UnitCaseFlags } from '../../core/ranking/unit-counts';
import type { RankingResult, TrendResult } from '../contract/ranking';

/** 2: with the month's appeals (schema 1 bulletins, published before appeals, have none). */
export const BULLETIN_FIGURES_SCHEMA = 2;

/** An appeal as a bulletin or draft froze it, with what it did at the bulletin's level. */
export interface FrozenAppeal {
  id: number;
  caseId: number;
  caseNo: string;
  unitCode: string;
  unitName: string;
  reasonKind: AppealReasonKind;
  reason: string;
  targetUnitCode: string | null;
  targetUnitName: string | null;
  status: AppealStatus;
  decisionNote: string | null;
  decidedBy: string | null;
  decidedAt: number | null;
  /** At this level: the unit the case left, and the one it went to (null: removed), if it applied. */
  applied: { fromUnit: string; toUnit: string | null } | null;
}

/** What a bulletin freezes: the ranking as computed, its trend, and each unit's counted cases. */
export type BulletinFigures = Pick<
  RankingResult,
  | 'period'
  | 'previousPeriod'
  | 'level'
  | 'computedAt'
  | 'weightSet'
  | 'rows'
  | 'previousSource'
  | 'inputsSha256'
> & {
  schema: 1 | typeof BULLETIN_FIGURES_SCHEMA;
  trend: TrendResult;
  cases: Record<string, UnitCaseFlags>;
  appeals?: FrozenAppeal[];
};

export function parseBulletinFigures(text: string): BulletinFigures {
  const figures = JSON.parse(text) as BulletinFigures;
  if (
    (figures.schema !== 1 && figures.schema !== BULLETIN_FIGURES_SCHEMA) ||
    !Array.isArray(figures.rows)
  ) {
    // Written only by this program: another shape is a bug or a newer GridDesk's bulletin.
    throw new Error(`bulletin figures of an unknown shape (schema ${String(figures.schema)})`);
  }
  return figures;
}
