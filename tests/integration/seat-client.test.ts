/**
 * The joined desktop seat's way to the centre's host (electron/seat-client.ts) and the desktop
 * app's seat switch (host/seat-host-control.ts), against real HTTPS hosts on 127.0.0.2:
 * the fingerprint shown before joining, calls and the live stream with the session, a
 * changed certificate refused before anything is sent, a lost host said in a sentence; a
 * joined app's windows forwarded with their own sessions (electron/seat-forwarder.ts); the
 * switch starting, keeping, refusing (an address not this machine's) and stopping a host.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { LiveEvent } from '../../api/contract';
import { SeatRegistry } from '../../api/seats/seat-registry';
import { invoke } from '../../api/invoke';
import { writeMbtiles } from '../fixtures/mbtiles';
import { probeSeatHost, SeatClient, seatHostUrl } from '../../electron/seat-client';
import { createSeatHostControl } from '../../host/seat-host-control';
import { createSeatForwarder } from '../../electron/seat-forwarder';
import { openSeatDesk, PASSWORDS, SEAT_ADDRESS, type SeatDesk } from './seat-fixture';

let desk: SeatDesk;
let client: SeatClient;

beforeAll(async () => {
  desk = await openSeatDesk('griddesk-seat-client-');
  client = new SeatClient({ url: desk.host.url, fingerprint: desk.host.fingerprint! });
}, 60_000);
afterAll(async () => desk?.close());

async function signIn(username: keyof typeof PASSWORDS): Promise<string> {
  const reply = await client.call('auth.signIn', { username, password: PASSWORDS[username] }, null);
  if (!reply.ok) throw new Error(reply.error.message.en);
  return (reply.result as { sessionToken: string }).sessionToken;
}

describe('a joined seat reaches the host', () => {
  it('reads a typed address as the host URL, or says what is wrong with it', () => {
    expect(String(seatHostUrl('192.168.1.20'))).toBe('https://192.168.1.20:8443/');
    expect(String(seatHostUrl(' https://10.0.0.5:9443/x?y#z '))).toBe('https://10.0.0.5:9443/');
    const plain = seatHostUrl('http://10.0.0.5:8443');
    expect(plain).not.toBeInstanceOf(URL);
    expect((plain as { zh: string }).zh).toContain('HTTPS');
    expect(seatHostUrl('a b')).not.toBeInstanceOf(URL);
  });

  it('shows the fingerprint of the certificate before joining', async () => {
    const probed = await probeSeatHost(new URL(desk.host.url));
    expect(probed).toEqual({ fingerprint: desk.host.fingerprint });
  });

  it('calls the API with its session, and the host records it as the app', async () => {
    const before = await client.call('overview.counts', {}, null);
    expect(before.ok).toBe(false);
    expect(!before.ok && before.error.code).toBe('sign_in_required');
    const session = await signIn('wangfang');
    const counts = await client.call('overview.counts', {}, session);
    expect(counts.ok).toBe(true);
    // The session just made (the newest) is the app's, from the address it came from.
    const row = desk.db
      .prepare(
        'SELECT s.client, s.address, u.username FROM sessions s JOIN users u ON u.id = s.user_id ORDER BY s.id DESC LIMIT 1',
      )
      .get() as { client: string; address: string; username: string };
    expect(row).toEqual({ client: 'seat_app', address: '127.0.0.1', username: 'wangfang' });
  });

  it('gets the live stream and a move made by another seat within a second', async () => {
    const session = await signIn('lijun');
    const other = await desk.signIn('wangfang', '127.0.0.3');
    const events: { event: LiveEvent; at: number }[] = [];
    const states: string[] = [];
    let resolveConnected = () => {};
    const connected = new Promise<void>((resolve) => (resolveConnected = resolve));
    const stream = client.live(
      () => session,
      (event) => events.push({ event, at: Date.now() }),
      (state) => {
        states.push(state);
        if (state === 'connected') resolveConnected();
      },
    );
    onTestFinished(() => stream.stop());
    await connected;
    const caseId = desk.db
      .prepare("SELECT id FROM cases WHERE state = 'in_progress' ORDER BY id LIMIT 1")
      .pluck()
      .get() as number;
    const sent = Date.now();
    const moved = await desk.call(
      'cases.move',
      { caseId, expectedState: 'in_progress', move: { kind: 'note', note: '已电话联系' } },
      { session: other, from: '127.0.0.3' },
    );
    expect(moved.status).toBe(200);
    await expect
      .poll(
        () =>
          events.find((e) => e.event.type === 'cases.changed' && e.event.caseIds?.includes(caseId)),
        { timeout: 2_000 },
      )
      .toBeTruthy();
    const seen = events.find(
      (e) => e.event.type === 'cases.changed' && e.event.caseIds?.includes(caseId),
    )!;
    expect(seen.at - sent).toBeLessThan(1_000);
    expect(states).toEqual(['connected']);
  });

  it('ends a stream whose session the host no longer knows, without retrying', async () => {
    const states: string[] = [];
    const stream = client.live(
      () => 'not-a-session-token-the-host-ever-issued-xx',
      () => {},
      (state) => states.push(state),
    );
    onTestFinished(() => stream.stop());
    await expect.poll(() => states).toEqual(['ended']);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(states).toEqual(['ended']);
  });

  it("brings the host's basemap tiles with a session, and none without", async () => {
    const file = path.join(desk.dir, 'street.mbtiles');
    const held = writeMbtiles(file);
    await invoke(desk.base, 'map.basemap.set', { path: file });
    const { z, x, y } = held[2]!;
    const session = await signIn('wangfang');
    const tile = await client.tile(z, x, y, session);
    expect(tile?.contentType).toBe('image/png');
    expect(tile!.bytes.byteLength).toBeGreaterThan(100);
    expect(await client.tile(z, x, y, null)).toBeNull();
    expect(await client.tile(z, x, 2 ** z - 1 - y, session)).toBeNull();
    await invoke(desk.base, 'map.basemap.set', { path: null });
  });

  it('refuses a host whose certificate is not the one checked, before sending anything', async () => {
    const sessionsBefore = desk.db.prepare('SELECT count(*) FROM sessions').pluck().get();
    const impostor = new SeatClient({
      url: desk.host.url,
      fingerprint: desk.host.fingerprint!.replace(/^../, (x) => (x === '00' ? '11' : '00')),
    });
    const reply = await impostor.call(
      'auth.signIn',
      { username: 'wangfang', password: PASSWORDS.wangfang },
      null,
    );
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.code).toBe('host_fingerprint_changed');
    expect(!reply.ok && reply.error.message.zh).toContain('证书指纹');
    // The password never reached the host: no session was made.
    expect(desk.db.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(sessionsBefore);
  });

  it('says in a sentence when the host cannot be reached', async () => {
    const gone = new SeatClient({ url: `https://${SEAT_ADDRESS}:1/`, fingerprint: 'AA' });
    const reply = await gone.call('auth.status', {}, null);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.code).toBe('host_unreachable');
    expect(!reply.ok && reply.error.message.zh).toContain('连接不上中心主机');
  });
});

describe("the desktop app's seat switch", () => {
  it('starts the host on the address, keeps it on a resave, says why a start failed, and stops', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-seat-switch-'));
    const registry = new SeatRegistry();
    const control = createSeatHostControl({
      context: { ...desk.base },
      registry,
      rendererDir: dir,
      log: () => {},
    });
    expect(control.switchable).toBe(true);
    const settings = { enabled: true, address: SEAT_ADDRESS, port: 0, exchangeFolders: [] };
    await control.apply(settings);
    const serving = control.serving()!;
    expect(serving.url).toMatch(/^https:\/\/127\.0\.0\.2:\d+\/$/);
    expect(control.problem()).toBeNull();
    const probed = await probeSeatHost(new URL(serving.url));
    expect(probed).toEqual({ fingerprint: serving.fingerprint });
    // Its seats sign in like any; the switch's own status lists them.
    const seat = new SeatClient({ url: serving.url, fingerprint: serving.fingerprint });
    const signedIn = await seat.call(
      'auth.signIn',
      { username: 'zhaolei', password: PASSWORDS.zhaolei },
      null,
    );
    expect(signedIn.ok).toBe(true);
    const token = signedIn.ok ? (signedIn.result as { sessionToken: string }).sessionToken : null;
    const status = await seat.call('seats.status', {}, token);
    // A leader is not the admin: refused by role, not for want of a session.
    expect(!status.ok && status.error.code).toBe('role_not_allowed');
    // Saving the same settings again keeps the running host.
    await control.apply(settings);
    expect(control.serving()!.url).toBe(serving.url);

    // An address this machine does not have: a sentence, nothing served.
    await control.apply({ ...settings, address: '192.0.2.77' });
    expect(control.serving()).toBeNull();
    expect(control.problem()?.zh).toContain('不是本机的地址');

    await control.apply({ ...settings, enabled: true });
    expect(control.serving()).not.toBeNull();
    await control.apply({ ...settings, enabled: false });
    expect(control.serving()).toBeNull();
    expect(control.problem()).toBeNull();
    const after = await seat.call('auth.status', {}, null);
    expect(!after.ok && after.error.code).toBe('host_unreachable');
    await control.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe("a joined app's windows, forwarded to the host", () => {
  it('keeps each window its own session out of the page, streams to it, and ends it on sign-out', async () => {
    const live: { windowId: number; event: LiveEvent }[] = [];
    const connection: { windowId: number; reachable: boolean }[] = [];
    const forwarder = createSeatForwarder(client, {
      live: (windowId, event) => live.push({ windowId, event }),
      connection: (windowId, reachable) => connection.push({ windowId, reachable }),
    });
    const unknown = await forwarder.call(1, 'no.such.method', {});
    expect(!unknown.ok && unknown.error.code).toBe('unknown_method');
    const refused = await forwarder.call(1, 'overview.counts', {});
    expect(!refused.ok && refused.error.code).toBe('sign_in_required');

    const signedIn = await forwarder.call(1, 'auth.signIn', {
      username: 'wangfang',
      password: PASSWORDS.wangfang,
    });
    expect(signedIn.ok).toBe(true);
    // The token stays in main: the page gets the user, not the session.
    expect(JSON.stringify(signedIn)).not.toContain('sessionToken');
    expect((await forwarder.call(1, 'overview.counts', {})).ok).toBe(true);
    // Window 2 has signed in nowhere: window 1's session is not its.
    const other = await forwarder.call(2, 'overview.counts', {});
    expect(!other.ok && other.error.code).toBe('sign_in_required');
    const status = await forwarder.call(1, 'auth.status', {});
    expect(status.ok && (status.result as { user: { username: string } }).user.username).toBe(
      'wangfang',
    );

    await expect.poll(() => connection.some((c) => c.windowId === 1 && c.reachable)).toBe(true);
    const caseId = desk.db
      .prepare("SELECT id FROM cases WHERE state = 'in_progress' ORDER BY id LIMIT 1 OFFSET 1")
      .pluck()
      .get() as number;
    const moved = await forwarder.call(1, 'cases.move', {
      caseId,
      expectedState: 'in_progress',
      move: { kind: 'note', note: '坐席程序转发' },
    });
    expect(moved.ok).toBe(true);
    await expect
      .poll(() =>
        live.some(
          (l) =>
            l.windowId === 1 &&
            l.event.type === 'cases.changed' &&
            (l.event.caseIds?.includes(caseId) ?? false),
        ),
      )
      .toBe(true);
    const event = desk.db
      .prepare(
        `SELECT s.client FROM case_events e JOIN sessions s ON s.id = e.session_id
          WHERE e.case_id = ? ORDER BY e.id DESC LIMIT 1`,
      )
      .get(caseId) as { client: string };
    expect(event.client).toBe('seat_app');

    expect((await forwarder.call(1, 'auth.signOut', {})).ok).toBe(true);
    const after = await forwarder.call(1, 'overview.counts', {});
    expect(!after.ok && after.error.code).toBe('sign_in_required');
    forwarder.stop();
  });

  it('says the host is lost when it cannot be reached', async () => {
    const connection: boolean[] = [];
    const gone = new SeatClient({ url: `https://${SEAT_ADDRESS}:1/`, fingerprint: 'AA' });
    const forwarder = createSeatForwarder(gone, {
      live: () => {},
      connection: (_id, reachable) => connection.push(reachable),
    });
    const reply = await forwarder.call(7, 'auth.status', {});
    expect(!reply.ok && reply.error.code).toBe('host_unreachable');
    expect(connection).toEqual([false]);
    forwarder.stop();
  });
});
