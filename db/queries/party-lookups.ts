/** The entry forms' pickers (issue 14): active units and members, and teams, by name or code. */
import type { Db } from '../open';
import { likeContains } from './like-pattern';

export interface LookupRow {
  id: number;
  code: string;
  label: string;
  detail: string | null;
}

const LOOKUPS = {
  units: `SELECT u.id, u.code, u.name AS label, c.name AS detail FROM party_units u
            LEFT JOIN places c ON c.code = u.community_code
           WHERE u.active = 1 AND (u.name LIKE @q ESCAPE '\\' OR u.code LIKE @q ESCAPE '\\')
           ORDER BY u.code LIMIT 20`,
  members: `SELECT m.id, m.code, m.name AS label, u.name AS detail FROM party_members m
              JOIN party_units u ON u.id = m.unit_id
             WHERE m.active = 1 AND (m.name LIKE @q ESCAPE '\\' OR m.code LIKE @q ESCAPE '\\')
             ORDER BY m.name, m.code LIMIT 20`,
  teams: `SELECT t.id, t.code, t.name AS label, c.name AS detail FROM volunteer_teams t
            LEFT JOIN places c ON c.code = t.community_code
           WHERE t.name LIKE @q ESCAPE '\\' OR t.code LIKE @q ESCAPE '\\'
           ORDER BY t.code LIMIT 20`,
} as const;

export function readRegisterLookup(db: Db, what: keyof typeof LOOKUPS, q: string): LookupRow[] {
  return db.prepare(LOOKUPS[what]).all({ q: likeContains(q) }) as LookupRow[];
}
