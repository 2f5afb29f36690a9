/** The month's appeals as a bulletin or draft freezes them (api/ranking/bulletin-figures.ts). */
import type { AppealAdjustment } from '../../core/ranking/appeals';
import type { Period } from '../../core/ranking/periods';
import { listAppeals } from '../../db/queries/appeals';
import type { Db } from '../../db/open';
import type { FrozenAppeal } from './bulletin-figures';

export function frozenAppeals(
  db: Db,
  period: Period,
  adjustments: readonly AppealAdjustment[],
): FrozenAppeal[] {
  if (period.kind !== 'month') return [];
  const applied = new Map(adjustments.map((a) => [a.appealId, a]));
  return listAppeals(db, { period: period.key }).map((a) => {
    const adjustment = applied.get(a.id);
    return {
      id: a.id,
      caseId: a.caseId,
      caseNo: a.caseNo,
      unitCode: a.unitCode,
      unitName: a.unitName,
      reasonKind: a.reasonKind,
      reason: a.reason,
      targetUnitCode: a.targetUnitCode,
      targetUnitName: a.targetUnitName,
      status: a.status,
      decisionNote: a.decisionNote,
      decidedBy: a.decidedBy,
      decidedAt: a.decidedAt,
      applied: adjustment ? { fromUnit: adjustment.fromUnit, toUnit: adjustment.toUnit } : null,
    };
  });
}
