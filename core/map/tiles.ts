/**
 * Web-Mercator tile addressing for the offline basemap. Leaflet asks for XYZ tiles (row 0 at
 * the top); an MBTiles file stores TMS rows (row 0 at the bottom), so the row flips:
 * tile_row = 2^z − 1 − y.
 */

/** Zoom levels a raster basemap may hold; beyond 24 a tile is smaller than a millimetre. */
const MAX_TILE_ZOOM = 24;

export function isTileAddress(z: number, x: number, y: number): boolean {
  if (![z, x, y].every(Number.isInteger)) return false;
  if (z < 0 || z > MAX_TILE_ZOOM) return false;
  const size = 2 ** z;
  return x >= 0 && x < size && y >= 0 && y < size;
}

/** XYZ row (Leaflet, OSM) ↔ TMS row (MBTiles): the same formula both ways. */
export function flipTileRow(z: number, y: number): number {
  return 2 ** z - 1 - y;
}

/** The XYZ tile holding a WGS-84 point at zoom z. */
export function tileOfPoint(lng: number, lat: number, z: number): { x: number; y: number } {
  const size = 2 ** z;
  const x = Math.floor(((lng + 180) / 360) * size);
  const rad = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * size);
  return { x: Math.min(size - 1, Math.max(0, x)), y: Math.min(size - 1, Math.max(0, y)) };
}

export type TileImageFormat = 'png' | 'jpg' | 'webp';

export const TILE_CONTENT_TYPE: Record<TileImageFormat, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
};

/** Reads a tile's own bytes to name its format, so a mislabelled file still serves right. */
export function sniffTileFormat(bytes: Uint8Array): TileImageFormat | null {
  if (bytes.length >= 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e) {
    return 'png';
  }
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return 'jpg';
  }
  if (
    bytes.length >= 12 &&
    String.fromCharCode(...bytes.subarray(0, 4)) === 'RIFF' &&
    String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP'
  ) {
    return 'webp';
  }
  return null;
}

/** 'png' | 'jpg' | 'jpeg' | 'webp' (any case) → the format; anything else → null. */
export function parseTileFormat(text: string): TileImageFormat | null {
  const key = text.trim().toLowerCase();
  if (key === 'png') return 'png';
  if (key === 'jpg' || key === 'jpeg') return 'jpg';
  if (key === 'webp') return 'webp';
  return null;
}
