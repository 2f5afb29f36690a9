/**
 * What a published bulletin freezes (bulletins.figures, JSON): the ranking as computed, the
 * weights used, the 12-month trend printed beside it, and for every unit the ids of the
 * cases behind each figure with their flags, so a drill-down into a published bulletin
 * shows exactly what was counted then, whatever imports changed since.
 */
import type { UnitCaseFlags } from '../../core/ranking/unit-counts';
import type { FrozenAppeal, PartySection, RankingResult, TrendResult } from '../contract/ranking';

export type { FrozenAppeal };

/**
 * 3: with the 党建引领 section; 2: with the month's appeals (schema 1 bulletins, published
 * before appeals, have neither; schema 2 have no party section).
 */
export const BULLETIN_FIGURES_SCHEMA = 3;
const KNOWN_SCHEMAS: readonly number[] = [1, 2, BULLETIN_FIGURES_SCHEMA];

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
  schema: 1 | 2 | typeof BULLETIN_FIGURES_SCHEMA;
  trend: TrendResult;
  cases: Record<string, UnitCaseFlags>;
  appeals?: FrozenAppeal[];
  party?: PartySection;
};

export function parseBulletinFigures(text: string): BulletinFigures {
  const figures = JSON.parse(text) as BulletinFigures;
  if (!KNOWN_SCHEMAS.includes(figures.schema) || !Array.isArray(figures.rows)) {
    // Written only by this program: another shape is a bug or a newer GridDesk's bulletin.
    throw new Error(`bulletin figures of an unknown shape (schema ${String(figures.schema)})`);
  }
  return figures;
}
