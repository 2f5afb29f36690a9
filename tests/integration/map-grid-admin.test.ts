import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult, MethodName } from '../../api/contract';
import { SYSTEM_ACTOR, type ApiContext } from '../../api/context';
import { invoke } from '../../api/invoke';
import { LiveBus } from '../../api/live';
import { wgs84ToGcj02 } from '../../core/geo/coordinates';
import { openOrCreateDatabase } from '../../db/bootstrap';
import type { Db } from '../../db/open';
import { locateGrid } from '../../db/queries/grid-locator';

const now = Date.UTC(2026, 10, 21, 6, 0);
let dir: string;
let db: Db;
let context: ApiContext;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-grid-admin-'));
  db = openOrCreateDatabase(path.join(dir, 'demo.sqlite'), {
    appVersion: 'test',
    now,
    demoWhenNew: true,
  }).db;
  context = {
    db,
    now: () => now,
    appVersion: 'test',
    live: new LiveBus(),
    actor: { ...SYSTEM_ACTOR, name: '管理员' },
    transport: 'cli',
  };
});
afterAll(() => {
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const call = <M extends MethodName>(method: M, input: unknown = {}) =>
  invoke(context, method, input) as Promise<ApiResult<M>>;

type Collection = {
  type: 'FeatureCollection';
  features: Array<{
    type: 'Feature';
    geometry: { type: string; coordinates: number[][][] };
    properties: Record<string, string | number>;
  }>;
};

function writeJson(name: string, value: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
}

const count = (sql: string, ...params: unknown[]) =>
  db
    .prepare(sql)
    .pluck()
    .get(...params) as number;

let exported: Collection;

describe('grid export and import', () => {
  it('exports every community and grid as GeoJSON with the city exchange property names', async () => {
    const file = path.join(dir, 'out', 'grids.geojson');
    const result = await call('map.grids.export', { path: file });
    expect(result.features).toBe(166);
    exported = JSON.parse(fs.readFileSync(file, 'utf8')) as Collection;
    const grid = exported.features.find((f) => f.properties['层级'] === '网格')!;
    expect(Object.keys(grid.properties).sort()).toEqual(
      ['人口', '户数', '层级', '所属编码', '类型', '网格名称', '网格编码'].sort(),
    );
    // Same shape as the city's sample file.
    const sample = JSON.parse(fs.readFileSync('/work/shared/samples/grids.geojson', 'utf8'));
    expect(exported.features.length).toBe(sample.features.length);
  });

  it('re-imports its own export as unchanged, with no problems, and the sample file too', async () => {
    const file = writeJson('same.geojson', exported);
    const report = await call('map.grids.import', { path: file, mode: 'check' });
    expect(report.issues).toEqual([]);
    expect(report.counts).toMatchObject({ features: 166, new: 0, updated: 0, unchanged: 166 });
    const sample = await call('map.grids.import', {
      path: '/work/shared/samples/grids.geojson',
      mode: 'check',
    });
    expect(sample.errors).toBe(0);
  });

  it('refuses overlaps and self-intersections, naming the codes, and writes nothing', async () => {
    const changed = structuredClone(exported);
    const grids = changed.features.filter((f) => f.properties['层级'] === '网格');
    // Stretch grid 1 of 龙泉社区 east over half of grid 2.
    const first = grids[0]!;
    const ring = first.geometry.coordinates[0]!;
    for (const p of ring) if (p[0]! > 118.154) p[0] = 118.1575;
    // Make grid 3 a bow-tie.
    const third = grids[2]!;
    const [a, b, c, d] = third.geometry.coordinates[0]!;
    third.geometry.coordinates[0] = [a!, c!, b!, d!, a!];
    third.properties['网格名称'] = '改名后不应写入';
    const file = writeJson('bad.geojson', changed);
    const report = await call('map.grids.import', { path: file, mode: 'import' });
    expect(report.written).toBe(false);
    const overlap = report.issues.find((i) => i.code === 'overlap')!;
    expect(overlap.gridCodes).toEqual(['990101001001001', '990101001001002']);
    expect(overlap.message.zh).toContain('重叠');
    const bowTie = report.issues.find((i) => i.code === 'self_intersection')!;
    expect(bowTie.gridCodes).toEqual([third.properties['网格编码']]);
    expect(bowTie.feature).toBeGreaterThan(0);
    expect(count("SELECT count(*) FROM places WHERE name = '改名后不应写入'")).toBe(0);
    expect(
      db
        .prepare(
          "SELECT status, rows_invalid FROM exchange_batches WHERE kind = 'grids' ORDER BY id DESC LIMIT 1",
        )
        .get(),
    ).toEqual({ status: 'refused', rows_invalid: 2 });
  });

  it('imports a new community (GCJ-02 coordinates) with a gap as a warning, and places points in it', async () => {
    const offset = (lng: number, lat: number) => {
      const g = wgs84ToGcj02(lng, lat);
      return [g.lng, g.lat];
    };
    const square = (x0: number, y0: number, x1: number, y1: number) => ({
      type: 'Polygon',
      coordinates: [
        [offset(x0, y0), offset(x1, y0), offset(x1, y1), offset(x0, y1), offset(x0, y0)],
      ],
    });
    const collection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: square(118.25, 39.64, 118.27, 39.66),
          properties: {
            网格编码: '990101001013',
            网格名称: '新城社区',
            层级: '社区',
            所属编码: '990101001',
          },
        },
        {
          type: 'Feature',
          geometry: square(118.25, 39.64, 118.26, 39.66),
          properties: {
            网格编码: '990101001013001',
            网格名称: '新城社区第1网格',
            层级: '网格',
            所属编码: '990101001013',
            类型: '基础网格',
            户数: 300,
            人口: 800,
          },
        },
        {
          type: 'Feature',
          geometry: square(118.26, 39.64, 118.27, 39.65),
          properties: {
            网格编码: '990101001013002',
            网格名称: '新城社区第2网格',
            层级: '网格',
            所属编码: '990101001013',
            类型: '基础网格',
            户数: 200,
            人口: 500,
          },
        },
      ],
    };
    const file = writeJson('new-community.geojson', collection);
    const report = await call('map.grids.import', { path: file, mode: 'import', crs: 'GCJ02' });
    expect(report.errors).toBe(0);
    expect(report.written).toBe(true);
    expect(report.counts).toMatchObject({ new: 3, updated: 0 });
    const gap = report.issues.find((i) => i.code === 'gap')!;
    expect(gap.severity).toBe('warning');
    expect(gap.gridCodes).toEqual(['990101001013']);
    expect(gap.at!.lat).toBeGreaterThan(39.65);
    // Stored in WGS-84: the point 118.255, 39.65 (WGS) is in grid 1.
    expect(locateGrid(db, 118.255, 39.65)?.gridCode).toBe('990101001013001');
    expect(locateGrid(db, 118.265, 39.655)).toBeNull();
    expect(count("SELECT households FROM places WHERE code = '990101001013'")).toBe(500);
    expect(
      count(
        "SELECT count(*) FROM place_bounds b JOIN places p ON p.id = b.id WHERE p.code LIKE '990101001013%'",
      ),
    ).toBe(3);
    expect(count("SELECT count(*) FROM audit_log WHERE action = 'grids.import'")).toBe(1);
  });
});

describe('rename and reassign', () => {
  it('renames a grid, and the map shows the new name', async () => {
    const result = await call('map.grids.rename', {
      code: '990101001001002',
      name: '龙泉北苑网格',
    });
    expect(result.oldName).toBe('龙泉社区第2网格');
    const places = await call('map.places');
    expect(places.grids.find((g) => g.code === '990101001001002')?.name).toBe('龙泉北苑网格');
    await expect(call('map.grids.rename', { code: '990101001099099', name: 'x' })).rejects.toThrow(
      /990101001099099/,
    );
  });

  it('moves a grid to another community with its open cases; closed cases stay put', async () => {
    const code = db
      .prepare(
        "SELECT grid_code FROM cases WHERE state NOT IN ('closed','voided') AND grid_code LIKE '990101001001%' GROUP BY grid_code LIMIT 1",
      )
      .pluck()
      .get() as string;
    const open = count(
      "SELECT count(*) FROM cases WHERE grid_code = ? AND state NOT IN ('closed','voided')",
      code,
    );
    const closed = count(
      "SELECT count(*) FROM cases WHERE grid_code = ? AND state IN ('closed', 'voided')",
      code,
    );
    const result = await call('map.grids.reassign', { code, communityCode: '990101001002' });
    expect(result).toMatchObject({
      fromCommunityCode: '990101001001',
      toCommunityCode: '990101001002',
      openCasesMoved: open,
    });
    expect(
      count(
        "SELECT count(*) FROM cases WHERE grid_code = ? AND community_code = '990101001002'",
        code,
      ),
    ).toBe(open);
    expect(
      count(
        "SELECT count(*) FROM cases WHERE grid_code = ? AND community_code = '990101001001'",
        code,
      ),
    ).toBe(closed);
    const center = db
      .prepare('SELECT center_lng AS lng, center_lat AS lat FROM places WHERE code = ?')
      .get(code) as { lng: number; lat: number };
    expect(locateGrid(db, center.lng, center.lat)?.communityCode).toBe('990101001002');
    await expect(
      call('map.grids.reassign', { code, communityCode: '990101001002' }),
    ).rejects.toThrow(/already/);
    await expect(
      call('map.grids.reassign', { code: '990101001002', communityCode: '990101001003' }),
    ).rejects.toThrow(/not a grid/);
  });
});
