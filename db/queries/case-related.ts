/**
 * Cases related to one case (相关案件): the same category nearby (within about 100 m, or in
 * the same grid when there is no point) reported within a week either side, and a case it
 * was voided as a duplicate of. core/cases/duplicates says which are likely duplicates.
 */
import { boxAround, type DuplicateCandidate } from '../../core/cases/duplicates';
import { CASE_NEARBY_VIEW, type CaseNearbyRow } from '../../core/cases/case-views';
import { DAY_MS } from '../../core/time';
import type { Db } from '../open';
import { selectCaseView } from './case-select';

export function readRelatedCases(
  db: Db,
  of: DuplicateCandidate,
  duplicateOfCaseNo: string | null,
): CaseNearbyRow[] {
  const params: Record<string, unknown> = {
    id: of.id,
    category: of.categoryCode,
    from: of.reportedAt - 7 * DAY_MS,
    to: of.reportedAt + 7 * DAY_MS,
  };
  let near: string | null = null;
  if (of.lng != null && of.lat != null) {
    Object.assign(params, boxAround(of.lng, of.lat, 100));
    near = 'c.lng BETWEEN @minLng AND @maxLng AND c.lat BETWEEN @minLat AND @maxLat';
  } else if (of.gridCode) {
    params.grid = of.gridCode;
    near = 'c.grid_code = @grid';
  }
  const rows = near
    ? selectCaseView(
        db,
        CASE_NEARBY_VIEW,
        `WHERE c.category_code = @category AND c.reported_at BETWEEN @from AND @to
            AND c.id <> @id AND ${near}
          ORDER BY abs(c.reported_at - ${Number(of.reportedAt)}) LIMIT 10`,
        params,
      )
    : [];
  if (duplicateOfCaseNo && !rows.some((r) => r.caseNo === duplicateOfCaseNo)) {
    const [original] = selectCaseView(db, CASE_NEARBY_VIEW, 'WHERE c.case_no = ?', [
      duplicateOfCaseNo,
    ]);
    if (original) rows.unshift(original);
  }
  return rows;
}
