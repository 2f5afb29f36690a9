/**
 * The city's sample files (../shared/samples) import, each on its own into a street with no
 * cases, with the same result whatever the format: GB18030 CSV, xlsx, JSON, Open311.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gcj02ToWgs84 } from '../../core/geo/coordinates';
import { locateGrid } from '../../db/queries/grid-locator';
import { count, importInto, NOW, openWorkspace, SAMPLES } from './exchange-fixture';

const ws = openWorkspace();
afterAll(() => ws.close());

const CASE_FILES = ['cases-sample.xlsx', 'cases-sample-gbk.csv', 'cases-sample.json'];

describe('the sample files import', () => {
  it.each(CASE_FILES)(
    '%s: 60 new cases, nothing invalid, each with an import event',
    async (name) => {
      const { db } = await ws.empty();
      const report = await importInto(db, path.join(SAMPLES, name));
      expect(report.refusal).toBeNull();
      expect(report.errors).toEqual([]);
      expect(report).toMatchObject({ kind: 'cases', status: 'done', written: true });
      expect(report.counts).toEqual({ rows: 60, new: 60, updated: 0, unchanged: 0, invalid: 0 });
      expect(count(db, 'SELECT count(*) FROM cases')).toBe(60);
      expect(
        count(
          db,
          "SELECT count(*) FROM case_events WHERE kind = 'import' AND batch_id = ?",
          report.batchId,
        ),
      ).toBe(60);
      expect(
        count(
          db,
          'SELECT count(*) FROM exchange_batches WHERE id = ? AND sha256 = ? AND rows_new = 60',
          report.batchId,
          report.sha256,
        ),
      ).toBe(1);
    },
  );

  it('detects GB18030 in the CSV, and reads the same cases as the xlsx and the JSON', async () => {
    const snapshots: unknown[] = [];
    for (const name of CASE_FILES) {
      const { db } = await ws.empty();
      const report = await importInto(db, path.join(SAMPLES, name));
      if (name.endsWith('.csv')) expect(report.encoding).toBe('GB18030');
      snapshots.push(
        db
          .prepare(
            `SELECT case_no, source, category_code, description, address, lng, lat, original_crs, grid_code, community_code,
                    urgency, state, reported_at, registered_at, dispatched_at, handled_at, closed_at, due_at, lead_unit_code,
                    reporter, phone, satisfaction, rework_count, extension_count, updated_at
               FROM cases ORDER BY case_no`,
          )
          .all(),
      );
    }
    expect(snapshots[1]).toEqual(snapshots[0]);
    expect(snapshots[2]).toEqual(snapshots[0]);
    // No replacement characters: multi-byte text survives every reader's chunk boundaries.
    expect(JSON.stringify(snapshots[0])).not.toContain('\uFFFD');
  });

  it('places cases without a grid code by their point, converting GCJ-02 to WGS-84 and keeping the original', async () => {
    const { db } = await ws.empty();
    await importInto(db, path.join(SAMPLES, 'cases-sample.json'));
    const gcj = db
      .prepare<
        [],
        { grid_code: string; lng: number; lat: number; original_lng: number; original_lat: number }
      >(
        "SELECT grid_code, lng, lat, original_lng, original_lat FROM cases WHERE original_crs = 'GCJ02'",
      )
      .get()!;
    const wgs = gcj02ToWgs84(gcj.original_lng, gcj.original_lat);
    expect(gcj.lng).toBeCloseTo(wgs.lng, 7);
    expect(gcj.lat).toBeCloseTo(wgs.lat, 7);
    expect(gcj.grid_code).toBe(locateGrid(db, wgs.lng, wgs.lat)?.gridCode);
    // The 7 sample rows without a grid code all found their grid.
    expect(count(db, 'SELECT count(*) FROM cases WHERE grid_code IS NULL')).toBe(0);
  });

  it('keeps the denormalised columns as the desk computes them (clocks, community, lead unit)', async () => {
    const { db } = await ws.empty();
    await importInto(db, path.join(SAMPLES, 'cases-sample.xlsx'));
    // E01022026110500011: 处置时限(小时) 4 from registration 2026-11-05 23:42:42.
    const row = db
      .prepare<
        [],
        {
          registered_at: number;
          due_at: number;
          due_window_ms: number;
          accept_due_at: number;
          community_code: string;
          lead_unit_code: string;
        }
      >(
        "SELECT registered_at, due_at, due_window_ms, accept_due_at, community_code, lead_unit_code FROM cases WHERE case_no = 'E01022026110500011'",
      )
      .get()!;
    expect(row.due_at - row.registered_at).toBe(4 * 3600_000);
    expect(row.due_window_ms).toBe(4 * 3600_000);
    expect(row.community_code).toBe('990101001012');
    expect(row.lead_unit_code).toBe(
      count(db, "SELECT code FROM units WHERE name = '环卫所'") as unknown as string,
    );
    expect(
      count(db, 'SELECT count(*) FROM cases WHERE registered_at IS NOT NULL AND due_at IS NULL'),
    ).toBe(0);
    expect(count(db, 'SELECT count(*) FROM cases WHERE accept_due_at IS NULL')).toBe(0);
  });

  it('imports the Open311 requests.json (status open/closed, no source: the city platform)', async () => {
    const { db } = await ws.empty();
    const report = await importInto(db, path.join(SAMPLES, 'open311-requests.json'));
    expect(report.errors).toEqual([]);
    expect(report.counts).toMatchObject({ rows: 60, new: 60, invalid: 0 });
    expect(count(db, "SELECT count(*) FROM cases WHERE source = 'city_platform'")).toBe(60);
    expect(count(db, "SELECT count(*) FROM cases WHERE state = 'closed'")).toBe(54);
    expect(report.notes[0]?.message.en).toMatch(/Open311/);
  });

  it('Open311 after the city file changes nothing (open keeps the desk state, voided stays voided)', async () => {
    const { db } = await ws.empty();
    await importInto(db, path.join(SAMPLES, 'cases-sample.xlsx'));
    const report = await importInto(db, path.join(SAMPLES, 'open311-requests.json'));
    expect(report.counts).toEqual({ rows: 60, new: 0, updated: 0, unchanged: 60, invalid: 0 });
  });

  it('imports the sample grids (and a second time changes nothing)', async () => {
    const { db } = await ws.empty();
    const report = await importInto(db, path.join(SAMPLES, 'grids.geojson'));
    expect(report).toMatchObject({ kind: 'grids', status: 'done' });
    expect(report.counts).toMatchObject({
      rows: 166,
      new: 0,
      updated: 0,
      unchanged: 166,
      invalid: 0,
    });
    expect(NOW).toBeGreaterThan(0);
  });
});
