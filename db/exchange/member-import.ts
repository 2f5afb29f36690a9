/**
 * Importing a members' roster (在职党员名册, .xlsx or .csv; issue 14) under CITY-EXCHANGE.md's
 * rules: every row is checked first (problems by Excel row and column), and only then is the
 * whole file written in one transaction, or nothing when a row is wrong (unless the valid
 * rows are asked for). A member is known by 党员编号, or else by name and phone, or else by
 * name and unit: the same file read twice changes nothing. Each member made or changed gets
 * an 'import' event in the registers' history, and the import one line in the audit log.
 */
import type { CellValue } from '../../core/exchange/cell-value';
import {
  checkMemberRow,
  MEMBER_COLUMNS,
  MEMBER_HEADER_LOOKUP,
  type MemberKey,
  type MemberRecord,
} from '../../core/party/member-row';
import type { Db } from '../open';
import { insertRegisterEvent, nextRegisterCode } from '../queries/party-register-events';
import { recordAudit } from '../queries/users';
import type { ImportProgress } from './import-report';
import { registerLookups } from './register-lookups';
import { readRegisterRows, type RegisterReading } from './register-reading';

/** Days between Excel's 1900 and 1904 date systems. */
const DAYS_1904 = 1462;

export type MemberImportReport = RegisterReading & { kind: 'members' };

interface Existing {
  id: number;
  code: string;
  name: string;
  phone: string | null;
  unit_id: number;
  home_community_code: string | null;
  home_grid_code: string | null;
  reported_on: string;
  skills: string | null;
  active: number;
}

export async function importMembersFile(
  db: Db,
  file: string,
  options: {
    skipInvalid: boolean;
    now: number;
    actor: string;
    sheet?: string | null;
    onProgress?: (p: ImportProgress) => void;
  },
): Promise<MemberImportReport> {
  // Units by code or name ('ambiguous' when two share it), grids and communities by code.
  const known = registerLookups(db);
  const lookups = {
    unitId: (text: string) => known.unit(text) ?? known.unit(text.toUpperCase()),
    communityOf: (code: string) => known.place(code)?.community ?? null,
  };
  const { reading, valid: checked } = await readRegisterRows<MemberKey, MemberRecord>(
    file,
    {
      title: '党员名册',
      lookup: MEMBER_HEADER_LOOKUP,
      keyColumn: { key: 'name', zh: '姓名' },
      headerOf: (key) => MEMBER_COLUMNS.find((c) => c.key === key)!.zh,
      check: (row, date1904) => {
        const cells: Partial<Record<MemberKey, CellValue>> = { ...row };
        if (date1904 && typeof cells.reported_on === 'number') cells.reported_on += DAYS_1904;
        const result = checkMemberRow(cells, lookups);
        return result.ok
          ? { ok: true, value: result.record }
          : { ok: false, problems: result.issues };
      },
    },
    options,
  );
  const report: MemberImportReport = { ...reading, kind: 'members' };
  const valid = checked.map(({ row, value }) => ({ row, record: value }));
  if (report.counts.invalid > 0 && !options.skipInvalid) return report;
  writeMembers(db, valid, report, options);
  return report;
}

function writeMembers(
  db: Db,
  valid: { row: number; record: MemberRecord }[],
  report: MemberImportReport,
  options: { now: number; actor: string },
): void {
  // Every member in memory, by the three keys a roster may give: a lookup per row by name
  // would read the whole table each time (a city's 143,000 members, 100,000 rows).
  const byCode = new Map<string, Existing>();
  const byPhone = new Map<string, Existing>();
  const byUnit = new Map<string, Existing>();
  const remember = (m: Existing) => {
    byCode.set(m.code, m);
    if (m.phone) {
      if (!byPhone.has(`${m.name}\u0000${m.phone}`)) byPhone.set(`${m.name}\u0000${m.phone}`, m);
    } else if (!byUnit.has(`${m.name}\u0000${m.unit_id}`))
      byUnit.set(`${m.name}\u0000${m.unit_id}`, m);
  };
  for (const m of db
    .prepare<[], Existing>(
      `SELECT id, code, name, phone, unit_id, home_community_code, home_grid_code, reported_on, skills, active
         FROM party_members ORDER BY id`,
    )
    .iterate())
    remember(m);
  const insert = db.prepare(
    `INSERT INTO party_members (code, name, phone, unit_id, home_community_code, home_grid_code, reported_on, skills, active, created_at, updated_at)
     VALUES (@code, @name, @phone, @unitId, @community, @grid, @reportedOn, @skills, @active, @now, @now)`,
  );
  const update = db.prepare(
    `UPDATE party_members SET name = @name, phone = @phone, unit_id = @unitId, home_community_code = @community,
        home_grid_code = @grid, reported_on = @reportedOn, skills = @skills, active = @active, updated_at = @now
      WHERE id = @id`,
  );
  db.transaction(() => {
    // Codes the file gives for members the desk does not know are kept; the rest continue the series.
    let next = Number(nextRegisterCode(db, 'party_members', 'DY', 5).slice(2));
    const taken = new Set(valid.flatMap((v) => (v.record.code ? [v.record.code] : [])));
    const nextCode = () => {
      let code: string;
      do code = `DY${String(next++).padStart(5, '0')}`;
      while (taken.has(code));
      taken.add(code);
      return code;
    };
    const event = (itemId: number, note: string) =>
      insertRegisterEvent(db, {
        register: 'members',
        itemId,
        kind: 'import',
        at: options.now,
        actor: options.actor,
        note,
      });
    for (const { row, record } of valid) {
      // By code; else by name and phone; else by name and unit (a roster that adds or
      // changes a member's phone updates that member rather than adding a second one).
      const found = record.code
        ? byCode.get(record.code)
        : ((record.phone ? byPhone.get(`${record.name}\u0000${record.phone}`) : undefined) ??
          byUnit.get(`${record.name}\u0000${record.unitId}`));
      const values = {
        name: record.name,
        phone: record.phone,
        unitId: record.unitId,
        community: record.homeCommunityCode,
        grid: record.homeGridCode,
        reportedOn: record.reportedOn,
        skills: record.skills,
        active: record.active ? 1 : 0,
        now: options.now,
      };
      if (!found) {
        const code = record.code ?? nextCode();
        const id = Number(insert.run({ ...values, code }).lastInsertRowid);
        remember({
          id,
          code,
          name: values.name,
          phone: values.phone,
          unit_id: values.unitId,
          home_community_code: values.community,
          home_grid_code: values.grid,
          reported_on: values.reportedOn,
          skills: values.skills,
          active: values.active,
        });
        event(id, `${report.file} 第 ${row} 行`);
        report.counts.new += 1;
        continue;
      }
      const same =
        found.name === values.name &&
        found.phone === values.phone &&
        found.unit_id === values.unitId &&
        found.home_community_code === values.community &&
        found.home_grid_code === values.grid &&
        found.reported_on === values.reportedOn &&
        found.skills === values.skills &&
        found.active === values.active;
      if (same) {
        report.counts.unchanged += 1;
        continue;
      }
      update.run({ ...values, id: found.id });
      Object.assign(found, {
        name: values.name,
        phone: values.phone,
        unit_id: values.unitId,
        home_community_code: values.community,
        home_grid_code: values.grid,
        reported_on: values.reportedOn,
        skills: values.skills,
        active: values.active,
      });
      event(found.id, `${report.file} 第 ${row} 行（更新）`);
      report.counts.updated += 1;
    }
    recordAudit(db, options.now, options.actor, 'party.import', {
      kind: 'members',
      file: report.file,
      sha256: report.sha256,
      counts: report.counts,
    });
  })();
  report.written = true;
}
