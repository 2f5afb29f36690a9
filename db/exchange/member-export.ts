/**
 * The members' roster written out (在职党员名册, issue 14): the columns the import reads
 * (core/party/member-row.ts), so a roster exported, edited in WPS and imported again changes
 * just what was edited. With `template` only the header row: the blank form a unit fills in.
 * Phones are masked unless `unmasked` (administrators, the command line). The file is
 * written beside its name and renamed into place when whole: a full disk or a pulled USB
 * stick leaves no half roster under the real name, and an existing file is never replaced.
 */
import fs from 'node:fs';
import path from 'node:path';
import { maskPhone } from '../../core/cases/personal-data';
import { csvField, type ExportCell } from '../../core/exchange/export-row';
import { MEMBER_COLUMNS } from '../../core/party/member-row';
import { dayString } from '../../core/time';
import type { Db } from '../open';
import { refuse } from './file-probe';
import { XlsxRowWriter } from './xlsx-writer';

export interface MemberExport {
  file: string;
  rows: number;
}

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
  const name = `${options.template ? '党员名册模板' : '党员名册'}-${dayString(options.now).replaceAll('-', '')}.${options.format}`;
  const file = fs.existsSync(out) && fs.statSync(out).isDirectory() ? path.join(out, name) : out;
  if (fs.existsSync(file))
    refuse(
      'export_exists',
      `${file} 已存在：导出从不覆盖文件，请换一个文件名或文件夹。`,
      `${file} exists already: an export never replaces a file; choose another name or folder.`,
      file,
    );
  const part = `${file}.part`;
  const rows = options.template
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
  let count = 0;
  try {
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
    if (options.format === 'xlsx') {
      const writer = new XlsxRowWriter(part, '党员名册', HEADERS);
      for (const r of rows) {
        await writer.row(cellsOf(r));
        count += 1;
      }
      await writer.close();
    } else {
      const fd = fs.openSync(part, 'wx');
      try {
        // A BOM, so Excel and WPS open the UTF-8 text as UTF-8.
        let chunk = `\uFEFF${HEADERS.join(',')}\r\n`;
        for (const r of rows) {
          chunk += `${cellsOf(r).map(csvField).join(',')}\r\n`;
          count += 1;
          if (chunk.length > 256 * 1024) {
            fs.writeSync(fd, chunk);
            chunk = '';
          }
        }
        fs.writeSync(fd, chunk);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    }
    fs.renameSync(part, file);
  } catch (error) {
    fs.rmSync(part, { force: true });
    throw error;
  }
  return { file, rows: count };
}
