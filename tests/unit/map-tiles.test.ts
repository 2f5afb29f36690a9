import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import {
  flipTileRow,
  isTileAddress,
  parseTileFormat,
  sniffTileFormat,
  tileOfPoint,
} from '../../core/map/tiles';
import { parseTilePath } from '../../api/map/basemap-tiles';
import { inspectMbtiles, MbtilesReader } from '../../db/mbtiles';
import { ONE_PIXEL_PNG, makePng, writeMbtiles } from '../fixtures/mbtiles';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-tiles-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('tile addressing', () => {
  it('flips XYZ rows to TMS rows and back', () => {
    expect(flipTileRow(0, 0)).toBe(0);
    expect(flipTileRow(1, 0)).toBe(1);
    expect(flipTileRow(3, 2)).toBe(5);
    expect(flipTileRow(14, flipTileRow(14, 6123))).toBe(6123);
  });

  it('finds the tile of a point (Tangshan at z14, checked against the OSM formula)', () => {
    // x = floor((118.16 + 180) / 360 * 2^14); y = floor((1 - asinh(tan φ) / π) / 2 * 2^14)
    expect(tileOfPoint(118.16, 39.65, 14)).toEqual({ x: 13569, y: 6223 });
    expect(tileOfPoint(0, 0, 1)).toEqual({ x: 1, y: 1 });
    expect(tileOfPoint(-180, 85, 2)).toEqual({ x: 0, y: 0 });
  });

  it('accepts only addresses that exist at their zoom', () => {
    expect(isTileAddress(0, 0, 0)).toBe(true);
    expect(isTileAddress(2, 3, 3)).toBe(true);
    expect(isTileAddress(2, 4, 0)).toBe(false);
    expect(isTileAddress(-1, 0, 0)).toBe(false);
    expect(isTileAddress(25, 0, 0)).toBe(false);
    expect(isTileAddress(3, 1.5, 0)).toBe(false);
  });

  it('reads /z/x/y tile paths (as tiles:// and /tiles/ carry them) and nothing else', () => {
    expect(parseTilePath('/14/13569/6223')).toEqual({ z: 14, x: 13569, y: 6223 });
    expect(parseTilePath('/3/4/5.png')).toEqual({ z: 3, x: 4, y: 5 });
    expect(parseTilePath('/3/4')).toBeNull();
    expect(parseTilePath('/../../etc/passwd')).toBeNull();
    expect(parseTilePath('/3/4/5/6')).toBeNull();
  });

  it('names tile formats from their bytes and from metadata', () => {
    expect(sniffTileFormat(ONE_PIXEL_PNG)).toBe('png');
    expect(sniffTileFormat(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpg');
    const webp = new Uint8Array([...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WEBPVP8 ')]);
    expect(sniffTileFormat(webp)).toBe('webp');
    expect(sniffTileFormat(new Uint8Array([1, 2, 3]))).toBeNull();
    expect(parseTileFormat('JPEG')).toBe('jpg');
    expect(parseTileFormat('pbf')).toBeNull();
  });
});

describe('MBTiles files', () => {
  it('serves the XYZ tile from its TMS row, and nothing from the unflipped row', () => {
    const file = path.join(dir, 'flip.mbtiles');
    const db = new Database(file);
    db.exec(
      'CREATE TABLE metadata (name TEXT, value TEXT); CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)',
    );
    db.prepare("INSERT INTO metadata VALUES ('format', 'png')").run();
    const top = makePng(1, 1, () => [255, 0, 0]);
    const bottom = makePng(1, 1, () => [0, 0, 255]);
    // z1: TMS row 1 is the top half of the world, XYZ row 0.
    db.prepare('INSERT INTO tiles VALUES (1, 0, 1, ?)').run(top);
    db.prepare('INSERT INTO tiles VALUES (1, 0, 0, ?)').run(bottom);
    db.close();
    const reader = new MbtilesReader(file);
    expect(Buffer.from(reader.readTile(1, 0, 0)!)).toEqual(top);
    expect(Buffer.from(reader.readTile(1, 0, 1)!)).toEqual(bottom);
    expect(reader.readTile(1, 1, 0)).toBeNull();
    expect(reader.readTile(1, 2, 0)).toBeNull();
    reader.close();
  });

  it('reads bounds, zooms and format from the metadata', () => {
    const file = path.join(dir, 'good.mbtiles');
    const held = writeMbtiles(file, { tile: ONE_PIXEL_PNG });
    const info = inspectMbtiles(file);
    expect(info).toMatchObject({
      name: '示范街道底图',
      format: 'png',
      bounds: [118.14, 39.63, 118.22, 39.7],
      minZoom: 12,
      maxZoom: 15,
    });
    const reader = new MbtilesReader(file);
    for (const { z, x, y } of held) expect(reader.readTile(z, x, y)).not.toBeNull();
    reader.close();
  });

  it('derives bounds and zooms from the tiles when the metadata lacks them', () => {
    const file = path.join(dir, 'bare.mbtiles');
    writeMbtiles(file, { metadata: { bounds: '', minzoom: '', maxzoom: '' }, zooms: [10, 11] });
    const info = inspectMbtiles(file);
    if ('refused' in info) throw new Error(info.sentence.en);
    expect(info.minZoom).toBe(10);
    expect(info.maxZoom).toBe(11);
    const [w, s, e, n] = info.bounds;
    expect(w).toBeLessThan(118.16);
    expect(e).toBeGreaterThan(118.16);
    expect(s).toBeLessThan(39.65);
    expect(n).toBeGreaterThan(39.65);
  });

  it('refuses, with a sentence, what it cannot draw', () => {
    const refusal = (file: string) => {
      const result = inspectMbtiles(file);
      if (!('refused' in result)) throw new Error(`${file} was accepted`);
      return result;
    };
    const notSqlite = path.join(dir, 'photo.mbtiles');
    fs.writeFileSync(notSqlite, Buffer.concat([ONE_PIXEL_PNG, Buffer.alloc(200)]));
    expect(refusal(notSqlite).refused).toBe('mbtiles_not_sqlite');
    expect(refusal(path.join(dir, 'absent.mbtiles')).refused).toBe('mbtiles_missing');

    const geographic = path.join(dir, '4326.mbtiles');
    writeMbtiles(geographic, { metadata: { crs: 'EPSG:4326' } });
    const wrongCrs = refusal(geographic);
    expect(wrongCrs.refused).toBe('mbtiles_not_mercator');
    expect(wrongCrs.sentence.zh).toContain('EPSG:4326');
    expect(wrongCrs.sentence.en).toContain('not Web Mercator');

    const mercator = path.join(dir, '3857.mbtiles');
    writeMbtiles(mercator, { metadata: { srs: 'EPSG:3857' } });
    expect('refused' in inspectMbtiles(mercator)).toBe(false);

    const vector = path.join(dir, 'vector.mbtiles');
    writeMbtiles(vector, { metadata: { format: 'pbf' } });
    expect(refusal(vector).refused).toBe('mbtiles_format');

    const noTiles = path.join(dir, 'notiles.mbtiles');
    writeMbtiles(noTiles, { withoutTiles: true });
    expect(refusal(noTiles).refused).toBe('mbtiles_no_tiles');

    const other = path.join(dir, 'other.sqlite');
    new Database(other).exec('CREATE TABLE cases (id INTEGER)');
    expect(refusal(other).refused).toBe('mbtiles_no_tiles');
  });
});
