/**
 * Every number opens (docs/design/UI.md): the cases behind one figure of one unit and period, live or
 * as a published bulletin froze them.
 */
import { measuredWindow, type Period } from '../../core/ranking/periods';
import type { RankingLevel } from '../../core/ranking/ranking';
import {
  INTAKE_FIGURES,
  aggregatePeriod,
  countsTowards,
  type CountFigure,
  type UnitCaseFlags,
} from '../../core/ranking/unit-counts';
import { loadFigureCases } from '../../db/queries/figure-cases';
import { loadStageLimits } from '../../db/queries/clock-rules';
import {
  listRankingUnits,
  loadHandlingCases,
  loadIntakeCases,
} from '../../db/queries/ranking-facts';
import type { Db } from '../../db/open';
import type { AppealedCase, FigureCase, FigureCasesResult } from '../contract/ranking';
import { applyAdjustments } from '../../core/ranking/appeals';
import { appealAdjustments } from './appeal-figures';
import type { FrozenAppeal } from './bulletin-figures';
import { frozenAppeals } from './frozen-appeals';
import { requireDraft } from './drafts';
import { UserError } from '../errors';
import { requireBulletin } from './bulletins';
import { periodInfo } from './periods';

interface FigureCasesQuery {
  period: Period;
  level: RankingLevel;
  unitCode: string;
  figure: CountFigure;
  bulletinId: number | undefined;
  draftId?: number | undefined;
  limit: number;
  now: number;
}

export function figureCases(db: Db, query: FigureCasesQuery): FigureCasesResult {
  const kind = INTAKE_FIGURES.includes(query.figure) ? 'intake' : 'handling';
  let flags: UnitCaseFlags | undefined;
  let unitName: string | undefined;
  let appeals: FrozenAppeal[];
  if (query.bulletinId !== undefined) {
    const { record, figures } = requireBulletin(db, query.bulletinId);
    if (record.period !== query.period.key || record.level !== query.level) {
      throw new UserError(
        'bulletin_mismatch',
        {
          zh: `通报 ${record.id} 是 ${record.period} 的${record.level}排名，不是 ${query.period.key} 的${query.level}排名。`,
          en: `Bulletin ${record.id} ranks ${record.level} for ${record.period}, not ${query.level} for ${query.period.key}.`,
        },
        'bulletinId',
      );
    }
    flags = figures.cases[query.unitCode];
    unitName = figures.rows.find((r) => r.unitCode === query.unitCode)?.unitName;
    appeals = figures.appeals ?? [];
  } else if (query.draftId !== undefined) {
    const { figures } = requireDraft(db, query.draftId, {
      period: query.period.key,
      level: query.level,
    });
    flags = figures.cases[query.unitCode];
    unitName = figures.rows.find((r) => r.unitCode === query.unitCode)?.unitName;
    appeals = figures.appeals ?? [];
  } else {
    const window = measuredWindow(query.period, query.now);
    const adjustments = appealAdjustments(db, query.level, query.period);
    appeals = frozenAppeals(db, query.period, adjustments);
    // The unit's own cases and the ones appeals moved to it; then the appeals applied.
    const movedIn = {
      caseIds: adjustments.filter((a) => a.toUnit === query.unitCode).map((a) => a.caseId),
    };
    const load = <F>(read: (filter: string | { caseIds: number[] }) => F[]) => [
      ...read(query.unitCode),
      ...(movedIn.caseIds.length > 0 ? read(movedIn) : []),
    ];
    const handling =
      kind === 'handling'
        ? applyAdjustments(
            load((f) => loadHandlingCases(db, query.level, window, f)),
            adjustments,
          )
        : [];
    const intake =
      kind === 'intake'
        ? applyAdjustments(
            load((f) => loadIntakeCases(db, query.level, window, f)),
            adjustments,
          )
        : [];
    flags = aggregatePeriod(
      query.period,
      handling,
      intake,
      query.now,
      loadStageLimits(db),
    ).caseFlags.get(query.unitCode);
    unitName = listRankingUnits(db, query.level).find((u) => u.code === query.unitCode)?.name;
  }
  const counted = (flags?.[kind] ?? []).filter(([, f]) => countsTowards(query.figure, kind, f));
  const flagById = new Map(counted);
  const rows = loadFigureCases(
    db,
    counted.map(([id]) => id),
  );
  // Deadline order for handling figures, report order for intake: the order a leader reads.
  rows.sort((a, b) =>
    kind === 'handling'
      ? (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity) || a.id - b.id
      : a.reportedAt - b.reportedAt || a.id - b.id,
  );
  const cases: FigureCase[] = rows
    .slice(0, query.limit)
    .map((row) => ({ ...row, flags: flagById.get(row.id) ?? 0 }));
  return {
    period: periodInfo(query.period),
    level: query.level,
    unitCode: query.unitCode,
    unitName: unitName ?? query.unitCode,
    figure: query.figure,
    kind,
    total: counted.length,
    limit: query.limit,
    cases,
    bulletinId: query.bulletinId ?? null,
    draftId: query.draftId ?? null,
    missing: counted.length - rows.length,
    appealed: appealedCases(appeals, query.unitCode),
  };
}

/** The approved appeals that took cases out of, or moved cases in to, the unit at this level. */
function appealedCases(appeals: readonly FrozenAppeal[], unitCode: string): AppealedCase[] {
  const out: AppealedCase[] = [];
  for (const a of appeals) {
    if (!a.applied) continue;
    const base = {
      appealId: a.id,
      caseId: a.caseId,
      caseNo: a.caseNo,
      reasonKind: a.reasonKind,
      reason: a.reason,
      decisionNote: a.decisionNote,
    };
    if (a.applied.fromUnit === unitCode) {
      out.push({
        ...base,
        effect: a.applied.toUnit === null ? 'removed' : 'moved_out',
        otherUnit: a.applied.toUnit,
        otherUnitName: a.applied.toUnit === null ? null : a.targetUnitName,
      });
    } else if (a.applied.toUnit === unitCode) {
      out.push({
        ...base,
        effect: 'moved_in',
        otherUnit: a.applied.fromUnit,
        otherUnitName: a.unitName,
      });
    }
  }
  return out;
}
