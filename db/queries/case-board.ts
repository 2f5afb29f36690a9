/**
 * The case board's reads: a page of cards (one state's column, or the table across states),
 * filtered (case-board-where.ts) and sorted by due time; the count per state; the cases
 * that just became overdue.
 */
import type { CaseState } from '../../core/glossary';
import { CASE_LIST_VIEW, type CaseListRow } from '../../core/cases/case-views';
import type { Db } from '../open';
import { caseFromSql, caseViewSql, selectCaseView } from './case-select';
import { OPEN_STATES } from '../../core/cases/case-states';
import {
  BOARD_DUE,
  buildWhere,
  CASE_SQL,
  type BoardFilters,
  type BoardSort,
  type Where,
} from './case-board-where';

export type { BoardFilters, BoardSort } from './case-board-where';

/** The card's columns and joins: core/cases/case-views.ts CASE_LIST_VIEW. */
const CARD = caseViewSql(CASE_LIST_VIEW);

const ORDER: Record<BoardSort, string> = {
  due: `${BOARD_DUE}, c.id`,
  reported_desc: 'c.reported_at DESC, c.id DESC',
  closed_desc: 'c.closed_at DESC, c.id DESC',
};

interface CasePage {
  rows: CaseListRow[];
  total: number;
  /** A history view (not counted): there are more rows after these. */
  totalCapped: boolean;
  searchTruncated: boolean;
}

export function readCasePage(
  db: Db,
  options: {
    states: readonly CaseState[];
    filters: BoardFilters;
    sort: BoardSort;
    offset: number;
    limit: number;
    now: number;
    withTotal?: boolean;
  },
): CasePage {
  const where = buildWhere(db, options.states, options.filters, options.now);
  const whereSql = where.clauses.length ? `WHERE ${where.clauses.join(' AND ')}` : '';
  if (where.searchIds) return readSearchPage(db, where, whereSql, options);
  // Due order is the open board's; a history view (closed, voided…) reads newest first.
  if (!where.openScope && options.sort === 'due') {
    options = { ...options, sort: 'reported_desc' };
  }
  const pageWhere = historyOrder(options, where);
  // Page the ids on the index alone, then join the names for just this page. A history view
  // reads one row more than it shows, to know whether there are more.
  const history = !where.openScope;
  const raw = db
    .prepare<Record<string, unknown>, CaseListRow>(
      `SELECT ${CARD.columns} FROM (
         SELECT c.id FROM cases c ${pageWhere.indexedBy} ${pageWhere.whereSql}
          ORDER BY ${ORDER[options.sort]} LIMIT @limit OFFSET @offset
       ) page
       JOIN cases c ON c.id = page.id ${CARD.joins}
       ORDER BY ${ORDER[options.sort]}`,
    )
    .all({ ...where.params, limit: options.limit + (history ? 1 : 0), offset: options.offset });
  const more = history && raw.length > options.limit;
  const rows = raw.slice(0, options.limit).map(caseFromSql);
  if (history) {
    // Not counted: counting "every closed case of a category" means reading most of a
    // million rows. The list grows by a page as it is scrolled instead.
    return {
      rows,
      total: options.offset + rows.length + (more ? options.limit : 0),
      totalCapped: more,
      searchTruncated: false,
    };
  }
  // Open cases are few, and counted exactly from their index.
  const total =
    options.withTotal === false
      ? -1
      : (db
          .prepare<Record<string, unknown>, number>(
            `SELECT count(*) FROM cases c ${where.coveringIndex ? 'INDEXED BY cases_board_state' : ''} ${whereSql}`,
          )
          .pluck()
          .get(where.params) ?? 0);
  return { rows, total, totalCapped: false, searchTruncated: where.searchTruncated };
}

/**
 * Which index walks the page in its order. A history view (closed, voided…) is read newest
 * first along cases_reported or cases_closed, filtered on the way: SQLite would rather
 * gather every closed case of a filter and sort them (seconds over a million).
 */
function historyOrder(
  options: { states: readonly CaseState[]; sort: BoardSort },
  where: Where,
): { indexedBy: string; whereSql: string } {
  const clauses = [...where.clauses];
  let indexedBy = '';
  if (options.sort === 'due' && where.coveringIndex)
    indexedBy = `INDEXED BY ${where.coveringIndex}`;
  else if (!where.openScope && options.sort === 'reported_desc')
    indexedBy = 'INDEXED BY cases_reported';
  else if (
    !where.openScope &&
    options.sort === 'closed_desc' &&
    options.states.every((s) => s === 'closed')
  ) {
    // Implied by state = 'closed'; written out so the partial index applies.
    clauses.push('c.closed_at IS NOT NULL');
    indexedBy = 'INDEXED BY cases_closed';
  }
  return { indexedBy, whereSql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '' };
}

const SORT_KEY: Record<BoardSort, { sql: string; descending: boolean }> = {
  due: { sql: BOARD_DUE, descending: false },
  reported_desc: { sql: 'c.reported_at', descending: true },
  closed_desc: { sql: 'c.closed_at', descending: true },
};

/**
 * A history search: its candidates (a few thousand at most) are filtered and keyed in one
 * pass, ordered here, and only the page's cards are read with their names.
 */
function readSearchPage(
  db: Db,
  where: Where,
  whereSql: string,
  options: { sort: BoardSort; offset: number; limit: number },
): CasePage {
  const key = SORT_KEY[options.sort];
  const keyed = db
    .prepare<Record<string, unknown>, { id: number; k: number | null }>(
      `SELECT c.id, ${key.sql} AS k FROM cases c ${whereSql}`,
    )
    .all(where.params);
  // SQLite's order: NULL first ascending, last descending; ties by id the same way.
  const direction = key.descending ? -1 : 1;
  keyed.sort((a, b) => {
    if (a.k !== b.k) {
      if (a.k == null) return -direction;
      if (b.k == null) return direction;
      return (a.k - b.k) * direction;
    }
    return (a.id - b.id) * direction;
  });
  const pageIds = keyed.slice(options.offset, options.offset + options.limit).map((r) => r.id);
  const byId = new Map(
    db
      .prepare<[string], CaseListRow>(
        `SELECT ${CARD.columns} FROM cases c ${CARD.joins} WHERE c.id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(pageIds))
      .map((r) => [r.id, r]),
  );
  return {
    rows: pageIds
      .map((id) => byId.get(id))
      .filter((r): r is CaseListRow => r != null)
      .map(caseFromSql),
    total: keyed.length,
    totalCapped: false,
    searchTruncated: where.searchTruncated,
  };
}

/** How many open cases each state holds under the filters (the board's column heads). */
export function readStateCounts(
  db: Db,
  filters: BoardFilters,
  now: number,
): { counts: Record<string, number>; searchTruncated: boolean } {
  const where = buildWhere(db, OPEN_STATES, filters, now);
  const rows = db
    .prepare<Record<string, unknown>, { state: CaseState; n: number }>(
      `SELECT c.state, count(*) AS n FROM cases c ${where.coveringIndex ? 'INDEXED BY cases_board_state' : ''}
        WHERE ${where.clauses.join(' AND ')} GROUP BY c.state`,
    )
    .all(where.params);
  const counts: Record<string, number> = Object.fromEntries(OPEN_STATES.map((s) => [s, 0]));
  for (const row of rows) counts[row.state] = row.n;
  return { counts, searchTruncated: where.searchTruncated };
}

/**
 * The board's overdue alarm: cases whose resolution deadline passed in (since, now], and open
 * cases that arrived already overdue from an import committed since then (a city case sent
 * late is news too). An import's batch is stamped just before its commit, so batches are
 * looked for from a few seconds before `since`; the board rings each case once.
 */
export function readNewlyOverdue(
  db: Db,
  since: number,
  now: number,
  limit: number,
): NewlyOverdueCase[] {
  // Overdue now (core/cases/case-states.ts), and not yet at `since`.
  const passed = selectCaseView(
    db,
    CASE_LIST_VIEW,
    `WHERE ${CASE_SQL.overdue} AND c.due_at >= @since ORDER BY c.due_at LIMIT @limit`,
    { since, now, limit },
  ) as NewlyOverdueCase[];
  const batches = db
    .prepare<[number], number>(
      `SELECT id FROM exchange_batches
        WHERE direction = 'import' AND status = 'done' AND kind IN ('cases', 'package')
          AND finished_at > ?`,
    )
    .pluck()
    .all(since - IMPORT_COMMIT_MARGIN_MS);
  if (batches.length === 0) return passed;
  const arrived = selectCaseView(
    db,
    CASE_LIST_VIEW,
    `WHERE ${CASE_SQL.overdue} AND c.due_at < @since
        AND c.import_batch_id IN (SELECT value FROM json_each(@batches))
      ORDER BY c.due_at DESC LIMIT @limit`,
    { since, now, limit, batches: JSON.stringify(batches) },
  ) as NewlyOverdueCase[];
  return [...passed, ...arrived].sort((a, b) => a.dueAt - b.dueAt).slice(0, limit);
}

/** A case that just became overdue: a list row whose deadline is known. */
type NewlyOverdueCase = CaseListRow & { dueAt: number };

/** How long before its commit an import's batch may be stamped finished. */
const IMPORT_COMMIT_MARGIN_MS = 5_000;
