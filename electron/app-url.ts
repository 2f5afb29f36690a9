/**
 * The app's own origin, app://griddesk, and how a URL on it maps to a file of the renderer
 * build. No Electron import: the rules here are plain functions a unit test can load.
 */
import path from 'node:path';

export const APP_SCHEME = 'app';
const APP_HOST = 'griddesk';
const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** Offline basemap tiles (网格地图); the map's <img> requests use this scheme. */
export const TILES_SCHEME = 'tiles';

export { CONTENT_SECURITY_POLICY, contentTypeOf } from '../api/web-policy';

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for app://griddesk/… (any path), false for every other origin or a malformed URL. */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

/** Schemes a page may load from: its own files, DevTools, local tiles. Nothing on a network. */
const ALLOWED_REQUEST_PROTOCOLS = new Set([
  `${APP_SCHEME}:`,
  `${TILES_SCHEME}:`,
  'devtools:',
  'data:',
  'blob:',
]);

export function isAllowedRequestUrl(url: string): boolean {
  const parsed = parse(url);
  if (parsed === null) return false;
  if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === APP_HOST;
  return ALLOWED_REQUEST_PROTOCOLS.has(parsed.protocol);
}

type AppFileLookup = { kind: 'file'; file: string } | { kind: 'refused'; status: 400 | 403 | 404 };

/**
 * Maps app://griddesk/<path> to a file under `rootDir`. Refuses anything that would leave
 * `rootDir` once decoded (`..`, encoded slashes and backslashes, drive letters, NUL), so a
 * page can never read the rest of the disk. No fallback to index.html: the renderer routes
 * by hash (#/cases), so every real request names a file of the build.
 */
export function resolveAppFile(rootDir: string, url: string): AppFileLookup {
  const parsed = parse(url);
  if (parsed === null || parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) {
    return { kind: 'refused', status: 404 };
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return { kind: 'refused', status: 400 };
  }
  // NUL ends C strings; ':' would be a drive letter or an NTFS stream on Windows.
  if (pathname.includes('\0') || pathname.includes(':')) return { kind: 'refused', status: 400 };
  if (pathname === '' || pathname.endsWith('/')) pathname += 'index.html';
  const root = path.resolve(rootDir);
  const file = path.resolve(root, `.${path.sep}${pathname.replace(/^[/\\]+/, '')}`);
  const relative = path.relative(root, file);
  if (
    relative === '' ||
    relative === '..' ||
    relative.startsWith(`..${path.sep}`) ||
    path.isAbsolute(relative)
  ) {
    return { kind: 'refused', status: 403 };
  }
  return { kind: 'file', file };
}
