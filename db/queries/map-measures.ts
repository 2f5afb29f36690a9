/**
 * What the map colours grids and communities by, for one period (a month or ISO week):
 * - open (在办): cases open at the period's end (or now, for the running period);
 * - overdue (超期): of those, registered, past their deadline, clock not paused (suspended);
 * - reported (受理数) and cases per 1,000 households: cases reported in the period, voided ones
 *   left out (DOMAIN.md: voided cases never count);
 * - the composite score and tier (蓝黄红) from DOMAIN.md's accountable cases: a registered case
 *   counts in the period holding min(closed_at, due_at). A case whose deadline is still
 *   ahead and which is still open has not become accountable yet, so a running month is
 *   not marked down for deadlines that have not come. Suspended cases are not accountable.
 *
 * The monthly ranking engine (月度排名) will own these indices; until it lands the map
 * computes the handful it shows here, with the same rules.
 */
import {
  DEFAULT_TIERS,
  DEFAULT_WEIGHTS,
  unitIndices,
  type AccountableCounts,
  type IndexWeights,
  type TierThresholds,
  type UnitIndices,
} from '../../core/map/composite-score';
import type { Period } from '../../core/map/periods';
import type { Db } from '../open';

export interface PlaceMeasures extends UnitIndices, AccountableCounts {
  code: string;
  open: number;
  overdue: number;
  reported: number;
  households: number | null;
  /** Cases reported in the period per 1,000 households; null without households. */
  per1000Households: number | null;
}

export interface MapMeasures {
  /** The instant open and overdue are counted at: the period's end, or now if earlier. */
  asOf: number;
  weights: IndexWeights;
  tiers: TierThresholds;
  grids: PlaceMeasures[];
  communities: PlaceMeasures[];
}

interface CountRow extends AccountableCounts {
  code: string;
  open: number;
  overdue: number;
  reported: number;
}

const OPEN_AT = `c.reported_at < :asOf
  AND (c.closed_at IS NULL OR c.closed_at >= :asOf)
  AND NOT (c.state = 'voided' AND coalesce(c.voided_at, c.updated_at) < :asOf)`;

/** The instant a registered case becomes accountable: min(closed_at, due_at). */
const ACCOUNTABLE_AT = `CASE WHEN c.closed_at IS NOT NULL AND (c.due_at IS NULL OR c.closed_at < c.due_at)
  THEN c.closed_at ELSE c.due_at END`;

function countsSql(unitColumn: 'grid_code' | 'community_code'): string {
  return `
    SELECT c.${unitColumn} AS code,
      sum(CASE WHEN ${OPEN_AT} THEN 1 ELSE 0 END) AS open,
      sum(CASE WHEN ${OPEN_AT} AND c.registered_at IS NOT NULL AND c.state <> 'suspended'
               AND c.due_at < :asOf THEN 1 ELSE 0 END) AS overdue,
      sum(CASE WHEN c.reported_at >= :start AND c.reported_at < :end AND c.state <> 'voided'
               THEN 1 ELSE 0 END) AS reported,
      sum(acc) AS due,
      sum(CASE WHEN acc AND c.closed_at < :end THEN 1 ELSE 0 END) AS closed,
      sum(CASE WHEN acc AND c.closed_at < :end AND c.closed_at <= c.due_at THEN 1 ELSE 0 END) AS onTime,
      sum(CASE WHEN acc AND c.rework_count > 0 THEN 1 ELSE 0 END) AS reworked,
      sum(CASE WHEN acc AND c.satisfaction IS NOT NULL THEN 1 ELSE 0 END) AS withCallback,
      sum(CASE WHEN acc AND c.satisfaction IN ('satisfied', 'basically_satisfied') THEN 1 ELSE 0 END) AS satisfied
    FROM (
      SELECT c.*,
        (c.registered_at IS NOT NULL AND c.state NOT IN ('voided', 'suspended')
          AND ${ACCOUNTABLE_AT} >= :start AND ${ACCOUNTABLE_AT} < :end
          AND ${ACCOUNTABLE_AT} < :now) AS acc
      FROM cases c
      WHERE c.${unitColumn} IS NOT NULL
        AND (c.reported_at < :end)
        AND (c.closed_at IS NULL OR c.closed_at >= :start OR c.due_at >= :start)
    ) c
    GROUP BY c.${unitColumn}`;
}

function readSetting<T>(db: Db, key: string, fallback: T): T {
  const value = db
    .prepare<[string], string>('SELECT value FROM settings WHERE key = ?')
    .pluck()
    .get(key);
  if (value === undefined) return fallback;
  try {
    return { ...fallback, ...(JSON.parse(value) as T) };
  } catch {
    return fallback;
  }
}

export function readMapMeasures(db: Db, period: Period, now: number): MapMeasures {
  const weights = readSetting<IndexWeights>(db, 'index.weights', DEFAULT_WEIGHTS);
  const tiers = readSetting<TierThresholds>(db, 'index.tiers', DEFAULT_TIERS);
  const asOf = Math.min(now, period.end);
  const params = { start: period.start, end: period.end, asOf, now };
  const places = db
    .prepare<[], { code: string; level: string; households: number | null }>(
      `SELECT code, level, households FROM places WHERE level IN ('community', 'grid') ORDER BY code`,
    )
    .all();
  const measure = (unitColumn: 'grid_code' | 'community_code', level: string) => {
    const counts = new Map(
      db
        .prepare<typeof params, CountRow>(countsSql(unitColumn))
        .all(params)
        .map((row) => [row.code, row]),
    );
    return places
      .filter((place) => place.level === level)
      .map((place): PlaceMeasures => {
        const row = counts.get(place.code);
        const accountable: AccountableCounts = {
          due: row?.due ?? 0,
          closed: row?.closed ?? 0,
          onTime: row?.onTime ?? 0,
          reworked: row?.reworked ?? 0,
          withCallback: row?.withCallback ?? 0,
          satisfied: row?.satisfied ?? 0,
        };
        const reported = row?.reported ?? 0;
        return {
          code: place.code,
          open: row?.open ?? 0,
          overdue: row?.overdue ?? 0,
          reported,
          households: place.households,
          per1000Households: place.households ? (reported * 1000) / place.households : null,
          ...accountable,
          ...unitIndices(accountable, weights, tiers),
        };
      });
  };
  return {
    asOf,
    weights,
    tiers,
    grids: measure('grid_code', 'grid'),
    communities: measure('community_code', 'community'),
  };
}
