/**
 * The desk's names and codes a register file refers to, read once into memory for the
 * row checks (core/party/register-rows.ts): units by DW code or name (folded as the rows are,
 * （）→ ()), grids and communities by code, communities by name, volunteer teams by code or
 * name, members by DY code. A name two units (or teams) share is 'ambiguous'.
 */
import { foldFullWidth } from '../../core/exchange/cell-value';
import type { RegisterLookups } from '../../core/party/register-rows';
import type { Db } from '../open';

function byCodeAndName(rows: Iterable<{ id: number; code: string; name: string }>) {
  const found = new Map<string, number>();
  const ambiguous = new Set<string>();
  for (const row of rows) {
    found.set(row.code, row.id);
    const name = foldFullWidth(row.name);
    if (found.has(name) && found.get(name) !== row.id) ambiguous.add(name);
    found.set(name, row.id);
  }
  return (text: string): number | 'ambiguous' | null =>
    ambiguous.has(text) ? 'ambiguous' : (found.get(text) ?? null);
}

export function registerLookups(db: Db): RegisterLookups {
  const places = new Map<string, { community: string; grid: string | null }>();
  const communities = new Map<string, string>();
  for (const p of db
    .prepare<[], { code: string; level: string; name: string; communityCode: string | null }>(
      "SELECT code, level, name, community_code AS communityCode FROM places WHERE level IN ('community', 'grid')",
    )
    .all()) {
    if (p.level === 'grid') places.set(p.code, { community: p.communityCode!, grid: p.code });
    else {
      places.set(p.code, { community: p.code, grid: null });
      communities.set(p.code, p.code);
      communities.set(foldFullWidth(p.name), p.code);
    }
  }
  const members = new Map<string, number>();
  for (const m of db
    .prepare<[], { id: number; code: string }>('SELECT id, code FROM party_members')
    .iterate())
    members.set(m.code, m.id);
  return {
    unit: byCodeAndName(
      db
        .prepare<[], { id: number; code: string; name: string }>(
          'SELECT id, code, name FROM party_units',
        )
        .all(),
    ),
    team: byCodeAndName(
      db
        .prepare<[], { id: number; code: string; name: string }>(
          'SELECT id, code, name FROM volunteer_teams',
        )
        .all(),
    ),
    place: (code) => places.get(code) ?? null,
    community: (text) => communities.get(text) ?? null,
    member: (code) => members.get(code) ?? null,
  };
}
