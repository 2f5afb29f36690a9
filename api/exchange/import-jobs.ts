/**
 * Import jobs for the app (数据交换): a big file takes a minute, so the UI starts a job,
 * polls its status (rows, rows/s, the phase) about three times a second, and may cancel it
 * (cancel = rollback: nothing written). Jobs run in this process on their own database
 * connection (db/exchange/import-connection) and yield between chunks, so the app keeps
 * answering. One import at a time per database: SQLite has one writer.
 */
import { randomUUID } from 'node:crypto';
import { importFile } from '../../db/exchange/import-file';
import type { ImportKind } from '../../db/exchange/import-report';
import type { ImportJobStatus } from '../contract/exchange';
import { openImportConnection } from '../../db/exchange/import-connection';
import type { Db } from '../../db/open';
import type { ApiContext } from '../context';
import { UserError } from '../errors';

interface ImportJob extends ImportJobStatus {
  abort: AbortController;
  endedAt: number | null;
}

const KEEP_FINISHED_MS = 60 * 60_000;
const jobsByDb = new WeakMap<Db, Map<string, ImportJob>>();

function jobsOf(db: Db): Map<string, ImportJob> {
  let jobs = jobsByDb.get(db);
  if (!jobs) {
    jobs = new Map();
    jobsByDb.set(db, jobs);
  }
  return jobs;
}

export interface StartImportInput {
  path: string;
  kind?: ImportKind | undefined;
  skipInvalid: boolean;
  sheet?: string | null | undefined;
  mapping?: Record<string, string> | undefined;
}

export function startImportJob(
  context: ApiContext,
  input: StartImportInput,
  log: (reference: string, error: unknown) => void,
): ImportJobStatus {
  const jobs = jobsOf(context.db);
  const now = context.now();
  for (const [id, job] of jobs)
    if (job.endedAt !== null && now - job.endedAt > KEEP_FINISHED_MS) jobs.delete(id);
  const running = [...jobs.values()].find((j) => j.state === 'running');
  if (running) {
    throw new UserError('import_running', {
      zh: `正在导入 ${running.progress.fileName || running.file}，请等它完成或取消后再开始新的导入。`,
      en: `${running.progress.fileName || running.file} is being imported: wait for it to finish, or cancel it, first.`,
    });
  }
  const job: ImportJob = {
    jobId: randomUUID(),
    state: 'running',
    file: input.path,
    progress: {
      phase: 'checking',
      rows: 0,
      bytesRead: 0,
      bytesTotal: 0,
      rowsPerSecond: 0,
      fileName: input.path.split(/[\\/]/).pop() ?? input.path,
    },
    startedAt: now,
    report: null,
    failure: null,
    abort: new AbortController(),
    endedAt: null,
  };
  jobs.set(job.jobId, job);
  const connection = openImportConnection(context.db, context.appVersion, now);
  // The import holds the write lock until it commits. A write on the app's connection would
  // otherwise wait SQLite's busy timeout with the whole process frozen, then fail: it now
  // fails at once and invoke() says why (importBusyError).
  const busyTimeout = context.db.pragma('busy_timeout', { simple: true }) as number;
  if (connection.db !== context.db) context.db.pragma('busy_timeout = 0');
  void importFile(connection.db, input.path, {
    skipInvalid: input.skipInvalid,
    now,
    clock: context.now,
    actor: { userId: context.actor.userId, name: context.actor.name },
    signal: job.abort.signal,
    onProgress: (progress) => (job.progress = progress),
    ...(input.kind ? { kind: input.kind } : {}),
    ...(input.sheet ? { sheet: input.sheet } : {}),
    ...(input.mapping ? { mapping: input.mapping } : {}),
  })
    .then((report) => {
      job.report = report;
      job.state = report.status === 'done' ? 'done' : report.status;
      if (report.written)
        context.live.publish({ type: 'cases.changed', caseIds: null, at: context.now() });
    })
    .catch((error: unknown) => {
      const reference = randomUUID().slice(0, 8);
      log(reference, error);
      job.state = 'failed';
      job.failure = {
        zh: `导入时程序内部出错，未写入任何内容。请把参考号 ${reference} 告知管理员。`,
        en: `Something went wrong inside GridDesk during the import; nothing was written. Reference ${reference}.`,
        reference,
      };
    })
    .finally(() => {
      job.endedAt = context.now();
      if (connection.db !== context.db) context.db.pragma(`busy_timeout = ${busyTimeout}`);
      connection.close();
    });
  return statusOf(job);
}

/**
 * What a write refused by SQLite's lock tells the user: the import holding it (file, rows so
 * far), or another program (a command-line import) when no import of this app runs.
 */
export function databaseBusyError(db: Db): UserError {
  const running = [...jobsOf(db).values()].find((j) => j.state === 'running');
  if (!running) {
    return new UserError('database_busy', {
      zh: '数据库正被另一个程序写入（例如命令行导入），本次操作未保存：请稍后重试。',
      en: 'Another program is writing to the database (a command-line import, perhaps); nothing was saved: try again shortly.',
    });
  }
  const file = running.progress.fileName || running.file;
  const rows = running.progress.rows.toLocaleString('en-US');
  return new UserError('import_in_progress', {
    zh: `正在导入 ${file}（已读 ${rows} 行），导入完成前不能保存修改，本次操作未保存：请在导入结束后重试。`,
    en: `${file} is being imported (${rows} rows read so far); changes cannot be saved until it ends, and this one was not: try again after the import.`,
  });
}

function statusOf(job: ImportJob): ImportJobStatus {
  const { abort: _abort, endedAt: _endedAt, ...status } = job;
  return { ...status, progress: { ...status.progress } };
}

function findJob(context: ApiContext, jobId: string): ImportJob {
  const job = jobsOf(context.db).get(jobId);
  if (!job) {
    throw new UserError(
      'no_such_job',
      {
        zh: '找不到这项导入（可能已过期）。',
        en: 'There is no such import (it may have expired).',
      },
      'jobId',
    );
  }
  return job;
}

export function importJobStatus(context: ApiContext, jobId: string): ImportJobStatus {
  return statusOf(findJob(context, jobId));
}

export function cancelImportJob(context: ApiContext, jobId: string): { cancelled: boolean } {
  const job = findJob(context, jobId);
  if (job.state !== 'running') return { cancelled: false };
  job.abort.abort(new Error('cancelled by the user'));
  return { cancelled: true };
}

export function runningImportJob(context: ApiContext): ImportJobStatus | null {
  const running = [...jobsOf(context.db).values()].find((j) => j.state === 'running');
  return running ? statusOf(running) : null;
}
