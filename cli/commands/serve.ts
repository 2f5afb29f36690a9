import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { SYSTEM_ACTOR, type ApiContext } from '../../api/context';
import { watchExternalWrites, LiveBus } from '../../api/live';
import { APP_VERSION } from '../../api/version';
import net from 'node:net';
import { startHost } from '../../host/server';
import { CertificateError, seatCertificate } from '../../host/seat-certificate';
import { hostStartProblem } from '../../host/host-start-problem';
import { SeatRegistry } from '../../api/seats/seat-registry';
import { DEFAULT_SEAT_PORT } from '../../db/queries/seat-settings';
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
    .description(
      "serve GridDesk in the browser: on 127.0.0.1 with a token, or with --seats over HTTPS to the centre's seats",
    )
    .option(
      '--db <file>',
      "database file (default: the app's own database, with the demo street on first start)",
    )
    .option('--port <n>', 'port (0 picks a free one); default 0, or 8443 with --seats', parsePort)
    .option(
      '--seats',
      "seat mode: HTTPS on --host for the centre's other seats, sign-in on every call",
    )
    .option('--host <address>', "seat mode: the LAN address to serve on (one of this machine's)")
    .option(
      '--cert <file>',
      "seat mode: the centre's own certificate (PEM) instead of a self-signed one",
    )
    .option('--key <file>', 'seat mode: the private key (PEM) of --cert')
    .action(async (options: ServeOptions) => {
      const seatMode = seatModeOf(options);
      const opened = openCliDatabase(options.db, { checkNow: false });
      const live = new LiveBus();
      const context: ApiContext = {
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
      const port = options.port ?? (seatMode ? DEFAULT_SEAT_PORT : 0);
      const bind = seatMode ? seatMode.address : '127.0.0.1';
      try {
        host = await startHost({
          context,
          port,
          rendererDir: dir,
          log: logInternalError,
          seats: seatMode
            ? {
                address: seatMode.address,
                certificate: await seatCertificate({
                  dbFile: opened.file,
                  address: seatMode.address,
                  certFile: options.cert,
                  keyFile: options.key,
                }),
                registry: new SeatRegistry(),
              }
            : null,
        });
      } catch (error) {
        services.stop();
        opened.db.close();
        throw hostStartError(error, bind, port);
      }
      // The first stdout line is the URL (with the token in browser mode): scripts and tests read it.
      console.log(host.url);
      if (host.fingerprint) console.log(`SHA-256 ${host.fingerprint}`);
      process.stderr.write(
        seatMode
          ? `[griddesk] serving ${opened.file} to the centre's seats on ${host.url} (HTTPS; check the certificate's SHA-256 above on each seat); Ctrl+C stops.\n`
          : `[griddesk] serving ${opened.file} on 127.0.0.1:${host.port}; Ctrl+C stops.\n`,
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

interface ServeOptions {
  db?: string;
  port?: number;
  seats?: boolean;
  host?: string;
  cert?: string;
  key?: string;
}

/** Seat mode's address, or null in browser mode; flags that need the other mode are refused. */
function seatModeOf(options: ServeOptions): { address: string } | null {
  if (!options.seats) {
    if (options.host || options.cert || options.key)
      throw new CliError('--host, --cert and --key are for seat mode: add --seats.', 2);
    return null;
  }
  const address = options.host?.trim();
  if (!address)
    throw new CliError(
      '--seats needs --host ADDRESS: the LAN address of this machine that the other seats reach (for example 192.168.1.20).',
      2,
    );
  if (net.isIP(address) === 0 && address !== 'localhost')
    throw new CliError(`--host must be an IP address of this machine, not "${address}".`, 2);
  return { address };
}

/** Which flag changes what a failed start names. */
const FLAG_FOR: Record<string, string> = {
  EADDRINUSE: ' (--port)',
  EADDRNOTAVAIL: ' (--host)',
  EACCES: ' (--port)',
};

function hostStartError(error: unknown, bind: string, port: number): unknown {
  const problem = hostStartProblem(error, bind, port);
  if (!problem) return error;
  if (error instanceof CertificateError) return new CliError(problem.en, 2);
  const code = (error as { code?: string }).code ?? '';
  return new CliError(`${problem.en.replace(/\.$/, '')}${FLAG_FOR[code] ?? ''}.`);
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new CliError(`--port must be a whole number from 0 to 65535, not "${value}".`, 2);
  }
  return port;
}
