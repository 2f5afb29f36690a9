/**
 * Seat mode (issue 13) against a real HTTPS host on 127.0.0.2 with several signed-in
 * clients, each from its own loopback address: nothing without a session, wrong Host, the
 * race of two seats on one case, sign-in throttling, display keys, expired sessions, the
 * paths a remote seat may touch, and the seat recorded on each event.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_STATE_ZH } from '../../core/glossary';
import { isoWeekOf } from '../../core/ranking/periods';
import { verifyHistoryChain } from '../../db/queries/history-chain';
import { openSeatDesk, PASSWORDS, SEAT_ADDRESS, type SeatDesk } from './seat-fixture';

let desk: SeatDesk;
let admin: string;
let wang: string;
let li: string;
const WANG_AT = '127.0.0.3';
const LI_AT = '127.0.0.4';

beforeAll(async () => {
  desk = await openSeatDesk();
  admin = await desk.signIn('admin', '127.0.0.5');
  wang = await desk.signIn('wangfang', WANG_AT);
  li = await desk.signIn('lijun', LI_AT);
}, 60_000);
afterAll(async () => desk?.close());

const inProgressCase = (skip = 0) =>
  desk.db
    .prepare("SELECT id FROM cases WHERE state = 'in_progress' ORDER BY id LIMIT 1 OFFSET ?")
    .pluck()
    .get(skip) as number;

describe('seat mode: HTTPS, sessions and the Host header', () => {
  it('serves https on the given address, and nothing reaches the store without a session', async () => {
    expect(desk.host.url).toBe(`https://${SEAT_ADDRESS}:${desk.host.port}/`);
    expect(desk.host.token).toBe('');
    for (const method of ['overview.counts', 'cases.board', 'cases.move', 'users.list']) {
      const answer = await desk.call(method, {});
      expect(answer.status, method).toBe(401);
      expect(answer.body.error!.code).toBe('sign_in_required');
    }
    // Not even with browser mode's token, or a made-up session.
    const forged = await desk.call('overview.counts', {}, { session: 'x'.repeat(43) });
    expect(forged.status).toBe(401);
    const live = await desk.live({});
    expect(live.status).toBe(401);
    const upload = await desk.request({ method: 'PUT', path: '/api/upload?name=a.csv', body: 'x' });
    expect(upload.status).toBe(401);
    // auth.status and auth.signIn are the only doors.
    const status = await desk.call('auth.status', {});
    expect(status.status).toBe(200);
    expect(status.body.result.user).toBeNull();
  });

  it('answers a signed-in seat, and the live stream with the session header', async () => {
    const counts = await desk.call('overview.counts', {}, { session: wang, from: WANG_AT });
    expect(counts.status).toBe(200);
    const me = await desk.call('auth.status', {}, { session: wang, from: WANG_AT });
    expect(me.body.result.user.username).toBe('wangfang');
    const live = await desk.live({ session: wang, from: WANG_AT });
    expect(live.status).toBe(200);
    live.close();
  });

  it('refuses a Host header other than the served address (DNS rebinding)', async () => {
    for (const host of [
      'evil.example:443',
      `localhost:${desk.host.port}`,
      `127.0.0.1:${desk.host.port}`,
    ]) {
      const answer = await desk.request({ path: '/api/call/auth.status', host, body: '{}' });
      expect(answer.status, host).toBe(421);
    }
  });

  it('keeps first-run setup off the network', async () => {
    const answer = await desk.call('auth.setupAdmin', { password: 'another-admin-2026' });
    expect(answer.status).toBe(403);
    expect(answer.body.error!.code).toBe('setup_on_host_only');
  });

  it('sets the tile cookie Secure, HttpOnly and SameSite=Strict, for /tiles/ only', async () => {
    const answer = await desk.call('auth.signIn', {
      username: 'zhaolei',
      password: PASSWORDS.zhaolei,
    });
    const cookie = String(answer.headers['set-cookie']);
    expect(cookie).toMatch(/Path=\/tiles\//);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
  });
});

describe('two seats racing the same move', () => {
  it('gives one success and, to the other, a sentence naming who moved the case and when', async () => {
    const caseId = inProgressCase();
    const move = (session: string, from: string, result: string) =>
      desk.call(
        'cases.move',
        { caseId, expectedState: 'in_progress', move: { kind: 'handle', result } },
        { session, from },
      );
    const answers = await Promise.all([
      move(wang, WANG_AT, '王芳：已清理'),
      move(li, LI_AT, '李军：已清理'),
    ]);
    const won = answers.filter((a) => a.status === 200);
    const lost = answers.filter((a) => a.status !== 200);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.status).toBe(400);
    expect(lost[0]!.body.error!.code).toBe('case_changed');
    const winner =
      answers[0]!.status === 200 ? { name: '王芳', at: WANG_AT } : { name: '李军', at: LI_AT };
    const sentence = lost[0]!.body.error!.message.zh;
    expect(sentence).toContain(winner.name);
    expect(sentence).toContain(winner.at);
    expect(sentence).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(sentence).toContain(`「${CASE_STATE_ZH.handled}」`);
    // Exactly one handle event was written, recorded with the winner's seat.
    const events = desk.db
      .prepare(
        `SELECT e.actor_name AS name, s.address, s.client FROM case_events e
           JOIN sessions s ON s.id = e.session_id WHERE e.case_id = ? AND e.kind = 'handle'`,
      )
      .all(caseId) as { name: string; address: string; client: string }[];
    expect(events).toEqual([{ name: winner.name, address: winner.at, client: 'browser' }]);
    // The seat is part of the chained history: the whole chain still checks out.
    expect(verifyHistoryChain(desk.db).brokenCases).toBe(0);
  });

  it("reaches every seat's live stream within a second of the commit", async () => {
    const streams = await Promise.all([
      desk.live({ session: wang, from: WANG_AT }),
      desk.live({ session: li, from: LI_AT }),
      desk.live({ session: admin, from: '127.0.0.5' }),
    ]);
    const caseId = inProgressCase();
    const waits = streams.map((s) =>
      s.next((e) => e.type === 'cases.changed' && (e.caseIds ?? []).includes(caseId)),
    );
    const sentAt = Date.now();
    const answer = await desk.call(
      'cases.move',
      { caseId, expectedState: 'in_progress', move: { kind: 'note', note: '电话已联系' } },
      { session: wang, from: WANG_AT },
    );
    expect(answer.status).toBe(200);
    for (const got of await Promise.all(waits)) expect(got.receivedAt - sentAt).toBeLessThan(1000);
    for (const s of streams) s.close();
  });
});

describe('sign-in throttling for seats', () => {
  it('refuses an account with HTTP 429 after 5 wrong passwords from one address, until an admin clears it', async () => {
    const from = '127.0.0.9';
    const wrong = [];
    for (let i = 0; i < 5; i++)
      wrong.push(
        (
          await desk.call(
            'auth.signIn',
            { username: 'lijun', password: `wrong-guess-${i}` },
            { from },
          )
        ).status,
      );
    // The fifth wrong password brings the lock: it is answered 429 already.
    expect(wrong).toEqual([400, 400, 400, 400, 429]);
    const locked = await desk.call(
      'auth.signIn',
      { username: 'lijun', password: PASSWORDS.lijun },
      { from },
    );
    expect(locked.status).toBe(429);
    expect(locked.body.error!.message.zh).toMatch(/\d{2}:\d{2}/);
    // Another address is not refused for it.
    const elsewhere = await desk.call(
      'auth.signIn',
      { username: 'lijun', password: PASSWORDS.lijun },
      { from: '127.0.0.10' },
    );
    expect(elsewhere.status).toBe(200);
    const cleared = await desk.call(
      'users.clearSignInLock',
      { username: 'lijun' },
      { session: admin, from: '127.0.0.5' },
    );
    expect(cleared.status).toBe(200);
    expect(cleared.body.result.wasLocked.map((l: { address: string }) => l.address)).toContain(
      from,
    );
    const again = await desk.call(
      'auth.signIn',
      { username: 'lijun', password: PASSWORDS.lijun },
      { from },
    );
    expect(again.status).toBe(200);
  });
});

describe('wall displays', () => {
  it('reads the overview, board, map and meeting with a display key, masked, and writes nothing', async () => {
    const created = await desk.call(
      'displayKeys.create',
      { name: '指挥大厅大屏' },
      { session: admin, from: '127.0.0.5' },
    );
    expect(created.status).toBe(200);
    const key = created.body.result.key as string;
    expect(created.body.result.link).toBe(`${desk.host.url}?display=${key}#/`);
    const display = { display: key, from: '127.0.0.20' };
    const { isoYear, week } = isoWeekOf(Date.now());
    const thisWeek = `${isoYear}-W${String(week).padStart(2, '0')}`;
    for (const [method, input] of [
      ['overview.counts', {}],
      ['cases.board', {}],
      ['map.casePoints', {}],
      ['weekly.agenda', { week: thisWeek }],
    ] as const) {
      const answer = await desk.call(method, input, display);
      expect(answer.status, `${method}: ${answer.body.error?.message.en}`).toBe(200);
    }
    // No whole phone number reaches the display, on the board or the meeting's agenda.
    const board = await desk.call('cases.board', {}, display);
    expect(board.body.result.columns.length).toBeGreaterThan(0);
    const agenda = await desk.call('weekly.agenda', { week: thisWeek }, display);
    expect(JSON.stringify([board.body, agenda.body])).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
    const status = await desk.call('auth.status', {}, display);
    expect(status.body.result.seesPersonalData).toBe(false);
    // A case's detail: no resident's number in its free text, no attachments, no moves.
    const caseId = inProgressCase();
    desk.db
      .prepare('UPDATE cases SET description = ? WHERE id = ?')
      .run('张先生 13812345678 反映楼道堆物，身份证 11010519491231002X', caseId);
    const detail = await desk.call('cases.get', { id: caseId }, display);
    expect(detail.status).toBe(200);
    expect(detail.body.result.description).toContain('138****5678');
    expect(JSON.stringify(detail.body)).not.toMatch(/13812345678|11010519491231002X/);
    expect(detail.body.result.attachments).toEqual([]);
    expect(detail.body.result.moves).toEqual([]);
    const operatorView = await desk.call(
      'cases.get',
      { id: caseId },
      { session: wang, from: WANG_AT },
    );
    expect(operatorView.body.result.description).toContain('13812345678');
    // Writes and everything outside the four views are refused in a sentence.
    for (const [method, input] of [
      ['cases.move', { caseId, move: { kind: 'note', note: 'x' } }],
      ['users.list', {}],
      ['exchange.export', { out: '/tmp/x/' }],
    ] as const) {
      const answer = await desk.call(method, input, display);
      expect(answer.status, method).toBe(403);
      expect(answer.body.error!.code).toBe('display_read_only');
    }
    const stream = await desk.live(display);
    expect(stream.status).toBe(200);
    // Revoked: the key opens nothing, the open stream ends at its next check.
    const revoked = await desk.call(
      'displayKeys.revoke',
      { id: created.body.result.row.id },
      { session: admin, from: '127.0.0.5' },
    );
    expect(revoked.body.result.revokedAt).not.toBeNull();
    const after = await desk.call('overview.counts', {}, display);
    expect(after.status).toBe(401);
    expect(after.body.error!.code).toBe('display_key_unknown');
    stream.close();
  });
});

describe('sessions that end', () => {
  it('answers 401 once a session has been idle past its time, or signed out', async () => {
    const token = await desk.signIn('zhaolei', '127.0.0.30');
    expect((await desk.call('overview.counts', {}, { session: token })).status).toBe(200);
    desk.clock.offset = 13 * 3_600_000;
    try {
      const expired = await desk.call('overview.counts', {}, { session: token });
      expect(expired.status).toBe(401);
    } finally {
      desk.clock.offset = 0;
    }
    const other = await desk.signIn('zhaolei', '127.0.0.30');
    await desk.call('auth.signOut', {}, { session: other });
    expect((await desk.call('overview.counts', {}, { session: other })).status).toBe(401);
  });
});

describe('paths from a seat on another machine', () => {
  it('reads only its own uploads and the exchange folders, and writes only into those folders', async () => {
    const exchange = path.join(desk.dir, 'exchange');
    fs.mkdirSync(exchange);
    const inFolder = path.join(exchange, 'cases.csv');
    fs.copyFileSync(
      path.resolve(import.meta.dirname, '../../../shared/samples/cases-sample-gbk.csv'),
      inFolder,
    );
    const saved = await desk.call(
      'seats.settings.save',
      { enabled: false, address: SEAT_ADDRESS, port: 8443, exchangeFolders: [exchange] },
      { session: admin, from: '127.0.0.5' },
    );
    expect(saved.status, saved.body.error?.message.en).toBe(200);
    const auth = { session: admin, from: '127.0.0.5' };
    const outside = path.join(desk.dir, 'elsewhere.csv');
    fs.copyFileSync(inFolder, outside);
    for (const p of ['/etc/passwd', outside, desk.file]) {
      const answer = await desk.call('exchange.preview', { path: p }, auth);
      expect(answer.status, p).toBe(400);
      expect(answer.body.error!.code).toBe('seat_path_refused');
    }
    expect((await desk.call('exchange.preview', { path: inFolder }, auth)).status).toBe(200);
    // Its own upload, streamed (no 700 KB limit): readable by it, not by another seat.
    const big = Buffer.concat([fs.readFileSync(inFolder), Buffer.alloc(0)]);
    const uploaded = await desk.request({
      method: 'PUT',
      path: '/api/upload?name=cases.csv',
      headers: { 'X-GridDesk-Session': admin },
      from: '127.0.0.5',
      body: big,
    });
    expect(uploaded.status, uploaded.body.error?.message.en).toBe(200);
    const own = uploaded.body.result.path as string;
    expect(uploaded.body.result.bytes).toBe(big.length);
    expect((await desk.call('exchange.preview', { path: own }, auth)).status).toBe(200);
    const otherAdmin = await desk.signIn('admin', '127.0.0.6');
    const theirs = await desk.call(
      'exchange.preview',
      { path: own },
      { session: otherAdmin, from: '127.0.0.6' },
    );
    expect(theirs.body.error?.code).toBe('seat_path_refused');
    // Writing: an export outside the folders is refused, inside it is made.
    const refusedOut = await desk.call(
      'exchange.export',
      { kind: 'cases', out: path.join(desk.dir, 'out') + path.sep, writeEmpty: true },
      auth,
    );
    expect(refusedOut.body.error?.code).toBe('seat_path_refused');
    const madeOut = await desk.call(
      'exchange.export',
      { kind: 'cases', out: path.join(exchange, 'out') + path.sep, writeEmpty: true },
      auth,
    );
    expect(madeOut.status, madeOut.body.error?.message.en).toBe(200);
  });

  it('streams an upload past the 700 KB of exchange.upload', async () => {
    const bytes = Buffer.alloc(3 * 1024 * 1024, 'a');
    const uploaded = await desk.request({
      method: 'PUT',
      path: '/api/upload?name=big.csv',
      headers: { 'X-GridDesk-Session': admin },
      from: '127.0.0.5',
      body: bytes,
    });
    expect(uploaded.status).toBe(200);
    expect(fs.statSync(uploaded.body.result.path).size).toBe(bytes.length);
    // An operator may not upload (exchange is the admin's).
    const refused = await desk.request({
      method: 'PUT',
      path: '/api/upload?name=x.csv',
      headers: { 'X-GridDesk-Session': wang },
      from: WANG_AT,
      body: 'x',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error!.code).toBe('role_not_allowed');
  });
});

describe('the seats connected now', () => {
  it('lists each signed-in seat with its user, address and kind of client', async () => {
    await desk.call('overview.counts', {}, { session: wang, from: WANG_AT });
    const status = await desk.call('seats.status', {}, { session: admin, from: '127.0.0.5' });
    expect(status.status).toBe(200);
    const seats = status.body.result.connected as {
      name: string;
      address: string;
      client: string;
    }[];
    expect(seats).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: '王芳', address: WANG_AT, client: 'browser' }),
        expect.objectContaining({ role: 'admin', address: '127.0.0.5', client: 'browser' }),
      ]),
    );
    // Only an admin sees it.
    expect((await desk.call('seats.status', {}, { session: wang, from: WANG_AT })).status).toBe(
      400,
    );
  });
});
