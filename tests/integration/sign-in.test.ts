/**
 * Sign-in hardening (issue 10): wrong passwords are throttled per account and address, every
 * attempt is audited, an administrator can lift a lock, and new passwords follow the rule.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MINUTE_MS, fromWallClock } from '../../core/time';
import { startHost } from '../../host/server';
import { openCaseDesk, signInDesk } from './cases-fixture';
import {
  ADMIN_PASSWORD,
  OPERATOR_PASSWORD,
  openSignInDesk,
  serveDesk,
  type SignInDesk,
} from './sign-in-fixture';

const NOW = fromWallClock(2026, 11, 21, 14, 20, 10); // Sat 21 Nov 2026 14:20:10 Shanghai
let desk: SignInDesk;
afterEach(() => desk?.close());

const wrong = (n: number) => ({ username: 'zhangmin', password: `not-it-${n}-guess` });
const right = { username: 'zhangmin', password: OPERATOR_PASSWORD };

describe('sign-in through invoke()', () => {
  it('refuses an account for 15 minutes after 5 wrong passwords, even with the right one', async () => {
    desk = await openSignInDesk(NOW);
    for (let n = 1; n <= 4; n += 1) {
      const refused = await desk.refusal(null, 'auth.signIn', wrong(n));
      expect(refused.code).toBe('wrong_credentials');
      desk.clock.now += 10_000;
    }
    // The fifth wrong password, at 14:20:50: locked until 14:35:50, "after 14:36".
    const fifth = await desk.refusal(null, 'auth.signIn', wrong(5));
    expect(fifth.code).toBe('sign_in_locked');
    expect(fifth.message.zh).toContain('请于 14:36 后再试');
    expect(fifth.message.en).toContain('try again after 14:36 (Beijing time)');
    expect(fifth.where).toBe('password');

    desk.clock.now += MINUTE_MS;
    const sixth = await desk.refusal(null, 'auth.signIn', right);
    expect(sixth.code).toBe('sign_in_locked');
    expect(sixth.message.zh).toContain('请于 14:36 后再试');
    // The username as typed in another case is the same account.
    expect((await desk.refusal(null, 'auth.signIn', { ...right, username: 'ZhangMin' })).code).toBe(
      'sign_in_locked',
    );

    // From another address the account is not locked (the lock is per address).
    const elsewhere = await desk.call(null, 'auth.signIn', right, '10.0.0.7');
    expect(elsewhere.user.username).toBe('zhangmin');

    // At 14:35:50 the lock is over; the right password signs in and restarts the count.
    desk.clock.now = NOW + 40_000 + 15 * MINUTE_MS;
    expect((await desk.call(null, 'auth.signIn', right)).user.username).toBe('zhangmin');
    for (let n = 1; n <= 4; n += 1) {
      expect((await desk.refusal(null, 'auth.signIn', wrong(n))).code).toBe('wrong_credentials');
    }
    expect((await desk.call(null, 'auth.signIn', right)).user.username).toBe('zhangmin');

    // Every attempt is in the audit log, with the account and where it came from.
    const actions = desk.audit().map((row) => row.action);
    expect(actions.filter((a) => a === 'auth.signIn.failed')).toHaveLength(9);
    expect(actions.filter((a) => a === 'auth.signIn.lockedOut')).toHaveLength(1);
    expect(actions.filter((a) => a === 'auth.signIn.refused')).toHaveLength(2);
    expect(actions.filter((a) => a === 'auth.signIn')).toHaveLength(3);
    const [lockedOut] = desk.audit('auth.signIn.lockedOut');
    expect(lockedOut!.detail).toMatchObject({
      account: 'zhangmin',
      address: 'local',
      lockedUntil: NOW + 40_000 + 15 * MINUTE_MS,
    });
    expect(desk.audit('auth.signIn').map((row) => row.detail.address)).toEqual([
      '10.0.0.7',
      'local',
      'local',
    ]);
    // The failures the success followed are still there: nothing is erased.
    expect(desk.audit('auth.signIn.failed')[0]!.at).toBe(NOW);
  });

  it('throttles usernames that do not exist the same way, so guessing names learns nothing', async () => {
    desk = await openSignInDesk(NOW);
    const codes: string[] = [];
    for (let n = 1; n <= 6; n += 1) {
      codes.push(
        (await desk.refusal(null, 'auth.signIn', { username: 'nobody', password: `x-${n}-guess!` }))
          .code,
      );
    }
    expect(codes).toEqual([
      'wrong_credentials',
      'wrong_credentials',
      'wrong_credentials',
      'wrong_credentials',
      'sign_in_locked',
      'sign_in_locked',
    ]);
    expect(desk.audit('auth.signIn.failed')[0]!.detail).toMatchObject({
      account: 'nobody',
      userId: null,
    });
  });

  it('throttles the idle-lock unlock with the same count, and an admin can lift the lock', async () => {
    desk = await openSignInDesk(NOW);
    const session = (await desk.call(null, 'auth.signIn', right)).sessionToken as string;
    await desk.call(session, 'auth.lock', {});
    const codes: string[] = [];
    for (let n = 1; n <= 5; n += 1) {
      codes.push(
        (await desk.refusal(session, 'auth.unlock', { password: `nope-${n}-guess` })).code,
      );
    }
    expect(codes).toEqual([
      'wrong_password',
      'wrong_password',
      'wrong_password',
      'wrong_password',
      'sign_in_locked',
    ]);
    const refused = await desk.refusal(session, 'auth.unlock', { password: OPERATOR_PASSWORD });
    expect(refused.code).toBe('sign_in_locked');
    expect(refused.message.zh).toContain('请于 14:36 后再试');
    // "Sign in as someone else" as the same account is refused too: one count for both.
    expect((await desk.refusal(null, 'auth.signIn', right)).code).toBe('sign_in_locked');
    expect((await desk.call(session, 'auth.status', {})).locked).toBe(true);
    expect(desk.audit('auth.unlock.failed')).toHaveLength(5);
    expect(desk.audit('auth.unlock.lockedOut')[0]!.detail).toMatchObject({ account: 'zhangmin' });
    expect(desk.audit('auth.unlock.refused')).toHaveLength(1);

    // Only an administrator may lift it.
    const operator = (await desk.call(null, 'auth.signIn', right, '10.0.0.7')).sessionToken!;
    expect(
      (await desk.refusal(operator, 'users.clearSignInLock', { username: 'zhangmin' })).code,
    ).toBe('role_not_allowed');
    expect((await desk.refusal(null, 'users.clearSignInLock', { username: 'zhangmin' })).code).toBe(
      'sign_in_required',
    );
    const lockedOf = async () =>
      (await desk.call(desk.adminToken, 'users.list', {})).find((u) => u.username === 'zhangmin')!
        .signInLockedUntil;
    expect(await lockedOf()).toBe(NOW + 15 * MINUTE_MS);
    const cleared = await desk.call(desk.adminToken, 'users.clearSignInLock', {
      username: 'zhangmin',
    });
    expect(cleared).toEqual({
      username: 'zhangmin',
      wasLocked: [{ address: 'local', lockedUntil: NOW + 15 * MINUTE_MS }],
    });
    expect(await lockedOf()).toBeNull();
    expect(
      (await desk.call(session, 'auth.unlock', { password: OPERATOR_PASSWORD })).user,
    ).toMatchObject({
      username: 'zhangmin',
    });
    expect(desk.audit('auth.signInLock.cleared')[0]).toMatchObject({
      actor: '系统管理员',
      detail: { account: 'zhangmin', wasLocked: [{ address: 'local' }] },
    });
    expect(desk.audit('auth.unlock')).toHaveLength(1);
  });
});

describe('sign-in through the real host over 127.0.0.1', () => {
  it('answers the sixth guess with HTTP 429 and the sentence saying until when', async () => {
    desk = await openSignInDesk(NOW);
    const served = await serveDesk(desk);
    try {
      const statuses: number[] = [];
      for (let n = 1; n <= 5; n += 1)
        statuses.push((await served.call('auth.signIn', wrong(n))).status);
      expect(statuses).toEqual([400, 400, 400, 400, 429]);
      const sixth = await served.call('auth.signIn', right);
      expect(sixth.status).toBe(429);
      expect(sixth.body.ok).toBe(false);
      expect(sixth.body.error!.code).toBe('sign_in_locked');
      expect(sixth.body.error!.message.zh).toContain('请于 14:36 后再试');
      expect(JSON.stringify(sixth.body)).not.toMatch(/at .*\.ts:\d+/);
      // The socket's address is what is counted and written.
      expect(desk.audit('auth.signIn.failed').map((row) => row.detail.address)).toEqual(
        Array(5).fill('127.0.0.1'),
      );
      // The desktop window (IPC, 'local') is another address and still signs in.
      expect((await desk.call(null, 'auth.signIn', right, 'local')).user.username).toBe('zhangmin');

      // Unlock over HTTP: its own session, throttled the same; cleared by the admin over HTTP.
      desk.clock.now += 16 * MINUTE_MS;
      const session = (await served.call('auth.signIn', right)).body.result.sessionToken as string;
      await served.call('auth.lock', {}, session);
      const unlocks: number[] = [];
      for (let n = 1; n <= 6; n += 1) {
        const password = n === 6 ? OPERATOR_PASSWORD : `nope-${n}-guess`;
        unlocks.push((await served.call('auth.unlock', { password }, session)).status);
      }
      expect(unlocks).toEqual([400, 400, 400, 400, 429, 429]);
      const admin = (
        await served.call('auth.signIn', { username: 'admin', password: ADMIN_PASSWORD })
      ).body.result.sessionToken as string;
      const cleared = await served.call('users.clearSignInLock', { username: 'zhangmin' }, admin);
      expect(cleared.status).toBe(200);
      expect(cleared.body.result.wasLocked).toEqual([
        { address: '127.0.0.1', lockedUntil: desk.clock.now + 15 * MINUTE_MS },
      ]);
      expect(
        (await served.call('auth.unlock', { password: OPERATOR_PASSWORD }, session)).status,
      ).toBe(200);
    } finally {
      await served.host.close();
    }
  });
});

describe('the rule for new passwords, through the API', () => {
  it('refuses short, common and username passwords in setup, create and set-password', async () => {
    desk = await openSignInDesk(NOW);
    const { adminToken } = desk;
    const create = (username: string, password: string) =>
      desk.refusal(adminToken, 'users.create', {
        username,
        displayName: '李四',
        role: 'operator',
        password,
      });
    const short = await create('li4', 'abc-12345');
    expect(short).toMatchObject({ code: 'weak_password', where: 'password' });
    expect(short.message.zh).toContain('至少需要 10 个字符');
    for (const common of [
      'password1234',
      'Admin123456',
      'woaini1314',
      'qwertyuiop',
      '1qaz2wsx3edc',
    ]) {
      expect((await create('li4', common)).message.zh, common).toContain('最常见的密码');
    }
    expect((await create('li4', 'li4-is-my-name')).message.zh).toContain('不能包含用户名 li4');
    const users = await desk.call(adminToken, 'users.list', {});
    const zhang = users.find((u) => u.username === 'zhangmin')!;
    expect(
      (
        await desk.refusal(adminToken, 'users.setPassword', {
          id: zhang.id,
          password: 'ZHANGMIN-2026',
        })
      ).message.en,
    ).toContain('cannot contain the username zhangmin');
    expect(users.map((u) => u.username)).not.toContain('li4');
    await desk.call(adminToken, 'users.create', {
      username: 'li4',
      displayName: '李四',
      role: 'operator',
      password: 'green-lantern-47',
    });
  });

  it('refuses admin123 and password at first-run setup', async () => {
    desk = await openSignInDesk(NOW);
    // A second database, still without an administrator.
    const fresh = await import('../../db/bootstrap');
    const { db } = fresh.openOrCreateDatabase(path.join(desk.dir, 'first.sqlite'), {
      appVersion: 'test',
      now: NOW,
      demoWhenNew: false,
    });
    try {
      const { invoke } = await import('../../api/invoke');
      const context = { ...desk.base, db, address: 'local' };
      for (const password of ['admin123', 'password', 'admin1234567']) {
        await expect(invoke(context, 'auth.setupAdmin', { password })).rejects.toMatchObject({
          code: 'weak_password',
        });
      }
      expect(db.prepare('SELECT count(*) FROM users').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});

describe('griddesk user unlock-signin', () => {
  it('lifts a lock made by five wrong passwords, and says where it was', async () => {
    desk = await openSignInDesk(() => Date.now());
    for (let n = 1; n <= 5; n += 1) await desk.refusal(null, 'auth.signIn', wrong(n), '127.0.0.1');
    expect((await desk.refusal(null, 'auth.signIn', right, '127.0.0.1')).code).toBe(
      'sign_in_locked',
    );
    const root = path.resolve(import.meta.dirname, '../..');
    const griddesk = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(root, 'bin/griddesk.mjs'), ...args], {
        encoding: 'utf8',
        env: { ...process.env, LANG: 'en_US.UTF-8' },
      });
    const list = griddesk('user', 'list', '--db', desk.file);
    expect(list.status, list.stderr).toBe(0);
    expect(list.stdout).toMatch(
      /zhangmin .*sign-in locked until \d{4}-\d\d-\d\d \d\d:\d\d Beijing time/,
    );
    expect(list.stdout).not.toMatch(/admin .*locked/);
    const cli = griddesk('user', 'unlock-signin', 'zhangmin', '--db', desk.file);
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(
      /Lifted the lock of zhangmin at 127\.0\.0\.1 \(it ran until \d{4}-\d\d-\d\d \d\d:\d\d Beijing time\)/,
    );
    expect((await desk.call(null, 'auth.signIn', right, '127.0.0.1')).user.username).toBe(
      'zhangmin',
    );
    expect(desk.audit('auth.signInLock.cleared')[0]).toMatchObject({ actor: '系统' });
  });
});

describe('an attachment over the real host', () => {
  it('lists for a signed-out wall display, but its bytes need a sign-in', async () => {
    const cases = openCaseDesk('griddesk-sign-in-attachment-');
    const host = await startHost({
      context: cases.base,
      port: 0,
      rendererDir: cases.dir,
      log: () => {},
    });
    try {
      const tokens = await signInDesk(cases);
      const caseId = cases.db
        .prepare("SELECT id FROM cases WHERE state = 'in_progress' LIMIT 1")
        .pluck()
        .get() as number;
      const pdf = Buffer.from('%PDF-1.4\n% 身份证复印件\n%%EOF\n');
      const added = await cases.call(tokens.zhang, 'cases.attachments.add', {
        caseId,
        fileName: '身份证.pdf',
        mimeType: 'application/pdf',
        contentBase64: pdf.toString('base64'),
      });
      const post = async (method: string, input: unknown, session?: string) => {
        const response = await fetch(`http://127.0.0.1:${host.port}/api/call/${method}`, {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${host.token}`,
            ...(session ? { 'X-GridDesk-Session': session } : {}),
          },
          body: JSON.stringify(input),
        });
        return { status: response.status, text: await response.text() };
      };
      const detail = await post('cases.get', { id: caseId });
      expect(detail.status).toBe(200);
      expect(detail.text).toContain('身份证.pdf');
      const signedOut = await post('cases.attachments.get', { id: added.id });
      expect(signedOut.status).toBe(400);
      expect(JSON.parse(signedOut.text).error.code).toBe('sign_in_required');
      expect(signedOut.text).not.toContain(pdf.toString('base64'));
      const signedIn = await post('cases.attachments.get', { id: added.id }, tokens.leader);
      expect(signedIn.status).toBe(200);
      expect(JSON.parse(signedIn.text).result.dataBase64).toBe(pdf.toString('base64'));
    } finally {
      await host.close();
      cases.close();
    }
  });
});
