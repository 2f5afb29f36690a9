/**
 * Cases related to one case (相关案件): the same category nearby (within about 100 m, or in
 * the same grid when there is no point) reported within a week either side, and a case it
 * was voided as a duplicate of. core/cases/duplicates says which are likely duplicates.
 */
import { boxAround } from '../../core/cases/duplicates';
import { DAY_MS } from '../../core/time';
import type { Db } from '../open';

export interface RelatedRow {
  id: number;
  caseNo: string;
  state: string;
  categoryCode: string;
  categoryName: string;
  address: string | null;
  reportedAt: number;
  lng: number | null;
  lat: number | null;
  gridCode: string | null;
}

const COLUMNS = `c.id, c.case_no AS caseNo, c.state, c.category_code AS categoryCode,
  cat.minor_name AS categoryName, c.address, c.reported_at AS reportedAt, c.lng, c.lat,
  c.grid_code AS gridCode`;

export function readRelatedCases(
  db: Db,
  of: {
    id: number;
    categoryCode: string;
    reportedAt: number;
    lng: number | null;
    lat: number | null;
    gridCode: string | null;
  },
  duplicateOfCaseNo: string | null,
): RelatedRow[] {
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
  const rows: RelatedRow[] = near
    ? db
        .prepare<Record<string, unknown>, RelatedRow>(
          `SELECT ${COLUMNS} FROM cases c JOIN categories cat ON cat.code = c.category_code
            WHERE c.category_code = @category AND c.reported_at BETWEEN @from AND @to
              AND c.id <> @id AND ${near}
            ORDER BY abs(c.reported_at - ${Number(of.reportedAt)}) LIMIT 10`,
        )
        .all(params)
    : [];
  if (duplicateOfCaseNo && !rows.some((r) => r.caseNo === duplicateOfCaseNo)) {
    const original = db
      .prepare<[string], RelatedRow>(
        `SELECT ${COLUMNS} FROM cases c JOIN categories cat ON cat.code = c.category_code WHERE c.case_no = ?`,
      )
      .get(duplicateOfCaseNo);
    if (original) rows.unshift(original);
  }
  return rows;
}
