/** A LIKE pattern matching `term` anywhere, its %, _ and \ taken literally (used with ESCAPE '\'). */
export function likeContains(term: string): string {
  return `%${term.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}
