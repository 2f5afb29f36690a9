/**
 * `griddesk serve --seats` (issue 13) as an admin starts it: the first stdout line is the
 * https URL, the second the certificate's SHA-256, the same certificate at the next start
 * (seats that checked it once keep trusting it); `display-link` prints its key last, and
 * that key opens the served host read-only. Flags that do not fit are refused in a sentence.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import type { TLSSocket } from 'node:tls';
import { afterAll, describe, expect, it } from 'vitest';
import { newDisplayKey } from '../../api/seats/seat-desk';
import { insertDisplayKey } from '../../db/queries/display-keys';
import { openDatabase } from '../../db/open';
import { fingerprintOf, seatCertificateFiles } from '../../host/seat-certificate';
import { startSeatHostProcess, stopProcess } from '../seat-host-process';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/griddesk.mjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-seat-cli-'));
const db = path.join(dir, 'desk.sqlite');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function griddesk(...args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, GRIDDESK_LANG: 'zh' },
  });
}

function get(url: string, headers: Record<string, string>, body: string) {
  return new Promise<{ status: number; fingerprint: string; text: string }>((resolve, reject) => {
    const request = https.request(
      url,
      { method: 'POST', rejectUnauthorized: false, agent: false, headers },
      (response) => {
        let text = '';
        response.on('data', (c) => (text += c));
        response.on('end', () =>
          resolve({
            status: response.statusCode!,
            fingerprint: (response.socket as TLSSocket).getPeerCertificate().fingerprint256,
            text,
          }),
        );
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

describe('griddesk serve --seats', () => {
  it('prints the https URL first and the fingerprint second, keeps the certificate, and opens to a display key', async () => {
    const first = await startSeatHostProcess({ dbFile: db });
    let fingerprint: string;
    try {
      expect(first.url).toMatch(/^https:\/\/127\.0\.0\.2:\d+\/$/);
      const { certFile, keyFile } = seatCertificateFiles(db);
      fingerprint = fingerprintOf(fs.readFileSync(certFile, 'utf8'));
      expect(first.fingerprint).toBe(fingerprint);
      if (process.platform !== 'win32') expect(fs.statSync(keyFile).mode & 0o077).toBe(0);
      const unsigned = await get(`${first.url}api/call/overview.counts`, {}, '{}');
      expect(unsigned.status).toBe(401);
      expect(unsigned.fingerprint).toBe(fingerprint);

      const made = griddesk('display-link', 'create', '--name', '大厅大屏', '--db', db);
      expect(made.status, made.stderr).toBe(0);
      const key = made.stdout.trim().split('\n').at(-1)!;
      expect(key).toMatch(/^[A-Za-z0-9_-]{32}$/);
      const shown = await get(
        `${first.url}api/call/overview.counts`,
        { 'X-GridDesk-Display': key },
        '{}',
      );
      expect(shown.status, shown.text).toBe(200);
      const listed = griddesk('display-link', 'list', '--db', db, '--json');
      expect(JSON.parse(listed.stdout)[0]).toMatchObject({
        name: '大厅大屏',
        keyPrefix: key.slice(0, 6),
      });
      expect(listed.stdout).not.toContain(key);
      const revoked = griddesk('display-link', 'revoke', key, '--db', db);
      expect(revoked.status, revoked.stderr).toBe(0);
      const after = await get(
        `${first.url}api/call/overview.counts`,
        { 'X-GridDesk-Display': key },
        '{}',
      );
      expect(after.status).toBe(401);
    } finally {
      await stopProcess(first.child);
    }
    const second = await startSeatHostProcess({ dbFile: db });
    try {
      expect(second.fingerprint).toBe(fingerprint!);
    } finally {
      await stopProcess(second.child);
    }
  }, 90_000);

  it('refuses seat mode without --host, and --host without --seats, in a sentence', () => {
    const noHost = griddesk('serve', '--db', db, '--seats');
    expect(noHost.status).toBe(2);
    expect(noHost.stderr).toMatch(/--host/);
    expect(noHost.stderr).not.toMatch(/\n\s+at /);
    const noSeats = griddesk('serve', '--db', db, '--host', '127.0.0.2');
    expect(noSeats.status).toBe(2);
    expect(noSeats.stderr).toMatch(/--seats/);
    const notMine = griddesk(
      'serve',
      '--db',
      db,
      '--seats',
      '--host',
      '10.254.254.254',
      '--port',
      '0',
    );
    expect(notMine.status).not.toBe(0);
    expect(notMine.stderr).toMatch(/10\.254\.254\.254/);
    expect(notMine.stderr).not.toMatch(/\n\s+at /);
  });

  it('never makes a key that starts like a flag, and still revokes an old one that does', () => {
    const keys = Array.from({ length: 2000 }, newDisplayKey);
    expect(keys.filter((key) => !/^[A-Za-z0-9][A-Za-z0-9_-]{31}$/.test(key))).toEqual([]);

    // A key made before that rule: typed as it is after `revoke`, it must not be read as a flag.
    const oldKey = '-dy80sZU7rM2X8MCcSJpAIIE4FVAqFp0';
    const opened = openDatabase(db, { appVersion: 'test', now: Date.now() });
    insertDisplayKey(opened.db, oldKey, '旧大屏', 'admin', Date.now());
    opened.db.close();
    const revoked = griddesk('display-link', 'revoke', oldKey, '--db', db);
    expect(revoked.status, revoked.stderr).toBe(0);
    expect(revoked.stdout).toContain('旧大屏');
    const listed = JSON.parse(griddesk('display-link', 'list', '--db', db, '--json').stdout);
    expect(listed.find((row: { name: string }) => row.name === '旧大屏').revokedAt).toBeTruthy();
  });
});
