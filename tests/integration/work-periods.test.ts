/**
 * The work periods (工作时段), edited by an admin and versioned (docs/design/DOMAIN.md,
 * "limit units"): a save takes effect from its day, so a case registered before it keeps the
 * old periods' deadline and one registered from that day counts in the new; overlapping
 * periods, a day in the past and a non-admin's save are refused; a malformed setting is the
 * defaults.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../db/exchange/import-file';
import { writeCsv } from './exchange-fixture';
import { DEFAULT_WORK_PERIODS } from '../../core/limits/work-periods';
import { fromWallClock } from '../../core/time';
import {
  WORK_PERIODS_SETTING,
  loadWorkPeriodVersions,
  loadWorkPeriods,
} from '../../db/queries/work-periods';
import {
  PASSWORD,
  aGrid,
  openCaseDesk,
  importSampleStandard,
  signInDesk,
  type CaseDesk,
} from './cases-fixture';

const SAMPLES = path.resolve(import.meta.dirname, '../../../shared/samples');
const TUESDAY = fromWallClock(2026, 12, 1, 10); // "today"
const NINE_TO_FIVE = [{ start: '09:00', end: '17:00' }];

let desk: CaseDesk;
let tokens: Awaited<ReturnType<typeof signInDesk>>;

const signIn = async (username: string) =>
  (await desk.call(null, 'auth.signIn', { username, password: PASSWORD })).sessionToken!;

let standardOf: (categoryCode: string, condition: string) => number;

const dueAtOf = (id: number) =>
  desk.db.prepare<[number], number>('SELECT due_at FROM cases WHERE id = ?').pluck().get(id)!;

/** A 井盖破损、移位 case (4 working hours) registered on the spot by 张敏 at the desk's now. */
async function registerManhole(token: string): Promise<number> {
  const grid = aGrid(desk.db);
  const created = await desk.call(token, 'cases.create', {
    source: 'grid_patrol',
    categoryCode: 'C0101',
    description: '井盖破损',
    point: { lng: grid.lng, lat: grid.lat, crs: 'WGS84' },
    standardId: standardOf('C0101', '井盖破损、移位'),
  });
  return created.id;
}

beforeAll(async () => {
  desk = openCaseDesk('griddesk-work-periods-');
  desk.clock.now = TUESDAY;
  tokens = await signInDesk(desk);
  standardOf = await importSampleStandard(desk);
});
afterAll(() => desk.close());

describe('work periods, versioned', () => {
  it('reads the defaults before any save, for anyone signed in', async () => {
    const view = await desk.call(tokens.zhang, 'calendar.workPeriods.get', {});
    expect(view).toEqual({
      inForce: DEFAULT_WORK_PERIODS,
      versions: [],
      defaults: DEFAULT_WORK_PERIODS,
    });
    await expect(desk.call(null, 'calendar.workPeriods.get', {})).rejects.toMatchObject({
      code: 'sign_in_required',
    });
  });

  it('saves 09:00–17:00 from tomorrow: a version, an audit line, today unchanged', async () => {
    const view = await desk.call(tokens.admin, 'calendar.workPeriods.save', {
      periods: NINE_TO_FIVE,
      validFrom: '2026-12-02',
    });
    expect(view.inForce).toEqual(DEFAULT_WORK_PERIODS);
    expect(view.versions).toEqual([{ version: 1, validFrom: '2026-12-02', periods: NINE_TO_FIVE }]);
    const audit = desk.db
      .prepare<[string], { actor: string; detail: string }>(
        'SELECT actor, detail FROM audit_log WHERE action = ? ORDER BY id DESC',
      )
      .all(WORK_PERIODS_SETTING);
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ version: 1, validFrom: '2026-12-02' });
  });

  it('keeps the old periods for a case registered today, the new for one from validFrom', async () => {
    desk.clock.now = fromWallClock(2026, 12, 1, 16); // Tue 16:00
    const today = await registerManhole(tokens.zhang);
    // Old periods: 16:00–18:00 on Tuesday, then Wednesday 08:00 + 2 h (not 09:00 + 3 h).
    expect(dueAtOf(today)).toBe(fromWallClock(2026, 12, 2, 10));

    desk.clock.now = fromWallClock(2026, 12, 2, 16); // Wed 16:00, the new periods' first day
    const zhang = await signIn('zhangmin');
    const tomorrow = await registerManhole(zhang);
    // New periods: 16:00–17:00 on Wednesday, then Thursday 09:00 + 3 h.
    expect(dueAtOf(tomorrow)).toBe(fromWallClock(2026, 12, 3, 12));
    // The case registered on Tuesday did not move.
    expect(dueAtOf(today)).toBe(fromWallClock(2026, 12, 2, 10));
    const view = await desk.call(zhang, 'calendar.workPeriods.get', {});
    expect(view.inForce).toEqual({ periods: NINE_TO_FIVE });

    // The register move of a reported case takes the periods in force at the move too.
    const grid = aGrid(desk.db);
    const reported = await desk.call(zhang, 'cases.create', {
      source: 'grid_patrol',
      categoryCode: 'C0101',
      description: '井盖移位',
      point: { lng: grid.lng, lat: grid.lat, crs: 'WGS84' },
      registerNow: false,
    });
    await desk.call(zhang, 'cases.move', {
      caseId: reported.id,
      move: { kind: 'register', standardId: standardOf('C0101', '井盖破损、移位') },
    });
    expect(dueAtOf(reported.id)).toBe(fromWallClock(2026, 12, 3, 12));
  });

  it('counts an imported case in the periods in force when it was registered, as the desk does', async () => {
    const [sample] = JSON.parse(
      fs.readFileSync(path.join(SAMPLES, 'cases-sample.json'), 'utf8'),
    ) as Record<string, string | number>[];
    const row: Record<string, string | number> = {
      ...sample!,
      案卷编号: 'C01012026120200901',
      问题类型: '部件',
      大类代码: '01',
      小类代码: '01',
      当前状态: '已立案',
      上报时间: '2026-12-02 15:58:00',
      立案时间: '2026-12-02 16:00:00',
      派遣时间: '',
      处置截止时间: '',
      '处置时限(小时)': '',
      反馈时间: '',
      结案时间: '',
      延期次数: 0,
      更新时间: '2026-12-02 16:00:00',
      立案条件: '井盖破损、移位',
    };
    const file = writeCsv(path.join(desk.dir, 'one-case.csv'), [
      Object.keys(row),
      Object.values(row),
    ]);
    const report = await importFile(desk.db, file, {
      skipInvalid: false,
      now: desk.clock.now,
      actor: { userId: null, name: 'test' },
    });
    expect(report.status, JSON.stringify(report.errors)).toBe('done');
    const id = desk.db
      .prepare<[string], number>('SELECT id FROM cases WHERE case_no = ?')
      .pluck()
      .get('C01012026120200901')!;
    // 4 working hours under 09:00–17:00 (in force from 2 Dec): 1 h on Wednesday, Thursday 09:00 + 3 h.
    expect(dueAtOf(id)).toBe(fromWallClock(2026, 12, 3, 12));
  });

  it('refuses overlapping periods and a day in the past with a sentence, writing nothing', async () => {
    const admin = await signIn('admin');
    const before = loadWorkPeriodVersions(desk.db);
    await expect(
      desk.call(admin, 'calendar.workPeriods.save', {
        periods: [
          { start: '08:00', end: '12:00' },
          { start: '11:00', end: '18:00' },
        ],
        validFrom: '2026-12-10',
      }),
    ).rejects.toMatchObject({
      code: 'work_periods_invalid',
      where: 'periods',
      sentence: {
        zh: expect.stringContaining('应在上一个时段「08:00–12:00」结束之后开始'),
        en: expect.stringContaining('must start after the previous one, "08:00–12:00", ends'),
      },
    });
    await expect(
      desk.call(admin, 'calendar.workPeriods.save', {
        periods: DEFAULT_WORK_PERIODS.periods,
        validFrom: '2026-12-01',
      }),
    ).rejects.toMatchObject({
      code: 'work_periods_past',
      where: 'validFrom',
      sentence: { en: expect.stringContaining('deadlines already computed never move') },
    });
    await expect(
      desk.call(admin, 'calendar.workPeriods.save', {
        periods: [{ start: '9:00', end: '17:00' }],
        validFrom: '2026-12-10',
      }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(
      desk.call(admin, 'calendar.workPeriods.save', {
        periods: [1, 2, 3, 4, 5].map((h) => ({ start: `0${h}:00`, end: `0${h}:30` })),
        validFrom: '2026-12-10',
      }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    expect(loadWorkPeriodVersions(desk.db)).toEqual(before);
  });

  it("refuses a non-admin's save", async () => {
    const zhang = await signIn('zhangmin');
    await expect(
      desk.call(zhang, 'calendar.workPeriods.save', {
        periods: NINE_TO_FIVE,
        validFrom: '2026-12-10',
      }),
    ).rejects.toMatchObject({ code: 'role_not_allowed' });
    expect(loadWorkPeriodVersions(desk.db)).toHaveLength(1);
  });

  it('appends a later version, and reads a malformed setting as the defaults', async () => {
    const admin = await signIn('admin');
    const view = await desk.call(admin, 'calendar.workPeriods.save', {
      periods: DEFAULT_WORK_PERIODS.periods,
      validFrom: '2026-12-07',
    });
    expect(view.versions.map((v) => [v.version, v.validFrom])).toEqual([
      [1, '2026-12-02'],
      [2, '2026-12-07'],
    ]);
    expect(loadWorkPeriods(desk.db, fromWallClock(2026, 12, 4, 10))).toMatchObject({
      periods: NINE_TO_FIVE,
    });
    expect(loadWorkPeriods(desk.db, fromWallClock(2026, 12, 7, 10)).periods).toEqual(
      DEFAULT_WORK_PERIODS.periods,
    );
    desk.db
      .prepare('UPDATE settings SET value = ? WHERE key = ?')
      .run(JSON.stringify([{ version: 1, validFrom: 'soon', periods: [] }]), WORK_PERIODS_SETTING);
    expect(loadWorkPeriodVersions(desk.db)).toEqual([]);
    expect(loadWorkPeriods(desk.db, fromWallClock(2026, 12, 4, 10))).toBe(DEFAULT_WORK_PERIODS);
  });
});
