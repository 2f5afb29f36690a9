/**
 * Writes the demo street 示范街道 into a database that has its reference data: its category
 * standard (assets/demo/standard.csv, the active version: demo-standard.ts), the places
 * (with their R*Tree boxes), community units, staff and party chain, the desk's users and a
 * quarter of cases with their histories, all from core/demo's pure generator, in one
 * transaction with statements prepared once. Each case is registered under one of its
 * minor's 立案条件 (cases.standard_id), its deadline from that row's limit
 * (loadClockRules with the standardId) in the work periods in force at its registration.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ClockRules } from '../../core/clocks';
import {
  demoSeedFor,
  generateDemoStreet,
  type DemoStandard,
  type DemoStreet,
} from '../../core/demo/generate';
import { periodsAt } from '../../core/limits/work-periods';
import { DEMO_STREET_CODE } from '../../core/demo/street';
import type { CategoryKind, Urgency } from '../../core/glossary';
import type { Db } from '../open';
import { loadClockRules, loadWorkCalendar } from '../queries/clock-rules';
import { loadWorkPeriodVersions } from '../queries/work-periods';
import { assetsDir } from './assets-dir';
import { importDemoStandard } from './demo-standard';
import { COMMUNITY_COMMITTEE_UNIT_NAME, STREET_UNIT } from './reference';
import { writeDemoCases } from './demo-cases';
import { writeDemoParty } from './demo-party';
import { generatePartyRegisters } from '../../core/demo/party';
import { SeededRandom } from '../../core/demo/random';

export type DemoProgress = (done: number, total: number, label: string) => void;

interface DemoSeedOptions {
  now: number;
  /** Defaults to one derived from the Shanghai day of `now`. */
  seed?: number;
  onProgress?: DemoProgress;
}

export function seedDemoStreet(db: Db, options: DemoSeedOptions): { seed: number; cases: number } {
  const { now } = options;
  const categoryCount = db.prepare('SELECT count(*) FROM categories').pluck().get() as number;
  if (categoryCount === 0) {
    throw new Error(
      '数据库中还没有参考数据（案件类别、单位），无法生成示范街道。(Seed the reference data first.)',
    );
  }
  if (db.prepare('SELECT 1 FROM places WHERE code = ?').get(DEMO_STREET_CODE)) {
    throw new Error(
      `示范街道 ${DEMO_STREET_CODE} 已存在，不再重复生成。(The demo street is already there.)`,
    );
  }
  const seed = options.seed ?? demoSeedFor(now);
  const report = options.onProgress ?? (() => {});
  let cases = 0;
  let total = 0;
  // One transaction from the standard to the last case: a failure leaves no half street.
  db.transaction(() => {
    const version = importDemoStandard(db, now);
    const street = generateDemoStreet({
      now,
      seed,
      featureCollection: JSON.parse(
        fs.readFileSync(path.join(assetsDir(), 'demo', 'grids.geojson'), 'utf8'),
      ),
      ...readReferenceInputs(db, version),
    });
    total =
      1 +
      street.places.communities.length +
      street.places.grids.length +
      street.staffing.staff.length +
      street.cases.length;
    cases = street.cases.length;
    const placesDone = writePlaces(db, street, now);
    report(placesDone, total, '网格');
    const staffDone = writeStaffing(db, street, now);
    report(placesDone + staffDone, total, '人员');
    const userIds = writeUsers(db, street, now);
    writeDemoCases(db, street.cases, userIds, (done) =>
      report(placesDone + staffDone + done, total, '案卷'),
    );
    // 党建引领: units, members, the three lists, small wishes, volunteers (issue 14).
    writeDemoParty(
      db,
      generatePartyRegisters({
        random: new SeededRandom(seed).derive('party'),
        now,
        communities: street.places.communities,
        grids: street.places.grids.map((g) => ({
          code: g.code,
          name: g.name,
          communityCode: g.communityCode ?? g.parentCode!,
        })),
      }),
      now,
    );
    report(total, total, '党建');
    db.prepare(
      `INSERT INTO app_meta (key, value) VALUES ('demo_seed', ?)
       ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
    ).run(String(seed));
  })();
  report(total, total, '完成');
  return { seed, cases };
}

function readReferenceInputs(db: Db, standardVersion: number) {
  const categories = db
    .prepare<
      [],
      { code: string; kind: CategoryKind; minorName: string; defaultUnitCode: string | null }
    >(
      `SELECT code, kind, minor_name AS minorName, default_unit_code AS defaultUnitCode
         FROM categories WHERE active = 1 ORDER BY code`,
    )
    .all();
  // Each minor's 立案条件 in the demo's standard, in the city's order.
  const standards = new Map<string, DemoStandard[]>();
  for (const row of db
    .prepare<[number], { id: number; code: string; condition: string }>(
      `SELECT id, category_code AS code, condition FROM category_standards
        WHERE version_id = ? ORDER BY category_code, position`,
    )
    .all(standardVersion)) {
    const list = standards.get(row.code) ?? [];
    list.push({ id: row.id, condition: row.condition });
    standards.set(row.code, list);
  }
  const departments = db
    .prepare<[], { code: string; name: string }>(
      "SELECT code, name FROM units WHERE kind = 'department' AND active = 1 ORDER BY sort_order, code",
    )
    .all();
  const committee = db
    .prepare<[string], string>('SELECT code FROM units WHERE name = ?')
    .pluck()
    .get(COMMUNITY_COMMITTEE_UNIT_NAME);
  const streetUnit = db
    .prepare<[string], string>(
      "SELECT code FROM units WHERE kind = 'street' ORDER BY code <> ?, code LIMIT 1",
    )
    .pluck()
    .get(STREET_UNIT.code);
  const calendar = loadWorkCalendar(db);
  const periodVersions = loadWorkPeriodVersions(db);
  const rulesCache = new Map<string, ClockRules>();
  const clockRules = (
    categoryCode: string,
    urgency: Urgency,
    standardId?: number | null,
  ): ClockRules => {
    const key = `${categoryCode}:${urgency}:${standardId ?? ''}`;
    let rules = rulesCache.get(key);
    if (!rules) {
      rules = loadClockRules(db, categoryCode, urgency, standardId);
      rulesCache.set(key, rules);
    }
    return rules;
  };
  return {
    categories: categories.map((c) => ({ ...c, standards: standards.get(c.code) ?? [] })),
    departments,
    // Without a 社区居委会 unit no category routes to "the case's community".
    communityCommitteeUnitCode: committee ?? '',
    streetUnitCode: streetUnit ?? STREET_UNIT.code,
    calendar,
    clockRules,
    periodsAt: (instant: number) => periodsAt(periodVersions, instant),
  };
}

function writePlaces(db: Db, street: DemoStreet, now: number): number {
  const insertPlace = db.prepare(
    `INSERT INTO places (code, level, grid_type, name, parent_code, community_code, households, population,
       boundary, min_lng, min_lat, max_lng, max_lat, center_lng, center_lat, created_at, updated_at)
     VALUES (@code, @level, @gridType, @name, @parentCode, @communityCode, @households, @population,
       @boundary, @minLng, @minLat, @maxLng, @maxLat, @centerLng, @centerLat, @now, @now)`,
  );
  const insertBounds = db.prepare(
    'INSERT INTO place_bounds (id, min_lng, max_lng, min_lat, max_lat) VALUES (?, ?, ?, ?, ?)',
  );
  const { places } = street;
  const all = [places.street, ...places.communities, ...places.grids];
  for (const place of all) {
    const { lastInsertRowid } = insertPlace.run({
      code: place.code,
      level: place.level,
      gridType: place.gridType,
      name: place.name,
      parentCode: place.parentCode,
      communityCode: place.communityCode,
      households: place.households,
      population: place.population,
      boundary: JSON.stringify(place.boundary),
      ...place.bbox,
      centerLng: place.center[0],
      centerLat: place.center[1],
      now,
    });
    // The R*Tree answers "which grid holds this point" for communities and grids.
    if (place.level !== 'street') {
      const { minLng, maxLng, minLat, maxLat } = place.bbox;
      insertBounds.run(lastInsertRowid, minLng, maxLng, minLat, maxLat);
    }
  }
  const insertUnit = db.prepare(
    `INSERT INTO units (code, name, kind, place_code, sort_order) VALUES (?, ?, 'community', ?, ?)
     ON CONFLICT DO NOTHING`,
  );
  places.communityUnits.forEach((unit, i) =>
    insertUnit.run(unit.code, unit.name, unit.placeCode, 100 + i),
  );
  // The command centre's unit now has a place: the street it serves.
  db.prepare("UPDATE units SET place_code = ? WHERE kind = 'street' AND place_code IS NULL").run(
    places.street.code,
  );
  return all.length;
}

function writeStaffing(db: Db, street: DemoStreet, now: number): number {
  const { staff, partyOrgs, roles } = street.staffing;
  const insertStaff = db.prepare(
    `INSERT INTO staff (name, phone, gender, party_member, unit_code, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const insertOrg = db.prepare(
    `INSERT INTO party_orgs (code, name, level, parent_id, place_code, secretary_staff_id) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const insertRole = db.prepare(
    `INSERT INTO staff_roles (staff_id, role, place_code, party_org_id, building, households) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const staffIds = staff.map((s) =>
    Number(
      insertStaff.run(s.name, s.phone, s.gender, s.partyMember ? 1 : 0, s.unitCode, now)
        .lastInsertRowid,
    ),
  );
  const orgIds: number[] = [];
  for (const org of partyOrgs) {
    const parentId = org.parentKey === null ? null : orgIds[org.parentKey]!;
    const secretaryId = org.secretaryStaffKey === null ? null : staffIds[org.secretaryStaffKey]!;
    orgIds.push(
      Number(
        insertOrg.run(org.code, org.name, org.level, parentId, org.placeCode, secretaryId)
          .lastInsertRowid,
      ),
    );
  }
  for (const role of roles) {
    const orgId = role.partyOrgKey === null ? null : orgIds[role.partyOrgKey]!;
    insertRole.run(
      staffIds[role.staffKey]!,
      role.role,
      role.placeCode,
      orgId,
      role.building,
      role.households,
    );
  }
  return staff.length;
}

/** The desk's demo users, without passwords (first-run setup sets them); username → id. */
function writeUsers(db: Db, street: DemoStreet, now: number): Map<string, number> {
  const insertUser = db.prepare(
    `INSERT INTO users (username, display_name, role, unit_code, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(username) DO NOTHING`,
  );
  const userId = db.prepare<[string], number>('SELECT id FROM users WHERE username = ?').pluck();
  const ids = new Map<string, number>();
  for (const user of street.users.all) {
    insertUser.run(user.username, user.displayName, user.role, user.unitCode, now);
    ids.set(user.username, userId.get(user.username)!);
  }
  return ids;
}
