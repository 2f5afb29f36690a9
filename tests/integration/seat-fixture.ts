/**
 * A demo street served in seat mode (issue 13) by a real HTTPS host on 127.0.0.2, with an
 * administrator, two operators and a leader, and clients that pin the host's certificate
 * by its SHA-256 fingerprint as a joining seat does. Each client may send from its own
 * loopback address (127.0.0.3, …) so the host sees several machines.
 */
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import type { TLSSocket } from 'node:tls';
import { SYSTEM_ACTOR, type ApiContext } from '../../api/context';
import type { ApiErrorPayload, LiveEvent } from '../../api/contract';
import { invoke } from '../../api/invoke';
import { LiveBus } from '../../api/live';
import { SeatRegistry } from '../../api/seats/seat-registry';
import { openOrCreateDatabase } from '../../db/bootstrap';
import type { Db } from '../../db/open';
import { seatCertificate } from '../../host/seat-certificate';
import { startHost, type RunningHost } from '../../host/server';

export const SEAT_ADDRESS = '127.0.0.2';
export const PASSWORDS = {
  admin: 'chief-desk-2026',
  wangfang: 'wang-seat-2026',
  lijun: 'li-seat-2026x',
  zhaolei: 'zhao-lead-2026',
} as const;

export interface SeatAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON as the host sent it
  body: { ok: boolean; result?: any; error?: ApiErrorPayload };
}

export interface SeatRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** The address the request leaves from (a different "machine"). */
  from?: string;
  /** The Host header (default: the served address and port). */
  host?: string;
}

export interface SeatDesk {
  dir: string;
  file: string;
  db: Db;
  clock: { offset: number };
  base: ApiContext;
  host: RunningHost;
  registry: SeatRegistry;
  request(options: SeatRequest): Promise<SeatAnswer>;
  /** POST /api/call/<method> with a session (or display key) from an address. */
  call(
    method: string,
    input: unknown,
    auth?: { session?: string; display?: string; from?: string },
  ): Promise<SeatAnswer>;
  signIn(username: keyof typeof PASSWORDS, from?: string): Promise<string>;
  /** Opens /api/live; resolves once connected. */
  live(auth: { session?: string; display?: string; from?: string }): Promise<LiveClient>;
  close(): Promise<void>;
}

export interface LiveClient {
  status: number;
  events: { event: LiveEvent; receivedAt: number }[];
  /** Resolves with the first event after `since` that matches. */
  next(
    match: (event: LiveEvent) => boolean,
    timeoutMs?: number,
  ): Promise<{ event: LiveEvent; receivedAt: number }>;
  ended: Promise<void>;
  close(): void;
}

function pinned(fingerprint: string) {
  return (socket: TLSSocket) => {
    const seen = socket.getPeerCertificate().fingerprint256;
    if (seen !== fingerprint)
      socket.destroy(new Error(`certificate fingerprint ${seen} is not ${fingerprint}`));
  };
}

export async function openSeatDesk(prefix = 'griddesk-seats-'): Promise<SeatDesk> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const file = path.join(dir, 'desk.sqlite');
  const clock = { offset: 0 };
  const now = () => Date.now() + clock.offset;
  const { db } = openOrCreateDatabase(file, { appVersion: 'test', now: now(), demoWhenNew: true });
  const base: ApiContext = {
    db,
    now,
    appVersion: 'test',
    live: new LiveBus(),
    actor: SYSTEM_ACTOR,
    transport: 'http',
  };
  const system = (method: string, input: unknown) =>
    invoke(base, method as never, input as never) as Promise<unknown>;
  const users: [keyof typeof PASSWORDS, string, string][] = [
    ['admin', '站长', 'admin'],
    ['wangfang', '王芳', 'operator'],
    ['lijun', '李军', 'operator'],
    ['zhaolei', '赵磊', 'leader'],
  ];
  for (const [username, displayName, role] of users) {
    const existing = db.prepare('SELECT id FROM users WHERE username = ?').pluck().get(username) as
      number | undefined;
    if (existing)
      await system('users.setPassword', { id: existing, password: PASSWORDS[username] });
    else
      await system('users.create', {
        username,
        displayName,
        role,
        unitCode: null,
        password: PASSWORDS[username],
      });
  }
  const registry = new SeatRegistry();
  const certificate = await seatCertificate({ dbFile: file, address: SEAT_ADDRESS });
  const host = await startHost({
    context: base,
    port: 0,
    rendererDir: dir,
    log: () => {},
    seats: { address: SEAT_ADDRESS, certificate, registry },
  });
  const check = pinned(certificate.fingerprint);

  const request = (options: SeatRequest) =>
    new Promise<SeatAnswer>((resolve, reject) => {
      const req = https.request(
        {
          host: SEAT_ADDRESS,
          port: host.port,
          path: options.path,
          method: options.method ?? 'POST',
          localAddress: options.from,
          // The seat pins the fingerprint it was shown, not a CA.
          rejectUnauthorized: false,
          agent: false,
          headers: { Host: options.host ?? `${SEAT_ADDRESS}:${host.port}`, ...options.headers },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let body: SeatAnswer['body'];
            try {
              body = JSON.parse(text);
            } catch {
              body = { ok: false, error: { code: 'not_json', message: { zh: text, en: text } } };
            }
            resolve({ status: response.statusCode!, headers: response.headers, body });
          });
        },
      );
      req.on('socket', (socket) => socket.once('secureConnect', () => check(socket as TLSSocket)));
      req.on('error', reject);
      req.end(options.body);
    });

  const authHeaders = (auth: { session?: string; display?: string }) => ({
    ...(auth.session ? { 'X-GridDesk-Session': auth.session } : {}),
    ...(auth.display ? { 'X-GridDesk-Display': auth.display } : {}),
  });

  const call: SeatDesk['call'] = (method, input, auth = {}) =>
    request({
      path: `/api/call/${method}`,
      from: auth.from,
      headers: { 'Content-Type': 'application/json', ...authHeaders(auth) },
      body: JSON.stringify(input),
    });

  const streams: LiveClient[] = [];
  const live: SeatDesk['live'] = (auth) =>
    new Promise((resolve, reject) => {
      const req = https.request({
        host: SEAT_ADDRESS,
        port: host.port,
        path: '/api/live',
        method: 'GET',
        localAddress: auth.from,
        rejectUnauthorized: false,
        agent: false,
        headers: { Host: `${SEAT_ADDRESS}:${host.port}`, ...authHeaders(auth) },
      });
      req.on('socket', (socket) => socket.once('secureConnect', () => check(socket as TLSSocket)));
      req.on('error', reject);
      req.on('response', (response) => {
        const events: LiveClient['events'] = [];
        const waiters: {
          match: (e: LiveEvent) => boolean;
          done: (e: LiveClient['events'][number]) => void;
        }[] = [];
        let buffer = '';
        let endedResolve!: () => void;
        const ended = new Promise<void>((r) => (endedResolve = r));
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          buffer += chunk;
          let at: number;
          while ((at = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, at);
            buffer = buffer.slice(at + 2);
            const data = block.split('\n').find((l) => l.startsWith('data: '));
            if (!data) continue;
            const entry = { event: JSON.parse(data.slice(6)) as LiveEvent, receivedAt: Date.now() };
            events.push(entry);
            for (const w of [...waiters])
              if (w.match(entry.event)) {
                waiters.splice(waiters.indexOf(w), 1);
                w.done(entry);
              }
          }
        });
        response.on('end', endedResolve);
        response.on('close', endedResolve);
        const client: LiveClient = {
          status: response.statusCode!,
          events,
          ended,
          next: (match, timeoutMs = 3000) =>
            new Promise((done, fail) => {
              const timer = setTimeout(() => fail(new Error('no live event in time')), timeoutMs);
              waiters.push({
                match,
                done: (e) => {
                  clearTimeout(timer);
                  done(e);
                },
              });
            }),
          close: () => req.destroy(),
        };
        streams.push(client);
        resolve(client);
      });
      req.end();
    });

  return {
    dir,
    file,
    db,
    clock,
    base,
    host,
    registry,
    request,
    call,
    async signIn(username, from) {
      const answer = await call(
        'auth.signIn',
        { username, password: PASSWORDS[username] },
        { from },
      );
      if (!answer.body.ok)
        throw new Error(`sign-in of ${username} failed: ${answer.body.error?.message.en}`);
      return answer.body.result.sessionToken as string;
    },
    live,
    async close() {
      for (const stream of streams) stream.close();
      await host.close();
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
