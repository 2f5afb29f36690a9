/**
 * Finding a category or a place as an operator types: pinyin initials (bllj → 暴露垃圾), a
 * name's characters in order (龙泉3 → 龙泉社区第3网格), or a code. Best matches first.
 */
export interface Searchable {
  value: string;
  label: string;
  /** Upper-case pinyin initials of the label, when known. */
  initials: string | null;
  code?: string;
}

/** Do the characters of `query` appear in `text` in order? */
function inOrder(text: string, query: string): boolean {
  let at = 0;
  for (const char of query) {
    at = text.indexOf(char, at);
    if (at < 0) return false;
    at += char.length;
  }
  return true;
}

function rankOption(option: Searchable, rawQuery: string): number {
  const query = rawQuery.trim();
  if (!query) return 1;
  const upper = query.toUpperCase();
  const label = option.label;
  if (label === query || option.code?.toUpperCase() === upper) return 100;
  if (label.startsWith(query)) return 90;
  if (option.initials?.startsWith(upper)) return 80;
  if (label.includes(query)) return 70;
  if (option.code?.toUpperCase().includes(upper)) return 60;
  if (option.initials?.includes(upper)) return 50;
  if (inOrder(label, query)) return 40;
  if (option.initials && inOrder(option.initials, upper)) return 30;
  return 0;
}

export function matchOptions<T extends Searchable>(
  options: readonly T[],
  query: string,
  limit = 12,
): { shown: T[]; more: number } {
  const ranked = options
    .map((option, index) => ({ option, index, rank: rankOption(option, query) }))
    .filter((r) => r.rank > 0)
    .sort((a, b) => b.rank - a.rank || a.index - b.index);
  return {
    shown: ranked.slice(0, limit).map((r) => r.option),
    more: Math.max(0, ranked.length - limit),
  };
}
