/**
 * A city-sized party-building register for the benchmarks (issue 14's figures): the demo
 * street's places, then 2,407 units, 143,000 members, 740,000 service records over the
 * year, 50,000 volunteers in 1,000 teams, 12,000 needs, 9,000 resources, 14,000 projects and
 * 30,000 activities, written by SQL in a few seconds (generated, never committed).
 */
import type { Db } from '../../db/open';

export const CITY = {
  units: 2_407,
  members: 143_000,
  records: 740_000,
  volunteers: 50_000,
  teams: 1_000,
  needs: 12_000,
  resources: 9_000,
  projects: 14_000,
  activities: 30_000,
};

export function fillCityRegister(db: Db, year: number, now: number): void {
  const grids = db
    .prepare(
      "SELECT code, community_code AS community FROM places WHERE level = 'grid' ORDER BY code",
    )
    .all() as { code: string; community: string }[];
  db.exec('CREATE TEMP TABLE bench_grids (n INTEGER PRIMARY KEY, code TEXT, community TEXT)');
  const insertGrid = db.prepare('INSERT INTO bench_grids (n, code, community) VALUES (?, ?, ?)');
  grids.forEach((g, i) => insertGrid.run(i, g.code, g.community));
  const g = grids.length;
  const day = (expr: string) => `date('${year}-01-01', '+' || (${expr}) || ' days')`;
  const run = db.transaction(() => {
    db.exec(
      'DELETE FROM party_project_links; DELETE FROM party_projects; DELETE FROM party_resources; DELETE FROM party_needs;',
    );
    db.exec(
      'DELETE FROM service_records; DELETE FROM volunteer_activities; DELETE FROM volunteers; DELETE FROM volunteer_teams;',
    );
    db.exec('UPDATE wishes SET claimed_by_member_id = NULL, claimed_by_unit_id = NULL');
    db.exec('DELETE FROM party_members; DELETE FROM party_unit_areas; DELETE FROM party_units;');
    db.exec(`
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${CITY.units})
      INSERT INTO party_units (id, code, name, contact_name, contact_phone, community_code, agreement_on, created_at, updated_at)
      SELECT i, 'DW' || printf('%05d', i), '市第' || i || '机关党支部', '联系人' || i, '139' || printf('%08d', i),
             (SELECT community FROM bench_grids WHERE n = i % ${g}), ${day('i % 300')}, ${now}, ${now} FROM n;
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${CITY.members})
      INSERT INTO party_members (id, code, name, phone, unit_id, home_community_code, home_grid_code, reported_on, skills, created_at, updated_at)
      SELECT i, 'DY' || printf('%06d', i), '党员' || i, '138' || printf('%08d', i), 1 + i % ${CITY.units},
             (SELECT community FROM bench_grids WHERE n = i % ${g}), (SELECT code FROM bench_grids WHERE n = i % ${g}),
             ${day('i % 330')}, CASE i % 4 WHEN 0 THEN '法律咨询' WHEN 1 THEN '维修' ELSE NULL END, ${now}, ${now} FROM n;
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${CITY.records})
      INSERT INTO service_records (member_id, served_on, place_code, activity, theme, hours, created_at)
      SELECT 1 + (i * 7919) % ${CITY.members}, ${day('i % 335')}, (SELECT code FROM bench_grids WHERE n = i % ${g}),
             '社区志愿服务', '每周六党员志愿服务日', 1 + (i % 4) * 0.5, ${now} FROM n;
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${CITY.teams})
      INSERT INTO volunteer_teams (id, code, name, community_code, leader_name, leader_phone, created_at)
      SELECT i, 'ZYD' || printf('%04d', i), '志愿服务队' || i, (SELECT community FROM bench_grids WHERE n = i % ${g}),
             '队长' || i, '137' || printf('%08d', i), ${now} FROM n;
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${CITY.volunteers})
      INSERT INTO volunteers (team_id, name, phone, party_member, joined_on, created_at)
      SELECT 1 + i % ${CITY.teams}, '志愿者' || i, '136' || printf('%08d', i), i % 3 = 0, ${day('i % 330')}, ${now} FROM n;
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${CITY.activities})
      INSERT INTO volunteer_activities (code, team_id, held_on, theme, place_code, participants, party_participants, hours, created_at)
      SELECT 'HD' || printf('%06d', i), 1 + i % ${CITY.teams}, ${day('i % 335')}, '环境整治',
             (SELECT code FROM bench_grids WHERE n = i % ${g}), 10 + i % 20, 3 + i % 7, 20 + i % 40, ${now} FROM n;
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${CITY.needs})
      INSERT INTO party_needs (id, code, title, place_code, category, households, urgency, raised_on, status, created_at, updated_at)
      SELECT i, 'XQ' || printf('%05d', i), '需求' || i, (SELECT code FROM bench_grids WHERE n = i % ${g}),
             'facilities', 10 + i % 200, 'normal', ${day('i % 335')}, CASE WHEN i % 3 = 0 THEN 'open' ELSE 'matched' END, ${now}, ${now} FROM n;
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${CITY.resources})
      INSERT INTO party_resources (id, code, title, kind, unit_id, community_code, capacity, amount_fen, created_at, updated_at)
      SELECT i, 'ZY' || printf('%05d', i), '资源' || i, 'funds', 1 + i % ${CITY.units},
             (SELECT community FROM bench_grids WHERE n = i % ${g}), NULL, 100000 * (1 + i % 50), ${now}, ${now} FROM n;
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${CITY.projects})
      INSERT INTO party_projects (id, code, title, owner_unit_id, community_code, ordered_by, budget_fen, spent_fen, planned_start, planned_end,
             actual_start, actual_end, status, approved_by, approved_at, created_at, updated_at)
      SELECT i, 'XM' || printf('%05d', i), '项目' || i, 1 + i % ${CITY.units}, (SELECT community FROM bench_grids WHERE n = i % ${g}),
             'community', 300000, CASE WHEN i % 2 = 0 THEN 280000 ELSE 0 END, ${day('i % 300')}, ${day('i % 300 + 30')},
             ${day('i % 300')}, CASE WHEN i % 2 = 0 THEN ${day('i % 300 + 25')} END,
             CASE WHEN i % 2 = 0 THEN 'done' ELSE 'in_progress' END, '领导', ${now}, ${now}, ${now} FROM n;
      INSERT INTO party_project_links (project_id, need_id, resource_id)
      SELECT id, 1 + id % ${CITY.needs}, NULL FROM party_projects;
      INSERT INTO party_project_links (project_id, need_id, resource_id)
      SELECT id, NULL, 1 + id % ${CITY.resources} FROM party_projects;
    `);
  });
  run();
  db.exec('DROP TABLE bench_grids; ANALYZE;');
}
