/**
 * The desktop app's places on disk: its own files (inside app.asar when packaged) and the
 * user's data folder. Electron only: the CLI and browser mode use db/paths.ts, which
 * computes the same data folder without Electron.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app } from 'electron';
import { APP_NAME } from '../api/version';
import { DATABASE_FILE_NAME, USER_DATA_ENV } from '../db/paths';

/**
 * The app's root: the project folder in development, `resources/app.asar` when packaged.
 * The bundle runs as `<root>/dist/electron/main.cjs`; `app.getAppPath()` is not used because
 * it is `dist/electron` when Electron is started on the file rather than on the folder.
 */
const appRoot = path.resolve(__dirname, '..', '..');

/** Vite's output, served as app://griddesk/. */
export const rendererDir = path.join(appRoot, 'dist', 'renderer');

/** Bundled beside main.cjs by scripts/build-electron.mjs. */
export const preloadPath = path.join(__dirname, 'preload.cjs');

/**
 * Names the app and fixes its data folder; must run before `ready` and before the
 * single-instance lock (the lock lives in the data folder). GRIDDESK_USER_DATA overrides it
 * (tests start the app on a fresh folder); otherwise `<appData>/GridDesk`, the same folder
 * Electron picks for a packaged GridDesk and db/paths.ts computes for the CLI.
 */
export function configureUserData(): string {
  app.setName(APP_NAME);
  const override = process.env[USER_DATA_ENV];
  const dir = override ? path.resolve(override) : path.join(app.getPath('appData'), APP_NAME);
  app.setPath('userData', dir);
  // Chromium's own files (local storage, caches) follow, as they do by default.
  app.setPath('sessionData', dir);
  return dir;
}

export function databaseFile(): string {
  return path.join(app.getPath('userData'), DATABASE_FILE_NAME);
}

/**
 * better-sqlite3 compiled for Electron's ABI (see TOOLCHAIN.md: node_modules keeps the
 * Node-ABI build for tests and the CLI). Packaged: `resources/native/electron/` (the
 * installer's extraResources); development: `<root>/build/native/electron/`. Undefined when
 * absent: better-sqlite3 then tries its own build, which fails with an ABI message when
 * that build is Node's.
 */
export function electronNativeBinding(): string | undefined {
  const dir = app.isPackaged
    ? path.join(process.resourcesPath, 'native', 'electron')
    : path.join(appRoot, 'build', 'native', 'electron');
  const file = path.join(dir, 'better_sqlite3.node');
  return fs.existsSync(file) ? file : undefined;
}

/** The window icon on Linux in development; packaged apps get theirs from the installer. */
export function windowIconPath(): string | undefined {
  const file = path.join(appRoot, 'build', 'icon.png');
  return !app.isPackaged && fs.existsSync(file) ? file : undefined;
}
