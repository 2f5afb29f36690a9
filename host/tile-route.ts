/**
 * `GET /tiles/{z}/{x}/{y}`: the offline basemap's tiles in browser mode (the desktop app
 * uses tiles:// instead). Token-protected like the API; a tile the basemap lacks, or no
 * basemap at all, is a 404 and the map simply shows its grids.
 */
import type { ServerResponse } from 'node:http';
import { parseTilePath, type TileSource } from '../api/map/basemap-tiles';
import { securityHeaders } from './static-files';

export function serveTile(
  tiles: TileSource,
  tilePath: string,
  method: string,
  response: ServerResponse,
): void {
  const address = parseTilePath(tilePath);
  const tile = address ? tiles(address.z, address.x, address.y) : null;
  if (!tile) {
    response.writeHead(404, { 'Cache-Control': 'no-store', ...securityHeaders() });
    response.end();
    return;
  }
  response.writeHead(200, {
    'Content-Type': tile.contentType,
    'Content-Length': String(tile.bytes.byteLength),
    // The basemap can be swapped by an admin at any time: revalidate, never trust a cache.
    'Cache-Control': 'no-cache',
    ...securityHeaders(),
  });
  response.end(method === 'HEAD' ? undefined : Buffer.from(tile.bytes));
}
