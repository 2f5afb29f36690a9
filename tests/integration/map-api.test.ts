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
import { readOverviewCounts } from '../../db/queries/overview';
import { startHost, type RunningHost } from '../../host/server';
import { writeMbtiles } from '../fixtures/mbtiles';

const now = Date.UTC(2026, 10, 21, 6, 0);
let dir: string;
let db: Db;
let context: ApiContext;
const events: string[] = [];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-map-api-'));
  db = openOrCreateDatabase(path.join(dir, 'demo.sqlite'), {
    appVersion: 'test',
    now,
    demoWhenNew: true,
  }).db;
  const live = new LiveBus();
  live.subscribe((event) => events.push(event.type));
  context = { db, now: () => now, appVersion: 'test', live, actor: SYSTEM_ACTOR, transport: 'cli' };
});
afterAll(() => {
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const call = <M extends MethodName>(method: M, input: unknown = {}, ctx = context) =>
  invoke(ctx, method, input) as Promise<ApiResult<M>>;

describe('the map reads', () => {
  it('lists the street, 12 communities and 154 grids with their boundaries', async () => {
    const places = await call('map.places');
    expect(places.street?.name).toBe('示范街道');
    expect(places.communities).toHaveLength(12);
    expect(places.grids).toHaveLength(154);
    expect(places.grids.every((g) => g.geometry?.type === 'Polygon' && g.center)).toBe(true);
    expect(places.grids[0]!.communityCode).toBe(places.communities[0]!.code);
  });

  it('counts open and overdue cases per grid the way the overview counts them', async () => {
    const measures = await call('map.measures');
    expect(measures.period.key).toBe('2026-11');
    expect(measures.periods.map((p) => p.key)).toContain('2026-W47');
    const overview = readOverviewCounts(db, now, 0);
    const sum = (key: 'open' | 'overdue') => measures.grids.reduce((n, g) => n + g[key], 0);
    expect(sum('open')).toBe(overview.open);
    expect(sum('overdue')).toBe(overview.overdue);
    expect(measures.communities.reduce((n, c) => n + c.open, 0)).toBe(overview.open);
    const ranked = measures.communities.filter((c) => c.score !== null);
    expect(ranked.length).toBeGreaterThan(6);
    for (const c of ranked) {
      expect(c.tier).toBe(c.score! >= 90 ? 'blue' : c.score! >= 75 ? 'yellow' : 'red');
    }
    // The map's tier is the monthly ranking's tier, community by community and grid by grid.
    for (const level of ['community', 'grid'] as const) {
      const ranking = await call('ranking.compute', { period: '2026-11', level });
      const byCode = new Map(ranking.rows.map((r) => [r.unitCode, r]));
      const list = level === 'community' ? measures.communities : measures.grids;
      for (const m of list) {
        expect([m.code, m.tier, m.score, m.due]).toEqual([
          m.code,
          byCode.get(m.code)?.tier ?? null,
          byCode.get(m.code)?.score ?? null,
          byCode.get(m.code)?.counts.due ?? 0,
        ]);
      }
    }
    const withHouseholds = measures.grids.find((g) => g.households && g.reported > 0)!;
    expect(withHouseholds.per1000Households).toBeCloseTo(
      (withHouseholds.reported * 1000) / withHouseholds.households!,
      9,
    );
  });

  it('moves open and overdue to the end of a past period', async () => {
    const october = await call('map.measures', { period: '2026-10' });
    expect(october.asOf).toBe(Date.UTC(2026, 9, 31, 16));
    const openAtEnd = db
      .prepare(
        `SELECT count(*) FROM cases WHERE reported_at < ? AND (closed_at IS NULL OR closed_at >= ?)
           AND NOT (state = 'voided' AND voided_at < ?) AND grid_code IS NOT NULL`,
      )
      .pluck()
      .get(october.asOf, october.asOf, october.asOf);
    expect(october.grids.reduce((n, g) => n + g.open, 0)).toBe(openAtEnd);
    await expect(call('map.measures', { period: '2026-13' })).rejects.toThrow(/period/);
  });

  it('shows a grid panel with its five roles, masked phones, party chain and open cases', async () => {
    const code = db
      .prepare(
        "SELECT grid_code FROM cases WHERE state NOT IN ('closed','voided') GROUP BY grid_code ORDER BY count(*) DESC LIMIT 1",
      )
      .pluck()
      .get() as string;
    const panel = await call('map.grid', { code });
    expect(panel.code).toBe(code);
    expect(panel.community?.code).toBe(code.slice(0, 12));
    expect(panel.people[0]!.role).toBe('grid_leader');
    expect(new Set(panel.people.map((p) => p.role))).toContain('full_time_worker');
    for (const person of panel.people) {
      if (person.phone) expect(person.phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
    }
    const fullPhones = db.prepare('SELECT phone FROM staff').pluck().all() as string[];
    expect(JSON.stringify(panel)).not.toContain(fullPhones[0]!);
    expect(panel.partyChain?.level).toBe('community_committee');
    expect(panel.partyChain?.children[0]?.level).toBe('residential_branch');
    expect(panel.openCaseCount).toBeGreaterThan(0);
    expect(panel.openCases.length).toBe(Math.min(20, panel.openCaseCount));
    expect(panel.indices?.code).toBe(code);
    await expect(call('map.grid', { code: '990101001099099' })).rejects.toThrow(/990101001099099/);
  });

  it('shows the second grid of a two-grid residential branch under that branch', async () => {
    // The branch is filed under its first grid; the second grid's building groups are its.
    const second = db
      .prepare(
        `SELECT g.place_code AS grid, b.code AS branch FROM party_orgs g
           JOIN party_orgs b ON b.id = g.parent_id
          WHERE g.level = 'building_group' AND b.level = 'residential_branch'
            AND b.place_code <> g.place_code
          ORDER BY g.place_code LIMIT 1`,
      )
      .get() as { grid: string; branch: string };
    expect(second).toBeDefined();
    const panel = await call('map.grid', { code: second.grid });
    expect(panel.partyChain?.children.map((c) => [c.code, c.level])).toEqual([
      [second.branch, 'residential_branch'],
    ]);
    const groups = panel.partyChain!.children[0]!.children;
    expect(groups.length).toBeGreaterThan(0);
    expect(groups.every((g) => g.level === 'building_group')).toBe(true);
  });

  it('puts open cases on the map coloured by clock, and recent reports in the heat view', async () => {
    const points = await call('map.casePoints');
    const overview = readOverviewCounts(db, now, 0);
    expect(points.points.length + points.withoutPoint).toBe(overview.open);
    // Red: resolution clocks past due (the overview's 超期) plus reports not accepted in time.
    const acceptLate = db
      .prepare("SELECT count(*) FROM cases WHERE state = 'reported' AND accept_due_at < ?")
      .pluck()
      .get(now) as number;
    expect(points.points.filter((p) => p.clock === 'overdue').length).toBe(
      overview.overdue + acceptLate,
    );
    expect(
      points.points.filter((p) => p.state === 'suspended').every((p) => p.clock === 'paused'),
    ).toBe(true);
    const heat = await call('map.heat', { days: 30 });
    const expected = db
      .prepare(
        "SELECT count(*) FROM cases WHERE reported_at >= ? AND state <> 'voided' AND lng IS NOT NULL",
      )
      .pluck()
      .get(now - 30 * 86_400_000);
    expect(heat.points).toHaveLength(expected as number);
  });

  it('places a GCJ-02 point in its grid and flags a point in no grid', async () => {
    const grid = db
      .prepare(
        "SELECT code, community_code AS community, center_lng AS lng, center_lat AS lat FROM places WHERE level = 'grid' LIMIT 1 OFFSET 40",
      )
      .get() as { code: string; community: string; lng: number; lat: number };
    const gcj = wgs84ToGcj02(grid.lng, grid.lat);
    const found = await call('map.locate', { lng: gcj.lng, lat: gcj.lat, crs: 'GCJ02' });
    expect(found.grid?.gridCode).toBe(grid.code);
    expect(found.grid?.communityCode).toBe(grid.community);
    expect(Math.abs(found.wgs84.lng - grid.lng)).toBeLessThan(1e-7);
    // The raw GCJ point, taken as WGS-84, is hundreds of metres off: maybe another grid.
    const nowhere = await call('map.locate', { lng: 117.5, lat: 39.65 });
    expect(nowhere.grid).toBeNull();
  });
});

describe('the offline basemap', () => {
  let host: RunningHost;
  afterAll(async () => host?.close());

  it('is none by default, takes a valid MBTiles file, and refuses a bad one with a sentence', async () => {
    expect((await call('map.basemap')).basemap).toBeNull();
    const bad = path.join(dir, 'world-4326.mbtiles');
    writeMbtiles(bad, { metadata: { crs: 'EPSG:4326' } });
    await expect(call('map.basemap.set', { path: bad })).rejects.toThrow(/not Web Mercator/);
    expect((await call('map.basemap')).basemap).toBeNull();
    const good = path.join(dir, 'street.mbtiles');
    writeMbtiles(good);
    const set = await call('map.basemap.set', { path: good });
    expect(set.basemap).toMatchObject({ path: good, format: 'png', minZoom: 12, maxZoom: 15 });
    expect(events).toContain('data.changed');
  });

  it('serves tiles through the loopback host with the token, and 404 where there is none', async () => {
    host = await startHost({ context, port: 0, rendererDir: dir, log: () => {} });
    const held = writeMbtiles(path.join(dir, 'street.mbtiles.check'), {});
    const { z, x, y } = held[2]!;
    const base = `http://127.0.0.1:${host.port}/tiles`;
    const ok = await fetch(`${base}/${z}/${x}/${y}?token=${host.token}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/png');
    expect((await ok.arrayBuffer()).byteLength).toBeGreaterThan(100);
    expect((await fetch(`${base}/${z}/${x}/${y}`)).status).toBe(401);
    expect((await fetch(`${base}/${z}/${x}/${y}?token=wrong`)).status).toBe(401);
    expect((await fetch(`${base}/${z}/${x}/${2 ** z - 1 - y}?token=${host.token}`)).status).toBe(
      404,
    );
    expect((await fetch(`${base}/99/0/0?token=${host.token}`)).status).toBe(404);
    await call('map.basemap.set', { path: null });
    expect((await fetch(`${base}/${z}/${x}/${y}?token=${host.token}`)).status).toBe(404);
  });

  it('is an admin setting: an operator is refused', async () => {
    const operator = {
      ...context,
      actor: { userId: 9, name: '值班员甲', role: 'operator' as const },
    };
    await expect(call('map.basemap.set', { path: null }, operator)).rejects.toThrow();
  });
});
