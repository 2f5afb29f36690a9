/**
 * Search over case number, address and description (案件搜索).
 * - On the open board (a few percent of a street's cases) every word is matched with LIKE
 *   against the open-case indexes of migration 002, which carry the text: exact, and read
 *   from the index alone.
 * - Across all states (history), words of 3+ characters go through the FTS5 trigram index
 *   (any substring, Chinese included), newest matches first, at most MAX_CANDIDATES of them;
 *   words of 1–2 characters cannot use it and are matched with LIKE over the newest
 *   SHORT_QUERY_WINDOW cases. Either way the caller is told when more matched.
 */
import { likeContains } from './like-pattern';
import type { Db } from '../open';

const MAX_CANDIDATES = 2000;
/** How far back a 1–2 character search across all states looks. */
const SHORT_QUERY_WINDOW = 50_000;

interface SearchCandidates {
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
function ftsQuery(terms: readonly string[]): string {
  return terms.map((term) => `"${term.replaceAll('"', '""')}"`).join(' AND ');
}

/** Every word in the number, the address or the description: SQL over alias `c`, and its parameters. */
export function textMatchSql(
  terms: readonly string[],
  prefix = 'like',
): { sql: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const clauses = terms.map((term, i) => {
    const p = `@${prefix}${i}`;
    params[`${prefix}${i}`] = likeContains(term);
    return `(c.case_no LIKE ${p} ESCAPE '\\' OR c.address LIKE ${p} ESCAPE '\\' OR c.description LIKE ${p} ESCAPE '\\')`;
  });
  return { sql: clauses.join(' AND '), params };
}

/** The newest cases (any state) matching every word, at most MAX_CANDIDATES. */
export function searchCandidates(db: Db, q: string): SearchCandidates {
  const terms = searchTerms(q);
  if (terms.length === 0) return { ids: [], truncated: false };
  const long = terms.filter((term) => [...term].length >= 3);
  const short = terms.filter((term) => [...term].length < 3);
  let ids: number[];
  if (long.length > 0) {
    // The index answers newest first and stops at the cap, however common the word.
    const hits = db
      .prepare<{ match: string; cap: number }, number>(
        'SELECT rowid FROM cases_fts WHERE cases_fts MATCH @match ORDER BY rowid DESC LIMIT @cap',
      )
      .pluck()
      .all({ match: ftsQuery(long), cap: MAX_CANDIDATES + 1 });
    const truncated = hits.length > MAX_CANDIDATES;
    const kept = truncated ? hits.slice(0, MAX_CANDIDATES) : hits;
    if (short.length === 0) return { ids: kept, truncated };
    const { sql, params } = textMatchSql(short);
    ids = db
      .prepare<Record<string, unknown>, number>(
        `SELECT c.id FROM cases c WHERE c.id IN (SELECT value FROM json_each(@ids)) AND ${sql} ORDER BY c.id DESC`,
      )
      .pluck()
      .all({ ...params, ids: JSON.stringify(kept) });
    return { ids, truncated };
  }
  const { sql, params } = textMatchSql(short);
  ids = db
    .prepare<Record<string, unknown>, number>(
      `SELECT c.id FROM (SELECT id, case_no, address, description FROM cases
                          ORDER BY id DESC LIMIT @window) c
        WHERE ${sql} ORDER BY c.id DESC LIMIT @cap`,
    )
    .pluck()
    .all({ ...params, window: SHORT_QUERY_WINDOW, cap: MAX_CANDIDATES + 1 });
  const truncated = ids.length > MAX_CANDIDATES;
  return { ids: truncated ? ids.slice(0, MAX_CANDIDATES) : ids, truncated };
}
