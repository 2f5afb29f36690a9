/**
 * `griddesk`: the command line. Each command calls the same db/ and api/ code the app
 * uses, in-process.
 */
import { Command, CommanderError } from 'commander';
import { APP_VERSION } from '../api/version';
import { registerDemoCommand } from './commands/demo';
import { registerInfoCommand } from './commands/info';
import { registerServeCommand } from './commands/serve';
import { registerRankingCommand } from './commands/ranking';
import { registerBulletinCommand } from './commands/bulletin';
import { registerMinutesCommand } from './commands/minutes';
import { registerUserCommand } from './commands/user';
import { registerImportCommand } from './commands/import';
import { registerExportCommand } from './commands/export';
import { registerVerifyCommand } from './commands/verify';
import { registerBackupCommand } from './commands/backup';
import { registerCategoriesCommand } from './commands/categories';
import { registerAppealCommand } from './commands/appeal';
import { registerDisplayLinkCommand } from './commands/display-link';
import { sqliteErrorSentence } from '../db/errors';
import { lastOpenedDatabase } from './database';
import { CliError, logInternalError, say } from './output';

// `griddesk categories | head`: the reader went away; stop quietly instead of a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

const program = new Command()
  .name('griddesk')
  .description('GridDesk 街道综合指挥工作台: the command line')
  .version(APP_VERSION)
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

registerDemoCommand(program);
registerInfoCommand(program);
registerServeCommand(program);
registerRankingCommand(program);
registerBulletinCommand(program);
registerMinutesCommand(program);
registerUserCommand(program);
registerImportCommand(program);
registerCategoriesCommand(program);
registerExportCommand(program);
registerVerifyCommand(program);
registerBackupCommand(program);
registerAppealCommand(program);
registerDisplayLinkCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = exitCodeFor(error);
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    // --help and --version end through here with exit code 0.
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof CliError) {
    process.stderr.write(`griddesk: ${error.message}\n`);
    return error.exitCode;
  }
  // A full disk, a damaged page, a read-only file: the user's to fix, so a sentence.
  const sqlite = sqliteErrorSentence(error, lastOpenedDatabase() ?? 'the database');
  if (sqlite) {
    process.stderr.write(`griddesk: ${say(sqlite.sentence)}\n`);
    return 1;
  }
  const reference = Math.random().toString(36).slice(2, 10);
  logInternalError(reference, error);
  process.stderr.write(
    `griddesk: something went wrong inside GridDesk (reference ${reference}); nothing further was written.\n`,
  );
  return 1;
}
