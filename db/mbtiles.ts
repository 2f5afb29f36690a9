/**
 * Offline basemaps as MBTiles files (a SQLite file of raster tiles, spec 1.3): checked
 * before an admin's file is accepted, then read tile by tile for the map. Only raster
 * png/jpg/webp in Web Mercator (EPSG:3857) is accepted, since that is what Leaflet draws
 * under WGS-84 grid polygons; anything else is refused with a sentence saying why.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import {
  flipTileRow,
  isTileAddress,
  parseTileFormat,
  sniffTileFormat,
  type TileImageFormat,
} from '../core/map/tiles';

export interface BasemapInfo {
  path: string;
  name: string;
  format: TileImageFormat;
  /** [west, south, east, north] in degrees. */
  bounds: [number, number, number, number];
  minZoom: number;
  maxZoom: number;
  attribution: string | null;
  sizeBytes: number;
}

interface MbtilesRefusal {
  refused: string;
  sentence: { zh: string; en: string };
}

/**
 * Electron loads an Electron-ABI better-sqlite3 (README, packaging); basemaps are opened with
 * the same binary. The shell sets it once at start; Node (tests, CLI, host) needs nothing.
 */
let basemapNativeBinding: string | undefined;

export function useNativeBindingForBasemaps(nativeBinding: string | undefined): void {
  basemapNativeBinding = nativeBinding;
}

function openReadonly(file: string): Database.Database {
  return new Database(file, {
    readonly: true,
    fileMustExist: true,
    ...(basemapNativeBinding ? { nativeBinding: basemapNativeBinding } : {}),
  });
}

function refusal(refused: string, zh: string, en: string): MbtilesRefusal {
  return { refused, sentence: { zh, en } };
}

const SQLITE_HEADER = 'SQLite format 3\u0000';
const MERCATOR = /3857|900913|3785|mercator/i;

function readHeader(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(16);
    fs.readSync(fd, buffer, 0, 16, 0);
    return buffer.toString('latin1');
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads and checks an MBTiles file; the info to store, or why it is refused. */
export function inspectMbtiles(file: string): BasemapInfo | MbtilesRefusal {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return refusal(
      'mbtiles_missing',
      `找不到底图文件 ${file}。`,
      `The basemap file ${file} does not exist.`,
    );
  }
  if (!stat.isFile()) {
    return refusal('mbtiles_missing', `${file} 不是一个文件。`, `${file} is not a file.`);
  }
  if (stat.size < 100 || readHeader(file) !== SQLITE_HEADER) {
    return refusal(
      'mbtiles_not_sqlite',
      `${file} 不是 MBTiles 文件（不是 SQLite 数据库）。`,
      `${file} is not an MBTiles file (it is not an SQLite database).`,
    );
  }
  let db: Database.Database;
  try {
    db = openReadonly(file);
  } catch (error) {
    return refusal(
      'mbtiles_not_sqlite',
      `无法打开底图文件 ${file}：${(error as Error).message}。`,
      `Cannot open the basemap file ${file}: ${(error as Error).message}.`,
    );
  }
  try {
    return inspectOpen(db, file, stat.size);
  } catch (error) {
    return refusal(
      'mbtiles_unreadable',
      `底图文件 ${file} 已损坏或无法读取：${(error as Error).message}。`,
      `The basemap file ${file} is damaged or unreadable: ${(error as Error).message}.`,
    );
  } finally {
    db.close();
  }
}

function inspectOpen(
  db: Database.Database,
  file: string,
  sizeBytes: number,
): BasemapInfo | MbtilesRefusal {
  const objects = new Set(
    db
      .prepare<[], string>("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
      .pluck()
      .all(),
  );
  if (!objects.has('tiles') || !objects.has('metadata')) {
    return refusal(
      'mbtiles_no_tiles',
      `${file} 不是 MBTiles 文件：缺少 tiles 或 metadata 表。`,
      `${file} is not an MBTiles file: it has no tiles or metadata table.`,
    );
  }
  const meta = new Map(
    db
      .prepare<[], { name: string; value: string }>('SELECT name, value FROM metadata')
      .all()
      .map((r) => [r.name.trim().toLowerCase(), String(r.value ?? '').trim()]),
  );
  for (const key of ['crs', 'srs', 'projection', 'proj']) {
    const value = meta.get(key);
    if (value && !MERCATOR.test(value)) {
      return refusal(
        'mbtiles_not_mercator',
        `底图 ${file} 的坐标系是 ${value}，不是网络墨卡托（EPSG:3857），无法与网格对齐，未采用。`,
        `The basemap ${file} is in ${value}, not Web Mercator (EPSG:3857), so it cannot line up with the grids; it was not added.`,
      );
    }
  }
  const zooms = db
    .prepare<[], { minZoom: number | null; maxZoom: number | null }>(
      'SELECT min(zoom_level) AS minZoom, max(zoom_level) AS maxZoom FROM tiles',
    )
    .get()!;
  if (zooms.minZoom === null || zooms.maxZoom === null) {
    return refusal(
      'mbtiles_empty',
      `底图文件 ${file} 中没有瓦片。`,
      `The basemap file ${file} holds no tiles.`,
    );
  }
  const sample = db.prepare<[], Buffer>('SELECT tile_data FROM tiles LIMIT 1').pluck().get();
  const declared = meta.get('format');
  if (declared && (declared === 'pbf' || declared === 'mvt')) {
    return refusal(
      'mbtiles_format',
      `底图 ${file} 是矢量瓦片（${declared}），目前只支持 png、jpg、webp 栅格瓦片。`,
      `The basemap ${file} holds vector tiles (${declared}); only raster png, jpg or webp tiles are supported.`,
    );
  }
  const format = declared ? parseTileFormat(declared) : sample ? sniffTileFormat(sample) : null;
  if (!format) {
    return refusal(
      'mbtiles_format',
      `底图 ${file} 的瓦片格式${declared ? ` ${declared} ` : ''}不受支持（只支持 png、jpg、webp）。`,
      `The basemap ${file} has an unsupported tile format${declared ? ` (${declared})` : ''}; only png, jpg and webp are supported.`,
    );
  }
  const minZoom = readZoom(meta.get('minzoom')) ?? zooms.minZoom;
  const maxZoom = readZoom(meta.get('maxzoom')) ?? zooms.maxZoom;
  if (minZoom > maxZoom) {
    return refusal(
      'mbtiles_zoom',
      `底图 ${file} 的缩放级别不对（minzoom ${minZoom} 大于 maxzoom ${maxZoom}）。`,
      `The basemap ${file} has minzoom ${minZoom} above maxzoom ${maxZoom}.`,
    );
  }
  const bounds = readBounds(meta.get('bounds')) ?? boundsFromTiles(db, zooms.minZoom);
  if (!bounds) {
    return refusal(
      'mbtiles_bounds',
      `底图 ${file} 的范围（bounds）不是有效的经纬度“西,南,东,北”。`,
      `The basemap ${file} has bounds that are not valid "west,south,east,north" degrees.`,
    );
  }
  return {
    path: file,
    name: meta.get('name') || file.split(/[\\/]/).pop() || file,
    format,
    bounds,
    minZoom,
    maxZoom,
    attribution: meta.get('attribution') || null,
    sizeBytes,
  };
}

function readZoom(text: string | undefined): number | null {
  if (!text) return null;
  const n = Number(text);
  return Number.isInteger(n) && n >= 0 && n <= 24 ? n : null;
}

function readBounds(text: string | undefined): [number, number, number, number] | null {
  if (!text) return null;
  const parts = text.split(',').map((p) => Number(p.trim()));
  if (parts.length !== 4 || parts.some((p) => !Number.isFinite(p))) return null;
  const [w, s, e, n] = parts as [number, number, number, number];
  if (w < -180 || e > 180 || s < -85.06 || n > 85.06 || w >= e || s >= n) return null;
  return [w, s, e, n];
}

/** Bounds of the tiles present at one zoom, when the metadata gives none. */
function boundsFromTiles(
  db: Database.Database,
  zoom: number,
): [number, number, number, number] | null {
  const r = db
    .prepare<[number], { x0: number; x1: number; y0: number; y1: number }>(
      'SELECT min(tile_column) AS x0, max(tile_column) AS x1, min(tile_row) AS y0, max(tile_row) AS y1 FROM tiles WHERE zoom_level = ?',
    )
    .get(zoom);
  if (!r) return null;
  const size = 2 ** zoom;
  const lng = (x: number) => (x / size) * 360 - 180;
  const lat = (tmsRow: number) => {
    const n = Math.PI - (2 * Math.PI * (size - tmsRow)) / size;
    return (180 / Math.PI) * Math.atan(Math.sinh(n));
  };
  return [lng(r.x0), lat(r.y0), lng(r.x1 + 1), lat(r.y1 + 1)];
}

/** One open MBTiles file, answering XYZ tile requests (the row is flipped to TMS here). */
export class MbtilesReader {
  private readonly db: Database.Database;
  private readonly select: Database.Statement<[number, number, number], Buffer>;

  constructor(readonly path: string) {
    this.db = openReadonly(path);
    this.select = this.db
      .prepare<[number, number, number], Buffer>(
        'SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?',
      )
      .pluck();
  }

  /** The tile at XYZ address z/x/y, or null when the file has none there. */
  readTile(z: number, x: number, y: number): Uint8Array | null {
    if (!isTileAddress(z, x, y)) return null;
    return this.select.get(z, x, flipTileRow(z, y)) ?? null;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
