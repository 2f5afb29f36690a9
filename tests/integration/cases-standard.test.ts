/**
 * Registration under the city's standard (issue 12): after the city's table is imported, a
 * case registered on a minor with several 立案条件 runs on the chosen row's limit in its own
 * unit (working hours over the work periods), keeps that row, and takes the first row when
 * none is chosen; a row of another category is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR_MS, fromWallClock } from '../../core/time';
import {
  aGrid,
  openCaseDesk,
  importSampleStandard,
  signInDesk,
  type CaseDesk,
} from './cases-fixture';

let desk: CaseDesk;
let tokens: Awaited<ReturnType<typeof signInDesk>>;
let standardOf: (categoryCode: string, condition: string) => number;
const stored = (id: number) =>
  desk.db
    .prepare<[number], { dueAt: number; standardId: number | null; registeredAt: number }>(
      'SELECT due_at AS dueAt, standard_id AS standardId, registered_at AS registeredAt FROM cases WHERE id = ?',
    )
    .get(id)!;

beforeAll(async () => {
  desk = openCaseDesk('griddesk-standard-cases-');
  tokens = await signInDesk(desk);
  standardOf = await importSampleStandard(desk);
});
afterAll(() => desk.close());

describe('registering under a 立案条件', () => {
  it('counts 4 working hours over the work periods: Friday 17:30 → Monday 11:30', async () => {
    desk.clock.now = fromWallClock(2026, 11, 20, 17, 30); // Fri
    const grid = aGrid(desk.db);
    const chosen = standardOf('C0101', '井盖破损、移位');
    const created = await desk.call(tokens.zhang, 'cases.create', {
      source: 'grid_patrol',
      categoryCode: 'C0101',
      description: '井盖破损',
      point: { lng: grid.lng, lat: grid.lat, crs: 'WGS84' },
      standardId: chosen,
    });
    expect(stored(created.id)).toEqual({
      registeredAt: desk.clock.now,
      standardId: chosen,
      // 0.5 h on Friday, then Monday 08:00 + 3.5 h.
      dueAt: fromWallClock(2026, 11, 23, 11, 30),
    });
  });

  it("takes the minor's first row when none is chosen (井盖丢失: 2 natural hours)", async () => {
    desk.clock.now = fromWallClock(2026, 11, 20, 17, 30);
    const grid = aGrid(desk.db);
    const created = await desk.call(tokens.zhang, 'cases.create', {
      source: 'grid_patrol',
      categoryCode: 'C0101',
      description: '井盖丢失',
      point: { lng: grid.lng, lat: grid.lat, crs: 'WGS84' },
    });
    expect(stored(created.id)).toMatchObject({
      standardId: standardOf('C0101', '井盖丢失'),
      dueAt: desk.clock.now + 2 * HOUR_MS,
    });
  });

  it('registers a reported case under the row chosen at the register move', async () => {
    desk.clock.now = fromWallClock(2026, 11, 20, 11, 0);
    const grid = aGrid(desk.db);
    const created = await desk.call(tokens.zhang, 'cases.create', {
      source: 'grid_patrol',
      categoryCode: 'C0101',
      description: '井盖移位',
      point: { lng: grid.lng, lat: grid.lat, crs: 'WGS84' },
      registerNow: false,
    });
    const chosen = standardOf('C0101', '井盖破损、移位');
    await desk.call(tokens.zhang, 'cases.move', {
      caseId: created.id,
      move: { kind: 'register', standardId: chosen },
    });
    // 11:00 + 1 h to lunch, then 14:00 + 3 h.
    expect(stored(created.id)).toMatchObject({
      standardId: chosen,
      dueAt: fromWallClock(2026, 11, 20, 17, 0),
    });
  });

  it('refuses a row of another category, naming the field', async () => {
    const grid = aGrid(desk.db);
    await expect(
      desk.call(tokens.zhang, 'cases.create', {
        source: 'grid_patrol',
        categoryCode: 'C0101',
        description: 'x',
        point: { lng: grid.lng, lat: grid.lat, crs: 'WGS84' },
        standardId: standardOf('C0102', '发现即立案'),
      }),
    ).rejects.toMatchObject({ code: 'standard_of_other_category', where: 'standardId' });
  });
});
