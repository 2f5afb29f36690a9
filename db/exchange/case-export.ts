/**
 * Case updates for the city (docs/design/CITY-EXCHANGE.md "Files the desk writes"): one row per case the
 * desk changed since the last export (or every case changed since a given time), as .xlsx
 * (default), .csv (UTF-8 with BOM, CRLF: what Excel opens right), .json, or Open311
 * requests.json. Rows are streamed from the database to the file. Exported cases are marked
 * exchanged, so a city file that comes back with them is no conflict.
 */
import fs from 'node:fs';
import { toOpen311Request } from '../../core/exchange/open311';
import {
  csvField,
  EXPORT_HEADERS,
  exportCells,
  type ExportCell,
} from '../../core/exchange/export-row';
import { categoryCodeOf } from '../../core/exchange/exchange-case';
import type { Db } from '../open';
import {
  EXPORTED_COLUMNS,
  exchangeCaseFromStored,
  exportedFromRaw,
  type ExportedValues,
} from './case-storage';
import { loadCaseStandards, standardTextOf } from './case-standards';
import { XlsxRowWriter } from './xlsx-writer';

export type CaseExportFormat = 'xlsx' | 'csv' | 'json' | 'open311';

export interface CaseRowsQuery {
  /** Every case changed at or after this time; null: the desk's changes not yet exchanged. */
  since: number | null;
  until: number;
}

function where(query: CaseRowsQuery): { sql: string; params: number[] } {
  if (query.since !== null)
    return { sql: 'updated_at >= ? AND updated_at <= ?', params: [query.since, query.until] };
  return {
    sql: '(exchanged_at IS NULL OR updated_at <> exchanged_at) AND updated_at <= ?',
    params: [query.until],
  };
}

interface Writer {
  row(cells: ExportCell[], stored: ExportedValues): void | Promise<void>;
  close(): Promise<void>;
}

function streamWriter(file: string) {
  const stream = fs.createWriteStream(file);
  // An error (ENOSPC on a full stick) is kept for close(), never left unhandled.
  let failure: Error | null = null;
  const finished = new Promise<void>((resolve, reject) => {
    stream.once('finish', () => resolve());
    stream.once('error', (error) => {
      failure = error;
      reject(error);
    });
  });
  finished.catch(() => undefined);
  let pending = '';
  return {
    async write(text: string) {
      if (failure) throw failure;
      pending += text;
      if (pending.length > 1 << 20) {
        const ok = stream.write(pending);
        pending = '';
        if (!ok)
          await Promise.race([
            new Promise<void>((resolve) => stream.once('drain', () => resolve())),
            finished,
          ]);
        if (failure) throw failure;
      }
    },
    async close() {
      if (failure) throw failure;
      stream.end(pending);
      await finished;
    },
  };
}

function csvWriter(file: string): Writer {
  const out = streamWriter(file);
  void out.write(`\uFEFF${EXPORT_HEADERS.map((h) => csvField(h)).join(',')}\r\n`);
  return {
    row: (cells) => out.write(`${cells.map(csvField).join(',')}\r\n`),
    close: () => out.close(),
  };
}

function jsonWriter(
  file: string,
  toObject: (cells: ExportCell[], stored: ExportedValues) => unknown,
): Writer {
  const out = streamWriter(file);
  let first = true;
  void out.write('[\n');
  return {
    async row(cells, stored) {
      const text = `${first ? '' : ',\n'}${JSON.stringify(toObject(cells, stored))}`;
      first = false;
      await out.write(text);
    },
    async close() {
      await out.write('\n]\n');
      await out.close();
    },
  };
}

function xlsxWriter(file: string): Writer {
  const writer = new XlsxRowWriter(file, '案卷更新', EXPORT_HEADERS);
  return { row: (cells) => writer.row(cells), close: () => writer.close() };
}

interface CaseExportResult {
  rows: number;
}

const PAGE_ROWS = 5000;

export async function writeCaseExport(
  db: Db,
  file: string,
  format: CaseExportFormat,
  query: CaseRowsQuery,
  options: { unmasked: boolean; signal?: AbortSignal },
): Promise<CaseExportResult> {
  const units = new Map(
    db
      .prepare<[], { code: string; name: string }>('SELECT code, name FROM units')
      .all()
      .map((u) => [u.code, u.name]),
  );
  const categories = new Map(
    db
      .prepare<[], { code: string; name: string }>(
        'SELECT code, minor_name AS name FROM categories',
      )
      .all()
      .map((c) => [c.code, c.name]),
  );
  const standards = loadCaseStandards(db);
  const headers = EXPORT_HEADERS;
  const writer =
    format === 'csv'
      ? csvWriter(file)
      : format === 'xlsx'
        ? xlsxWriter(file)
        : format === 'json'
          ? jsonWriter(file, (cells) =>
              Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? ''])),
            )
          : jsonWriter(file, (_cells, stored) => {
              const record = exchangeCaseFromStored(stored);
              const unitName = record.departmentCode
                ? (units.get(record.departmentCode) ?? null)
                : null;
              return toOpen311Request(
                record,
                { categoryName: categories.get(categoryCodeOf(record)) ?? '', unitName },
                {
                  lng: stored.lng === null ? null : Number(stored.lng),
                  lat: stored.lat === null ? null : Number(stored.lat),
                },
              );
            });
  // Pages by (updated_at, id), never one open iterator: the connection stays free for the
  // app's other calls between pages, and rows changed during the export are past `until`.
  // Each page starts its index range at the last page's updated_at, so paging stays linear.
  const deskOnly =
    query.since === null ? '(exchanged_at IS NULL OR updated_at <> exchanged_at) AND ' : '';
  const page = db
    .prepare<[{ lower: number; until: number; lastId: number; limit: number }], unknown[]>(
      `SELECT id, ${EXPORTED_COLUMNS.join(', ')} FROM cases
      WHERE ${deskOnly}updated_at >= @lower AND updated_at <= @until AND (updated_at > @lower OR id > @lastId)
      ORDER BY updated_at, id LIMIT @limit`,
    )
    .raw(true);
  let count = 0;
  let lower = query.since ?? Number.MIN_SAFE_INTEGER;
  let lastId = 0;
  for (;;) {
    const rows = page
      .all({ lower, until: query.until, lastId, limit: PAGE_ROWS })
      .map(exportedFromRaw);
    for (const stored of rows) {
      const record = exchangeCaseFromStored(stored);
      const department = record.departmentCode
        ? (units.get(record.departmentCode) ?? record.departmentCode)
        : null;
      const standard = standardTextOf(standards, categoryCodeOf(record), record.standardId);
      await writer.row(
        exportCells(record, department, { unmasked: options.unmasked }, standard),
        stored,
      );
    }
    count += rows.length;
    if (rows.length < PAGE_ROWS) break;
    const last = rows[rows.length - 1]!;
    lower = Number(last.updated_at);
    lastId = last.id;
    if (options.signal?.aborted) throw options.signal.reason;
    await new Promise((resolve) => setImmediate(resolve));
  }
  await writer.close();
  return { rows: count };
}

/** How many rows an export of `query` holds (the same rows writeCaseExport and markExchanged see). */
export function countCaseRows(db: Db, query: CaseRowsQuery): number {
  const { sql, params } = where(query);
  return db
    .prepare<number[], number>(`SELECT count(*) FROM cases WHERE ${sql}`)
    .pluck()
    .get(...params)!;
}

/**
 * After a successful export (the file written, fsynced and in place): the exported versions
 * are what the city now has. Call it only then, in the transaction that records the batch.
 */
export function markExchanged(db: Db, query: CaseRowsQuery): void {
  const { sql, params } = where(query);
  db.prepare(`UPDATE cases SET exchanged_at = updated_at WHERE ${sql}`).run(...params);
}
