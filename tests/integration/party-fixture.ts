/**
 * A hand-made party-building register (issue 14) for the figures' tests: two communities,
 * two units, three members, service records, projects, wishes and volunteer activities
 * around October 2026. tests/integration/party-figures.test.ts computes each figure by hand.
 */
import type { Db } from '../../db/open';

export const now = Date.UTC(2026, 10, 5, 2, 0); // 2026-11-05 10:00 Shanghai
export const at = (month: number, day: number, hour = 10) =>
  Date.UTC(2026, month - 1, day, hour - 8);
export const A = '990101001001';
export const B = '990101001002';

export function seedPartyFixture(db: Db): void {
  const run = (sql: string, ...params: unknown[]) => db.prepare(sql).run(...params);
  const place = `INSERT INTO places (code, level, grid_type, name, parent_code, community_code, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, 0)`;
  run(place, '990101001', 'street', null, '测试街道', null, null);
  run(place, A, 'community', null, '甲社区', '990101001', null);
  run(place, B, 'community', null, '乙社区', '990101001', null);
  run(place, `${A}001`, 'grid', 'basic', '甲社区第1网格', A, A);
  run(place, `${B}001`, 'grid', 'basic', '乙社区第1网格', B, B);
  const unit = `INSERT INTO party_units (id, code, name, community_code, created_at, updated_at) VALUES (?, ?, ?, ?, 0, 0)`;
  run(unit, 1, 'U1', '区税务局机关党委', A);
  run(unit, 2, 'U2', '区医院党总支', B);
  const member = `INSERT INTO party_members (id, code, name, unit_id, home_community_code, home_grid_code, reported_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0)`;
  run(member, 1, 'M1', '党员甲', 1, A, `${A}001`, '2026-09-01');
  run(member, 2, 'M2', '党员乙', 1, B, `${B}001`, '2026-10-15');
  run(member, 3, 'M3', '党员丙', 2, B, `${B}001`, '2026-11-02');
  const record = `INSERT INTO service_records (member_id, unit_id, served_on, activity, hours, created_at) VALUES (?, ?, ?, '入户走访', ?, 0)`;
  run(record, 1, 1, '2026-10-03', 2);
  run(record, 1, 1, '2026-10-20', 1.5);
  run(record, 2, 1, '2026-10-31', 3);
  run(record, 1, 1, '2026-11-01', 5);
  const project = `INSERT INTO party_projects (code, title, owner_unit_id, community_code, ordered_by, budget_fen, spent_fen,
      planned_start, planned_end, actual_start, actual_end, status, cancel_reason, created_at, updated_at)
    VALUES (?, ?, ?, ?, 'community', ?, ?, ?, ?, ?, ?, ?, ?, 0, 0)`;
  run(
    project,
    'P1',
    '助餐点',
    1,
    A,
    100_000,
    90_000,
    '2026-09-20',
    '2026-10-10',
    '2026-09-20',
    '2026-10-12',
    'done',
    null,
  );
  run(
    project,
    'P2',
    '楼道扶手',
    1,
    A,
    50_000,
    0,
    '2026-10-25',
    '2026-10-30',
    '2026-10-25',
    null,
    'in_progress',
    null,
  );
  run(
    project,
    'P3',
    '路灯',
    2,
    B,
    70_000,
    0,
    '2026-11-01',
    '2026-11-30',
    null,
    null,
    'planned',
    null,
  );
  run(
    project,
    'P4',
    '门禁',
    2,
    B,
    30_000,
    0,
    '2026-10-01',
    '2026-10-31',
    null,
    null,
    'cancelled',
    '资金未落实',
  );
  const wish = `INSERT INTO wishes (code, title, grid_code, community_code, state, published_at, claimed_by_member_id, claimed_at, fulfilled_at, due_at, created_at, updated_at)
    VALUES (?, '心愿', ?, ?, ?, ?, ?, ?, ?, ?, 0, 0)`;
  run(wish, 'W1', `${A}001`, A, 'fulfilled', at(10, 5), 1, at(10, 6), at(10, 20), null);
  run(wish, 'W2', `${A}001`, A, 'published', at(10, 28), null, null, null, at(11, 4));
  run(wish, 'W3', `${B}001`, B, 'claimed', at(9, 10), 2, at(9, 12), null, at(10, 12));
  run(
    "INSERT INTO volunteer_teams (id, code, name, community_code, created_at) VALUES (1, 'T1', '甲队', ?, 0)",
    A,
  );
  run(
    "INSERT INTO volunteer_teams (id, code, name, community_code, created_at) VALUES (2, 'T2', '乙队', ?, 0)",
    B,
  );
  const activity = `INSERT INTO volunteer_activities (code, team_id, held_on, theme, participants, party_participants, hours, created_at) VALUES (?, 1, ?, '服务日', ?, ?, ?, 0)`;
  run(activity, 'A1', '2026-10-10', 10, 4, 20);
  run(activity, 'A2', '2026-09-30', 5, 5, 10);
}
