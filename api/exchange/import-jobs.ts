/**
 * Import jobs for the app (数据交换): a big file takes a minute, so the UI starts a job,
 * polls its status (rows, rows/s, the phase) about three times a second, and may cancel it
 * (cancel = rollback: nothing written). A job runs in a worker thread with its own database
 * connection (db/exchange/import-in-worker): reading, checking and writing never run on the
 * app's thread, so every window, the live stream and the overdue alarm keep answering.
 * One import at a time per database: SQLite has one writer.
 */
import { randomUUID } from 'node:crypto';
import { readBusyTimeout, setBusyTimeout } from '../../db/busy-timeout';
import { importFile } from '../../db/exchange/import-file';
import { importInWorker, type RunningWorkerImport } from '../../db/exchange/import-in-worker';
import { readImportMarker, writeImportMarker } from '../../db/exchange/import-marker';
import type { ImportKind, ImportReport } from '../../db/exchange/import-report';
import type { ImportJobStatus } from '../contract/exchange';
import type { Db } from '../../db/open';
import type { ApiContext } from '../context';
import { UserError } from '../errors';

interface ImportJob extends ImportJobStatus {
  abort: AbortController;
  endedAt: number | null;
  /** The worker running it (null for an in-memory database, imported in this thread). */
  worker: RunningWorkerImport | null;
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

interface StartImportInput {
  path: string;
  kind?: ImportKind | undefined;
  skipInvalid: boolean;
  sheet?: string | null | undefined;
  mapping?: Record<string, string> | undefined;
}

interface ImportJobHooks {
  /**
   * Called before an import of more than LARGE_IMPORT_ROWS (db/exchange/import-run) rows
   * commits, on this thread, while the import's transaction is open in its worker: a backup
   * taken on `context.db` now holds the database as it was before the import. A throw
   * refuses the import (its `sentence`, when it has one, is the refusal): nothing is written.
   */
  beforeLargeImport?: (rows: number) => Promise<void>;
}

export function startImportJob(
  context: ApiContext,
  input: StartImportInput,
  log: (reference: string, error: unknown) => void,
  hooks: ImportJobHooks = {},
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
    worker: null,
  };
  jobs.set(job.jobId, job);
  const options = {
    skipInvalid: input.skipInvalid,
    now,
    actor: { userId: context.actor.userId, name: context.actor.name },
    onProgress: (progress: ImportJobStatus['progress']) => (job.progress = progress),
    ...(input.kind ? { kind: input.kind } : {}),
    ...(input.sheet ? { sheet: input.sheet } : {}),
    ...(input.mapping ? { mapping: input.mapping } : {}),
    ...(hooks.beforeLargeImport ? { beforeLargeImport: hooks.beforeLargeImport } : {}),
  };
  const inMemory = context.db.memory || !context.db.name || context.db.name === ':memory:';
  let reported: Promise<ImportReport>;
  let removeMarker = () => {};
  // The import holds the write lock until it commits: a write on the app's connection fails
  // at once meanwhile (it would wait the busy timeout) and invoke() says why.
  const busyTimeout = readBusyTimeout(context.db);
  if (inMemory) {
    // No file to open twice (some tests): the import runs here, on the shared connection.
    reported = importFile(context.db, input.path, {
      ...options,
      clock: context.now,
      signal: job.abort.signal,
    });
  } else {
    removeMarker = writeImportMarker(context.db.name, input.path, now, 'app');
    setBusyTimeout(context.db, 0);
    job.worker = importInWorker(context.db, input.path, {
      ...options,
      appVersion: context.appVersion,
    });
    job.abort.signal.addEventListener('abort', () => job.worker?.cancel(), { once: true });
    reported = job.worker.report;
  }
  void reported
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
        zh: `导入 ${job.progress.fileName} 时程序内部出错，未写入任何内容。请把参考号 ${reference} 告知管理员。`,
        en: `Something went wrong inside GridDesk while importing ${job.progress.fileName}; nothing was written. Reference ${reference}.`,
        reference,
      };
    })
    .finally(() => {
      job.endedAt = context.now();
      job.worker = null;
      removeMarker();
      if (!inMemory) setBusyTimeout(context.db, busyTimeout);
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
    const other = readImportMarker(db.name);
    if (other) {
      return other.by === 'cli'
        ? new UserError('cli_import_in_progress', {
            zh: `命令行正在导入 ${other.fileName}，导入结束前不能保存修改，本次操作未保存：请在导入结束后重试。`,
            en: `A command-line import of ${other.fileName} is under way; changes cannot be saved until it ends, and this one was not: try again after it.`,
          })
        : new UserError('other_import_in_progress', {
            zh: `另一个 GridDesk 窗口正在导入 ${other.fileName}，导入结束前不能保存修改，本次操作未保存：请在导入结束后重试。`,
            en: `Another GridDesk is importing ${other.fileName}; changes cannot be saved until it ends, and this one was not: try again after it.`,
          });
    }
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

/**
 * How long a write on the app's connection waits for another program's write lock: long
 * enough for another process's move or save (a few milliseconds), short enough that a save
 * during a command-line import is refused at once (databaseBusyError names its file) and
 * never holds the app's thread, and with it every read, for SQLite's default five seconds.
 */
const DESK_BUSY_TIMEOUT_MS = 50;
const deskConnections = new WeakSet<Db>();

/** Gives the app's connection its short busy timeout (once; invoke() calls it). */
export function useDeskBusyTimeout(db: Db): void {
  if (deskConnections.has(db)) return;
  deskConnections.add(db);
  const running = [...jobsOf(db).values()].some((j) => j.state === 'running' && j.worker);
  if (!running) setBusyTimeout(db, DESK_BUSY_TIMEOUT_MS);
}

function statusOf(job: ImportJob): ImportJobStatus {
  const { abort: _abort, endedAt: _endedAt, worker: _worker, ...status } = job;
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

/** Ends a job's worker at once, as a crash would (the fault tests). */
export async function terminateImportJobWorker(context: ApiContext, jobId: string): Promise<void> {
  await findJob(context, jobId).worker?.terminate();
}
