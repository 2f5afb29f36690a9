/**
 * `griddesk backup create|list|restore|verify`: the store's backups from the command line,
 * the same code the settings screen calls. `restore` replaces the database only after
 * backing up the current one, and only while no other process has it open.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { APP_VERSION } from '../../api/version';
import { formatDateTime } from '../../core/time';
import { BackupError } from '../../db/backup/backup-errors';
import { listBackups } from '../../db/backup/backup-catalog';
import { readBackupSettings } from '../../db/backup/backup-settings';
import { createBackup } from '../../db/backup/create-backup';
import { restoreBackup, verifyBackup } from '../../db/backup/restore-backup';
import { openCliDatabase, resolveDbPath } from '../database';
import { CliError, progressReporter, say } from '../output';

function asCliError(error: unknown): never {
  if (error instanceof BackupError) throw new CliError(say(error.sentence));
  throw error;
}

export function registerBackupCommand(program: Command): void {
  const backup = program
    .command('backup')
    .description('back up, list, verify and restore the database (备份与恢复)');

  backup
    .command('create')
    .description('take a backup now, checked with integrity_check before it is listed')
    .option('--db <file>', "database file (default: the app's own database)")
    .option('--folder <dir>', 'where to write it (default: the folder in the backup settings)')
    .option('--json', 'print the backup as JSON')
    .action(async (options: { db?: string; folder?: string; json?: boolean }) => {
      const opened = openCliDatabase(options.db, { demoWhenNew: false });
      try {
        const progress = progressReporter('备份 backup');
        const entry = await createBackup(opened.db, {
          reason: 'manual',
          now: Date.now(),
          appVersion: APP_VERSION,
          ...(options.folder ? { folder: path.resolve(options.folder) } : {}),
          onProgress: (done, total) => progress(done, total, `${done}/${total} pages`),
        }).catch(asCliError);
        if (options.json) console.log(JSON.stringify(entry));
        else
          console.log(
            say({
              zh: `已备份到 ${entry.path}（${entry.cases ?? 0} 件案卷，${(entry.bytes / 1048576).toFixed(1)} MB，完整性检查通过）。`,
              en: `Backed up to ${entry.path} (${entry.cases ?? 0} cases, ${(entry.bytes / 1048576).toFixed(1)} MB, integrity check passed).`,
            }),
          );
      } finally {
        opened.db.close();
      }
    });

  backup
    .command('list')
    .description('list the finished backups of the database, newest first')
    .option('--db <file>', "database file (default: the app's own database)")
    .option('--folder <dir>', 'a backup folder to list (default: the one in the backup settings)')
    .option('--json', 'print [{"path","created_at","reason","bytes","cases"}]')
    .action((options: { db?: string; folder?: string; json?: boolean }) => {
      const { file } = resolveDbPath(options.db);
      const folder = options.folder
        ? path.resolve(options.folder)
        : readBackupSettings(file).folder;
      const entries = listBackups(folder).filter(
        (b) => options.folder || b.source === path.resolve(file),
      );
      if (options.json) {
        console.log(
          JSON.stringify(
            entries.map((b) => ({
              path: b.path,
              created_at: new Date(b.created_at).toISOString(),
              reason: b.reason,
              bytes: b.bytes,
              cases: b.cases,
            })),
          ),
        );
        return;
      }
      if (entries.length === 0) {
        console.log(say({ zh: `${folder} 中没有备份。`, en: `No backups in ${folder}.` }));
        return;
      }
      for (const b of entries)
        console.log(
          `${formatDateTime(b.created_at)}  ${b.reason.padEnd(10)} ${String(b.cases ?? '?').padStart(8)} cases  ${(b.bytes / 1048576).toFixed(1).padStart(8)} MB  ${b.path}`,
        );
    });

  backup
    .command('verify')
    .description("check a backup: its checksum and SQLite's integrity_check")
    .argument('<path>', 'the backup file')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      const verified = await verifyBackup(file).catch(asCliError);
      if (options.json)
        console.log(JSON.stringify({ path: verified.path, ok: true, cases: verified.cases }));
      else
        console.log(
          say({
            zh: `备份 ${verified.path} 完好（${verified.cases} 件案卷${verified.entry ? '，校验值一致' : ''}）。`,
            en: `The backup ${verified.path} is sound (${verified.cases} cases${verified.entry ? ', checksum matches' : ''}).`,
          }),
        );
    });

  backup
    .command('restore')
    .description('replace the database with a backup, after backing up the current one')
    .argument('<path>', 'the backup file')
    .option('--db <file>', "database file (default: the app's own database)")
    .option('--json', 'print the result as JSON')
    .action(async (file: string, options: { db?: string; json?: boolean }) => {
      const { file: dbFile } = resolveDbPath(options.db);
      const result = await restoreBackup({
        dbFile,
        backupPath: file,
        now: Date.now(),
        appVersion: APP_VERSION,
      }).catch(asCliError);
      // Opening migrates a backup taken before an upgrade, like any older store.
      const opened = openCliDatabase(dbFile, { demoWhenNew: false });
      opened.db.close();
      const kept = result.before?.path ?? result.damagedCopy;
      if (options.json) {
        console.log(
          JSON.stringify({
            restored: result.restored.path,
            cases: result.restored.cases,
            before: result.before?.path ?? null,
            damagedCopy: result.damagedCopy,
          }),
        );
        return;
      }
      console.log(
        say({
          zh: `已用 ${result.restored.path} 恢复 ${dbFile}（${result.restored.cases} 件案卷）。恢复前的数据库保存在 ${kept ?? '（无）'}。`,
          en: `Restored ${dbFile} from ${result.restored.path} (${result.restored.cases} cases). The database as it was is kept at ${kept ?? '(none)'}.`,
        }),
      );
    });
}
