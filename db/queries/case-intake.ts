/**
 * What quick entry (快速登记) reads: the next desk number of the day, and the open cases that
 * may be the same problem (the case itself is planned by core/cases/intake.ts).
 */
import {
  boxAround,
  DUPLICATE_RADIUS_M,
  DUPLICATE_WINDOW_MS,
  type DuplicateProbe,
} from '../../core/cases/duplicates';
import { caseNumberGlob, caseNumberSerial, formatCaseNumber } from '../../core/cases/case-number';
import { startOfDay, DAY_MS } from '../../core/time';
import { OPEN_STATES_SQL } from '../../core/cases/case-states';
import { CASE_NEARBY_VIEW, type CaseNearbyRow } from '../../core/cases/case-views';
import type { Db } from '../open';
import { selectCaseView } from './case-select';

/** The next desk number of the day: one more than the day's highest serial. */
export function nextCaseNumber(db: Db, categoryCode: string, reportedAt: number): string {
  const dayStart = startOfDay(reportedAt);
  const numbers = db
    .prepare<[number, number, string], string>(
      `SELECT case_no FROM cases WHERE reported_at >= ? AND reported_at < ? AND case_no GLOB ?`,
    )
    .pluck()
    .all(dayStart, dayStart + DAY_MS, caseNumberGlob(reportedAt));
  let serial = 0;
  for (const caseNo of numbers) serial = Math.max(serial, caseNumberSerial(caseNo) ?? 0);
  let candidate = formatCaseNumber(categoryCode, reportedAt, serial + 1);
  // A case imported with a desk-style number of another day could hold it: step past.
  const taken = db.prepare<[string], number>('SELECT 1 FROM cases WHERE case_no = ?').pluck();
  while (taken.get(candidate)) {
    serial += 1;
    candidate = formatCaseNumber(categoryCode, reportedAt, serial + 1);
  }
  return candidate;
}

/** Open cases of the category reported within 24 h, near the point or in the grid. */
export function readDuplicateCandidates(
  db: Db,
  probe: DuplicateProbe,
  excludeCaseId: number | null,
): CaseNearbyRow[] {
  const params: Record<string, unknown> = {
    category: probe.categoryCode,
    from: probe.reportedAt - DUPLICATE_WINDOW_MS,
    to: probe.reportedAt + DUPLICATE_WINDOW_MS,
    exclude: excludeCaseId ?? -1,
  };
  let near: string;
  if (probe.lng != null && probe.lat != null) {
    // A box a little wider than 50 m pre-filters; core/cases/duplicates measures exactly.
    Object.assign(params, boxAround(probe.lng, probe.lat, DUPLICATE_RADIUS_M * 1.5));
    near = 'c.lng BETWEEN @minLng AND @maxLng AND c.lat BETWEEN @minLat AND @maxLat';
  } else if (probe.gridCode) {
    params.grid = probe.gridCode;
    near = 'c.grid_code = @grid';
  } else {
    return [];
  }
  return selectCaseView(
    db,
    CASE_NEARBY_VIEW,
    `WHERE c.category_code = @category AND c.state IN ${OPEN_STATES_SQL}
        AND c.reported_at BETWEEN @from AND @to AND c.id <> @exclude AND ${near}
      ORDER BY c.reported_at DESC LIMIT 20`,
    params,
  );
}
