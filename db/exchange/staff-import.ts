/**
 * Importing a staff roster (网格人员, xlsx or csv) inside the caller's transaction: each row
 * is one person in one role on one grid. A person is matched by name and phone (by name and
 * grid when the file has no phone); a known person's phone, gender, party membership and
 * unit are updated; a role they do not hold yet is added. Rosters are small, so rows are
 * written one by one; the same file read twice changes nothing.
 */
import type { CellValue } from '../../core/exchange/cell-value';
import type { ColumnMapping } from '../../core/exchange/header-map';
import type { ImportNote, RowIssue } from '../../core/exchange/issues';
import {
  checkStaffRow,
  STAFF_COLUMNS,
  STAFF_HEADER_LOOKUP,
  STAFF_KEYS,
  type StaffKey,
  type StaffRecord,
} from '../../core/exchange/staff-row';
import type { Db } from '../open';
import type { InvalidRowSink } from './case-import';
import {
  emptyCounts,
  MAX_KEPT_ISSUES,
  type ImportCounts,
  type ImportProgress,
} from './import-report';
import { keyedTable } from './keyed-rows';
import type { RowSource } from './row-source';

interface StaffImportOutcome {
  counts: ImportCounts;
  issues: RowIssue[];
  issueCount: number;
  notes: ImportNote[];
  headerRow: number | null;
}

interface StaffRow {
  id: number;
  phone: string | null;
  gender: string | null;
  party_member: number;
  unit_code: string | null;
}

export async function importStaffRows(
  db: Db,
  source: RowSource,
  options: {
    fileName: string;
    skipInvalid: boolean;
    mapping?: ColumnMapping<StaffKey>;
    now: number;
    invalidRows?: InvalidRowSink;
    signal?: AbortSignal;
    onProgress?: (p: ImportProgress) => void;
  },
): Promise<StaffImportOutcome> {
  const table = await keyedTable<StaffKey>(source, {
    lookup: STAFF_HEADER_LOOKUP,
    keyColumn: { key: 'name', zh: '姓名' },
    fileName: options.fileName,
    ...(options.mapping ? { mapping: options.mapping } : {}),
  });
  const out: StaffImportOutcome = {
    counts: emptyCounts(),
    issues: [],
    issueCount: 0,
    notes: table.notes,
    headerRow: table.headerRow,
  };
  const places = new Set(db.prepare<[], string>('SELECT code FROM places').pluck().all());
  const units = new Map<string, string>();
  for (const u of db
    .prepare<[], { code: string; name: string }>('SELECT code, name FROM units')
    .all()) {
    units.set(u.code, u.code);
    units.set(u.name, u.code);
  }
  const byPhone = db.prepare<[string, string], StaffRow>(
    'SELECT id, phone, gender, party_member, unit_code FROM staff WHERE name = ? AND phone = ?',
  );
  const byPlace = db.prepare<[string, string], StaffRow>(
    `SELECT s.id, s.phone, s.gender, s.party_member, s.unit_code FROM staff s
      WHERE s.name = ? AND s.phone IS NULL AND EXISTS (SELECT 1 FROM staff_roles r WHERE r.staff_id = s.id AND r.place_code = ?)`,
  );
  const insertStaff = db.prepare(
    'INSERT INTO staff (name, phone, gender, party_member, unit_code, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const updateStaff = db.prepare(
    'UPDATE staff SET gender = ?, party_member = ?, unit_code = ? WHERE id = ?',
  );
  const insertRole = db.prepare(
    `INSERT INTO staff_roles (staff_id, role, place_code, building, households) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (staff_id, role, place_code, building) DO NOTHING`,
  );
  const hasRole = db
    .prepare<[number, string, string, string | null], number>(
      'SELECT 1 FROM staff_roles WHERE staff_id = ? AND role = ? AND place_code = ? AND building IS ?',
    )
    .pluck();
  const headerOf = (key: StaffKey) => STAFF_COLUMNS.find((c) => c.key === key)!.zh;
  if (table.headerCells) options.invalidRows?.header(table.headerCells);

  const write = (r: StaffRecord) => {
    const found = r.phone ? byPhone.get(r.name, r.phone) : byPlace.get(r.name, r.placeCode);
    let staffId: number;
    let changed = false;
    if (!found) {
      staffId = Number(
        insertStaff.run(r.name, r.phone, r.gender, r.partyMember ? 1 : 0, r.unitCode, options.now)
          .lastInsertRowid,
      );
    } else {
      staffId = found.id;
      const gender = r.gender ?? found.gender;
      const unit = r.unitCode ?? found.unit_code;
      if (
        gender !== found.gender ||
        (r.partyMember ? 1 : 0) !== found.party_member ||
        unit !== found.unit_code
      ) {
        updateStaff.run(gender, r.partyMember ? 1 : 0, unit, staffId);
        changed = true;
      }
    }
    const roleIsNew = !hasRole.get(staffId, r.role, r.placeCode, r.building);
    if (roleIsNew) insertRole.run(staffId, r.role, r.placeCode, r.building, r.households);
    if (!found || roleIsNew) out.counts.new += 1;
    else if (changed) out.counts.updated += 1;
    else out.counts.unchanged += 1;
  };

  const started = performance.now();
  for await (const batch of table.rows) {
    if (options.signal?.aborted) throw options.signal.reason;
    for (const row of batch) {
      out.counts.rows += 1;
      const result = checkStaffRow(row.cells, {
        placeExists: (code) => places.has(code),
        unitCode: (text) => units.get(text) ?? null,
      });
      if (!result.ok) {
        out.counts.invalid += 1;
        for (const issue of result.issues) {
          out.issueCount += 1;
          if (out.issues.length < MAX_KEPT_ISSUES)
            out.issues.push({
              row: row.row,
              column: row.headers[issue.key] ?? headerOf(issue.key),
              value: issue.value,
              message: issue.message,
            });
        }
        const raw: CellValue[] = row.raw ?? STAFF_KEYS.map((k) => row.cells[k] ?? null);
        options.invalidRows?.row(raw, result.issues.map((i) => i.message.zh).join('；'));
        continue;
      }
      if (options.skipInvalid || out.counts.invalid === 0) write(result.record);
    }
    options.onProgress?.({
      phase: 'writing',
      rows: out.counts.rows,
      bytesRead: source.bytesRead(),
      bytesTotal: source.bytesTotal,
      rowsPerSecond: out.counts.rows / Math.max(0.001, (performance.now() - started) / 1000),
      fileName: options.fileName,
    });
  }
  return out;
}
