/**
 * The map's snapshot counts per grid and community at one instant (the period's end, or
 * now for the running period):
 * - open (在办): reported before it, not closed and not voided before it;
 * - overdue (超期): of those, registered, past the deadline, clock not paused (suspended);
 *   for the running period this is exactly the overview's 超期 count, split by place.
 * The period's indices (受理数, 应结案数, rates, score, tier) come from the ranking engine
 * (api/ranking), so the map and the monthly ranking never disagree.
 */
import type { Db } from '../open';

interface PlaceSnapshot {
  code: string;
  level: 'community' | 'grid';
  households: number | null;
  open: number;
  overdue: number;
}

const OPEN_AT = `c.reported_at < :asOf
  AND (c.closed_at IS NULL OR c.closed_at >= :asOf)
  AND NOT (c.state = 'voided' AND coalesce(c.voided_at, c.updated_at) < :asOf)`;

function countsSql(unitColumn: 'grid_code' | 'community_code'): string {
  return `
    SELECT c.${unitColumn} AS code,
      sum(CASE WHEN ${OPEN_AT} THEN 1 ELSE 0 END) AS open,
      sum(CASE WHEN ${OPEN_AT} AND c.registered_at IS NOT NULL AND c.state <> 'suspended'
               AND c.due_at < :asOf THEN 1 ELSE 0 END) AS overdue
    FROM cases c
    WHERE c.${unitColumn} IS NOT NULL AND c.reported_at < :asOf
      AND (c.closed_at IS NULL OR c.closed_at >= :asOf)
    GROUP BY c.${unitColumn}`;
}

export function readPlaceSnapshots(db: Db, asOf: number): PlaceSnapshot[] {
  const places = db
    .prepare<[], { code: string; level: 'community' | 'grid'; households: number | null }>(
      `SELECT code, level, households FROM places WHERE level IN ('community', 'grid') ORDER BY code`,
    )
    .all();
  const read = (column: 'grid_code' | 'community_code') =>
    new Map(
      db
        .prepare<{ asOf: number }, { code: string; open: number; overdue: number }>(
          countsSql(column),
        )
        .all({ asOf })
        .map((row) => [row.code, row]),
    );
  const byGrid = read('grid_code');
  const byCommunity = read('community_code');
  return places.map((place) => {
    const row = (place.level === 'grid' ? byGrid : byCommunity).get(place.code);
    return { ...place, open: row?.open ?? 0, overdue: row?.overdue ?? 0 };
  });
}
