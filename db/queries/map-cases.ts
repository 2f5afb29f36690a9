/**
 * Cases as the map shows them: the open ones as points coloured by their clock, and the
 * points of recent reports for the heat view. Only cases with a point are on the map; the
 * count of those without one is returned so the screen can say so.
 */
import { caseClock, type ClockColumns } from '../../core/cases/case-clock';
import type { CaseState } from '../../core/glossary';
import type { Db } from '../open';

export type PointClock = 'normal' | 'near_due' | 'overdue' | 'paused';

export interface CasePoint {
  id: number;
  caseNo: string;
  lng: number;
  lat: number;
  state: CaseState;
  clock: PointClock;
  categoryName: string;
  gridCode: string | null;
}

export interface CasePoints {
  asOf: number;
  points: CasePoint[];
  /** Open cases without a point (no coordinates recorded): not on the map. */
  withoutPoint: number;
}

interface PointRow extends ClockColumns {
  id: number;
  caseNo: string;
  lng: number | null;
  lat: number | null;
  categoryName: string;
  gridCode: string | null;
}

const OPEN_STATES =
  "('reported', 'registered', 'dispatched', 'in_progress', 'handled', 'suspended')";

export function readOpenCasePoints(db: Db, now: number): CasePoints {
  const rows = db
    .prepare<[], PointRow>(
      `SELECT c.id, c.case_no AS caseNo, c.lng, c.lat, c.state, cat.minor_name AS categoryName,
              c.grid_code AS gridCode, c.reported_at AS reportedAt, c.registered_at AS registeredAt,
              c.dispatched_at AS dispatchedAt, c.arrived_at AS arrivedAt, c.closed_at AS closedAt,
              c.accept_due_at AS acceptDueAt, c.onsite_due_at AS onsiteDueAt, c.due_at AS dueAt,
              c.due_window_ms AS dueWindowMs, c.suspended_at AS suspendedAt,
              c.state_before_suspend AS stateBeforeSuspend
         FROM cases c JOIN categories cat ON cat.code = c.category_code
        WHERE c.state IN ${OPEN_STATES}
        ORDER BY c.id`,
    )
    .iterate();
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
