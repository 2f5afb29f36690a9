/**
 * Finding the header row and mapping its columns to keys. The header is the first row in
 * which at least three cells are known column names, so title rows above it (a merged
 * "XX街道案卷导出 2026年11月" banner) are skipped. An admin's column mapping (a template saved
 * per city source) names any other header; column order never matters.
 */
import { cellText, type CellValue } from './cell-value';
import { ERROR_NOTE_HEADER, normalizeHeader } from './case-columns';

/** header (as the file spells it) → key, or 'ignore' to drop the column quietly. */
export type ColumnMapping<Key extends string> = Readonly<Record<string, Key | 'ignore'>>;

export type ColumnHow = 'alias' | 'mapping' | 'ignored' | 'unknown' | 'duplicate';

export interface MappedColumn<Key extends string> {
  /** 0-based position in the row. */
  index: number;
  header: string;
  key: Key | null;
  how: ColumnHow;
}

const MIN_KNOWN_HEADERS = 3;
/** How far down a header row is looked for. */
export const HEADER_SEARCH_ROWS = 30;

function normalizedMapping<Key extends string>(mapping: ColumnMapping<Key> | undefined) {
  const map = new Map<string, Key | 'ignore'>();
  for (const [header, key] of Object.entries(mapping ?? {})) map.set(normalizeHeader(header), key);
  return map;
}

export function mapHeaderRow<Key extends string>(
  cells: readonly CellValue[],
  lookup: ReadonlyMap<string, Key>,
  mapping?: ColumnMapping<Key>,
): MappedColumn<Key>[] {
  const manual = normalizedMapping(mapping);
  const taken = new Set<Key>();
  const columns: MappedColumn<Key>[] = [];
  cells.forEach((cell, index) => {
    const header = cellText(cell);
    if (header === '') return;
    const normalized = normalizeHeader(header);
    const chosen = manual.get(normalized);
    let key: Key | null = null;
    let how: ColumnHow = 'unknown';
    if (chosen === 'ignore' || normalized === normalizeHeader(ERROR_NOTE_HEADER)) {
      how = 'ignored';
    } else if (chosen) {
      key = chosen;
      how = 'mapping';
    } else if (lookup.has(normalized)) {
      key = lookup.get(normalized)!;
      how = 'alias';
    }
    if (key !== null && taken.has(key)) {
      // Two columns for one key (案卷编号 and 编号): the first wins, the other is reported.
      key = null;
      how = 'duplicate';
    }
    if (key !== null) taken.add(key);
    columns.push({ index, header, key, how });
  });
  return columns;
}

export function knownCount<Key extends string>(columns: readonly MappedColumn<Key>[]): number {
  return columns.filter((c) => c.key !== null).length;
}

/** The first row (0-based) with enough known headers, or -1. */
export function findHeaderRow<Key extends string>(
  rows: readonly (readonly CellValue[])[],
  lookup: ReadonlyMap<string, Key>,
  mapping?: ColumnMapping<Key>,
): number {
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    if (knownCount(mapHeaderRow(rows[i]!, lookup, mapping)) >= MIN_KNOWN_HEADERS) return i;
  }
  return -1;
}
