/**
 * The 党建引领 section a bulletin freezes beside its ranking (issue 14): the month's party-
 * building figures per community, measured at the month's end, with the SHA-256 of their
 * canonical text. The bulletin's own checksum covers the section (it is part of its figures);
 * the section's hash lets a republish see that only party-building data changed.
 */
import type { Period } from '../../core/ranking/periods';
import { sha256Hex, type Db } from '../../db/open';
import type { PartySection } from '../contract/ranking';
import { computePartyFigures } from '../party/figures';

export function freezePartySection(db: Db, period: Period, now: number): PartySection {
  const figures = computePartyFigures(db, period, 'community', now);
  return { ...figures, sha256: sha256Hex(JSON.stringify(figures.rows)) };
}
