/**
 * The cases behind a figure, as a list a leader can read: number, category, place, unit,
 * state and the times that decide the figure. Looked up by id in batches (json_each), so a
 * frozen bulletin's ids and a live computation's ids read the same way.
 */
import { CASE_LIST_VIEW, type CaseListRow } from '../../core/cases/case-views';
import type { Db } from '../open';
import { selectCaseView } from './case-select';

const BATCH = 900;

/** The rows for `ids`, in the order given; ids no longer in the database are left out. */
export function loadFigureCases(db: Db, ids: readonly number[]): CaseListRow[] {
  const byId = new Map<number, CaseListRow>();
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = JSON.stringify(ids.slice(i, i + BATCH));
    const where = 'WHERE c.id IN (SELECT value FROM json_each(?))';
    for (const row of selectCaseView(db, CASE_LIST_VIEW, where, [batch])) byId.set(row.id, row);
  }
  return ids.map((id) => byId.get(id)).filter((row): row is CaseListRow => row !== undefined);
}
