/**
 * Where the app keeps its database when nobody says otherwise. The desktop app asks Electron
 * (`app.getPath('userData')`); the CLI and browser mode have no Electron, so this module
 * computes the same folder by Electron's rules, and both end up on the same file.
 */
import os from 'node:os';
import path from 'node:path';

export const DATABASE_FILE_NAME = 'griddesk.sqlite';

/** Overrides the data folder for the desktop app, the CLI and browser mode alike (tests). */
export const USER_DATA_ENV = 'GRIDDESK_USER_DATA';

interface PlatformFacts {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  homedir?: string;
}

/**
 * Electron's `userData` for an app called `appName`: its `appData` folder plus the name.
 * Linux: $XDG_CONFIG_HOME or ~/.config; Windows: %APPDATA%; macOS: ~/Library/Application Support.
 */
function defaultUserDataDir(appName = 'GridDesk', facts: PlatformFacts = {}): string {
  const env = facts.env ?? process.env;
  const override = env[USER_DATA_ENV];
  if (override) return path.resolve(override);
  const platform = facts.platform ?? process.platform;
  const home = facts.homedir ?? os.homedir();
  if (platform === 'win32') {
    const appData = env.APPDATA || path.win32.join(home, 'AppData', 'Roaming');
    return path.win32.join(appData, appName);
  }
  if (platform === 'darwin') {
    return path.posix.join(home, 'Library', 'Application Support', appName);
  }
  const configHome = env.XDG_CONFIG_HOME || path.posix.join(home, '.config');
  return path.posix.join(configHome, appName);
}

/** The database the desktop app opens: `<userData>/griddesk.sqlite`. */
export function defaultDatabasePath(facts: PlatformFacts = {}): string {
  const dir = defaultUserDataDir('GridDesk', facts);
  const join = (facts.platform ?? process.platform) === 'win32' ? path.win32.join : path.posix.join;
  return join(dir, DATABASE_FILE_NAME);
}
