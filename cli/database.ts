/**
 * Opening the database the command names. A `--db` path that does not exist yet is created
 * with the reference data; the app's own default database gets the demo street, as the
 * app does on its first start.
 */
import fs from 'node:fs';
import path from 'node:path';
import { APP_VERSION } from '../api/version';
import { openOrCreateDatabase, type BootstrapResult } from '../db/bootstrap';
import { DatabaseOpenError } from '../db/errors';
import { defaultDatabasePath } from '../db/paths';
import { sweepTempFolders } from '../db/temp-folders';
import { replacementSentence } from '../db/holders';
import { checkStoreNow, damagedSentence } from '../db/store-health';
import { CliError, progressReporter, say } from './output';

let lastOpened: string | null = null;

/** The file the command opened, so a SQLite failure's sentence can name it. */
export function lastOpenedDatabase(): string | null {
  return lastOpened;
}

interface CliDatabase extends BootstrapResult {
  file: string;
}

export function resolveDbPath(dbOption: string | undefined): { file: string; isDefault: boolean } {
  if (dbOption) return { file: path.resolve(dbOption), isDefault: false };
  return { file: defaultDatabasePath(), isDefault: true };
}

export function openCliDatabase(
  dbOption: string | undefined,
  options: {
    demoWhenNew?: boolean;
    now?: number;
    /** serve checks in the background instead (api/backup/store-services), so it opens at once. */
    checkNow?: boolean;
  } = {},
): CliDatabase {
  const { file, isDefault } = resolveDbPath(dbOption);
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
    throw new CliError(`--db ${file} is a folder, not a database file.`);
  }
  const demoWhenNew = options.demoWhenNew ?? isDefault;
  lastOpened = file;
  const replacing = replacementSentence(file);
  if (replacing) throw new CliError(say(replacing));
  try {
    const result = openOrCreateDatabase(file, {
      appVersion: APP_VERSION,
      now: options.now ?? Date.now(),
      demoWhenNew,
      onProgress: demoWhenNew ? progressReporter('示范街道 demo street') : undefined,
    });
    if (result.seeded !== 'none') {
      process.stderr.write(
        `[griddesk] created ${file} (${result.seeded === 'demo' ? 'demo street' : 'reference data'})\n`,
      );
    }
    lastOpened = file;
    // Before the command's first write: a damaged store is held read-only, and said so.
    const checkNow = options.checkNow ?? true;
    if (
      checkNow &&
      result.seeded === 'none' &&
      checkStoreNow(result.db, Date.now()).state === 'damaged'
    ) {
      process.stderr.write(`griddesk: ${say(damagedSentence(file))}\n`);
    }
    // Temp folders of runs that died (a kill during a package import) go at every start.
    sweepTempFolders(file, Date.now());
    return { ...result, file };
  } catch (error) {
    if (error instanceof DatabaseOpenError) throw new CliError(error.message);
    throw error;
  }
}
