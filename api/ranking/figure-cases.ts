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
import type { FigureCase, FigureCasesResult } from '../contract/ranking';
import { UserError } from '../errors';
import { requireBulletin } from './bulletins';
import { periodInfo } from './periods';

interface FigureCasesQuery {
  period: Period;
  level: RankingLevel;
  unitCode: string;
  figure: CountFigure;
  bulletinId: number | undefined;
  limit: number;
  now: number;
}

export function figureCases(db: Db, query: FigureCasesQuery): FigureCasesResult {
  const kind = INTAKE_FIGURES.includes(query.figure) ? 'intake' : 'handling';
  let flags: UnitCaseFlags | undefined;
  let unitName: string | undefined;
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
  } else {
    const window = measuredWindow(query.period, query.now);
    const handling =
      kind === 'handling' ? loadHandlingCases(db, query.level, window, query.unitCode) : [];
    const intake =
      kind === 'intake' ? loadIntakeCases(db, query.level, window, query.unitCode) : [];
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
    missing: counted.length - rows.length,
  };
}
