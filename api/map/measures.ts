/**
 * What the map colours places by for one period: the snapshot counts (db/queries/
 * map-measures.ts) joined with the ranking engine's indices for communities and grids
 * (api/ranking/live-ranking.ts), so the tier on the map is the tier in the ranking.
 */
import {
  parsePeriodKey,
  periodContaining,
  shiftPeriod,
  type Period,
} from '../../core/ranking/periods';
import type { Db } from '../../db/open';
import { readPlaceSnapshots } from '../../db/queries/map-measures';
import type { MapMeasuresResult, MapPeriod, PlaceMeasures } from '../contract/map';
import type { RankingRow } from '../contract/ranking';
import { UserError } from '../errors';
import { computeLiveRanking } from '../ranking/live-ranking';

export function periodFor(key: string | undefined, now: number): Period {
  if (!key) return periodContaining('month', now);
  const period = parsePeriodKey(key);
  if (!period) {
    throw new UserError(
      'invalid_period',
      { zh: `没有 ${key} 这个时段。`, en: `There is no period ${key}.` },
      'period',
    );
  }
  return period;
}

export const toMapPeriod = ({ key, kind, start, end }: Period): MapPeriod => ({
  key,
  kind,
  start,
  end,
});

/** This month and the five before it, this ISO week and the three before it. */
function selectablePeriods(now: number): MapPeriod[] {
  const month = periodContaining('month', now);
  const week = periodContaining('week', now);
  return [
    ...[0, 1, 2, 3, 4, 5].map((back) => shiftPeriod(month, -back)),
    ...[0, 1, 2, 3].map((back) => shiftPeriod(week, -back)),
  ].map(toMapPeriod);
}

function toMeasures(
  snapshot: { code: string; households: number | null; open: number; overdue: number },
  row: RankingRow | undefined,
): PlaceMeasures {
  const reported = row?.counts.reported ?? 0;
  return {
    code: snapshot.code,
    open: snapshot.open,
    overdue: snapshot.overdue,
    households: snapshot.households,
    reported,
    per1000Households: snapshot.households ? (reported * 1000) / snapshot.households : null,
    due: row?.counts.due ?? 0,
    closed: row?.counts.closed ?? 0,
    onTime: row?.counts.onTime ?? 0,
    closureRate: row?.rates.closureRate ?? null,
    onTimeRate: row?.rates.onTimeRate ?? null,
    reworkRate: row?.rates.reworkRate ?? null,
    satisfactionRate: row?.rates.satisfactionRate ?? null,
    score: row?.score ?? null,
    tier: row?.tier ?? null,
    rank: row?.rank ?? null,
  };
}

export function readMapMeasures(db: Db, period: Period, now: number): MapMeasuresResult {
  const asOf = Math.min(now, period.end);
  const snapshots = readPlaceSnapshots(db, asOf);
  // Tiers only: nothing compares these figures with a version, so no inputs checksum.
  const communities = computeLiveRanking(db, 'community', period, now, { checksum: false });
  const grids = computeLiveRanking(db, 'grid', period, now, { checksum: false });
  const rowsOf = (rows: RankingRow[]) => new Map(rows.map((r) => [r.unitCode, r]));
  const communityRows = rowsOf(communities.rows);
  const gridRows = rowsOf(grids.rows);
  return {
    asOf,
    period: toMapPeriod(period),
    periods: selectablePeriods(now),
    tiers: communities.weightSet.tiers,
    communities: snapshots
      .filter((s) => s.level === 'community')
      .map((s) => toMeasures(s, communityRows.get(s.code))),
    grids: snapshots
      .filter((s) => s.level === 'grid')
      .map((s) => toMeasures(s, gridRows.get(s.code))),
  };
}
