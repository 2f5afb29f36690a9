/** Hand-made places and cases for the ranking tests: only the columns the indices read matter. */
import type { Db } from '../../db/open';

export const STREET = '990101001';
export const COMMUNITY_A = '990101001001';
export const COMMUNITY_B = '990101001002';

/** Shanghai wall clock → epoch ms. */
export const sh = (y: number, mo: number, d: number, h = 0, mi = 0) =>
  Date.UTC(y, mo - 1, d, h - 8, mi);

export function insertPlaces(db: Db): void {
  const insert = db.prepare(
    `INSERT INTO places (code, level, grid_type, name, parent_code, community_code, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 0, 0)`,
  );
  insert.run(STREET, 'street', null, '测试街道', null, null);
  insert.run(COMMUNITY_A, 'community', null, '甲社区', STREET, COMMUNITY_A);
  insert.run(COMMUNITY_B, 'community', null, '乙社区', STREET, COMMUNITY_B);
  insert.run(`${COMMUNITY_A}001`, 'grid', 'basic', '甲社区第1网格', COMMUNITY_A, COMMUNITY_A);
  insert.run(`${COMMUNITY_B}001`, 'grid', 'basic', '乙社区第1网格', COMMUNITY_B, COMMUNITY_B);
}

let serial = 0;

export interface FixtureCase {
  community: string;
  state?: string;
  reported?: number;
  due?: number;
  closed?: number;
  rework?: number;
  extensions?: number;
  satisfaction?: 'satisfied' | 'basically_satisfied' | 'unsatisfied';
  escalated?: boolean;
  supervised?: boolean;
  leadUnit?: string;
}

/** Inserts one case; registered 10 s after its report unless it is still 'reported'. */
export function insertCase(db: Db, c: FixtureCase): number {
  serial += 1;
  const state = c.state ?? (c.closed !== undefined ? 'closed' : 'dispatched');
  const reported = c.reported ?? (c.due ?? c.closed ?? 0) - 3 * 86_400_000;
  const registered = state === 'reported' ? null : reported + 10_000;
  const category = db
    .prepare('SELECT code FROM categories ORDER BY code LIMIT 1')
    .pluck()
    .get() as string;
  const lead =
    c.leadUnit ??
    (db
      .prepare("SELECT code FROM units WHERE kind = 'department' ORDER BY code LIMIT 1")
      .pluck()
      .get() as string);
  return Number(
    db
      .prepare(
        `INSERT INTO cases (case_no, source, category_code, grid_code, community_code, state, reported_at,
           registered_at, accept_due_at, due_at, closed_at, suspended_at, voided_at, rework_count, extension_count,
           satisfaction, callback_at, escalated, supervised, lead_unit_code, created_at, updated_at)
         VALUES (?, 'grid_patrol', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        `T${String(serial).padStart(8, '0')}`,
        category,
        `${c.community}001`,
        c.community,
        state,
        reported,
        registered,
        reported + 60_000,
        c.due ?? null,
        c.closed ?? null,
        state === 'suspended' ? reported + 20_000 : null,
        state === 'voided' ? reported + 20_000 : null,
        c.rework ?? 0,
        c.extensions ?? 0,
        c.satisfaction ?? null,
        c.satisfaction ? (c.closed ?? reported) + 3_600_000 : null,
        c.escalated ? 1 : 0,
        c.supervised ? 1 : 0,
        state === 'reported' ? null : lead,
        reported,
        reported,
      ).lastInsertRowid,
  );
}
