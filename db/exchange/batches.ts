/**
 * The exchange's records (交换批次, exchange_batches): every import and export with its file
 * name, SHA-256, row counts, who and when, and the report; plus the column-mapping templates
 * an admin saves per city source (column_templates).
 */
import type { Db } from '../open';
import type { ImportCounts, ImportKind, ImportReport, ImportStatus } from './import-report';
import { MAX_STORED_ISSUES } from './import-report';

export interface BatchSummary {
  id: number;
  direction: 'import' | 'export';
  kind: ImportKind;
  fileName: string;
  sha256: string | null;
  format: string | null;
  rows: number;
  new: number;
  updated: number;
  unchanged: number;
  invalid: number;
  status: ImportStatus | 'running';
  sinceAt: number | null;
  actor: string;
  startedAt: number;
  finishedAt: number | null;
}

const SUMMARY = `id, direction, kind, file_name AS fileName, sha256, format, rows_total AS rows, rows_new AS new,
  rows_updated AS updated, rows_unchanged AS unchanged, rows_invalid AS invalid, status, since_at AS sinceAt,
  actor, started_at AS startedAt, finished_at AS finishedAt`;

/** The batch row an import writes first, inside its transaction (events point at it). */
export function insertRunningBatch(
  db: Db,
  kind: ImportKind,
  fileName: string,
  format: string,
  actor: string,
  now: number,
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO exchange_batches (direction, kind, file_name, format, status, actor, started_at)
         VALUES ('import', ?, ?, ?, 'running', ?, ?)`,
      )
      .run(kind, fileName, format, actor, now).lastInsertRowid,
  );
}

function storedReport(report: ImportReport): string {
  const { errors, parts, ...rest } = report;
  return JSON.stringify({
    ...rest,
    errors: errors.slice(0, MAX_STORED_ISSUES),
    parts: parts.map((p) => ({ ...p, errors: p.errors.slice(0, MAX_STORED_ISSUES) })),
  });
}

function countsOf(report: ImportReport): ImportCounts {
  return report.counts;
}

export function finishBatch(db: Db, batchId: number, report: ImportReport): void {
  const c = countsOf(report);
  db.prepare(
    `UPDATE exchange_batches SET sha256 = ?, format = ?, rows_total = ?, rows_new = ?, rows_updated = ?,
       rows_unchanged = ?, rows_invalid = ?, status = ?, finished_at = ?, report = ? WHERE id = ?`,
  ).run(
    report.sha256,
    report.format,
    c.rows,
    c.new,
    c.updated,
    c.unchanged,
    c.invalid,
    report.status,
    report.finishedAt,
    storedReport(report),
    batchId,
  );
}

/** A refused, cancelled or failed import, recorded after its transaction was rolled back. */
export function recordUnwrittenBatch(db: Db, report: ImportReport, actor: string): number {
  const c = report.counts;
  return Number(
    db
      .prepare(
        `INSERT INTO exchange_batches (direction, kind, file_name, sha256, format, rows_total, rows_new, rows_updated,
           rows_unchanged, rows_invalid, status, actor, started_at, finished_at, report)
         VALUES ('import', ?, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        report.kind,
        report.fileName,
        report.sha256,
        report.format || null,
        c.rows,
        c.invalid,
        report.status,
        actor,
        report.startedAt,
        report.finishedAt,
        storedReport(report),
      ).lastInsertRowid,
  );
}

export function recordExport(
  db: Db,
  entry: {
    kind: 'cases' | 'grids' | 'package';
    fileName: string;
    sha256: string;
    format: string;
    rows: number;
    sinceAt: number | null;
    actor: string;
    startedAt: number;
    finishedAt: number;
    report: unknown;
  },
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO exchange_batches (direction, kind, file_name, sha256, format, rows_total, status, since_at, actor, started_at, finished_at, report)
         VALUES ('export', ?, ?, ?, ?, ?, 'done', ?, ?, ?, ?, ?)`,
      )
      .run(
        entry.kind,
        entry.fileName,
        entry.sha256,
        entry.format,
        entry.rows,
        entry.sinceAt,
        entry.actor,
        entry.startedAt,
        entry.finishedAt,
        JSON.stringify(entry.report),
      ).lastInsertRowid,
  );
}

/**
 * The last successful import of a file with this checksum, other than the import asking
 * (`exceptBatchId`): a grid import records its own 'done' batch inside the transaction, and
 * a first import must never be told it was imported before as itself.
 */
export function previousImport(
  db: Db,
  sha256: string,
  exceptBatchId: number | null = null,
): { batchId: number; at: number } | null {
  return (
    db
      .prepare<[string, number], { batchId: number; at: number }>(
        `SELECT id AS batchId, started_at AS at FROM exchange_batches
          WHERE direction = 'import' AND status = 'done' AND sha256 = ? AND id <> ?
          ORDER BY id DESC LIMIT 1`,
      )
      .get(sha256, exceptBatchId ?? 0) ?? null
  );
}

/** When the last case export ran: "since the last export" starts there. */
export function lastCaseExportAt(db: Db): number | null {
  return (
    db
      .prepare<[], number | null>(
        `SELECT max(started_at) FROM exchange_batches WHERE direction = 'export' AND kind = 'cases' AND status = 'done'`,
      )
      .pluck()
      .get() ?? null
  );
}

export function listBatches(db: Db, limit: number): BatchSummary[] {
  return db
    .prepare<[number], BatchSummary>(
      `SELECT ${SUMMARY} FROM exchange_batches ORDER BY id DESC LIMIT ?`,
    )
    .all(limit);
}

export function readBatch(db: Db, id: number): { summary: BatchSummary; report: unknown } | null {
  const row = db
    .prepare<[number], BatchSummary & { report: string | null }>(
      `SELECT ${SUMMARY}, report FROM exchange_batches WHERE id = ?`,
    )
    .get(id);
  if (!row) return null;
  const { report, ...summary } = row;
  return { summary, report: report ? (JSON.parse(report) as unknown) : null };
}

export interface ColumnTemplate {
  id: number;
  sourceName: string;
  kind: 'cases' | 'grids' | 'staff';
  mapping: Record<string, string>;
  updatedAt: number;
}

export function listTemplates(db: Db): ColumnTemplate[] {
  return db
    .prepare<
      [],
      {
        id: number;
        sourceName: string;
        kind: ColumnTemplate['kind'];
        mapping: string;
        updatedAt: number;
      }
    >(
      'SELECT id, source_name AS sourceName, kind, mapping, updated_at AS updatedAt FROM column_templates ORDER BY source_name, kind',
    )
    .all()
    .map((t) => ({ ...t, mapping: JSON.parse(t.mapping) as Record<string, string> }));
}

export function findTemplate(
  db: Db,
  sourceName: string,
  kind: ColumnTemplate['kind'],
): ColumnTemplate | null {
  return listTemplates(db).find((t) => t.sourceName === sourceName && t.kind === kind) ?? null;
}

export function saveTemplate(
  db: Db,
  sourceName: string,
  kind: ColumnTemplate['kind'],
  mapping: Record<string, string>,
  now: number,
): ColumnTemplate {
  db.prepare(
    `INSERT INTO column_templates (source_name, kind, mapping, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (source_name, kind) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at`,
  ).run(sourceName, kind, JSON.stringify(mapping), now);
  return findTemplate(db, sourceName, kind)!;
}

export function deleteTemplate(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM column_templates WHERE id = ?').run(id).changes > 0;
}
