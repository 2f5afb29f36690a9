import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOrCreateDatabase } from '../../db/bootstrap';
import type { Db } from '../../db/open';
import { GridLocator, gridLocatorFor, locateGrid } from '../../db/queries/grid-locator';

const now = Date.UTC(2026, 10, 21, 6, 0);
let dir: string;
let db: Db;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-locator-'));
  db = openOrCreateDatabase(path.join(dir, 'demo.sqlite'), {
    appVersion: 'test',
    now,
    demoWhenNew: true,
  }).db;
});
afterAll(() => {
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const square = (x0: number, y0: number, x1: number, y1: number) =>
  JSON.stringify({
    type: 'Polygon',
    coordinates: [
      [
        [x0, y0],
        [x1, y0],
        [x1, y1],
        [x0, y1],
        [x0, y0],
      ],
    ],
  });

describe('point → grid on the demo street', () => {
  it('puts every demo case with a point in the grid the demo stored for it', () => {
    const locator = GridLocator.load(db);
    expect(locator.size).toBe(154);
    const rows = db
      .prepare(
        'SELECT lng, lat, grid_code AS gridCode, community_code AS communityCode FROM cases WHERE lng IS NOT NULL',
      )
      .all() as Array<{ lng: number; lat: number; gridCode: string; communityCode: string }>;
    expect(rows.length).toBeGreaterThan(1000);
    let agree = 0;
    for (const row of rows) {
      const found = locator.locate(row.lng, row.lat);
      if (found?.gridCode === row.gridCode && found.communityCode === row.communityCode) agree++;
    }
    expect(agree).toBe(rows.length);
  });

  it('gives a point on the edge two grids share to the smaller code', () => {
    // 龙泉社区 grids 001 (118.15–118.155) and 002 (118.155–118.16) share lng 118.155
    expect(locateGrid(db, 118.155, 39.657)).toEqual({
      gridCode: '990101001001001',
      communityCode: '990101001001',
    });
    expect(locateGrid(db, 118.1551, 39.657)?.gridCode).toBe('990101001001002');
  });

  it('flags a point outside every grid instead of guessing', () => {
    expect(locateGrid(db, 118.0, 39.0)).toBeNull();
    expect(locateGrid(db, 118.1499, 39.65)).toBeNull();
    expect(locateGrid(db, Number.NaN, 39.65)).toBeNull();
  });

  it('answers the parent grid for a sub-grid, prefers a special grid, and sees edits', () => {
    const insert = db.prepare(
      `INSERT INTO places (code, level, grid_type, name, parent_code, community_code, boundary, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, '990101001001', ?, ?, ?)`,
    );
    const before = gridLocatorFor(db);
    // A special grid (a school) drawn over the corner of grid 002 with a larger code.
    insert.run(
      '990101001001901',
      'grid',
      'special',
      '实验小学专属网格',
      '990101001001',
      square(118.158, 39.658, 118.16, 39.66),
      now,
      now + 1,
    );
    // A thematic grid over all of 龙泉社区 only wins where nothing else is.
    insert.run(
      '990101001001902',
      'grid',
      'thematic',
      '河道专项网格',
      '990101001001',
      square(118.14, 39.64, 118.17, 39.66),
      now,
      now + 2,
    );
    // A sub-grid of grid 003 (18 digits): cases still get the 15-digit grid.
    insert.run(
      '990101001001003001',
      'subgrid',
      'basic',
      '第3网格第1子网格',
      '990101001001003',
      square(118.16, 39.655, 118.1625, 39.66),
      now,
      now + 3,
    );
    const after = gridLocatorFor(db);
    expect(after).not.toBe(before);
    expect(after.size).toBe(157);
    expect(locateGrid(db, 118.159, 39.659)?.gridCode).toBe('990101001001901');
    expect(locateGrid(db, 118.156, 39.656)?.gridCode).toBe('990101001001002');
    expect(locateGrid(db, 118.145, 39.65)?.gridCode).toBe('990101001001902');
    expect(locateGrid(db, 118.161, 39.657)).toEqual({
      gridCode: '990101001001003',
      communityCode: '990101001001',
    });
    expect(gridLocatorFor(db)).toBe(after);
  });
});
