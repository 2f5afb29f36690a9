/**
 * Issue 10, "Nothing lost, ever": history and bulletins are tamper-evident.
 *
 * Before migration 5, `REPLACE INTO case_events …` and `REPLACE INTO bulletins …` rewrote
 * the history and a frozen bulletin without tripping the append-only triggers (REPLACE's
 * deletion fires no DELETE trigger), the audit log and the import records could be changed
 * freely, and nothing checked a bulletin's stored figures. Each test below is one of those
 * faults, made the way someone with the database file and the sqlite3 shell (or a raw
 * better-sqlite3 connection) would make it, against real SQLite files in a temp folder.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiInput, MethodName } from '../../api/contract';
import { BULLETIN_CHECKSUM_COLUMNS, EVENT_CHAIN_COLUMNS } from '../../core/integrity/canonical';
import { openOrCreateDatabase } from '../../db/bootstrap';
import { MIGRATIONS } from '../../db/migrations';
import { openDatabase, type Db } from '../../db/open';
import { bulletinById, bulletinChecksum } from '../../db/queries/bulletins';
import { missingGuardTriggers, verifyHistoryChain } from '../../db/queries/history-chain';
import { copyIntoOlderSchema } from '../fixtures/older-store';
import { callAsSystem } from '../fixtures/system-api';

const root = path.resolve(import.meta.dirname, '../..');
const NOW = Date.UTC(2026, 10, 21, 6, 0);
let dir: string;
/** A demo street with a published October bulletin, closed: each test works on a copy. */
let template: string;
let copies = 0;

function freshCopy(): string {
  const file = path.join(dir, `copy-${++copies}.sqlite`);
  fs.copyFileSync(template, file);
  return file;
}

function open(file: string): Db {
  return openDatabase(file, { appVersion: 'test', now: NOW }).db;
}

function call<M extends MethodName>(db: Db, method: M, input: ApiInput<M>) {
  return callAsSystem(db, method, input, () => NOW);
}

/**
 * What a tamperer does with the file: a raw connection (no GridDesk functions), the guarding
 * triggers dropped, the change made, the triggers put back exactly as they were.
 */
function tamper(file: string, tables: string[], change: (raw: Database.Database) => void): void {
  const raw = new Database(file);
  raw.pragma('foreign_keys = OFF');
  const triggers = raw
    .prepare<unknown[], { name: string; sql: string }>(
      `SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name IN (${tables.map(() => '?').join(', ')})`,
    )
    .all(...tables);
  raw.transaction(() => {
    for (const t of triggers) raw.exec(`DROP TRIGGER ${t.name}`);
    change(raw);
    for (const t of triggers) raw.exec(t.sql);
  })();
  raw.close();
}

function griddesk(...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(root, 'bin/griddesk.mjs'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'zh_CN.UTF-8', XDG_CONFIG_HOME: path.join(dir, 'config') },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A case with at least three events, and its middle one. */
function caseWithHistory(db: Db): { caseId: number; caseNo: string; eventIds: number[] } {
  const row = db
    .prepare<[], { caseId: number; caseNo: string }>(
      `SELECT c.id AS caseId, c.case_no AS caseNo FROM cases c
        WHERE (SELECT count(*) FROM case_events e WHERE e.case_id = c.id) >= 3 ORDER BY c.id LIMIT 1`,
    )
    .get()!;
  const eventIds = db
    .prepare<[number], number>('SELECT id FROM case_events WHERE case_id = ? ORDER BY id')
    .pluck()
    .all(row.caseId);
  return { ...row, eventIds };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-tamper-'));
  template = path.join(dir, 'template.sqlite');
  const db = openOrCreateDatabase(template, {
    appVersion: 'test',
    now: NOW,
    demoWhenNew: true,
  }).db;
  await call(db, 'bulletin.publish', {
    period: '2026-10',
    level: 'community',
    notes: '请对照整改。',
  });
  db.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('REPLACE and UPSERT cannot rewrite what is append-only', () => {
  it('refuses REPLACE INTO, INSERT OR REPLACE and UPSERT on an existing case event, and the history is unchanged', () => {
    const db = open(freshCopy());
    const { eventIds } = caseWithHistory(db);
    const id = eventIds[1]!;
    const before = db.prepare('SELECT * FROM case_events WHERE id = ?').get(id);
    const columns = `id, case_id, kind, from_state, to_state, actor_id, actor_name, at, note, data, batch_id`;
    const rewrite = `SELECT id, case_id, kind, from_state, to_state, actor_id, actor_name, at, '改写的记录', data, batch_id
                       FROM case_events WHERE id = ${id}`;
    for (const verb of ['REPLACE INTO', 'INSERT OR REPLACE INTO']) {
      expect(() => db.exec(`${verb} case_events (${columns}) ${rewrite}`)).toThrow(
        /an event is never rewritten/,
      );
    }
    expect(() =>
      db.exec(
        `INSERT INTO case_events (${columns}) ${rewrite} ON CONFLICT (id) DO UPDATE SET note = excluded.note`,
      ),
    ).toThrow(/an event is never rewritten/);
    expect(db.prepare('SELECT * FROM case_events WHERE id = ?').get(id)).toEqual(before);
    expect(verifyHistoryChain(db).brokenCases).toBe(0);
    db.close();
  });

  it('refuses REPLACE on a published bulletin, by id and by period, level and version, even with a correct checksum', () => {
    const db = open(freshCopy());
    const before = db.prepare('SELECT * FROM bulletins').all();
    const record = bulletinById(db, 1)!;
    // Someone who knows the checksum rule rewrites the figures and brings the matching hash.
    const forged = { ...record, figures: '{"schema":1,"rows":[]}' };
    const checksum = bulletinChecksum(forged);
    const columns = `id, period, level, version, title, weight_set_id, inputs_sha256, figures, notes, published_at, published_by, checksum`;
    const values = (id: number) => [
      id,
      forged.period,
      forged.level,
      forged.version,
      forged.title,
      forged.weightSetId,
      forged.inputsSha256,
      forged.figures,
      forged.notes,
      forged.publishedAt,
      forged.publishedBy,
      checksum,
    ];
    const marks = Array(12).fill('?').join(', ');
    for (const statement of [
      `REPLACE INTO bulletins (${columns}) VALUES (${marks})`,
      `INSERT OR REPLACE INTO bulletins (${columns}) VALUES (${marks})`,
      `INSERT INTO bulletins (${columns}) VALUES (${marks}) ON CONFLICT DO UPDATE SET figures = excluded.figures`,
    ]) {
      for (const id of [record.id, 999])
        expect(() => db.prepare(statement).run(...values(id)), statement).toThrow(
          /frozen|不能改写/,
        );
    }
    expect(db.prepare('SELECT * FROM bulletins').all()).toEqual(before);
    db.close();
  });

  it('refuses a bulletin inserted without the checksum of its figures', () => {
    const db = open(freshCopy());
    expect(() =>
      db.exec(
        `INSERT INTO bulletins (period, level, version, title, weight_set_id, inputs_sha256, figures, notes, published_at, published_by, checksum)
         SELECT period, level, 9, title, weight_set_id, inputs_sha256, figures, notes, published_at, published_by, checksum
           FROM bulletins WHERE version = 1`,
      ),
    ).toThrow(/checksum|校验值/);
    db.close();
  });

  it('keeps the audit log append-only: no UPDATE, DELETE, REPLACE or UPSERT', () => {
    const db = open(freshCopy());
    db.prepare(
      "INSERT INTO audit_log (at, actor, action, detail) VALUES (?, 'admin', 'user.password', NULL)",
    ).run(NOW);
    const id = db.prepare('SELECT max(id) FROM audit_log').pluck().get() as number;
    const before = db.prepare('SELECT * FROM audit_log').all();
    expect(() => db.exec(`UPDATE audit_log SET actor = 'nobody' WHERE id = ${id}`)).toThrow(
      /audit log/,
    );
    expect(() => db.exec(`DELETE FROM audit_log WHERE id = ${id}`)).toThrow(/audit log/);
    expect(() =>
      db.exec(`REPLACE INTO audit_log (id, at, actor, action) VALUES (${id}, 0, 'x', 'y')`),
    ).toThrow(/audit log/);
    expect(() =>
      db.exec(
        `INSERT INTO audit_log (id, at, actor, action) VALUES (${id}, 0, 'x', 'y') ON CONFLICT (id) DO UPDATE SET actor = 'x'`,
      ),
    ).toThrow(/audit log/);
    expect(db.prepare('SELECT * FROM audit_log').all()).toEqual(before);
    db.close();
  });

  it('lets a running import finish once, and refuses any other change to an import record', () => {
    const db = open(freshCopy());
    const running = Number(
      db
        .prepare(
          `INSERT INTO exchange_batches (direction, kind, file_name, format, status, actor, started_at)
           VALUES ('import', 'cases', '城市平台.xlsx', 'xlsx', 'running', '张敏', ?)`,
        )
        .run(NOW).lastInsertRowid,
    );
    // What db/exchange/batches.ts finishBatch writes.
    db.prepare(
      `UPDATE exchange_batches SET sha256 = 'ab', format = 'xlsx', rows_total = 3, rows_new = 3, rows_updated = 0,
         rows_unchanged = 0, rows_invalid = 0, status = 'done', finished_at = ?, report = '{}' WHERE id = ?`,
    ).run(NOW + 1000, running);
    const finished = db.prepare('SELECT * FROM exchange_batches WHERE id = ?').get(running);
    expect(finished).toMatchObject({ status: 'done', rows_new: 3 });
    const refused = [
      `UPDATE exchange_batches SET rows_new = 0 WHERE id = ${running}`,
      `UPDATE exchange_batches SET status = 'failed' WHERE id = ${running}`,
      `DELETE FROM exchange_batches WHERE id = ${running}`,
      `REPLACE INTO exchange_batches (id, direction, kind, file_name, status, actor, started_at)
         VALUES (${running}, 'import', 'cases', 'x.xlsx', 'done', 'x', 0)`,
    ];
    for (const statement of refused)
      expect(() => db.exec(statement), statement).toThrow(/append-only|只能追加/);
    expect(db.prepare('SELECT * FROM exchange_batches WHERE id = ?').get(running)).toEqual(
      finished,
    );
    // A running row may not be renamed, re-dated or left running by an update either.
    const other = Number(
      db
        .prepare(
          `INSERT INTO exchange_batches (direction, kind, file_name, status, actor, started_at)
           VALUES ('import', 'cases', 'b.csv', 'running', '张敏', ?)`,
        )
        .run(NOW).lastInsertRowid,
    );
    for (const set of [
      `file_name = 'c.csv', status = 'done', finished_at = 1`,
      `started_at = 0, status = 'done', finished_at = 1`,
      `rows_new = 5`,
    ])
      expect(() => db.exec(`UPDATE exchange_batches SET ${set} WHERE id = ${other}`), set).toThrow(
        /append-only/,
      );
    db.close();
  });

  it('keeps the chain itself append-only', () => {
    const db = open(freshCopy());
    const { eventIds } = caseWithHistory(db);
    const id = eventIds[0]!;
    expect(() => db.exec(`UPDATE case_event_chain SET hash = 'x' WHERE event_id = ${id}`)).toThrow(
      /hash chain/,
    );
    expect(() => db.exec(`DELETE FROM case_event_chain WHERE event_id = ${id}`)).toThrow(
      /hash chain/,
    );
    expect(() =>
      db.exec(`REPLACE INTO case_event_chain (event_id, case_id, hash) VALUES (${id}, 1, 'x')`),
    ).toThrow(/hash chain/);
    db.close();
  });
});

describe('the case history chain', () => {
  it('chains every event as it is written, whoever writes it (demo seed, moves)', async () => {
    const db = open(freshCopy());
    const events = db.prepare('SELECT count(*) FROM case_events').pluck().get() as number;
    expect(db.prepare('SELECT count(*) FROM case_event_chain').pluck().get()).toBe(events);
    const report = verifyHistoryChain(db);
    expect(report).toMatchObject({ events, brokenCases: 0, breaks: [] });
    expect(missingGuardTriggers(db)).toEqual([]);
    db.close();
  });

  it('covers every column of an event, and every column of a bulletin but its id and checksum', () => {
    const db = open(freshCopy());
    const columns = (table: string) =>
      db.prepare(`SELECT name FROM pragma_table_info('${table}') ORDER BY cid`).pluck().all();
    expect(columns('case_events')).toEqual([...EVENT_CHAIN_COLUMNS]);
    expect(columns('bulletins')).toEqual(['id', ...BULLETIN_CHECKSUM_COLUMNS, 'checksum']);
    db.close();
  });

  it('names the case and event whose note was rewritten around the triggers (verify exits 1)', () => {
    const file = freshCopy();
    const db = open(file);
    const { caseId, caseNo, eventIds } = caseWithHistory(db);
    db.close();
    const target = eventIds[1]!;
    tamper(file, ['case_events'], (raw) =>
      raw.prepare("UPDATE case_events SET note = '已按要求处置完毕' WHERE id = ?").run(target),
    );

    const reopened = open(file);
    const report = verifyHistoryChain(reopened);
    reopened.close();
    expect(report.brokenCases).toBe(1);
    expect(report.breaks).toEqual([{ caseId, caseNo, eventId: target, problem: 'changed' }]);

    const cli = griddesk('verify', '--db', file);
    expect(cli.code, cli.stderr).toBe(1);
    expect(cli.stdout).toContain(`其中 1 件的链不完整`);
    expect(cli.stdout).toContain(`案卷 ${caseNo}（编号 ${caseId}）事件 ${target}`);
    const json = JSON.parse(griddesk('verify', '--db', file, '--json').stdout);
    expect(json).toMatchObject({ ok: false, history: { brokenCases: 1 } });
    expect(json.history.breaks[0]).toMatchObject({ caseNo, eventId: target });
  });

  it('finds an event slipped in with the chain trigger dropped, and one deleted from the middle', () => {
    const file = freshCopy();
    const db = open(file);
    const a = caseWithHistory(db);
    const b = db
      .prepare<[number], { caseId: number; caseNo: string; middle: number; next: number }>(
        `SELECT c.id AS caseId, c.case_no AS caseNo,
                (SELECT id FROM case_events WHERE case_id = c.id ORDER BY id LIMIT 1 OFFSET 1) AS middle,
                (SELECT id FROM case_events WHERE case_id = c.id ORDER BY id LIMIT 1 OFFSET 2) AS next
           FROM cases c WHERE c.id > ? AND (SELECT count(*) FROM case_events e WHERE e.case_id = c.id) >= 3
          ORDER BY c.id LIMIT 1`,
      )
      .get(a.caseId)!;
    db.close();
    let slipped = 0;
    tamper(file, ['case_events', 'case_event_chain'], (raw) => {
      slipped = Number(
        raw
          .prepare(
            `INSERT INTO case_events (case_id, kind, actor_name, at, note) VALUES (?, 'note', '某人', ?, '补记')`,
          )
          .run(a.caseId, NOW).lastInsertRowid,
      );
      raw.prepare('DELETE FROM case_events WHERE id = ?').run(b.middle);
    });
    const reopened = open(file);
    const report = verifyHistoryChain(reopened);
    reopened.close();
    expect(report.brokenCases).toBe(2);
    expect(report.breaks).toEqual(
      expect.arrayContaining([
        { caseId: a.caseId, caseNo: a.caseNo, eventId: slipped, problem: 'unlinked' },
        { caseId: b.caseId, caseNo: b.caseNo, eventId: b.middle, problem: 'missing_event' },
        // The event after the deleted one no longer follows its link.
        { caseId: b.caseId, caseNo: b.caseNo, eventId: b.next, problem: 'changed' },
      ]),
    );
  });

  it('says so when a guarding trigger is gone', () => {
    const file = freshCopy();
    const raw = new Database(file);
    raw.exec('DROP TRIGGER case_events_no_update');
    raw.close();
    const cli = griddesk('verify', '--db', file);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain('case_events_no_update');
  });

  it("says so when a small wish's history lost its guard (issue 14)", () => {
    const file = freshCopy();
    const raw = new Database(file);
    raw.exec('DROP TRIGGER wish_events_no_delete');
    raw.close();
    const cli = griddesk('verify', '--db', file);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain('wish_events_no_delete');
  });

  it('says in a sentence, exit 1, when the chain table itself was dropped', () => {
    const file = freshCopy();
    const raw = new Database(file);
    raw.exec('DROP TRIGGER case_events_chain; DROP TABLE case_event_chain');
    raw.close();
    const cli = griddesk('verify', '--db', file);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain('用于核对的结构已被删除（case_event_chain）');
    expect(cli.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('an event written from the sqlite3 shell (no GridDesk functions) is refused, not left unchained', () => {
    const file = freshCopy();
    const raw = new Database(file);
    const caseId = raw.prepare('SELECT min(id) FROM cases').pluck().get();
    expect(() =>
      raw
        .prepare(
          "INSERT INTO case_events (case_id, kind, actor_name, at) VALUES (?, 'note', 'x', 0)",
        )
        .run(caseId),
    ).toThrow(/no such function: griddesk_event_hash/);
    raw.close();
  });
});

describe('bulletin checksums', () => {
  it('shows a bulletin whose figures were rewritten with bulletinIntact false, refuses to export it, and verify names it', async () => {
    const file = freshCopy();
    let db = open(file);
    const id = db.prepare('SELECT id FROM bulletins WHERE version = 1').pluck().get() as number;
    const shown = await call(db, 'ranking.compute', {
      period: '2026-10',
      level: 'community',
      bulletinId: id,
    });
    expect(shown.bulletinIntact).toBe(true);
    db.close();

    // Promote the last community to first place in the stored figures.
    tamper(file, ['bulletins'], (raw) => {
      const figures = JSON.parse(
        raw.prepare('SELECT figures FROM bulletins WHERE id = ?').pluck().get(id) as string,
      );
      const last = figures.rows.at(-1);
      last.rank = 1;
      last.score = 99.9;
      raw.prepare('UPDATE bulletins SET figures = ? WHERE id = ?').run(JSON.stringify(figures), id);
    });

    db = open(file);
    const tampered = await call(db, 'ranking.compute', {
      period: '2026-10',
      level: 'community',
      bulletinId: id,
    });
    expect(tampered.bulletinIntact).toBe(false);
    expect(bulletinById(db, id)!.checksumOk).toBe(false);
    for (const format of ['xlsx', 'pdf'] as const) {
      await expect(
        call(db, 'ranking.export', {
          period: '2026-10',
          level: 'community',
          format,
          bulletinId: id,
        }),
      ).rejects.toMatchObject({
        code: 'bulletin_checksum_mismatch',
        sentence: {
          zh: expect.stringContaining('此通报与其校验值不符'),
          en: expect.stringContaining('This bulletin no longer matches its checksum'),
        },
      });
    }
    // The live ranking and its export are not affected.
    const live = await call(db, 'ranking.export', {
      period: '2026-10',
      level: 'community',
      format: 'xlsx',
    });
    expect(live.bytes).toBeGreaterThan(0);
    db.close();

    const cli = griddesk('verify', '--db', file);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain('链完整');
    expect(cli.stdout).toContain('通报 2026-10（社区）第 1 版：此通报与其校验值不符');
  });

  it("does not carry a tampered bulletin's ranks into the next month's rank change", async () => {
    const file = freshCopy();
    let db = open(file);
    const before = await call(db, 'ranking.compute', { period: '2026-11', level: 'community' });
    expect(before.previousSource).toBe('bulletin');
    db.close();
    tamper(file, ['bulletins'], (raw) => {
      const figures = JSON.parse(
        raw.prepare('SELECT figures FROM bulletins WHERE version = 1').pluck().get() as string,
      );
      for (const row of figures.rows) row.rank = 1;
      raw
        .prepare('UPDATE bulletins SET figures = ? WHERE version = 1')
        .run(JSON.stringify(figures));
    });
    db = open(file);
    const after = await call(db, 'ranking.compute', { period: '2026-11', level: 'community' });
    expect(after.previousSource).toBe('live');
    // Nothing changed in October's cases, so October computed now ranks as it was published.
    const ranks = (r: typeof before) => r.rows.map((row) => [row.unitCode, row.previousRank]);
    expect(ranks(after)).toEqual(ranks(before));
    db.close();
  });

  it('a bulletin whose figures were rewritten into another shape fails in the sentence, not an internal error', async () => {
    const file = freshCopy();
    tamper(file, ['bulletins'], (raw) =>
      raw.exec(`UPDATE bulletins SET figures = '{"schema":7}' WHERE version = 1`),
    );
    const db = open(file);
    const id = db.prepare('SELECT id FROM bulletins WHERE version = 1').pluck().get() as number;
    await expect(
      call(db, 'ranking.compute', { period: '2026-10', level: 'community', bulletinId: id }),
    ).rejects.toMatchObject({ code: 'bulletin_checksum_mismatch' });
    db.close();
  });

  it('an untouched bulletin passes and verify says what it checked', () => {
    const file = freshCopy();
    const cli = griddesk('verify', '--db', file);
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(
      /^案卷流转记录 [\d,]+ 件 [\d,]+ 条，链完整；通报 1 份，校验一致。$/m,
    );
  });
});

describe('migration 5 on an existing database', () => {
  it('chains the events already there in id order per case and checksums the bulletins already published', () => {
    const file = path.join(dir, 'v4.sqlite');
    const v4 = openDatabase(file, {
      appVersion: 'old',
      now: NOW,
      migrations: MIGRATIONS.slice(0, 4),
    }).db;
    const street = path.join(dir, 'street-now.sqlite');
    openOrCreateDatabase(street, {
      appVersion: 'test',
      now: NOW,
      demoWhenNew: true,
      demoSeed: 7,
    }).db.close();
    copyIntoOlderSchema(v4, street);
    // A bulletin as GridDesk before migration 5 wrote it (no checksum column yet).
    v4.prepare(
      `INSERT INTO bulletins (period, level, version, title, weight_set_id, inputs_sha256, figures, notes, published_at, published_by)
       SELECT '2026-10', 'community', 1, '旧通报', id, 'abc', '{"schema":1,"rows":[]}', NULL, ?, 'admin' FROM index_weight_sets LIMIT 1`,
    ).run(NOW);
    // Events of two cases interleaved by id, as the desk writes them.
    const [first, second] = v4
      .prepare('SELECT id FROM cases ORDER BY id LIMIT 2')
      .pluck()
      .all() as number[];
    const add = v4.prepare(
      "INSERT INTO case_events (case_id, kind, actor_name, at, note) VALUES (?, 'note', '张敏', ?, ?)",
    );
    for (let i = 0; i < 3; i++) {
      add.run(first, NOW + i, `a${i}`);
      add.run(second, NOW + i, `b${i}`);
    }
    const events = v4.prepare('SELECT count(*) FROM case_events').pluck().get() as number;
    v4.close();

    const upgraded = openDatabase(file, { appVersion: 'new', now: NOW });
    expect(upgraded.migrated).toEqual(
      MIGRATIONS.filter((m) => m.version > 4).map((m) => m.version),
    );
    const db = upgraded.db;
    expect(db.prepare('SELECT count(*) FROM case_event_chain').pluck().get()).toBe(events);
    expect(verifyHistoryChain(db)).toMatchObject({ events, brokenCases: 0 });
    const bulletin = bulletinById(db, 1)!;
    expect(bulletin.checksumOk).toBe(true);
    expect(db.prepare('SELECT checksum FROM bulletins WHERE id = 1').pluck().get()).toBe(
      bulletinChecksum(bulletin),
    );
    // The bulletin is frozen again after the backfill.
    expect(() => db.exec("UPDATE bulletins SET title = 'x'")).toThrow(/frozen/);
    // New events continue each case's chain from the backfilled links.
    db.prepare(
      "INSERT INTO case_events (case_id, kind, actor_name, at, note) VALUES (?, 'note', '张敏', ?, 'after')",
    ).run(first, NOW + 10);
    expect(verifyHistoryChain(db).brokenCases).toBe(0);
    db.close();
  });
});
