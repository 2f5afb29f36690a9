/**
 * The main window, hardened: the page runs sandboxed and isolated with no Node, and talks
 * to the app only through the preload's `window.griddesk`. Also the registry of our windows,
 * which the IPC transport uses to recognise a caller and to fan out live events.
 */
import { app, BrowserWindow } from 'electron';
import { APP_START_URL } from './app-url';
import { logLine } from './log';
import { preloadPath, windowIconPath } from './paths';
import { defaultBounds, loadWindowState, rememberWindowState } from './window-state';

const openWindows = new Set<BrowserWindow>();

export function ourWindows(): BrowserWindow[] {
  return [...openWindows].filter((window) => !window.isDestroyed());
}

export function focusedOrFirstWindow(): BrowserWindow | undefined {
  const focused = BrowserWindow.getFocusedWindow();
  if (focused && openWindows.has(focused)) return focused;
  return ourWindows()[0];
}

/** DevTools only in development, or when an administrator asks with GRIDDESK_DEVTOOLS=1. */
export function devToolsAllowed(): boolean {
  return !app.isPackaged || process.env.GRIDDESK_DEVTOOLS === '1';
}

export function createMainWindow(): BrowserWindow {
  const state = loadWindowState();
  const icon = windowIconPath();
  const window = new BrowserWindow({
    ...(state.bounds ?? defaultBounds()),
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'GridDesk',
    backgroundColor: '#f5f6f8',
    ...(icon ? { icon } : {}),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools: devToolsAllowed(),
    },
  });
  openWindows.add(window);
  window.on('closed', () => openWindows.delete(window));
  rememberWindowState(window);

  let shown = false;
  const showOnce = () => {
    if (shown || window.isDestroyed()) return;
    shown = true;
    if (state.maximized) window.maximize();
    window.show();
  };
  window.once('ready-to-show', showOnce);
  // A page that fails before its first paint never sends ready-to-show: show it anyway.
  setTimeout(showOnce, 5000).unref();
  window.webContents.on('render-process-gone', (_event, details) => {
    logLine(
      'error',
      `the window's page stopped: ${details.reason} (exit code ${details.exitCode})`,
    );
  });
  window.webContents.on('did-fail-load', (_event, code, description, url) => {
    logLine('error', `could not load ${url}: ${description} (${code})`);
  });
  void window.loadURL(APP_START_URL).catch((error: Error) => {
    logLine('error', `could not load ${APP_START_URL}: ${error.message}`);
  });
  return window;
}

/** Brings a window forward (a second start of the app lands here). */
export function focusWindow(window: BrowserWindow | null | undefined): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}
