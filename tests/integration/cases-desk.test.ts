/**
 * Around the board, on a real demo file: duplicates within 50 m / 24 h, reporters' personal
 * data masked by role, attachments with checksums, sessions and the idle lock, and the work
 * calendar an admin edits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR_MS, fromWallClock } from '../../core/time';
import { aGrid, openCaseDesk, PASSWORD, signInDesk, type CaseDesk } from './cases-fixture';

let desk: CaseDesk;
let tokens: Awaited<ReturnType<typeof signInDesk>>;

beforeAll(async () => {
  desk = openCaseDesk('griddesk-intake-');
  tokens = await signInDesk(desk);
});
afterAll(() => desk.close());

describe('duplicates (50 m / 24 h, same category, open)', () => {
  it('warns about a report 30 m away, not one 80 m away or of another category', async () => {
    const grid = aGrid(desk.db);
    const created = await desk.call(tokens.zhang, 'cases.create', {
      source: 'grid_patrol',
      categoryCode: 'E0505',
      description: '机动车乱停放',
      point: { lng: grid.lng, lat: grid.lat, crs: 'WGS84' },
    });
    const metresEast = (m: number) =>
      grid.lng + m / (111_320 * Math.cos((grid.lat * Math.PI) / 180));
    const near = await desk.call(null, 'cases.duplicates', {
      categoryCode: 'E0505',
      point: { lng: metresEast(30), lat: grid.lat, crs: 'WGS84' },
    });
    expect(near.map((d) => d.id)).toContain(created.id);
    expect(near.find((d) => d.id === created.id)!.distanceM).toBeGreaterThanOrEqual(29);
    const far = await desk.call(null, 'cases.duplicates', {
      categoryCode: 'E0505',
      point: { lng: metresEast(80), lat: grid.lat, crs: 'WGS84' },
    });
    expect(far.map((d) => d.id)).not.toContain(created.id);
    const other = await desk.call(null, 'cases.duplicates', {
      categoryCode: 'E0102',
      point: { lng: metresEast(5), lat: grid.lat, crs: 'WGS84' },
    });
    expect(other.map((d) => d.id)).not.toContain(created.id);
    const later = await desk.call(null, 'cases.duplicates', {
      categoryCode: 'E0505',
      point: { lng: metresEast(10), lat: grid.lat, crs: 'WGS84' },
      reportedAt: desk.clock.now + 25 * HOUR_MS,
    });
    expect(later.map((d) => d.id)).not.toContain(created.id);
    const detail = await desk.call(null, 'cases.get', { id: created.id });
    expect(detail.gridCode).toBe(grid.code);
  });

  it('refuses a point outside every grid, and a place that does not exist', async () => {
    await expect(
      desk.call(tokens.zhang, 'cases.create', {
        source: 'grid_patrol',
        categoryCode: 'E0505',
        description: 'x',
        point: { lng: 100, lat: 30, crs: 'WGS84' },
      }),
    ).rejects.toMatchObject({ code: 'point_outside_grids', where: 'point' });
    await expect(
      desk.call(tokens.zhang, 'cases.create', {
        source: 'grid_patrol',
        categoryCode: 'E0505',
        description: 'x',
        placeCode: '990101999999999',
      }),
    ).rejects.toMatchObject({ code: 'unknown_place' });
    await expect(
      desk.call(tokens.zhang, 'cases.create', {
        source: 'grid_patrol',
        categoryCode: 'E9999',
        description: 'x',
        placeCode: aGrid(desk.db).code,
      }),
    ).rejects.toMatchObject({ code: 'unknown_category', where: 'categoryCode' });
    await expect(
      desk.call(tokens.zhang, 'cases.create', {
        source: 'grid_patrol',
        categoryCode: 'E0505',
        description: 'x',
        placeCode: aGrid(desk.db).code,
        reportedAt: desk.clock.now + HOUR_MS,
      }),
    ).rejects.toMatchObject({ code: 'impossible_time', where: 'reportedAt' });
  });
});

describe('personal data, attachments, sessions', () => {
  it('masks the reporter and phone for leaders and nobody-signed-in, not for operators', async () => {
    const created = await desk.call(tokens.zhang, 'cases.create', {
      source: 'hotline_12345',
      categoryCode: 'E0301',
      description: '夜间施工扰民',
      placeCode: aGrid(desk.db).code,
      reporter: '李晓红',
      phone: '139 1234 5678',
    });
    expect(await desk.call(tokens.zhang, 'cases.get', { id: created.id })).toMatchObject({
      reporter: '李晓红',
      phone: '13912345678',
      personalDataMasked: false,
    });
    expect(await desk.call(tokens.leader, 'cases.get', { id: created.id })).toMatchObject({
      reporter: '李**',
      phone: '139****5678',
      personalDataMasked: true,
    });
    expect(await desk.call(null, 'cases.get', { id: created.id })).toMatchObject({
      phone: '139****5678',
    });
  });

  it('stores an attachment in the database with its checksum and refuses a renamed file', async () => {
    const id = desk.db
      .prepare("SELECT id FROM cases WHERE state = 'in_progress' LIMIT 1")
      .pluck()
      .get() as number;
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a3d20000000049454e44ae426082',
      'hex',
    );
    const added = await desk.call(tokens.zhang, 'cases.attachments.add', {
      caseId: id,
      fileName: '现场.png',
      mimeType: 'image/png',
      contentBase64: png.toString('base64'),
    });
    expect(added).toMatchObject({
      fileName: '现场.png',
      sizeBytes: png.length,
      origin: 'local',
      addedBy: '张敏',
      inDatabase: true,
    });
    // Signed out (a wall display) the list shows, the bytes do not.
    await expect(desk.call(null, 'cases.attachments.get', { id: added.id })).rejects.toMatchObject({
      code: 'sign_in_required',
    });
    const read = await desk.call(tokens.leader, 'cases.attachments.get', { id: added.id });
    expect(read.checksumOk).toBe(true);
    expect(Buffer.from(read.dataBase64, 'base64').equals(png)).toBe(true);
    await expect(
      desk.call(tokens.zhang, 'cases.attachments.add', {
        caseId: id,
        fileName: 'x.jpg',
        mimeType: 'image/jpeg',
        contentBase64: Buffer.from('not a photo').toString('base64'),
      }),
    ).rejects.toMatchObject({ code: 'attachment_not_readable' });
    await expect(
      desk.call(null, 'cases.attachments.add', {
        caseId: id,
        fileName: '现场.png',
        mimeType: 'image/png',
        contentBase64: png.toString('base64'),
      }),
    ).rejects.toMatchObject({ code: 'sign_in_required' });
    expect((await desk.call(null, 'cases.get', { id })).attachments.map((a) => a.id)).toContain(
      added.id,
    );
  });

  it('locks and unlocks a session; a new password ends the other sessions', async () => {
    const token = (await desk
      .call(null, 'auth.signIn', { username: 'chenjing', password: 'wrong' })
      .catch((e) => e)) as { code: string };
    expect(token.code).toBe('wrong_credentials');
    const session = (
      await desk.call(null, 'auth.signIn', { username: 'liuyang', password: 'desk-pass-2026' })
    ).sessionToken!;
    expect(await desk.call(session, 'auth.status', {})).toMatchObject({
      user: { username: 'liuyang', role: 'operator' },
      locked: false,
      needsSetup: false,
    });
    await desk.call(session, 'auth.lock', {});
    expect(await desk.call(session, 'auth.status', {})).toMatchObject({
      locked: true,
      seesPersonalData: false,
    });
    const id = desk.db
      .prepare("SELECT id FROM cases WHERE state = 'reported' LIMIT 1")
      .pluck()
      .get() as number;
    await expect(
      desk.call(session, 'cases.move', { caseId: id, move: { kind: 'note', note: 'x' } }),
    ).rejects.toMatchObject({ code: 'session_locked' });
    await expect(desk.call(session, 'auth.unlock', { password: 'nope' })).rejects.toMatchObject({
      code: 'wrong_password',
    });
    await desk.call(session, 'auth.unlock', { password: 'desk-pass-2026' });
    await desk.call(session, 'cases.move', {
      caseId: id,
      move: { kind: 'note', note: '已电话联系' },
    });
    const users = await desk.call(tokens.admin, 'users.list', {});
    await desk.call(tokens.admin, 'users.setPassword', {
      id: users.find((u) => u.username === 'liuyang')!.id,
      password: 'another-pass-9',
    });
    expect((await desk.call(session, 'auth.status', {})).user).toBeNull();
    await expect(desk.call(tokens.zhang, 'users.list', {})).rejects.toMatchObject({
      code: 'role_not_allowed',
    });
    await expect(
      desk.call(null, 'auth.setupAdmin', { password: 'whatever-123' }),
    ).rejects.toMatchObject({ code: 'already_set_up' });
    const hash = desk.db
      .prepare("SELECT password_hash FROM users WHERE username = 'admin'")
      .pluck()
      .get() as string;
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
  });
});

describe('the work calendar, edited by an admin', () => {
  it('moves a working-day deadline when a day becomes a holiday, and refuses nonsense', async () => {
    // C0307 广告牌匾: 3 working days. Registered Wed 2 Dec 2026 10:00 → Mon 7 Dec 10:00.
    desk.clock.now = fromWallClock(2026, 12, 2, 10);
    // Eleven days on, yesterday's sessions have long ended: sign in again.
    const signIn = async (username: string) =>
      (await desk.call(null, 'auth.signIn', { username, password: PASSWORD })).sessionToken!;
    expect((await desk.call(tokens.zhang, 'auth.status', {})).user).toBeNull();
    tokens = { ...tokens, zhang: await signIn('zhangmin'), admin: await signIn('admin') };
    const grid = aGrid(desk.db);
    const first = await desk.call(tokens.zhang, 'cases.create', {
      source: 'grid_patrol',
      categoryCode: 'C0307',
      description: '牌匾松动',
      placeCode: grid.code,
    });
    expect((await desk.call(null, 'cases.get', { id: first.id })).dueAt).toBe(
      fromWallClock(2026, 12, 7, 10),
    );
    await desk.call(tokens.admin, 'calendar.setDay', {
      day: '2026-12-04',
      kind: 'holiday',
      name: '测试假日',
    });
    const second = await desk.call(tokens.zhang, 'cases.create', {
      source: 'grid_patrol',
      categoryCode: 'C0307',
      description: '牌匾松动',
      placeCode: grid.code,
    });
    expect((await desk.call(null, 'cases.get', { id: second.id })).dueAt).toBe(
      fromWallClock(2026, 12, 8, 10),
    );
    // The earlier case keeps its deadline.
    expect((await desk.call(null, 'cases.get', { id: first.id })).dueAt).toBe(
      fromWallClock(2026, 12, 7, 10),
    );
    await expect(
      desk.call(tokens.admin, 'calendar.setDay', { day: '2026-12-03', kind: 'workday', name: 'x' }),
    ).rejects.toMatchObject({ code: 'workday_on_weekday' });
    await expect(
      desk.call(tokens.admin, 'calendar.setDay', { day: '2026-02-30', kind: 'holiday', name: 'x' }),
    ).rejects.toMatchObject({ code: 'invalid_input', where: 'day' });
    await expect(
      desk.call(tokens.zhang, 'calendar.setDay', { day: '2026-12-05', kind: 'holiday', name: 'x' }),
    ).rejects.toMatchObject({ code: 'role_not_allowed' });
    const year = await desk.call(tokens.admin, 'calendar.removeDay', { day: '2026-12-04' });
    expect(year.days.find((d) => d.day === '2026-12-04')).toBeUndefined();
    expect(year.years.map((y) => y.year)).toEqual([2025, 2026, 2027]);
  });
});
