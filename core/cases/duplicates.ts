/**
 * Possible duplicates (疑似重复): an open case of the same category within 50 m and 24 h of a
 * new report is most likely the same problem reported twice (two callers, a patrol and a
 * camera). Without a point, the same grid stands in for "nearby", said as such.
 */
import { distanceMetres } from '../geo/coordinates';
import type { CaseRecord } from './case-record';
import { HOUR_MS } from '../time';

export const DUPLICATE_RADIUS_M = 50;
export const DUPLICATE_WINDOW_MS = 24 * HOUR_MS;

/** The fields the match compares: a new report's, or a stored case's. */
export type DuplicateProbe = Pick<
  CaseRecord,
  'categoryCode' | 'reportedAt' | 'lng' | 'lat' | 'gridCode'
>;

export type DuplicateCandidate = DuplicateProbe & Pick<CaseRecord, 'id'>;

export type DuplicateMatch = { by: 'distance'; distanceM: number } | { by: 'grid' };

/** How a candidate matches the probe, or null when it is not a likely duplicate. */
export function duplicateMatch(
  probe: DuplicateProbe,
  candidate: DuplicateCandidate,
): DuplicateMatch | null {
  if (candidate.categoryCode !== probe.categoryCode) return null;
  if (Math.abs(candidate.reportedAt - probe.reportedAt) > DUPLICATE_WINDOW_MS) return null;
  if (probe.lng != null && probe.lat != null && candidate.lng != null && candidate.lat != null) {
    const distanceM = distanceMetres(
      { lng: probe.lng, lat: probe.lat },
      { lng: candidate.lng, lat: candidate.lat },
    );
    return distanceM <= DUPLICATE_RADIUS_M ? { by: 'distance', distanceM } : null;
  }
  if (probe.gridCode && candidate.gridCode === probe.gridCode) return { by: 'grid' };
  return null;
}

/** A box around a point a little larger than the radius, for the SQL pre-filter. */
export function boxAround(lng: number, lat: number, metres: number) {
  const dLat = metres / 111_320;
  const dLng = metres / (111_320 * Math.cos((lat * Math.PI) / 180));
  return { minLng: lng - dLng, maxLng: lng + dLng, minLat: lat - dLat, maxLat: lat + dLat };
}
