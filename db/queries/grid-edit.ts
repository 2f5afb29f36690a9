/**
 * An admin's edits to the grid hierarchy (网格维护): rename a place, move a grid to another
 * community. Codes never change (cases and staff refer to them). Each edit is one
 * transaction with its audit line.
 */
import type { Db } from '../open';
import { forgetGridLocator } from './grid-locator';

export type GridEditRefusal =
  | { refused: 'no_such_place'; code: string }
  | { refused: 'not_a_grid'; code: string }
  | { refused: 'not_a_community'; code: string }
  | { refused: 'same_community'; code: string };

export function renamePlace(
  db: Db,
  code: string,
  name: string,
  actor: string,
  now: number,
): { code: string; oldName: string; name: string } | GridEditRefusal {
  const place = db
    .prepare<[string], { name: string }>('SELECT name FROM places WHERE code = ?')
    .get(code);
  if (!place) return { refused: 'no_such_place', code };
  db.transaction(() => {
    db.prepare('UPDATE places SET name = ?, updated_at = ? WHERE code = ?').run(name, now, code);
    // The community's handling unit carries the community's name.
    db.prepare(
      "UPDATE units SET name = ? WHERE kind = 'community' AND place_code = ? AND NOT EXISTS (SELECT 1 FROM units u2 WHERE u2.name = ?)",
    ).run(name, code, name);
    audit(db, now, actor, 'grids.rename', { code, from: place.name, to: name });
  })();
  forgetGridLocator(db);
  return { code, oldName: place.name, name };
}

interface ReassignResult {
  code: string;
  fromCommunityCode: string;
  toCommunityCode: string;
  subgridsMoved: number;
  openCasesMoved: number;
}

/**
 * Moves a grid (and its sub-grids) to another community. Its open cases follow it, so the
 * new community sees them; closed and voided cases keep the community they were handled
 * under, so past figures and published bulletins do not shift. The cases' updated_at stays:
 * the attribution is the desk's bookkeeping, not a change to send back to the city.
 */
export function reassignGrid(
  db: Db,
  code: string,
  communityCode: string,
  actor: string,
  now: number,
): ReassignResult | GridEditRefusal {
  const grid = db
    .prepare<[string], { level: string; parentCode: string }>(
      'SELECT level, parent_code AS parentCode FROM places WHERE code = ?',
    )
    .get(code);
  if (!grid) return { refused: 'no_such_place', code };
  if (grid.level !== 'grid') return { refused: 'not_a_grid', code };
  const community = db
    .prepare<[string], { level: string }>('SELECT level FROM places WHERE code = ?')
    .get(communityCode);
  if (!community) return { refused: 'no_such_place', code: communityCode };
  if (community.level !== 'community') return { refused: 'not_a_community', code: communityCode };
  if (grid.parentCode === communityCode) return { refused: 'same_community', code };
  const from = grid.parentCode;
  const result = db.transaction((): ReassignResult => {
    db.prepare(
      'UPDATE places SET parent_code = ?, community_code = ?, updated_at = ? WHERE code = ?',
    ).run(communityCode, communityCode, now, code);
    const subgrids = db
      .prepare(
        "UPDATE places SET community_code = ?, updated_at = ? WHERE parent_code = ? AND level = 'subgrid'",
      )
      .run(communityCode, now, code).changes;
    const cases = db
      .prepare(
        "UPDATE cases SET community_code = ? WHERE grid_code = ? AND state NOT IN ('closed', 'voided')",
      )
      .run(communityCode, code).changes;
    const resum = db.prepare(
      `UPDATE places SET
         households = (SELECT sum(households) FROM places g WHERE g.parent_code = places.code AND g.level = 'grid' AND g.grid_type = 'basic'),
         population = (SELECT sum(population) FROM places g WHERE g.parent_code = places.code AND g.level = 'grid' AND g.grid_type = 'basic'),
         updated_at = ?
       WHERE code = ?`,
    );
    resum.run(now, from);
    resum.run(now, communityCode);
    audit(db, now, actor, 'grids.reassign', { code, from, to: communityCode, openCases: cases });
    return {
      code,
      fromCommunityCode: from,
      toCommunityCode: communityCode,
      subgridsMoved: subgrids,
      openCasesMoved: cases,
    };
  })();
  forgetGridLocator(db);
  return result;
}

function audit(db: Db, at: number, actor: string, action: string, detail: unknown): void {
  db.prepare('INSERT INTO audit_log (at, actor, action, detail) VALUES (?, ?, ?, ?)').run(
    at,
    actor,
    action,
    JSON.stringify(detail),
  );
}
