/**
 * The demo street's party-building registers (issue 14): sized as GRID-WORK.md's figures
 * scaled to one street, consistent (a wish's state is its last event's, a done project
 * has its end day and money), the same for the same seed, and wish history append-only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOrCreateDatabase } from '../../db/bootstrap';
import type { Db } from '../../db/open';
import { readPartyCounts } from '../../db/queries/app-info';
import { dayString } from '../../core/time';

const now = Date.UTC(2026, 10, 21, 6, 0);
let dir: string;
const opened: Db[] = [];

function demo(name: string, seed?: number): Db {
  const { db } = openOrCreateDatabase(path.join(dir, name), {
    appVersion: 'test',
    now,
    demoWhenNew: true,
    ...(seed === undefined ? {} : { demoSeed: seed }),
  });
  opened.push(db);
  return db;
}

let db: Db;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-demo-party-'));
  db = demo('a.sqlite');
});
afterAll(() => {
  for (const d of opened) d.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const value = (sql: string, ...params: unknown[]) =>
  db
    .prepare(sql)
    .pluck()
    .get(...params) as number;

describe("the demo street's party registers", () => {
  it('is sized like one street of the reports', () => {
    const counts = readPartyCounts(db);
    expect(counts.party_units).toBeGreaterThanOrEqual(110);
    expect(counts.party_units).toBeLessThanOrEqual(156);
    expect(counts.members).toBeGreaterThanOrEqual(2_200);
    expect(counts.members).toBeLessThanOrEqual(3_000);
    expect(counts.projects).toBeGreaterThanOrEqual(550);
    expect(counts.projects).toBeLessThanOrEqual(700);
    expect(counts.volunteer_teams).toBe(24);
    // Every community is paired with units; the projects come to about 2 million yuan.
    expect(value('SELECT count(DISTINCT community_code) FROM party_units')).toBe(12);
    const yuan = value('SELECT sum(budget_fen) / 100 FROM party_projects');
    expect(yuan).toBeGreaterThan(1_200_000);
    expect(yuan).toBeLessThan(2_800_000);
    // Wishes and activities lie in the last 90 days; projects over the year.
    expect(value('SELECT min(published_at) FROM wishes')).toBeGreaterThanOrEqual(
      now - 91 * 86_400_000,
    );
    expect(value('SELECT max(published_at) FROM wishes')).toBeLessThanOrEqual(now);
    const firstActivity = db.prepare('SELECT min(held_on) FROM volunteer_activities').pluck().get();
    expect(String(firstActivity) >= dayString(now - 92 * 86_400_000)).toBe(true);
  });

  it("keeps each wish's state its last event's, with its clock where one runs", () => {
    const mismatched = value(
      `SELECT count(*) FROM wishes w
        WHERE w.state <> (SELECT e.to_state FROM wish_events e WHERE e.wish_id = w.id ORDER BY e.at DESC, e.id DESC LIMIT 1)`,
    );
    expect(mismatched).toBe(0);
    expect(
      value(
        "SELECT count(*) FROM wishes WHERE state IN ('published', 'claimed') AND due_at IS NULL",
      ),
    ).toBe(0);
    expect(
      value(
        "SELECT count(*) FROM wishes WHERE state NOT IN ('published', 'claimed') AND due_at IS NOT NULL",
      ),
    ).toBe(0);
    // Some are late, most are not: the agenda has something to show.
    const overdue = value(
      "SELECT count(*) FROM wishes WHERE state IN ('published', 'claimed') AND due_at < ?",
      now,
    );
    expect(overdue).toBeGreaterThan(0);
    expect(overdue).toBeLessThan(value('SELECT count(*) FROM wishes') / 4);
  });

  it('has done projects with their end day and money, cancelled ones with a reason', () => {
    expect(
      value(
        "SELECT count(*) FROM party_projects WHERE status = 'done' AND (actual_end IS NULL OR spent_fen = 0)",
      ),
    ).toBe(0);
    expect(
      value("SELECT count(*) FROM party_projects WHERE status = 'done' AND spent_fen > budget_fen"),
    ).toBe(0);
    expect(
      value(
        "SELECT count(*) FROM party_projects WHERE status = 'cancelled' AND cancel_reason IS NULL",
      ),
    ).toBe(0);
    expect(
      value(
        'SELECT count(*) FROM party_project_links WHERE need_id IS NULL AND resource_id IS NULL',
      ),
    ).toBe(0);
    expect(value("SELECT count(*) FROM party_needs WHERE status = 'matched'")).toBeGreaterThan(100);
  });

  it("never rewrites a wish's history", () => {
    expect(() => db.prepare('UPDATE wish_events SET note = ? WHERE id = 1').run('改写')).toThrow(
      /append-only/,
    );
    expect(() => db.prepare('DELETE FROM wish_events WHERE id = 1').run()).toThrow(/append-only/);
    expect(() =>
      db
        .prepare(
          "REPLACE INTO wish_events (id, wish_id, kind, at, actor, to_state) VALUES (1, 1, 'note', 0, 'x', 'published')",
        )
        .run(),
    ).toThrow(/append-only/);
  });

  it('is the same for the same seed', () => {
    const dump = (d: Db) =>
      [
        'party_units',
        'party_members',
        'service_records',
        'party_projects',
        'wishes',
        'wish_events',
        'volunteer_activities',
      ].map((table) => d.prepare(`SELECT * FROM ${table} ORDER BY id`).all());
    const seed = Number(
      db.prepare("SELECT value FROM app_meta WHERE key = 'demo_seed'").pluck().get(),
    );
    expect(dump(demo('b.sqlite', seed))).toEqual(dump(db));
  });
});
