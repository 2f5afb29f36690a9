import fs from 'node:fs';
import type { Command } from 'commander';
import { APP_VERSION } from '../../api/version';
import { openOrCreateDatabase } from '../../db/bootstrap';
import { readAppInfo } from '../../db/queries/app-info';
import { resolveDbPath } from '../database';
import Database from 'better-sqlite3';
import { BackupError } from '../../db/backup/backup-errors';
import { createBackup } from '../../db/backup/create-backup';
import { claimDatabase, inUseSentence } from '../../db/holders';
import { CliError, progressReporter, say } from '../output';

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      'create a database holding the demo street 示范街道 (12 communities, 154 grids, ~2,300 cases)',
    )
    .option('--db <file>', "database file to create (default: the app's own database)")
    .option('--seed <n>', 'seed for the generator (default: derived from today)', parseSeed)
    .option('--force', 'replace the file if it exists')
    .option('--json', 'print the result as JSON')
    .action(async (options: { db?: string; seed?: number; force?: boolean; json?: boolean }) => {
      const { file } = resolveDbPath(options.db);
      if (fs.existsSync(file)) {
        if (!options.force) {
          throw new CliError(
            `${file} already exists; pass --force to replace it with a new demo database.`,
          );
        }
        // Held from the check to the new street, so nothing opens the file in between.
        const release = claimDatabase(file, 'griddesk demo --force', Date.now());
        try {
          await replaceableOrRefuse(file);
          const held = inUseSentence(file);
          if (held) throw new CliError(say(held));
          for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
        } catch (error) {
          release();
          throw error;
        }
        process.once('exit', release);
      }
      const started = performance.now();
      const opened = openOrCreateDatabase(file, {
        appVersion: APP_VERSION,
        now: Date.now(),
        demoWhenNew: true,
        ...(options.seed != null ? { demoSeed: options.seed } : {}),
        onProgress: progressReporter('示范街道 demo street'),
      });
      const info = readAppInfo(opened.db, APP_VERSION);
      opened.db.close();
      const seconds = (performance.now() - started) / 1000;
      const summary = {
        file,
        communities: info.communities,
        grids: info.grids,
        cases: info.cases,
        staff: info.staff,
      };
      if (options.json) console.log(JSON.stringify({ ...summary, seconds }));
      else
        console.log(
          `Created ${file}: ${info.communities} communities, ${info.grids} grids, ${info.cases} cases, ${info.staff} staff in ${seconds.toFixed(2)} s.`,
        );
    });
}

/**
 * `--force` never destroys work: it refuses while another process has the file open, and
 * backs the old store up first (a file too damaged to back up is kept as it is).
 */
async function replaceableOrRefuse(file: string): Promise<void> {
  const held = inUseSentence(file);
  if (held) throw new CliError(say(held));
  try {
    const result = await backUpBeforeReplacing(file);
    if (result) process.stderr.write(`[griddesk] ${say(result)}\n`);
  } catch (error) {
    if (error instanceof BackupError) throw new CliError(say(error.sentence));
    throw error;
  }
}

async function backUpBeforeReplacing(file: string): Promise<{ zh: string; en: string } | null> {
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: true, timeout: 0 });
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch {
    // Not a database at all: nothing of GridDesk's to keep, but its bytes are kept anyway.
    const copy = `${file}.replaced-${Date.now()}`;
    fs.copyFileSync(file, copy);
    return { zh: `原文件已另存为 ${copy}。`, en: `The old file was kept as ${copy}.` };
  }
  try {
    const entry = await createBackup(db, {
      reason: 'demo-force',
      now: Date.now(),
      appVersion: APP_VERSION,
    });
    return {
      zh: `替换前已备份原数据库到 ${entry.path}。`,
      en: `The old database was backed up to ${entry.path} before it was replaced.`,
    };
  } catch (error) {
    if (!(error instanceof BackupError) || error.code !== 'source_damaged') throw error;
    // Kept as it is, with its WAL: the newest commits of a damaged store live there.
    const copy = `${file}.replaced-${Date.now()}`;
    fs.copyFileSync(file, copy);
    if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
    return {
      zh: `原数据库已损坏，已原样另存为 ${copy}。`,
      en: `The old database is damaged; it was kept as it is at ${copy}.`,
    };
  } finally {
    db.close();
  }
}

function parseSeed(value: string): number {
  const seed = Number(value);
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1) {
    throw new CliError(`--seed must be a whole number from 0 to 4294967295, not "${value}".`, 2);
  }
  return seed;
}
