import fs from 'node:fs';
import type { Command } from 'commander';
import { APP_VERSION } from '../../api/version';
import { openOrCreateDatabase } from '../../db/bootstrap';
import { readAppInfo } from '../../db/queries/app-info';
import { resolveDbPath } from '../database';
import { CliError, progressReporter } from '../output';

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
    .action((options: { db?: string; seed?: number; force?: boolean; json?: boolean }) => {
      const { file } = resolveDbPath(options.db);
      if (fs.existsSync(file)) {
        if (!options.force) {
          throw new CliError(
            `${file} already exists; pass --force to replace it with a new demo database.`,
          );
        }
        for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
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

function parseSeed(value: string): number {
  const seed = Number(value);
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1) {
    throw new CliError(`--seed must be a whole number from 0 to 4294967295, not "${value}".`, 2);
  }
  return seed;
}
