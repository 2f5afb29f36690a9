/**
 * The members' roster written out (在职党员名册, issue 14): the columns the import reads
 * (core/party/member-row.ts), so a roster exported, edited in WPS and imported again changes
 * just what was edited. With `template` only the header row: the blank form a unit fills in.
 * Phones are masked unless `unmasked` (administrators, the command line). The file is
 * written beside its name and renamed into place when whole: a full disk or a pulled USB
 * stick leaves no half roster under the real name, and an existing file is never replaced.
 */
import { maskPhone } from '../../core/cases/personal-data';
import type { ExportCell } from '../../core/exchange/export-row';
import { MEMBER_COLUMNS } from '../../core/party/member-row';
import { dayString } from '../../core/time';
import type { Db } from '../open';
import { writeTableFile, type WrittenTable } from './table-file';

export type MemberExport = WrittenTable;

const HEADERS = MEMBER_COLUMNS.map((c) => c.zh);

interface MemberOut {
  code: string;
  name: string;
  phone: string | null;
  unit: string;
  home: string | null;
  reportedOn: string;
  skills: string | null;
  active: number;
}

export async function exportMembers(
  db: Db,
  out: string,
  options: { format: 'csv' | 'xlsx'; unmasked: boolean; template: boolean; now: number },
): Promise<MemberExport> {
  const fileName = `${options.template ? '党员名册模板' : '党员名册'}-${dayString(options.now).replaceAll('-', '')}.${options.format}`;
  const rows = (): Iterable<MemberOut> =>
    options.template
      ? []
      : (db
          .prepare(
            // A unit's name, or its code when another unit bears the same name (so the roster
            // comes back to the same unit).
            `SELECT m.code, m.name, m.phone,
                  CASE WHEN (SELECT count(*) FROM party_units x WHERE x.name = u.name) > 1 THEN u.code ELSE u.name END AS unit, coalesce(m.home_grid_code, m.home_community_code) AS home,
                  m.reported_on AS reportedOn, m.skills, m.active
             FROM party_members m JOIN party_units u ON u.id = m.unit_id ORDER BY m.code`,
          )
          .iterate() as Iterable<MemberOut>);
  const cellsOf = (r: MemberOut): ExportCell[] => [
    r.code,
    r.name,
    options.unmasked ? r.phone : maskPhone(r.phone),
    r.unit,
    r.home,
    r.reportedOn,
    r.skills,
    r.active ? '在册' : '转出',
  ];
  return writeTableFile(out, {
    fileName,
    sheet: '党员名册',
    format: options.format,
    headers: HEADERS,
    rows: () =>
      (function* () {
        for (const r of rows()) yield cellsOf(r);
      })(),
  });
}
