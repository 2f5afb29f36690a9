/**
 * This machine's own desk: the case store in the data folder (the demo street on first
 * start), the IPC transport over it, the store's services (checks, daily backups) and the
 * seat switch that lets the centre's other seats join over HTTPS (issue 13).
 */
import path from 'node:path';
import { app, type BrowserWindow } from 'electron';
import { SYSTEM_ACTOR, type ApiContext } from '../api/context';
import { LiveBus } from '../api/live';
import { APP_VERSION } from '../api/version';
import { createBasemapTileSource } from '../api/map/basemap-tiles';
import { SeatRegistry } from '../api/seats/seat-registry';
import { startStoreServices } from '../api/backup/store-services';
import { openOrCreateDatabase } from '../db/bootstrap';
import { useBundledCheckWorker } from '../db/backup/check-runner';
import { useNativeBindingForImports } from '../db/exchange/import-connection';
import { useBundledReadingWorker } from '../db/exchange/case-reading';
import { useBundledImportWorkers } from '../db/exchange/import-in-worker';
import { useNativeBindingForBasemaps } from '../db/mbtiles';
import { DatabaseOpenError } from '../db/errors';
import { replacementSentence } from '../db/holders';
import { readSeatSettings } from '../db/queries/seat-settings';
import { sweepTempFolders } from '../db/temp-folders';
import type { Db } from '../db/open';
import { createSeatHostControl } from '../host/seat-host-control';
import { startIpcTransport } from './ipc-transport';
import { logError, logLine } from './log';
import { databaseFile, electronNativeBinding, rendererDir } from './paths';
import { serveTiles } from './protocol';
import { quitWithInternalError, quitWithSentence } from './quit';

function openCaseStore(): Db | null {
  const file = databaseFile();
  const nativeBinding = electronNativeBinding();
  if (!nativeBinding) {
    logLine(
      'warn',
      'no Electron build of better-sqlite3 in build/native/electron; using node_modules',
    );
  }
  const replacing = replacementSentence(file);
  if (replacing) {
    quitWithSentence('GridDesk', `${replacing.zh}\n${replacing.en}`);
    return null;
  }
  try {
    const opened = openOrCreateDatabase(file, {
      appVersion: APP_VERSION,
      now: Date.now(),
      demoWhenNew: true,
      nativeBinding,
    });
    logLine(
      'info',
      `opened ${file}: seeded ${opened.seeded}, migrations [${opened.migrated.join(', ')}]` +
        (opened.backupPath ? `, backup ${opened.backupPath}` : ''),
    );
    return opened.db;
  } catch (error) {
    if (error instanceof DatabaseOpenError) {
      logLine('error', `cannot open ${file}: ${error.code}: ${error.message}`);
      quitWithSentence('GridDesk 无法打开数据库 (cannot open the database)', error.message);
    } else {
      quitWithInternalError(error);
    }
    return null;
  }
}

/** Opens the desk; false when it could not (the app is quitting with a sentence). */
export function startLocalDesk(options: { windows: () => BrowserWindow[] }): boolean {
  const db = openCaseStore();
  if (!db) return false;
  // Temp folders of runs that died (a kill during a package import) go at every start.
  sweepTempFolders(db.name, Date.now());
  useNativeBindingForBasemaps(electronNativeBinding());
  // Imports run on a second connection of their own: it needs the Electron build too.
  useNativeBindingForImports(electronNativeBinding());
  // The workers are bundled beside this file (scripts/build-electron.mjs); packaged, they
  // are unpacked beside app.asar (build/electron-builder.yml asarUnpack).
  const unpacked = __dirname.replace(/app\.asar(?=[\\/])/, 'app.asar.unpacked');
  useBundledReadingWorker(path.join(unpacked, 'case-reading-worker.cjs'));
  useBundledImportWorkers({
    importWorker: path.join(unpacked, 'import-worker.cjs'),
    readingWorker: path.join(unpacked, 'case-reading-worker.cjs'),
  });
  useBundledCheckWorker(path.join(unpacked, 'check-worker.cjs'), electronNativeBinding() ?? null);
  const tiles = createBasemapTileSource(db);
  serveTiles(tiles);

  const registry = new SeatRegistry();
  const context: ApiContext = {
    db,
    now: () => Date.now(),
    appVersion: APP_VERSION,
    live: new LiveBus(),
    actor: SYSTEM_ACTOR,
    transport: 'ipc',
    seats: registry,
  };
  // The switch in settings (允许本中心其他坐席接入) starts and stops the HTTPS host.
  const seatHost = createSeatHostControl({ context, registry, rendererDir, log: logError });
  context.seatHost = seatHost;
  const stopTransport = startIpcTransport(context, options);
  // Holds the file, checks it in the background (writes wait), takes the daily backup.
  const services = startStoreServices(context, { program: 'GridDesk 桌面程序', log: logError });
  const saved = readSeatSettings(db);
  if (saved.enabled) {
    void seatHost.apply(saved).then(() => {
      const problem = seatHost.problem();
      if (problem) logLine('warn', `seats not served: ${problem.en}`);
      else logLine('info', `serving the centre's seats on ${seatHost.serving()?.url}`);
    });
  }
  app.on('will-quit', () => {
    void seatHost.close();
    services.stop();
    stopTransport();
    tiles.close();
    if (db.open) db.close();
  });
  return true;
}
