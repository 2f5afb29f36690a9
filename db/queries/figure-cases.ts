/**
 * The cases behind a figure, as a list a leader can read: number, category, place, unit,
 * state and the times that decide the figure. Looked up by id in batches (json_each), so a
 * frozen bulletin's ids and a live computation's ids read the same way.
 */
import type { Db } from '../open';

export interface FigureCaseRow {
  id: number;
  caseNo: string;
  categoryName: string;
  communityName: string | null;
  gridName: string | null;
  leadUnitName: string | null;
  state: string;
  reportedAt: number;
  registeredAt: number | null;
  dueAt: number | null;
  closedAt: number | null;
  reworkCount: number;
  extensionCount: number;
  satisfaction: string | null;
  escalated: number;
  supervised: number;
}

const BATCH = 900;

export const FIGURE_CASE_COLUMNS = `c.id, c.case_no AS caseNo, cat.minor_name AS categoryName,
  community.name AS communityName, grid.name AS gridName, unit.name AS leadUnitName, c.state,
  c.reported_at AS reportedAt, c.registered_at AS registeredAt, c.due_at AS dueAt,
  c.closed_at AS closedAt, c.rework_count AS reworkCount, c.extension_count AS extensionCount,
  c.satisfaction, c.escalated, c.supervised`;

export const FIGURE_CASE_JOINS = `JOIN categories cat ON cat.code = c.category_code
  LEFT JOIN places community ON community.code = c.community_code
  LEFT JOIN places grid ON grid.code = c.grid_code
  LEFT JOIN units unit ON unit.code = c.lead_unit_code`;

/** The rows for `ids`, in the order given; ids no longer in the database are left out. */
export function loadFigureCases(db: Db, ids: readonly number[]): FigureCaseRow[] {
  const statement = db.prepare<[string], FigureCaseRow>(
    `SELECT ${FIGURE_CASE_COLUMNS} FROM cases c ${FIGURE_CASE_JOINS}
      WHERE c.id IN (SELECT value FROM json_each(?))`,
  );
  const byId = new Map<number, FigureCaseRow>();
  for (let i = 0; i < ids.length; i += BATCH) {
    for (const row of statement.all(JSON.stringify(ids.slice(i, i + BATCH)))) byId.set(row.id, row);
  }
  return ids.map((id) => byId.get(id)).filter((row): row is FigureCaseRow => row !== undefined);
}
