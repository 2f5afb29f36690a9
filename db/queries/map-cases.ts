/**
 * Cases as the map shows them: the open ones as points coloured by their clock, and the
 * points of recent reports for the heat view. Only cases with a point are on the map; the
 * count of those without one is returned so the screen can say so.
 */
import { caseClock } from '../../core/cases/case-clock';
import { OPEN_STATES_SQL } from '../../core/cases/case-states';
import { CASE_POINT_VIEW, type CaseView } from '../../core/cases/case-views';
import type { Db } from '../open';
import { selectCaseView } from './case-select';

export type PointClock = 'normal' | 'near_due' | 'overdue' | 'paused';

/** What a point carries to the map: the view's identity fields and the clock computed here. */
export type CasePoint = Pick<
  CaseView<typeof CASE_POINT_VIEW>,
  'id' | 'caseNo' | 'state' | 'gridCode' | 'categoryName'
> & { lng: number; lat: number; clock: PointClock };

export interface CasePoints {
  asOf: number;
  points: CasePoint[];
  /** Open cases without a point (no coordinates recorded): not on the map. */
  withoutPoint: number;
}

export function readOpenCasePoints(db: Db, now: number): CasePoints {
  const rows = selectCaseView(
    db,
    CASE_POINT_VIEW,
    `WHERE c.state IN ${OPEN_STATES_SQL} ORDER BY c.id`,
    [],
  );
  const points: CasePoint[] = [];
  let withoutPoint = 0;
  for (const row of rows) {
    if (row.lng === null || row.lat === null) {
      withoutPoint++;
      continue;
    }
    const main = caseClock(row, now).main;
    const clock: PointClock =
      main && 'remainingMs' in main ? main.state : row.state === 'suspended' ? 'paused' : 'normal';
    points.push({
      id: row.id,
      caseNo: row.caseNo,
      lng: row.lng,
      lat: row.lat,
      state: row.state,
      clock,
      categoryName: row.categoryName,
      gridCode: row.gridCode,
    });
  }
  return { asOf: now, points, withoutPoint };
}

export interface HeatPoints {
  since: number;
  until: number;
  /** [lng, lat] of each case reported in the window (voided ones left out). */
  points: Array<[number, number]>;
}

export function readHeatPoints(db: Db, since: number, until: number): HeatPoints {
  const rows = db
    .prepare<{ since: number; until: number }, [number, number]>(
      `SELECT lng, lat FROM cases
        WHERE reported_at >= :since AND reported_at < :until AND state <> 'voided'
          AND lng IS NOT NULL AND lat IS NOT NULL`,
    )
    .raw()
    .all({ since, until });
  return { since, until, points: rows };
}
