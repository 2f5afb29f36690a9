/**
 * Killing the process in the middle of a 1,000,000-row import: `griddesk import` runs in a
 * child process; once its progress says it is writing, it gets SIGKILL. The database must
 * pass PRAGMA integrity_check and hold none of that import's rows (its one transaction was
 * never committed; WAL recovery drops it).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { writeBigCsv } from './exchange-big-file';
import { NOW, openWorkspace } from './exchange-fixture';

const root = path.resolve(import.meta.dirname, '../..');
const ws = openWorkspace('griddesk-exchange-kill-');
afterAll(() => ws.close());

it('kill -9 while writing a million rows leaves a sound database without any of them', async () => {
  const { db, file: dbFile } = await ws.empty('kill');
  const casesBefore = db.prepare('SELECT count(*) FROM cases').pluck().get();
  const batchesBefore = db.prepare('SELECT count(*) FROM exchange_batches').pluck().get();
  db.close();
  const csv = ws.path('million.csv');
  await writeBigCsv(csv, 1_000_000);

  const child = spawn(
    process.execPath,
    [path.join(root, 'bin/griddesk.mjs'), 'import', csv, '--db', dbFile],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  const killedWhileWriting = await new Promise<boolean>((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      const writing = [...stderr.matchAll(/: writing \d+% · ([\d,]+) rows/g)].at(-1);
      if (writing && Number(writing[1]!.replaceAll(',', '')) >= 20_000) {
        child.kill('SIGKILL');
        resolve(true);
      }
    });
    child.once('exit', (code, signal) =>
      signal === 'SIGKILL'
        ? undefined
        : reject(new Error(`import ended (${code}) before it was killed: ${stderr}`)),
    );
    setTimeout(() => reject(new Error(`no "writing" progress within 45 s: ${stderr}`)), 45_000);
  });
  expect(killedWhileWriting).toBe(true);
  await new Promise((resolve) =>
    child.exitCode !== null || child.signalCode !== null
      ? resolve(null)
      : child.once('exit', resolve),
  );

  const after = openDatabase(dbFile, { appVersion: 'test', now: NOW }).db;
  try {
    expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(after.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(casesBefore);
    expect(
      after
        .prepare("SELECT count(*) FROM cases WHERE case_no LIKE 'E0102%' OR case_no LIKE 'C0101%'")
        .pluck()
        .get(),
    ).toBe(0);
    expect(after.prepare('SELECT count(*) FROM case_events').pluck().get()).toBe(0);
    // The import drops the full-text insert trigger inside its transaction: it must be back.
    expect(
      after
        .prepare(
          "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name = 'cases_fts_after_insert'",
        )
        .pluck()
        .get(),
    ).toBe(1);
    expect(
      after.prepare("INSERT INTO cases_fts (cases_fts) VALUES ('integrity-check')").run().changes,
    ).toBeGreaterThanOrEqual(0);
    expect(after.prepare('SELECT count(*) FROM exchange_batches').pluck().get()).toBe(
      batchesBefore,
    );
  } finally {
    after.close();
  }
}, 90_000);
