/**
 * Search over case number, address and description (案件搜索). Words of 3+ characters go
 * through the FTS5 trigram index (any substring, Chinese included); words of 1–2 characters
 * cannot, so they are matched with LIKE over a bounded set: the open cases (a few percent of
 * the table) for the board, or the newest 50,000 cases for a search across all states.
 * Either way at most MAX_CANDIDATES matches are kept, newest first, and the caller is told
 * when there were more.
 */
import { BOARD_OPEN_STATES_SQL } from '../migrations/002-case-board.sql';
import type { Db } from '../open';

export type SearchScope = 'open' | 'all';

export const MAX_CANDIDATES = 5000;
/** How far back a 1–2 character search across all states looks. */
export const SHORT_QUERY_WINDOW = 50_000;

export interface SearchCandidates {
  ids: number[];
  truncated: boolean;
}

/** Up to five words; each is kept as typed (no wildcards of its own). */
export function searchTerms(q: string): string[] {
  return q
    .trim()
    .split(/\s+/)
    .filter((term) => term.length > 0)
    .slice(0, 5);
}

/** An FTS5 query that matches each word as a literal substring. */
export function ftsQuery(terms: readonly string[]): string {
  return terms.map((term) => `"${term.replaceAll('"', '""')}"`).join(' AND ');
}

function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

function likeClause(index: number): string {
  const p = `@like${index}`;
  return `(c.case_no LIKE ${p} ESCAPE '\\' OR c.address LIKE ${p} ESCAPE '\\' OR c.description LIKE ${p} ESCAPE '\\')`;
}

export function searchCandidates(db: Db, q: string, scope: SearchScope): SearchCandidates {
  const terms = searchTerms(q);
  if (terms.length === 0) return { ids: [], truncated: false };
  const long = terms.filter((term) => [...term].length >= 3);
  const short = terms.filter((term) => [...term].length < 3);

  if (long.length > 0) {
    // The index answers newest first and stops at the cap, however common the word.
    const hits = db
      .prepare<{ match: string; cap: number }, number>(
        'SELECT rowid FROM cases_fts WHERE cases_fts MATCH @match ORDER BY rowid DESC LIMIT @cap',
      )
      .pluck()
      .all({ match: ftsQuery(long), cap: MAX_CANDIDATES + 1 });
    const truncated = hits.length > MAX_CANDIDATES;
    // A very common word on the board: the open cases are few enough to match exactly.
    if (truncated && scope === 'open') return likeOverOpen(db, terms);
    const kept = truncated ? hits.slice(0, MAX_CANDIDATES) : hits;
    if (short.length === 0 && scope === 'all') return { ids: kept, truncated };
    const { sql, params } = likeSql(short);
    const ids = db
      .prepare<Record<string, unknown>, number>(
        `SELECT c.id FROM cases c WHERE c.id IN (SELECT value FROM json_each(@ids))
           ${scope === 'open' ? `AND c.state IN ${BOARD_OPEN_STATES_SQL}` : ''}
           ${sql ? `AND ${sql}` : ''} ORDER BY c.id DESC`,
      )
      .pluck()
      .all({ ...params, ids: JSON.stringify(kept) });
    return { ids, truncated };
  }
  if (scope === 'open') return likeOverOpen(db, terms);
  const { sql, params } = likeSql(short);
  const ids = db
    .prepare<Record<string, unknown>, number>(
      `SELECT c.id FROM (SELECT id, case_no, address, description FROM cases
                          ORDER BY id DESC LIMIT @window) c
        WHERE ${sql} ORDER BY c.id DESC LIMIT @cap`,
    )
    .pluck()
    .all({ ...params, window: SHORT_QUERY_WINDOW, cap: MAX_CANDIDATES + 1 });
  return capped(ids);
}

function likeOverOpen(db: Db, terms: readonly string[]): SearchCandidates {
  const { sql, params } = likeSql(terms);
  const ids = db
    .prepare<Record<string, unknown>, number>(
      `SELECT c.id FROM cases c WHERE c.state IN ${BOARD_OPEN_STATES_SQL} AND ${sql}
        ORDER BY c.id DESC LIMIT @cap`,
    )
    .pluck()
    .all({ ...params, cap: MAX_CANDIDATES + 1 });
  return capped(ids);
}

function likeSql(terms: readonly string[]): { sql: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  terms.forEach((term, i) => (params[`like${i}`] = likePattern(term)));
  return { sql: terms.map((_, i) => likeClause(i)).join(' AND '), params };
}

function capped(ids: number[]): SearchCandidates {
  const truncated = ids.length > MAX_CANDIDATES;
  return { ids: truncated ? ids.slice(0, MAX_CANDIDATES) : ids, truncated };
}
