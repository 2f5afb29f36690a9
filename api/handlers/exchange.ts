import { backupBeforeLargeImport } from '../../db/backup/import-backup';
import {
  lastCaseExportAt,
  listBatches,
  listTemplates,
  deleteTemplate,
  readBatch,
  saveTemplate,
} from '../../db/exchange/batches';
import {
  discardUpload,
  exportExchangeFile,
  importPathFor,
  mayExportUnmasked,
  previewExchangeFile,
  storeUpload,
} from '../exchange/exchange-files';
import {
  cancelImportJob,
  importJobStatus,
  runningImportJob,
  startImportJob,
} from '../exchange/import-jobs';
import { UserError } from '../errors';
import type { FeatureHandlers } from './types';

/** A background import's own failures have no transport to report them: stderr keeps the stack. */
function logJobError(reference: string, error: unknown): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`[griddesk] import job error ${reference}: ${detail}\n`);
}

export const exchangeHandlers = {
  'exchange.overview': (context) => ({
    lastCaseExportAt: lastCaseExportAt(context.db),
    canExportUnmasked: mayExportUnmasked(context),
    runningJob: runningImportJob(context),
  }),
  'exchange.preview': (context, input) => previewExchangeFile(context, input),
  'exchange.import.start': (context, input) =>
    startImportJob(context, { ...input, path: importPathFor(context, input.path) }, logJobError, {
      beforeLargeImport: backupBeforeLargeImport(context.db, {
        now: context.now,
        appVersion: context.appVersion,
      }),
    }),
  'exchange.jobStatus': (context, input) => {
    const status = importJobStatus(context, input.jobId);
    // A dropped file has done its work once its import ends (its error file stays a week).
    if (status.state !== 'running') discardUpload(context, status.file);
    return status;
  },
  'exchange.cancel': (context, input) => cancelImportJob(context, input.jobId),
  'exchange.history': (context, input) => listBatches(context.db, input.limit),
  'exchange.batch': (context, input) => {
    const batch = readBatch(context.db, input.id);
    if (!batch)
      throw new UserError(
        'no_such_batch',
        {
          zh: `没有编号为 ${input.id} 的交换记录。`,
          en: `There is no exchange record ${input.id}.`,
        },
        'id',
      );
    return batch;
  },
  'exchange.export': (context, input) => exportExchangeFile(context, input),
  'exchange.templates': (context) => listTemplates(context.db),
  'exchange.templates.save': (context, input) =>
    saveTemplate(context.db, input.sourceName, input.kind, input.mapping, context.now()),
  'exchange.templates.delete': (context, input) => ({
    deleted: deleteTemplate(context.db, input.id),
  }),
  'exchange.upload': (context, input) => storeUpload(context, input.fileName, input.contentBase64),
} satisfies FeatureHandlers<
  | 'exchange.overview'
  | 'exchange.preview'
  | 'exchange.import.start'
  | 'exchange.jobStatus'
  | 'exchange.cancel'
  | 'exchange.history'
  | 'exchange.batch'
  | 'exchange.export'
  | 'exchange.templates'
  | 'exchange.templates.save'
  | 'exchange.templates.delete'
  | 'exchange.upload'
>;
