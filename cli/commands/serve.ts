import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { SYSTEM_ACTOR } from '../../api/context';
import { watchExternalWrites, LiveBus } from '../../api/live';
import { APP_VERSION } from '../../api/version';
import { startHost } from '../../host/server';
import { startStoreServices } from '../../api/backup/store-services';
import { openCliDatabase } from '../database';
import { CliError, logInternalError } from '../output';

function rendererDir(): string {
  if (process.env.GRIDDESK_RENDERER_DIR) return path.resolve(process.env.GRIDDESK_RENDERER_DIR);
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/renderer');
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('serve GridDesk in the browser on 127.0.0.1 (wall displays, browser mode, tests)')
    .option(
      '--db <file>',
      "database file (default: the app's own database, with the demo street on first start)",
    )
    .option('--port <n>', 'port on 127.0.0.1; 0 picks a free one', parsePort, 0)
    .action(async (options: { db?: string; port: number }) => {
      const opened = openCliDatabase(options.db, { checkNow: false });
      const live = new LiveBus();
      const context = {
        db: opened.db,
        now: () => Date.now(),
        appVersion: APP_VERSION,
        live,
        actor: SYSTEM_ACTOR,
        transport: 'http' as const,
      };
      const stopWatching = watchExternalWrites(opened.db, live, context.now);
      // Holds the file, checks it in the background (writes wait), takes the daily backup.
      const services = startStoreServices(context, {
        program: 'griddesk serve',
        log: logInternalError,
      });
      const dir = rendererDir();
      if (!fs.existsSync(path.join(dir, 'index.html'))) {
        process.stderr.write(
          `[griddesk] the renderer is not built (${dir}): run "npm run build:renderer"; the API works meanwhile.\n`,
        );
      }
      let host;
      try {
        host = await startHost({
          context,
          port: options.port,
          rendererDir: dir,
          log: logInternalError,
        });
      } catch (error) {
        services.stop();
        opened.db.close();
        const code = (error as { code?: string }).code;
        if (code === 'EADDRINUSE')
          throw new CliError(
            `Port ${options.port} on 127.0.0.1 is already in use; choose another with --port, or 0 for any.`,
          );
        throw error;
      }
      // The first stdout line is the full URL with the token: scripts and tests read it.
      console.log(host.url);
      process.stderr.write(
        `[griddesk] serving ${opened.file} on 127.0.0.1:${host.port}; Ctrl+C stops.\n`,
      );
      const shutdown = () => {
        stopWatching();
        services.stop();
        void host.close().then(() => {
          opened.db.close();
          process.exit(0);
        });
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    });
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new CliError(`--port must be a whole number from 0 to 65535, not "${value}".`, 2);
  }
  return port;
}
