/**
 * 数据交换: files to and from the city system (docs/design/CITY-EXCHANGE.md). Files travel by path on
 * this machine (a 2 GB file does not go through an API call); a small file dropped on the
 * page is uploaded to a temporary file first. Imports run as jobs with progress and cancel.
 */
import { z } from 'zod';
import type { BatchSummary, ColumnTemplate } from '../../db/exchange/batches';
import type { ExportReport } from '../../db/exchange/export-file';
import type { ImportProgress, ImportReport } from '../../db/exchange/import-report';
import type { ImportPreview } from '../../db/exchange/preview';
import { method } from './define';

export type { BatchSummary, ColumnTemplate } from '../../db/exchange/batches';
export type { ExportReport } from '../../db/exchange/export-file';
export type { ImportCounts, ImportProgress, ImportReport } from '../../db/exchange/import-report';
export type { ImportPreview, PreviewColumn } from '../../db/exchange/preview';
export type { RowIssue, ImportNote } from '../../core/exchange/issues';

const FILE_PATH = z.string().trim().min(1).max(4096);
const IMPORT_KIND = z.enum(['cases', 'grids', 'staff', 'package']);
const TEMPLATE_KIND = z.enum(['cases', 'grids', 'staff']);
/** header as the file spells it → the desk's key, or 'ignore'. */
const MAPPING = z
  .record(z.string().max(200), z.string().max(40))
  .refine((m) => Object.keys(m).length <= 500, 'at most 500 columns');

export type ImportJobState = 'running' | 'done' | 'refused' | 'cancelled' | 'failed';

/** An import job as the UI polls it (exchange.jobStatus). */
export interface ImportJobStatus {
  jobId: string;
  state: ImportJobState;
  file: string;
  progress: ImportProgress;
  startedAt: number;
  /** The report once the job has ended (null while running, or when it failed inside). */
  report: ImportReport | null;
  /** For a failure that is the program's fault: a sentence and a log reference. */
  failure: { zh: string; en: string; reference?: string } | null;
}

export interface ExchangeOverview {
  /** When the last case export ran ("since the last export" starts there); null: never. */
  lastCaseExportAt: number | null;
  /** Whether this user may export personal data in full (administrators). */
  canExportUnmasked: boolean;
  /** The import under way, if any (one at a time). */
  runningJob: ImportJobStatus | null;
}

export const exchangeContract = {
  'exchange.overview': method<ExchangeOverview>()(z.object({}).strict()),
  /** The first rows of a file with its detected encoding, header row and column mapping. */
  'exchange.preview': method<ImportPreview>()(
    z
      .object({
        path: FILE_PATH,
        kind: IMPORT_KIND.optional(),
        sheet: z.string().max(200).nullish(),
        mapping: MAPPING.optional(),
      })
      .strict(),
  ),
  'exchange.import.start': method<ImportJobStatus>()(
    z
      .object({
        path: FILE_PATH,
        kind: IMPORT_KIND.optional(),
        skipInvalid: z.boolean().default(false),
        sheet: z.string().max(200).nullish(),
        mapping: MAPPING.optional(),
      })
      .strict(),
  ),
  'exchange.jobStatus': method<ImportJobStatus>()(z.object({ jobId: z.string().uuid() }).strict()),
  'exchange.cancel': method<{ cancelled: boolean }>()(
    z.object({ jobId: z.string().uuid() }).strict(),
  ),
  'exchange.history': method<BatchSummary[]>()(
    z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict(),
  ),
  'exchange.batch': method<{ summary: BatchSummary; report: unknown }>()(
    z.object({ id: z.number().int().positive() }).strict(),
  ),
  'exchange.export': method<ExportReport>()(
    z
      .object({
        kind: z.enum(['cases', 'grids']),
        format: z.enum(['xlsx', 'csv', 'json', 'open311']).default('xlsx'),
        /** Every case changed since then (epoch ms); omitted: since the last export. */
        since: z.number().int().nullish(),
        out: FILE_PATH,
        unmasked: z.boolean().default(false),
        /** Write the file even when no case changed (default: refused with a sentence). */
        writeEmpty: z.boolean().default(false),
        /** The user agreed to write into a folder holding files this desk did not make. */
        confirmForeignFolder: z.boolean().default(false),
      })
      .strict(),
  ),
  'exchange.templates': method<ColumnTemplate[]>()(z.object({}).strict()),
  'exchange.templates.save': method<ColumnTemplate>()(
    z
      .object({
        sourceName: z.string().trim().min(1).max(60),
        kind: TEMPLATE_KIND,
        mapping: MAPPING,
      })
      .strict(),
  ),
  'exchange.templates.delete': method<{ deleted: boolean }>()(
    z.object({ id: z.number().int().positive() }).strict(),
  ),
  /** A small file dropped on the page, stored as a temporary file to import by path. */
  'exchange.upload': method<{ path: string }>()(
    z
      .object({
        fileName: z.string().trim().min(1).max(200),
        // The loopback host takes 1 MB bodies: about 700 KB of file in base64.
        contentBase64: z.string().max(950_000),
      })
      .strict(),
  ),
};
