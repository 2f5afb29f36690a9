/**
 * The admin's settings (issue 12, "Settings that an admin needs") on a real SQLite demo
 * desk with the city's sample standard imported: editing a row makes a new version and the
 * cases registered before keep theirs; rows are found by code, name and condition; a local
 * category can be registered under at once; urgency overrides are added, changed and
 * removed with audit lines; bad input is refused in a sentence naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadClockRules } from '../../db/queries/clock-rules';
import {
  aGrid,
  importSampleStandard,
  openCaseDesk,
  signInDesk,
  type CaseDesk,
} from './cases-fixture';

let desk: CaseDesk;
let tokens: Awaited<ReturnType<typeof signInDesk>>;
let standardOf: (categoryCode: string, condition: string) => number;

const caseRow = (id: number) =>
  desk.db
    .prepare<[number], { standardId: number; dueAt: number }>(
      'SELECT standard_id AS standardId, due_at AS dueAt FROM cases WHERE id = ?',
    )
    .get(id)!;

const auditOf = (action: string) =>
  desk.db
    .prepare<[string], { actor: string; detail: string }>(
      'SELECT actor, detail FROM audit_log WHERE action = ? ORDER BY id',
    )
    .all(action)
    .map((row) => ({ actor: row.actor, ...(JSON.parse(row.detail) as object) }));

async function registerManhole(standardId?: number) {
  const grid = aGrid(desk.db);
  return desk.call(tokens.zhang, 'cases.create', {
    source: 'grid_patrol',
    categoryCode: 'C0101',
    description: '井盖破损',
    point: { lng: grid.lng, lat: grid.lat, crs: 'WGS84' },
    ...(standardId ? { standardId } : {}),
  });
}

beforeAll(async () => {
  desk = openCaseDesk('griddesk-settings-admin-');
  tokens = await signInDesk(desk);
  standardOf = await importSampleStandard(desk);
});
afterAll(() => desk.close());

describe('the category standard in the settings', () => {
  it('edits a row as a new version; a case registered before keeps its row and deadline', async () => {
    const oldRow = standardOf('C0101', '井盖破损、移位');
    const before = await registerManhole(oldRow);
    const kept = caseRow(before.id);
    const { activeVersion: from } = await desk.call(tokens.admin, 'settings.standard.versions', {});

    const edited = await desk.call(tokens.admin, 'settings.standard.editRow', {
      id: oldRow,
      condition: '井盖破损、移位',
      closeCondition: '井盖复位或更换',
      limit: '2紧急工作时',
      unitCode: null,
    });
    expect(edited.version).toBe(from! + 1);

    const view = await desk.call(tokens.admin, 'settings.standard.versions', {});
    expect(view.activeVersion).toBe(edited.version);
    expect(view.versions[0]).toMatchObject({ id: edited.version, active: true, cases: 0 });
    expect(view.versions.find((v) => v.id === from)).toMatchObject({ active: false, cases: 1 });

    // The old case: same row of the old version, same deadline.
    expect(caseRow(before.id)).toEqual(kept);
    const oldRows = await desk.call(tokens.admin, 'settings.standard.rows', {
      version: from!,
      search: 'C0101',
    });
    expect(oldRows.rows.find((r) => r.id === oldRow)).toMatchObject({
      limitUnit: 'working_hours',
      cases: 1,
    });

    // A case registered now takes the new row: 2 natural hours.
    const newRows = await desk.call(tokens.admin, 'settings.standard.rows', { search: '井盖破损' });
    const newRow = newRows.rows.find((r) => r.categoryCode === 'C0101')!;
    expect(newRow).toMatchObject({
      closeCondition: '井盖复位或更换',
      limitValue: 2,
      limitUnit: 'natural_hours',
      cases: 0,
    });
    const after = await registerManhole(newRow.id);
    expect(caseRow(after.id)).toEqual({
      standardId: newRow.id,
      dueAt: desk.clock.now + 2 * 3_600_000,
    });

    // The rest of the version was copied whole.
    const minors = desk.db
      .prepare<[number], number>('SELECT count(*) FROM category_standards WHERE version_id = ?')
      .pluck();
    expect(minors.get(edited.version)).toBe(minors.get(from!));

    const [audit] = auditOf('categories.editRow');
    expect(audit).toMatchObject({
      actor: '系统管理员',
      version: edited.version,
      code: 'C0101',
      before: { limit: { value: 4, unit: 'working_hours' } },
      after: { limit: { value: 2, unit: 'natural_hours' }, closeCondition: '井盖复位或更换' },
    });
  });

  it('finds rows by code, by minor name and by condition', async () => {
    const byCode = await desk.call(tokens.admin, 'settings.standard.rows', { search: 'C0101' });
    expect(byCode.rows.every((r) => r.categoryCode === 'C0101')).toBe(true);
    expect(byCode.total).toBeGreaterThanOrEqual(2);
    const name = byCode.rows[0]!.minorName;
    const byName = await desk.call(tokens.admin, 'settings.standard.rows', { search: name });
    expect(byName.rows.map((r) => r.categoryCode)).toContain('C0101');
    const byCondition = await desk.call(tokens.admin, 'settings.standard.rows', {
      search: '井盖丢失',
    });
    expect(byCondition.rows.map((r) => r.condition)).toEqual(['井盖丢失']);
    const none = await desk.call(tokens.admin, 'settings.standard.rows', { search: '%_' });
    expect(none.total).toBe(0);
  });

  it('adds a local category that a case can be registered under at once', async () => {
    const added = await desk.call(tokens.admin, 'settings.standard.addLocal', {
      kind: 'component',
      majorCode: '01',
      minorCode: '99',
      minorName: '智能井盖',
      condition: '传感器离线',
      closeCondition: '传感器恢复在线',
      limit: '1天',
      unitCode: null,
    });
    expect(added.code).toBe('C0199');
    const category = desk.db
      .prepare("SELECT is_local, active, minor_name FROM categories WHERE code = 'C0199'")
      .get();
    expect(category).toEqual({ is_local: 1, active: 1, minor_name: '智能井盖' });
    const grid = aGrid(desk.db);
    const created = await desk.call(tokens.zhang, 'cases.create', {
      source: 'grid_patrol',
      categoryCode: 'C0199',
      description: '井盖传感器离线',
      point: { lng: grid.lng, lat: grid.lat, crs: 'WGS84' },
    });
    const row = desk.db
      .prepare<[number], { condition: string; version_id: number }>(
        'SELECT s.condition, s.version_id FROM cases c JOIN category_standards s ON s.id = c.standard_id WHERE c.id = ?',
      )
      .get(created.id);
    expect(row).toEqual({ condition: '传感器离线', version_id: added.version });

    await expect(
      desk.call(tokens.admin, 'settings.standard.addLocal', {
        kind: 'component',
        majorCode: '01',
        minorCode: '99',
        minorName: '又一个',
        condition: 'x',
        limit: '1天',
      }),
    ).rejects.toMatchObject({ code: 'category_exists', where: 'minorCode' });
  });

  it("refuses an unreadable limit, an old version's row and a non-admin, in sentences", async () => {
    const active = await desk.call(tokens.admin, 'settings.standard.rows', { search: 'C0101' });
    const row = active.rows[0]!;
    await expect(
      desk.call(tokens.admin, 'settings.standard.editRow', {
        id: row.id,
        condition: row.condition,
        limit: '四小时',
      }),
    ).rejects.toMatchObject({
      code: 'bad_limit',
      where: 'limit',
      sentence: { zh: expect.stringContaining('处置时限') },
    });
    await expect(
      desk.call(tokens.admin, 'settings.standard.editRow', {
        id: standardOf('C0101', '井盖丢失'),
        condition: '井盖丢失',
        limit: '1小时',
      }),
    ).rejects.toMatchObject({ code: 'not_active_row', where: 'id' });
    await expect(desk.call(tokens.zhang, 'settings.standard.versions', {})).rejects.toMatchObject({
      code: 'role_not_allowed',
    });
    await expect(desk.call(null, 'settings.idleLock.get', {})).rejects.toMatchObject({
      code: 'sign_in_required',
    });
  });
});

describe('urgency overrides', () => {
  it('adds, changes and removes an override, each with an audit line before and after', async () => {
    const base = loadClockRules(desk.db, 'E0102', 'urgent');
    const added = await desk.call(tokens.admin, 'settings.clockOverrides.save', {
      categoryCode: 'E0102',
      urgency: 'urgent',
      onsiteMinutes: 20,
      resolveHours: 4,
    });
    expect(added.overrides).toEqual([
      expect.objectContaining({
        categoryCode: 'E0102',
        urgency: 'urgent',
        onsiteMinutes: 20,
        resolveHours: 4,
      }),
    ]);
    expect(loadClockRules(desk.db, 'E0102', 'urgent')).toMatchObject({
      onsiteMinutes: 20,
      resolveHours: 4,
    });

    const changed = await desk.call(tokens.admin, 'settings.clockOverrides.save', {
      categoryCode: 'E0102',
      urgency: 'urgent',
      onsiteMinutes: 15,
      resolveHours: 4,
    });
    expect(changed.overrides[0]).toMatchObject({ onsiteMinutes: 15 });
    const removed = await desk.call(tokens.admin, 'settings.clockOverrides.remove', {
      categoryCode: 'E0102',
      urgency: 'urgent',
    });
    expect(removed.overrides).toEqual([]);
    expect(loadClockRules(desk.db, 'E0102', 'urgent')).toEqual(base);

    expect(removed.history.map((h) => h.action)).toEqual([
      'clocks.override.remove',
      'clocks.override.save',
      'clocks.override.save',
    ]);
    expect(removed.history[1]).toMatchObject({
      actor: '系统管理员',
      before: { onsiteMinutes: 20 },
      after: { onsiteMinutes: 15 },
    });
    expect(removed.history[2]!.before).toBeNull();
    expect(removed.history[0]).toMatchObject({ before: { onsiteMinutes: 15 }, after: null });
  });

  it('refuses an empty override, both resolve limits and a bad number, naming the field', async () => {
    const save = (values: Record<string, number>) =>
      desk.call(tokens.admin, 'settings.clockOverrides.save', {
        categoryCode: 'E0102',
        urgency: 'normal',
        ...values,
      });
    await expect(save({})).rejects.toMatchObject({ code: 'empty_override' });
    await expect(save({ resolveHours: 4, resolveWorkingDays: 1 })).rejects.toMatchObject({
      where: 'resolveWorkingDays',
    });
    await expect(save({ acceptMinutes: -5 })).rejects.toMatchObject({
      where: 'acceptMinutes',
      sentence: { zh: expect.stringContaining('受理时限') },
    });
    await expect(
      desk.call(tokens.admin, 'settings.clockOverrides.remove', {
        categoryCode: 'E0102',
        urgency: 'normal',
      }),
    ).rejects.toMatchObject({ code: 'no_such_override' });
  });
});

describe('simple settings', () => {
  it('saves the stage clocks, keeping the other keys of clocks.defaults', async () => {
    const stored = () =>
      JSON.parse(
        desk.db
          .prepare("SELECT value FROM settings WHERE key = 'clocks.defaults'")
          .pluck()
          .get() as string,
      ) as Record<string, unknown>;
    const before = stored();
    const saved = await desk.call(tokens.admin, 'settings.clockDefaults.save', {
      acceptMinutes: 2,
      dispatchMinutes: 30,
      onsiteMinutes: 45,
      verifyMinutes: 240,
    });
    expect(saved.value).toEqual({
      acceptMinutes: 2,
      dispatchMinutes: 30,
      onsiteMinutes: 45,
      verifyMinutes: 240,
    });
    expect(stored()).toEqual({
      ...before,
      acceptMinutes: 2,
      dispatchMinutes: 30,
      onsiteMinutes: 45,
      verifyMinutes: 240,
    });
    expect(saved.history[0]).toMatchObject({ before, after: stored() });
    await expect(
      desk.call(tokens.admin, 'settings.clockDefaults.save', {
        acceptMinutes: 1,
        dispatchMinutes: 0,
        onsiteMinutes: 60,
        verifyMinutes: 240,
      }),
    ).rejects.toMatchObject({
      where: 'dispatchMinutes',
      sentence: { zh: expect.stringContaining('派遣时限') },
    });
  });

  it('saves the idle-lock minutes that auth.status hands the session, and refuses 0 and 241', async () => {
    const saved = await desk.call(tokens.admin, 'settings.idleLock.save', { minutes: 20 });
    expect(saved.value).toBe(20);
    expect(saved.history[0]).toMatchObject({ before: 15, after: 20 });
    expect((await desk.call(tokens.zhang, 'auth.status', {})).idleLockMinutes).toBe(20);
    for (const minutes of [0, 241, 1.5]) {
      await expect(
        desk.call(tokens.admin, 'settings.idleLock.save', { minutes }),
      ).rejects.toMatchObject({
        code: 'idle_lock_range',
        where: 'minutes',
        sentence: {
          zh: `闲置锁屏时间须为 1 到 240 之间的整数分钟（填写的是 ${minutes}）。`,
          en: `Idle lock must be a whole number of minutes from 1 to 240 (it is ${minutes}).`,
        },
      });
    }
    expect((await desk.call(tokens.admin, 'settings.idleLock.get', {})).value).toBe(20);
  });
});
