/**
 * GridDesk's Electron entry (bundled to dist/electron/main.cjs). Order matters: the data
 * folder and the single-instance lock first, privileged schemes and guards before `ready`,
 * then the database, the IPC transport and the window.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, dialog, session, type BrowserWindow } from 'electron';
import { SYSTEM_ACTOR, type ApiContext } from '../api/context';
import { toErrorPayload } from '../api/errors';
import { LiveBus } from '../api/live';
import { APP_VERSION } from '../api/version';
import { createBasemapTileSource } from '../api/map/basemap-tiles';
import { openOrCreateDatabase } from '../db/bootstrap';
import { useBundledCheckWorker } from '../db/backup/check-runner';
import { startStoreServices } from '../api/backup/store-services';
import { useNativeBindingForImports } from '../db/exchange/import-connection';
import { useBundledReadingWorker } from '../db/exchange/case-reading';
import { useBundledImportWorkers } from '../db/exchange/import-in-worker';
import { useNativeBindingForBasemaps } from '../db/mbtiles';
import { DatabaseOpenError } from '../db/errors';
import { replacementSentence } from '../db/holders';
import { sweepTempFolders } from '../db/temp-folders';
import type { Db } from '../db/open';
import { startIpcTransport } from './ipc-transport';
import { logError, logLine } from './log';
import { installApplicationMenu } from './menu';
import { configureUserData, databaseFile, electronNativeBinding, rendererDir } from './paths';
import { registerPrivilegedSchemes, serveRenderer, serveTiles } from './protocol';
import { guardAllWebContents, hardenSession } from './security';
import { createMainWindow, devToolsAllowed, focusWindow, ourWindows } from './window';

const APP_USER_MODEL_ID = 'cn.griddesk.desktop';

let mainWindow: BrowserWindow | null = null;

/** Shows one sentence (never a stack) and ends the app. Safe before `ready`. */
function quitWithSentence(title: string, sentence: string): void {
  dialog.showErrorBox(title, sentence);
  app.exit(1);
}

/** A failure that is the program's fault: the stack to the log, a reference to the user. */
function quitWithInternalError(error: unknown): void {
  const payload = toErrorPayload(error, logError);
  quitWithSentence('GridDesk', `${payload.message.zh}\n${payload.message.en}`);
}

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

function rendererIsBuilt(): boolean {
  return fs.existsSync(path.join(rendererDir, 'index.html'));
}

function start(): void {
  hardenSession(session.defaultSession);
  serveRenderer(rendererDir);
  installApplicationMenu({ devTools: devToolsAllowed() });

  if (!rendererIsBuilt()) {
    quitWithSentence(
      'GridDesk',
      `界面文件缺失（${rendererDir}），请先运行 npm run build。\n` +
        `The user interface files are missing (${rendererDir}); run npm run build first.`,
    );
    return;
  }
  const db = openCaseStore();
  if (!db) return;
  // Temp folders of runs that died (a kill during a package import) go at every start.
  sweepTempFolders(db.name, Date.now());
  useNativeBindingForBasemaps(electronNativeBinding());
  // Imports run on a second connection of their own: it needs the Electron build too.
  useNativeBindingForImports(electronNativeBinding());
  // The import's reading thread is bundled beside this file (scripts/build-electron.mjs).
  // Packaged, it is unpacked beside app.asar (build/electron-builder.yml asarUnpack).
  const unpacked = __dirname.replace(/app\.asar(?=[\\/])/, 'app.asar.unpacked');
  useBundledReadingWorker(path.join(unpacked, 'case-reading-worker.cjs'));
  // An import started in the app runs in a thread of its own, bundled the same way.
  useBundledImportWorkers({
    importWorker: path.join(unpacked, 'import-worker.cjs'),
    readingWorker: path.join(unpacked, 'case-reading-worker.cjs'),
  });
  const tiles = createBasemapTileSource(db);
  serveTiles(tiles);

  const context: ApiContext = {
    db,
    now: () => Date.now(),
    appVersion: APP_VERSION,
    live: new LiveBus(),
    actor: SYSTEM_ACTOR,
    transport: 'ipc',
  };
  const stopTransport = startIpcTransport(context, { windows: ourWindows });
  // The check worker is bundled beside this file, like the reading worker.
  useBundledCheckWorker(
    path.join(__dirname.replace(/app\.asar(?=[\\/])/, 'app.asar.unpacked'), 'check-worker.cjs'),
    electronNativeBinding() ?? null,
  );
  // Holds the file, checks it in the background (writes wait), takes the daily backup.
  const services = startStoreServices(context, { program: 'GridDesk 桌面程序', log: logError });
  app.on('will-quit', () => {
    services.stop();
    stopTransport();
    tiles.close();
    if (db.open) db.close();
  });
  mainWindow = createMainWindow();
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function main(): void {
  // Electron's default is a dialog with the stack; the user gets a sentence and a reference.
  process.on('uncaughtException', quitWithInternalError);
  process.on('unhandledRejection', (reason) => logError('unhandled', reason));

  const userDataDir = configureUserData();
  if (!app.requestSingleInstanceLock()) {
    // Another GridDesk owns this data folder: it focuses its window (second-instance).
    app.quit();
    return;
  }
  logLine('info', `GridDesk ${APP_VERSION} starting; data folder ${userDataDir}`);
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  registerPrivilegedSchemes();
  app.enableSandbox();
  guardAllWebContents();

  app.on('second-instance', () => focusWindow(mainWindow));
  // One window is the whole app, on every platform (Windows and Linux desktops first).
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start).catch(quitWithInternalError);
}

main();
