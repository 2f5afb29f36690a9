/**
 * The 立案条件 the case screens offer (issue 12): after the city's table is imported,
 * cases.lookups lists each minor's rows of the active version, the shortest limit first, and
 * cases.get shows the row a case was registered under (condition, 结案条件, limit).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromWallClock } from '../../core/time';
import {
  aGrid,
  openCaseDesk,
  importSampleStandard,
  signInDesk,
  type CaseDesk,
} from './cases-fixture';

let desk: CaseDesk;
let tokens: Awaited<ReturnType<typeof signInDesk>>;

beforeAll(async () => {
  desk = openCaseDesk('griddesk-lookups-standards-');
  tokens = await signInDesk(desk);
  await importSampleStandard(desk);
});
afterAll(() => desk.close());

describe('the 立案条件 on offer', () => {
  it('lists 上水井盖 (C0101) with its two conditions, the 2-natural-hour one first', async () => {
    const lookups = await desk.call(tokens.zhang, 'cases.lookups', {});
    const c0101 = lookups.standards.filter((s) => s.categoryCode === 'C0101');
    expect(lookups.categories.find((c) => c.code === 'C0101')?.minorName).toBe('上水井盖');
    expect(c0101.map((s) => [s.condition, s.limit])).toEqual([
      ['井盖丢失', { value: 2, unit: 'natural_hours' }],
      ['井盖破损、移位', { value: 4, unit: 'working_hours' }],
    ]);
    expect(c0101[0]).toMatchObject({ id: expect.any(Number), position: expect.any(Number) });
    // Only the active version: one row per (category, position).
    const keys = lookups.standards.map((s) => `${s.categoryCode}/${s.position}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("orders by the limit, not the city's order: 路灯 (C0118) 2 natural h, 4 working h, 1 working day", async () => {
    const lookups = await desk.call(tokens.zhang, 'cases.lookups', {});
    const c0118 = lookups.standards.filter((s) => s.categoryCode === 'C0118');
    expect(c0118.map((s) => [s.condition, s.position])).toEqual([
      ['灯杆倾斜有倒伏危险', 3],
      ['连续三盏以上不亮', 2],
      ['单盏不亮', 1],
    ]);
  });

  it('shows on the case the row it was registered under', async () => {
    desk.clock.now = fromWallClock(2026, 11, 20, 17, 30);
    const lookups = await desk.call(tokens.zhang, 'cases.lookups', {});
    const chosen = lookups.standards.find(
      (s) => s.categoryCode === 'C0101' && s.condition === '井盖破损、移位',
    )!;
    const grid = aGrid(desk.db);
    const created = await desk.call(tokens.zhang, 'cases.create', {
      source: 'grid_patrol',
      categoryCode: 'C0101',
      description: '井盖破损',
      point: { lng: grid.lng, lat: grid.lat, crs: 'WGS84' },
      standardId: chosen.id,
    });
    const detail = await desk.call(tokens.zhang, 'cases.get', { id: created.id });
    expect(detail.standardId).toBe(chosen.id);
    expect(detail.standard).toEqual({
      condition: chosen.condition,
      closeCondition: chosen.closeCondition,
      limit: { value: 4, unit: 'working_hours' },
      note: chosen.note,
    });
    expect(detail.dueAt).toBe(fromWallClock(2026, 11, 23, 11, 30));
  });

  it("shows no standard on a case without one (the demo street's)", async () => {
    const id = desk.db
      .prepare<[], number>('SELECT id FROM cases WHERE standard_id IS NULL LIMIT 1')
      .pluck()
      .get()!;
    const detail = await desk.call(tokens.zhang, 'cases.get', { id });
    expect(detail.standard).toBeNull();
  });
});
