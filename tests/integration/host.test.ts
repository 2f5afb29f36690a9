import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../api/context';
import { LiveBus } from '../../api/live';
import { openDatabase, type Db } from '../../db/open';
import { startHost, type RunningHost } from '../../host/server';

let dir: string;
let db: Db;
let host: RunningHost;
const live = new LiveBus();
const logged: string[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-host-'));
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside the renderer folder');
  db = openDatabase(path.join(dir, 'host.sqlite'), { appVersion: 'test', now: 0 }).db;
  host = await startHost({
    context: {
      db,
      now: () => Date.UTC(2026, 10, 21, 6),
      appVersion: 'test',
      live,
      actor: SYSTEM_ACTOR,
      transport: 'http',
    },
    port: 0,
    rendererDir,
    log: (reference) => logged.push(reference),
  });
});

afterAll(async () => {
  await host.close();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A raw request, so the Host header and odd paths go out exactly as written. */
function raw(
  pathname: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>(
    (resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port: host.port,
          path: pathname,
          method: options.method ?? 'GET',
          headers: options.headers,
        },
        (response) => {
          let body = '';
          response.on('data', (chunk) => (body += chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode!, headers: response.headers, body }),
          );
        },
      );
      request.on('error', reject);
      request.end(options.body);
    },
  );
}

const auth = () => ({ Authorization: `Bearer ${host.token}` });

describe('the loopback host', () => {
  it('prints a 127.0.0.1 URL that carries a fresh random token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
    expect(host.token.length).toBeGreaterThanOrEqual(24);
  });

  it('answers API calls with the token and refuses them without it', async () => {
    const ok = await raw('/api/call/app.info', { method: 'POST', headers: auth(), body: '{}' });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({
      ok: true,
      result: { transport: 'http', appVersion: 'test' },
    });
    const missing = await raw('/api/call/app.info', { method: 'POST', body: '{}' });
    expect(missing.status).toBe(401);
    const wrong = await raw('/api/call/app.info', {
      method: 'POST',
      headers: { Authorization: 'Bearer x' },
      body: '{}',
    });
    expect(wrong.status).toBe(401);
  });

  it('refuses a request whose Host header is not the loopback address (DNS rebinding)', async () => {
    const rebound = await raw('/api/call/app.info', {
      method: 'POST',
      headers: { ...auth(), Host: `evil.example:${host.port}` },
      body: '{}',
    });
    expect(rebound.status).toBe(421);
  });

  it('validates input with the contract and answers with a sentence and the place', async () => {
    const bad = await raw('/api/call/overview.counts', {
      method: 'POST',
      headers: auth(),
      body: '{"oldestLimit": 500}',
    });
    expect(bad.status).toBe(400);
    const body = JSON.parse(bad.body);
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.where).toBe('oldestLimit');
    const unknown = await raw('/api/call/cases.drop', {
      method: 'POST',
      headers: auth(),
      body: '{}',
    });
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.body).error.message.en).toContain('no API method named cases.drop');
    const notJson = await raw('/api/call/app.info', {
      method: 'POST',
      headers: auth(),
      body: '{oops',
    });
    expect(JSON.parse(notJson.body).error.code).toBe('bad_json');
  });

  it('serves the renderer with a strict CSP and nothing outside its folder', async () => {
    const index = await raw('/');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("default-src 'self'");
    expect(index.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    for (const attempt of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const response = await raw(attempt);
      expect(response.body).not.toContain('outside the renderer folder');
      expect(response.status).toBe(404);
    }
  });

  it('streams live events to subscribers', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const request = http.get(
        { host: '127.0.0.1', port: host.port, path: `/api/live?token=${host.token}` },
        (response) => {
          expect(response.headers['content-type']).toContain('text/event-stream');
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => {
            if (chunk.startsWith('data:')) {
              resolve(chunk);
              request.destroy();
            }
          });
          setTimeout(() => live.publish({ type: 'cases.changed', caseIds: [7], at: 1 }), 50);
        },
      );
      request.on('error', (error) =>
        error.message.includes('aborted') ? undefined : reject(error),
      );
    });
    expect(JSON.parse(received.slice(5))).toEqual({ type: 'cases.changed', caseIds: [7], at: 1 });
  });
});
