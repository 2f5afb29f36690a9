/** Which desk an installation is (electron/desk-choice.ts): asked once, kept whole. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DESK_FILE_NAME, readDeskChoice, writeDeskChoice } from '../../electron/desk-choice';

const FINGERPRINT = Array.from({ length: 32 }, (_, i) =>
  (i * 7).toString(16).padStart(2, '0').toUpperCase(),
).join(':');
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-desk-choice-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the desk choice', () => {
  it('asks on a fresh machine, and an installation with a database stays its own desk', () => {
    expect(readDeskChoice(dir, false)).toEqual({ choice: { mode: 'choose' }, problem: null });
    expect(readDeskChoice(dir, true)).toEqual({ choice: { mode: 'local' }, problem: null });
  });

  it('keeps a joined host, and asks again after the seat left it even beside a database', () => {
    const seat = {
      mode: 'seat' as const,
      url: 'https://192.168.1.20:8443/',
      fingerprint: FINGERPRINT,
    };
    writeDeskChoice(dir, seat);
    expect(readDeskChoice(dir, false).choice).toEqual(seat);
    writeDeskChoice(dir, { mode: 'choose' });
    expect(readDeskChoice(dir, true).choice).toEqual({ mode: 'choose' });
    // Written whole: no temp file left beside it.
    expect(fs.readdirSync(dir)).toEqual([DESK_FILE_NAME]);
  });

  it('refuses to save a host that is not https or a fingerprint that is not SHA-256', () => {
    expect(() =>
      writeDeskChoice(dir, {
        mode: 'seat',
        url: 'http://10.0.0.1:8443/',
        fingerprint: FINGERPRINT,
      }),
    ).toThrow();
    expect(() =>
      writeDeskChoice(dir, { mode: 'seat', url: 'https://10.0.0.1:8443/', fingerprint: 'AB:CD' }),
    ).toThrow();
    expect(fs.existsSync(path.join(dir, DESK_FILE_NAME))).toBe(false);
  });

  it('reads a damaged file as no choice and says why, for the log', () => {
    fs.writeFileSync(path.join(dir, DESK_FILE_NAME), '{"mode":"seat","url":');
    const cut = readDeskChoice(dir, false);
    expect(cut.choice).toEqual({ mode: 'choose' });
    expect(cut.problem).toContain('not JSON');
    fs.writeFileSync(path.join(dir, DESK_FILE_NAME), '{"mode":"seat","url":"https://x/"}');
    const partial = readDeskChoice(dir, true);
    expect(partial.choice).toEqual({ mode: 'local' });
    expect(partial.problem).toContain(DESK_FILE_NAME);
  });
});
