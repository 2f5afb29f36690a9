/**
 * From a reader's rows to rows keyed by column: finds the header row (banner rows above it
 * skipped), maps headers through the aliases and the admin's mapping, and turns JSON objects
 * (Chinese or English keys, or Open311 requests) into the same shape. Unknown columns are
 * kept as the case's extra data and reported once.
 */
import { cellText, isBlankRow, type CellValue } from '../../core/exchange/cell-value';
import { normalizeHeader } from '../../core/exchange/case-columns';
import {
  findHeaderRow,
  HEADER_SEARCH_ROWS,
  mapHeaderRow,
  type ColumnMapping,
  type MappedColumn,
} from '../../core/exchange/header-map';
import { sentence, type ImportNote } from '../../core/exchange/issues';
import { maskPersonalNumbers } from '../../core/exchange/personal-numbers';
import { refuse } from './file-probe';
import type { RowSource, SourceRow } from './row-source';

export interface KeyedRow<Key extends string> {
  row: number;
  cells: Partial<Record<Key, CellValue>>;
  present: Set<Key>;
  /** The header each key came from (for problem reports). */
  headers: Partial<Record<Key, string>>;
  extra: Record<string, string> | null;
  /** The row as it was, for the error file (tabular sources). */
  raw: CellValue[] | null;
  /** The JSON object as it was (JSON sources). */
  object: Record<string, unknown> | null;
}

interface KeyedTable<Key extends string> {
  headerRow: number | null;
  headerCells: CellValue[] | null;
  columns: MappedColumn<Key>[];
  notes: ImportNote[];
  rows: AsyncGenerator<KeyedRow<Key>[]>;
}

interface KeyedOptions<Key extends string> {
  lookup: ReadonlyMap<string, Key>;
  mapping?: ColumnMapping<Key>;
  /** The key a row cannot do without (案卷编号, 姓名): its column must be in the header. */
  keyColumn: { key: Key; zh: string };
  fileName: string;
}

function unknownNote(header: string, how: string): ImportNote {
  return how === 'duplicate'
    ? {
        column: header,
        message: sentence(
          `列“${header}”与前面的列是同一项，已忽略。`,
          `Column "${header}" repeats an earlier column and is ignored.`,
        ),
      }
    : {
        column: header,
        message: sentence(
          `未识别的列“${header}”：不作为案卷字段导入，其内容保存在附加数据中。`,
          `Unknown column "${header}" (ignored column): not imported as a field; its values are kept as extra data.`,
        ),
      };
}

/**
 * An unknown column's value as it is kept in the extra data: resident ID and mobile numbers
 * masked (core/exchange/personal-numbers), and the column named once per kind in the notes.
 */
function extraKeeper(notes: ImportNote[]): (header: string, text: string) => string {
  const announced = new Set<string>();
  return (header, text) => {
    const masked = maskPersonalNumbers(text);
    for (const kind of masked.kinds) {
      if (announced.has(`${kind}\u0000${header}`)) continue;
      announced.add(`${kind}\u0000${header}`);
      notes.push({
        column: header,
        message:
          kind === 'id'
            ? sentence(
                `未识别的列“${header}”中有居民身份证号：已打码后保存在附加数据中（如 110***********1234），原号码未保存。`,
                `Unknown column "${header}" holds resident ID numbers: they are kept masked in the extra data (like 110***********1234); the numbers themselves are not stored.`,
              )
            : sentence(
                `未识别的列“${header}”中有手机号码：已打码后保存在附加数据中（如 138****5678），原号码未保存。`,
                `Unknown column "${header}" holds mobile numbers: they are kept masked in the extra data (like 138****5678); the numbers themselves are not stored.`,
              ),
      });
    }
    return masked.text;
  };
}

/** Reads rows until the header is found, then yields keyed rows batch by batch. */
export async function keyedTable<Key extends string>(
  source: RowSource,
  options: KeyedOptions<Key>,
): Promise<KeyedTable<Key>> {
  const batches = source.batches();
  if (source.format === 'json') return keyedJson(batches, options);
  const buffered: SourceRow[] = [];
  let headerIndex = -1;
  let done = false;
  while (headerIndex < 0 && buffered.length < HEADER_SEARCH_ROWS) {
    const next = await batches.next();
    if (next.done) {
      done = true;
      break;
    }
    buffered.push(...next.value);
    headerIndex = findHeaderRow(
      buffered.map((r) => r.cells ?? []),
      options.lookup,
      options.mapping,
    );
  }
  if (headerIndex < 0) {
    if (buffered.every((r) => isBlankRow(r.cells ?? [])))
      refuse(
        'no_rows',
        `${options.fileName} 中没有任何数据行。`,
        `${options.fileName} holds no rows at all.`,
        options.fileName,
      );
    refuse(
      'no_header',
      `${options.fileName} 的前 ${HEADER_SEARCH_ROWS} 行中找不到表头（须有至少三个可识别的列名，如 案卷编号、问题来源、当前状态）；如列名不同，请先设置列映射。`,
      `No header row in the first ${HEADER_SEARCH_ROWS} rows of ${options.fileName} (it needs at least three known column names such as 案卷编号, 问题来源, 当前状态); map the columns first if the names differ.`,
      options.fileName,
    );
  }
  const header = buffered[headerIndex]!;
  const columns = mapHeaderRow(header.cells ?? [], options.lookup, options.mapping);
  if (!columns.some((c) => c.key === options.keyColumn.key)) {
    refuse(
      'no_key_column',
      `${options.fileName} 的表头（第 ${header.row} 行）中没有“${options.keyColumn.zh}”列，无法对应到已有记录。`,
      `The header (row ${header.row}) of ${options.fileName} has no ${options.keyColumn.zh} column, so rows cannot be matched.`,
      options.fileName,
    );
  }
  const notes = columns
    .filter((c) => c.how === 'unknown' || c.how === 'duplicate')
    .map((c) => unknownNote(c.header, c.how));
  const mapped = columns.filter((c) => c.key !== null);
  const unknown = columns.filter((c) => c.how === 'unknown');
  const present = new Set(mapped.map((c) => c.key!));
  const keepExtra = extraKeeper(notes);
  const headers = Object.fromEntries(mapped.map((c) => [c.key!, c.header])) as Partial<
    Record<Key, string>
  >;

  const keyRow = (source: SourceRow): KeyedRow<Key> | null => {
    const raw = source.cells ?? [];
    if (isBlankRow(raw)) return null;
    const cells: Partial<Record<Key, CellValue>> = {};
    for (const column of mapped) cells[column.key!] = raw[column.index] ?? null;
    let extra: Record<string, string> | null = null;
    for (const column of unknown) {
      const text = cellText(raw[column.index] ?? null);
      if (text !== '') (extra ??= {})[column.header] = keepExtra(column.header, text);
    }
    return { row: source.row, cells, present, headers, extra, raw, object: null };
  };

  async function* rows(): AsyncGenerator<KeyedRow<Key>[]> {
    const first = buffered
      .slice(headerIndex + 1)
      .map(keyRow)
      .filter((r) => r !== null);
    if (first.length > 0) yield first;
    if (done) return;
    for await (const batch of batches) {
      const keyed = batch.map(keyRow).filter((r) => r !== null);
      if (keyed.length > 0) yield keyed;
    }
  }
  return { headerRow: header.row, headerCells: header.cells ?? [], columns, notes, rows: rows() };
}

function jsonCell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  return JSON.stringify(value);
}

function keyedJson<Key extends string>(
  batches: AsyncGenerator<SourceRow[]>,
  options: KeyedOptions<Key>,
): KeyedTable<Key> {
  const manual = new Map(
    Object.entries(options.mapping ?? {}).map(([h, k]) => [normalizeHeader(h), k]),
  );
  const keyOf = new Map<string, Key | 'ignore' | null>();
  const notes: ImportNote[] = [];
  const keepExtra = extraKeeper(notes);
  const resolve = (member: string): Key | 'ignore' | null => {
    let key = keyOf.get(member);
    if (key === undefined) {
      const normalized = normalizeHeader(member);
      key = manual.get(normalized) ?? options.lookup.get(normalized) ?? null;
      keyOf.set(member, key);
      if (key === null) notes.push(unknownNote(member, 'unknown'));
    }
    return key;
  };
  async function* rows(): AsyncGenerator<KeyedRow<Key>[]> {
    for await (const batch of batches) {
      yield batch.map((source) => {
        const object = source.object ?? {};
        const cells: Partial<Record<Key, CellValue>> = {};
        const present = new Set<Key>();
        const headers: Partial<Record<Key, string>> = {};
        let extra: Record<string, string> | null = null;
        for (const [member, value] of Object.entries(object)) {
          const key = resolve(member);
          if (key === 'ignore') continue;
          if (key === null) {
            const text = cellText(jsonCell(value));
            if (text !== '') (extra ??= {})[member] = keepExtra(member, text);
          } else if (!present.has(key)) {
            cells[key] = jsonCell(value);
            present.add(key);
            headers[key] = member;
          }
        }
        return { row: source.row, cells, present, headers, extra, raw: null, object };
      });
    }
  }
  return { headerRow: null, headerCells: null, columns: [], notes, rows: rows() };
}
