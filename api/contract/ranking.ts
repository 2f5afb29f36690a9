/**
 * 月度排名: indices, composite score, tiers and ranking per community, grid or unit for a
 * month or ISO week; drill-down to the cases behind every figure; versioned weights;
 * published bulletins (frozen) and their exports.
 */
import { z } from 'zod';
import type { AppealReasonKind, AppealStatus } from '../../core/ranking/appeals';
import type { CaseListRow } from '../../core/cases/case-views';
import type { PeriodKind } from '../../core/ranking/periods';
import type { RankingLevel } from '../../core/ranking/ranking';
import {
  COUNT_FIGURES,
  type CountFigure,
  type UnitCounts,
  type UnitRates,
} from '../../core/ranking/unit-counts';
import type { BulletinSummaryRecord } from '../../db/queries/bulletins';
import type { DraftSummary as DraftSummaryRecord } from '../../db/queries/bulletin-drafts';
import type { Grade, Tier, WeightSet } from '../../core/ranking/weight-set';
import { method } from './define';
import type { PartyFigures } from './wishes';

export type { RankingLevel };

export interface PeriodInfo {
  kind: PeriodKind;
  /** `2026-10` or `2026-W47`. */
  key: string;
  start: number;
  end: number;
}

export interface RankingRow {
  unitCode: string;
  unitName: string;
  counts: UnitCounts;
  rates: UnitRates;
  /** 0–100, unrounded; null when the unit had no due cases. */
  score: number | null;
  tier: Tier | null;
  grade: Grade | null;
  /** null when unranked. */
  rank: number | null;
  /** The unit's rank and score in the period before (the published bulletin's when there is one). */
  previousRank: number | null;
  previousScore: number | null;
  previousTier: Tier | null;
}

/** A published bulletin without its figures (db/queries/bulletins.ts). */
export type BulletinSummary = BulletinSummaryRecord;

export interface RankingResult {
  period: PeriodInfo;
  previousPeriod: PeriodInfo;
  level: RankingLevel;
  /** When the figures were computed (a bulletin: when it was published). */
  computedAt: number;
  weightSet: WeightSet;
  rows: RankingRow[];
  /** Where the previous ranks come from: the previous period's bulletin, or a live computation. */
  previousSource: 'bulletin' | 'live';
  /**
   * SHA-256 of the per-case facts and weights used. A live ranking has it when asked for
   * (`checksum`) or when its month has a published version or a draft at this level (to say
   * whether today's data still matches it); else null. Frozen figures always have it.
   */
  inputsSha256: string | null;
  /** The bulletin these figures are, when a published one was asked for. */
  bulletin: BulletinSummary | null;
  /** The draft (征求意见稿) these figures are, when one was asked for. */
  draft: DraftSummaryRecord | null;
  /** The newest published version for this period and level (months only). */
  latestBulletin: BulletinSummary | null;
  /** A bulletin's trend as frozen with it; null for a live ranking (ask ranking.trend). */
  trend: TrendResult | null;
  /**
   * A bulletin: whether its stored figures still match the checksum taken at publish (false:
   * the database was changed around its triggers; shown with a banner, never exported).
   * null for a live ranking.
   */
  bulletinIntact: boolean | null;
  /**
   * The month's appeals with their decisions: as a bulletin froze them, or as they stand now
   * for a live month (empty for weeks and for bulletins published before appeals existed).
   */
  appeals: FrozenAppeal[];
  /**
   * The 党建引领 section (per community) as a bulletin or draft froze it; null for a live
   * ranking (the screen asks party.figures) and for versions frozen before the section existed.
   */
  party: PartySection | null;
}

/** A month's party-building figures per community, frozen with a bulletin, and their hash. */
export type PartySection = PartyFigures & { sha256: string };

export interface TrendSeries {
  unitCode: string;
  unitName: string;
  /** One per period, oldest first; null where the unit had no due cases. */
  scores: Array<number | null>;
  tiers: Array<Tier | null>;
}

export interface TrendResult {
  periods: PeriodInfo[];
  level: RankingLevel;
  series: TrendSeries[];
}

/** A case behind a figure: core/cases/case-views.ts CASE_LIST_VIEW, and why it counts. */
export type FigureCase = CaseListRow & {
  /** core/ranking HANDLING_FLAG or INTAKE_FLAG bits, as counted for the period. */
  flags: number;
};

export interface FigureCasesResult {
  period: PeriodInfo;
  level: RankingLevel;
  unitCode: string;
  unitName: string;
  figure: CountFigure;
  /** Which set the figure belongs to: accountable (handling) or reported (intake) cases. */
  kind: 'handling' | 'intake';
  /** How many cases the figure counts (the list may be shorter: see `limit`). */
  total: number;
  limit: number;
  cases: FigureCase[];
  /** Ids as frozen in a bulletin: the list shows today's details of the cases it counted. */
  bulletinId: number | null;
  /** The same for a draft. */
  draftId: number | null;
  /** Cases the bulletin counted that are no longer in the database. */
  missing: number;
  /**
   * The unit's cases an approved appeal took out of this month's figures (or moved to
   * another unit), and the cases moved in to it, with the appeal's reason and decision.
   */
  appealed: AppealedCase[];
}

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

export interface AppealedCase {
  appealId: number;
  caseId: number;
  caseNo: string;
  reasonKind: AppealReasonKind;
  reason: string;
  decisionNote: string | null;
  /** removed: counted nowhere at this level; moved_out: to `otherUnit`; moved_in: from `otherUnit`. */
  effect: 'removed' | 'moved_out' | 'moved_in';
  otherUnit: string | null;
  /** The other unit's name (the named unit, or the appellant for a case moved in). */
  otherUnitName: string | null;
}

export interface WeightSetsResult {
  current: WeightSet;
  history: WeightSet[];
}

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  /** The file's bytes, base64. */
  base64: string;
  bytes: number;
}

export const RANKING_LEVEL_SCHEMA = z.enum(['community', 'grid', 'unit']);
export const PERIOD_KEY_SCHEMA = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2]|W\d{2})$/, 'expected YYYY-MM or YYYY-Www');
export const MONTH_KEY_SCHEMA = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM');
const FIGURE_SCHEMA = z.enum(COUNT_FIGURES);
const WEIGHT = z.number().min(0).max(1);
const THRESHOLD = z.number().min(0).max(100);

export const rankingContract = {
  'ranking.compute': method<RankingResult>()(
    z
      .object({
        period: PERIOD_KEY_SCHEMA,
        level: RANKING_LEVEL_SCHEMA.default('community'),
        /** A published bulletin's frozen figures instead of a live computation. */
        bulletinId: z.number().int().positive().optional(),
        /** A draft bulletin's (征求意见稿) frozen figures. */
        draftId: z.number().int().positive().optional(),
        /** A live ranking's inputs checksum even with no version to compare it with. */
        checksum: z.boolean().optional(),
      })
      .strict(),
  ),
  'ranking.trend': method<TrendResult>()(
    z
      .object({
        /** The last period of the trend. */
        period: PERIOD_KEY_SCHEMA,
        level: RANKING_LEVEL_SCHEMA.default('community'),
        count: z.number().int().min(2).max(24).default(12),
      })
      .strict(),
  ),
  'ranking.cases': method<FigureCasesResult>()(
    z
      .object({
        period: PERIOD_KEY_SCHEMA,
        level: RANKING_LEVEL_SCHEMA.default('community'),
        unitCode: z.string().min(1).max(40),
        figure: FIGURE_SCHEMA,
        bulletinId: z.number().int().positive().optional(),
        draftId: z.number().int().positive().optional(),
        limit: z.number().int().min(1).max(20_000).default(5_000),
      })
      .strict(),
  ),
  'ranking.weights': method<WeightSetsResult>()(z.object({}).strict()),
  'ranking.weights.save': method<WeightSet>()(
    z
      .object({
        weights: z
          .object({
            onTimeRate: WEIGHT,
            closureRate: WEIGHT,
            reworkFree: WEIGHT,
            satisfactionRate: WEIGHT,
            // The stage weights: 0 (not in the score) unless an admin sets them.
            timelyAcceptRate: WEIGHT.default(0),
            dispatchOnTimeRate: WEIGHT.default(0),
            onsiteOnTimeRate: WEIGHT.default(0),
            handleOnTimeRate: WEIGHT.default(0),
            verifyOnTimeRate: WEIGHT.default(0),
          })
          .strict(),
        tiers: z.object({ blue: THRESHOLD, yellow: THRESHOLD }).strict(),
        grades: z.object({ A: THRESHOLD, B: THRESHOLD, C: THRESHOLD, D: THRESHOLD }).strict(),
      })
      .strict(),
  ),
  'ranking.export': method<ExportedFile>()(
    z
      .object({
        period: PERIOD_KEY_SCHEMA,
        level: RANKING_LEVEL_SCHEMA.default('community'),
        format: z.enum(['xlsx', 'pdf']),
        bulletinId: z.number().int().positive().optional(),
        draftId: z.number().int().positive().optional(),
      })
      .strict(),
  ),
  'bulletin.publish': method<BulletinSummary>()(
    z
      .object({
        period: MONTH_KEY_SCHEMA,
        level: RANKING_LEVEL_SCHEMA.default('community'),
        notes: z.string().max(2000).optional(),
        /** Publish before the month's appeal window ends, closing it (提前结束申诉期). */
        closeAppealWindow: z.boolean().optional(),
      })
      .strict(),
  ),
  'bulletin.list': method<BulletinSummary[]>()(
    z
      .object({
        period: MONTH_KEY_SCHEMA.optional(),
        level: RANKING_LEVEL_SCHEMA.optional(),
      })
      .strict(),
  ),
};
