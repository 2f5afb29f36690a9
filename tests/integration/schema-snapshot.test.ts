/**
 * The whole schema of a freshly migrated database (sqlite_master, every table, index,
 * trigger and view, SQLite's own included) against the committed tests/fixtures/schema.sql,
 * so a change to the schema is always a visible, reviewed migration. After adding a
 * migration, regenerate the snapshot and review its difference:
 *
 *   UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run tests/integration/schema-snapshot.test.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOrCreateDatabase } from '../../db/bootstrap';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations';
import type { Db } from '../../db/open';

const SNAPSHOT = path.resolve(import.meta.dirname, '../fixtures/schema.sql');
const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../db/migrations');
const REGENERATE =
  'UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run tests/integration/schema-snapshot.test.ts';

interface SchemaEntry {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

/** The snapshot's text: a header, then one entry per sqlite_master row, in query order. */
function renderSchema(entries: SchemaEntry[], userVersion: number): string {
  const header = [
    `-- The schema of a freshly migrated GridDesk database (user_version ${userVersion}):`,
    '-- SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name.',
    '-- Checked by tests/integration/schema-snapshot.test.ts. Do not edit by hand: a schema',
    '-- change is a new migration in db/migrations/, then this file is regenerated with',
    `--   ${REGENERATE}`,
    '-- and the difference reviewed with the migration.',
  ].join('\n');
  const body = entries.map((entry) => {
    const title = `-- ${entry.type} ${entry.name} on ${entry.tbl_name}`;
    return entry.sql === null
      ? `${title}\n-- (no SQL: created by SQLite itself)`
      : `${title}\n${entry.sql};`;
  });
  return `${[header, ...body].join('\n\n')}\n`;
}

/** The number of the last migration file, db/migrations/NNN-name.sql.ts. */
function lastMigrationNumber(): number {
  const numbers = fs
    .readdirSync(MIGRATIONS_DIR)
    .map((name) => /^(\d+)-.+\.sql\.ts$/.exec(name)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number);
  return Math.max(...numbers);
}

describe('the schema of a freshly migrated database', () => {
  let dir: string;
  let db: Db;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-schema-'));
    db = openOrCreateDatabase(path.join(dir, 'fresh.sqlite'), {
      appVersion: 'test',
      now: Date.UTC(2026, 10, 21, 6),
      demoWhenNew: false,
    }).db;
  });

  afterAll(() => {
    db?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('has the user_version of the last migration', () => {
    const userVersion = db.pragma('user_version', { simple: true });
    expect(userVersion).toBe(lastMigrationNumber());
    expect(userVersion).toBe(LATEST_SCHEMA_VERSION);
  });

  it('is the committed tests/fixtures/schema.sql', () => {
    const entries = db
      .prepare<[], SchemaEntry>(
        'SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name',
      )
      .all();
    const actual = renderSchema(entries, db.pragma('user_version', { simple: true }) as number);
    if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') {
      fs.writeFileSync(SNAPSHOT, actual);
      return;
    }
    const committed = fs.existsSync(SNAPSHOT) ? fs.readFileSync(SNAPSHOT, 'utf8') : '';
    expect(
      actual,
      `The schema of a freshly migrated database differs from tests/fixtures/schema.sql. ` +
        `A schema change needs a new migration in db/migrations/ (the old ones are history): ` +
        `add the migration, then regenerate the snapshot with ${REGENERATE} ` +
        `and commit its difference with the migration.`,
    ).toBe(committed);
  });
});
