/**
 * A disk that fills under the store: an import that cannot commit and a save from a window
 * each end in one sentence that names the file ("the disk is full"), never a stack, and
 * leave the store whole with nothing half-written.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../api/errors';
import { invoke } from '../../api/invoke';
import { writeBigCsv } from '../integration/exchange-big-file';
import { mountSmallDisk, NO_SMALL_DISK } from '../fixtures/small-disk';
import { demoStore, griddesk, systemContext, tempDir } from './store-fixture';

let dir: string;
let disk: string;
let unmount: (() => void) | null = null;

beforeAll(() => {
  dir = tempDir('full-disk');
  disk = path.join(dir, 'small-disk');
  unmount = mountSmallDisk(disk, 'size=24m', 'faults/full-disk');
});
afterAll(() => {
  unmount?.();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Fills the small disk until about `leaveBytes` are free. */
function fillDisk(leaveBytes: number): void {
  const stats = fs.statfsSync(disk);
  const free = stats.bavail * stats.bsize;
  fs.writeFileSync(path.join(disk, 'filler.bin'), Buffer.alloc(Math.max(0, free - leaveBytes)));
}

const count = (file: string, table: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('a full disk under the store', () => {
  it('an import that cannot commit says the disk is full, and writes nothing', async (ctx) => {
    if (!unmount) ctx.skip(NO_SMALL_DISK);
    const file = demoStore(path.join(disk, 'street.sqlite'));
    const csv = path.join(dir, 'many.csv');
    await writeBigCsv(csv, 20_000);
    const cases = count(file, 'cases');
    fillDisk(256 * 1024);
    const result = griddesk(dir, 'import', csv, '--db', file);
    fs.rmSync(path.join(disk, 'filler.bin'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/disk is full/i);
    expect(result.stderr).toContain(file);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(count(file, 'cases')).toBe(cases);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    db.close();
  }, 120_000);

  it('a save from a window is refused in a sentence naming the file', async (ctx) => {
    if (!unmount) ctx.skip(NO_SMALL_DISK);
    const file = demoStore(path.join(disk, 'window.sqlite'));
    const context = systemContext(file);
    const { db } = context;
    fillDisk(0);
    // A long name makes the write bigger than what little is left.
    const writes = Array.from({ length: 40 }, (_, i) =>
      invoke(context, 'calendar.setDay', {
        day: `2026-12-${String((i % 28) + 1).padStart(2, '0')}`,
        kind: 'holiday',
        name: `测试${'满'.repeat(36)}`,
      }),
    );
    const outcomes = await Promise.allSettled(writes);
    fs.rmSync(path.join(disk, 'filler.bin'));
    const refused = outcomes.filter((o) => o.status === 'rejected');
    expect(refused.length).toBeGreaterThan(0);
    for (const outcome of refused) {
      const error = (outcome as PromiseRejectedResult).reason as unknown;
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).code).toBe('disk_full');
      expect((error as UserError).sentence.zh).toContain(file);
    }
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    db.close();
  });
});
