/**
 * The app:// scheme serving the renderer build, and the tiles:// scheme for the offline
 * basemap. Both are registered as privileged (standard, secure, fetch) before `ready`, so
 * app://griddesk is a real origin: 'self' in the CSP, localStorage, fetch and ES modules work.
 */
import fs from 'node:fs/promises';
import { protocol } from 'electron';
import {
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  TILES_SCHEME,
  contentTypeOf,
  resolveAppFile,
} from './app-url';
import { logLine } from './log';
import { parseTilePath, type ServedTile, type TileSource } from '../api/map/basemap-tiles';

/** Must run before `app.whenReady()` resolves, once. */
export function registerPrivilegedSchemes(): void {
  const privileges = { standard: true, secure: true, supportFetchAPI: true };
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges },
    { scheme: TILES_SCHEME, privileges },
  ]);
}

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
};

function refuse(status: number): Response {
  return new Response(null, { status, headers: SECURITY_HEADERS });
}

async function readFileOrNull(file: string): Promise<Buffer | null> {
  try {
    // fs is asar-aware in Electron's main process: this also reads from app.asar.
    return await fs.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return null;
    throw error;
  }
}

async function respondWithRendererFile(request: Request, rendererDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
  const lookup = resolveAppFile(rendererDir, request.url);
  if (lookup.kind === 'refused') {
    if (lookup.status === 403)
      logLine('warn', `app:// refused a path outside the renderer: ${request.url}`);
    return refuse(lookup.status);
  }
  const body = await readFileOrNull(lookup.file);
  if (body === null) return refuse(404);
  const headers = { ...SECURITY_HEADERS, 'Content-Type': contentTypeOf(lookup.file) };
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers,
  });
}

/** Serves `rendererDir` as app://griddesk/. Call after `ready`. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    try {
      return await respondWithRendererFile(request, rendererDir);
    } catch (error) {
      logLine('error', `app:// failed for ${request.url}: ${(error as Error).message}`);
      return refuse(500);
    }
  });
}

/**
 * tiles://basemap/{z}/{x}/{y}: the offline basemap's tiles (an MBTiles file an admin added;
 * rows flipped from XYZ to TMS in db/mbtiles.ts), or, on a joined seat, the centre host's
 * (fetched with a signed-in window's session). Without a basemap, or where it has no
 * tile, the answer is 404 and the map shows its grids over a clean background.
 */
export function serveTiles(
  tiles: TileSource | ((z: number, x: number, y: number) => Promise<ServedTile | null>) | null,
): void {
  protocol.handle(TILES_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
    const url = new URL(request.url);
    const address = url.host === 'basemap' ? parseTilePath(url.pathname) : null;
    let tile: ServedTile | null;
    try {
      tile = tiles && address ? await tiles(address.z, address.x, address.y) : null;
    } catch (error) {
      logLine('error', `tiles:// failed for ${request.url}: ${(error as Error).message}`);
      return refuse(500);
    }
    if (!tile) return refuse(404);
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(tile.bytes), {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': tile.contentType },
    });
  });
}
