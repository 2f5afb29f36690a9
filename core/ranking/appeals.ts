/**
 * Appeals (申诉) before a month's bulletin is published (docs/design/DOMAIN.md "Appeals"):
 * what an approved appeal does to the figures. A unit (a community or a department) appeals
 * how one of its cases counts in one month; when a leader approves, the case leaves that
 * unit's figures for that month, or moves to the unit the appeal names. A rejected or
 * undecided appeal changes nothing.
 *
 * How an approval reaches each level of the ranking:
 * - community level: a community's appeal takes the case out of its figures; a named
 *   community gets it instead (a named department is not ranked here, so it only leaves);
 * - grid level: a community's appeal takes the case out of its grid's figures (a grid is
 *   part of the community; no grid is named, so a move only leaves);
 * - unit level (责任单位): a unit's appeal on a case it leads takes it out, and the named
 *   unit gets it.
 * Only the appeal's month is touched: weeks, quarters and other months count as before.
 */
import type { HandlingCase, IntakeCase } from './case-facts';
import { emptyCounts, type UnitCounts } from './unit-counts';

export const APPEAL_REASON_KINDS = [
  'not_responsible',
  'wrong_category',
  'force_majeure',
  'duplicate',
  'other',
] as const;
export type AppealReasonKind = (typeof APPEAL_REASON_KINDS)[number];

export const APPEAL_REASON_ZH: Record<AppealReasonKind, string> = {
  not_responsible: '非本单位职责',
  wrong_category: '类别或立案条件有误',
  force_majeure: '不可抗力',
  duplicate: '重复案件',
  other: '其他',
};

export const APPEAL_REASON_EN: Record<AppealReasonKind, string> = {
  not_responsible: 'not our responsibility',
  wrong_category: 'wrong category or standard',
  force_majeure: 'force majeure',
  duplicate: 'duplicate',
  other: 'other',
};

export type AppealStatus = 'pending' | 'approved' | 'rejected';

/** What one approved appeal does at one level: the case leaves `fromUnit` (for `toUnit`, if any). */
export interface AppealAdjustment {
  appealId: number;
  caseId: number;
  fromUnit: string;
  toUnit: string | null;
}

/** The appellant's and the named unit's place in the ranking's levels (units and places tables). */
export interface AppealParties {
  appealId: number;
  caseId: number;
  /** The appellant's unit code, its kind and, for a community, its place code. */
  unitCode: string;
  unitKind: 'department' | 'community' | 'street';
  unitPlaceCode: string | null;
  target: {
    code: string;
    kind: 'department' | 'community' | 'street';
    placeCode: string | null;
  } | null;
  /** The case's attribution now. */
  caseCommunityCode: string | null;
  caseGridCode: string | null;
  caseLeadUnitCode: string | null;
}

/** The adjustment an approved appeal makes at `level`, or null when it does not touch that level. */
export function adjustmentAt(
  level: 'community' | 'grid' | 'unit',
  p: AppealParties,
): AppealAdjustment | null {
  const base = { appealId: p.appealId, caseId: p.caseId };
  if (level === 'unit') {
    if (p.caseLeadUnitCode !== p.unitCode) return null;
    return { ...base, fromUnit: p.unitCode, toUnit: p.target?.code ?? null };
  }
  // Communities and grids: only a community's appeal on a case in its community.
  if (p.unitKind !== 'community' || p.unitPlaceCode === null) return null;
  if (p.caseCommunityCode !== p.unitPlaceCode) return null;
  if (level === 'grid') {
    return p.caseGridCode === null ? null : { ...base, fromUnit: p.caseGridCode, toUnit: null };
  }
  const toCommunity = p.target?.kind === 'community' ? p.target.placeCode : null;
  return { ...base, fromUnit: p.unitPlaceCode, toUnit: toCommunity };
}

/**
 * The facts with the adjustments applied: a case leaves its unit, or is counted under the
 * named one. Facts of other cases, and of this case under another unit, pass unchanged.
 */
export function applyAdjustments<F extends HandlingCase | IntakeCase>(
  facts: readonly F[],
  adjustments: readonly AppealAdjustment[],
): F[] {
  if (adjustments.length === 0) return [...facts];
  const byCase = new Map(adjustments.map((a) => [a.caseId, a]));
  const out: F[] = [];
  for (const fact of facts) {
    const adjustment = byCase.get(fact.caseId);
    if (!adjustment || adjustment.fromUnit !== fact.unitCode) out.push(fact);
    else if (adjustment.toUnit !== null) out.push({ ...fact, unitCode: adjustment.toUnit });
  }
  return out;
}

/**
 * Counts made without the appeals (SQLite's GROUP BY), corrected by them: the adjusted
 * cases' own counts are taken out (`before`, from their facts as stored) and put back as
 * the appeals place them (`after`, from applyAdjustments). Equal to counting the adjusted
 * facts from scratch, which a test holds.
 */
export function correctCounts(
  counts: Map<string, UnitCounts>,
  before: ReadonlyMap<string, UnitCounts>,
  after: ReadonlyMap<string, UnitCounts>,
): void {
  const shift = (from: ReadonlyMap<string, UnitCounts>, sign: 1 | -1) => {
    for (const [unit, delta] of from) {
      let c = counts.get(unit);
      if (!c) counts.set(unit, (c = emptyCounts()));
      for (const key of Object.keys(delta) as Array<keyof UnitCounts>) c[key] += sign * delta[key];
    }
  };
  shift(before, -1);
  shift(after, 1);
}
