/**
 * GridDesk's Electron entry (bundled to dist/electron/main.cjs). Order matters: the data
 * folder and the single-instance lock first, privileged schemes and guards before `ready`,
 * then the desk (this machine's own store, or a seat of the centre's host, or the first
 * screen that asks which), its IPC transport and the window.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, session, type BrowserWindow } from 'electron';
import { APP_VERSION } from '../api/version';
import { readDeskChoice, type DeskChoice } from './desk-choice';
import { startDeskChannel } from './desk-channel';
import { startLocalDesk } from './local-desk';
import { logError, logLine } from './log';
import { installApplicationMenu } from './menu';
import { configureUserData, databaseFile, rendererDir } from './paths';
import { registerPrivilegedSchemes, serveRenderer } from './protocol';
import { quitWithInternalError, quitWithSentence } from './quit';
import { guardAllWebContents, hardenSession } from './security';
import { startSeatTransport } from './seat-transport';
import { createMainWindow, devToolsAllowed, focusWindow, ourWindows } from './window';

const APP_USER_MODEL_ID = 'cn.griddesk.desktop';

let mainWindow: BrowserWindow | null = null;

function rendererIsBuilt(): boolean {
  return fs.existsSync(path.join(rendererDir, 'index.html'));
}

/** A new choice on the first screen: start again on it (nothing half of two desks). */
function restart(): void {
  app.relaunch();
  app.exit(0);
}

/** The desk chosen (none yet: the first screen asks); false when the app is quitting. */
function startDesk(choice: DeskChoice): boolean {
  if (choice.mode === 'local') return startLocalDesk({ windows: ourWindows });
  if (choice.mode === 'seat') {
    // A seat keeps no case store: every call goes to the centre's host.
    const stopSeat = startSeatTransport(choice, { windows: ourWindows });
    app.on('will-quit', stopSeat);
  }
  return true;
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
  const dataDir = app.getPath('userData');
  const { choice, problem } = readDeskChoice(dataDir, fs.existsSync(databaseFile()));
  if (problem) logLine('warn', `desk choice unreadable, asking again: ${problem}`);
  const stopDeskChannel = startDeskChannel(choice, {
    dataDir,
    windows: ourWindows,
    start: startDesk,
    restart,
  });
  app.on('will-quit', stopDeskChannel);
  if (!startDesk(choice)) return;
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
