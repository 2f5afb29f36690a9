/**
 * Serving the offline basemap's tiles to either shell (Electron's tiles:// and the loopback
 * host's /tiles/): the MBTiles file named in settings, opened once and reopened when the
 * admin picks another. A tile the file lacks is a plain 404: the map shows its grids anyway.
 */
import { sniffTileFormat, TILE_CONTENT_TYPE } from '../../core/map/tiles';
import { MbtilesReader } from '../../db/mbtiles';
import type { Db } from '../../db/open';
import { readBasemapSetting } from '../../db/queries/basemap-setting';

export interface ServedTile {
  bytes: Uint8Array;
  contentType: string;
}

export type TileSource = (z: number, x: number, y: number) => ServedTile | null;

/** A tile source over the database's basemap setting; `close()` releases the file. */
export function createBasemapTileSource(db: Db): TileSource & { close(): void } {
  let reader: MbtilesReader | null = null;
  const source = (z: number, x: number, y: number): ServedTile | null => {
    const basemap = readBasemapSetting(db);
    if (!basemap) {
      reader?.close();
      reader = null;
      return null;
    }
    if (!reader || reader.path !== basemap.path) {
      reader?.close();
      try {
        reader = new MbtilesReader(basemap.path);
      } catch {
        // The file was moved or deleted since it was added: no tiles, grids still draw.
        reader = null;
        return null;
      }
    }
    const bytes = reader.readTile(z, x, y);
    if (!bytes) return null;
    const format = sniffTileFormat(bytes) ?? basemap.format;
    return { bytes, contentType: TILE_CONTENT_TYPE[format] };
  };
  return Object.assign(source, {
    close() {
      reader?.close();
      reader = null;
    },
  });
}

/** `/{z}/{x}/{y}` (optionally `.png` etc.) → numbers, or null for any other path. */
export function parseTilePath(pathname: string): { z: number; x: number; y: number } | null {
  const match = /^\/(\d{1,2})\/(\d{1,8})\/(\d{1,8})(?:\.(?:png|jpg|jpeg|webp))?$/.exec(pathname);
  if (!match) return null;
  return { z: Number(match[1]), x: Number(match[2]), y: Number(match[3]) };
}
