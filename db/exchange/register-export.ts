/**
 * A register written out (issue 14): the columns its import reads
 * (core/party/register-exchange.ts), in the words the import reads back — a unit or team by
 * name (by code when two share the name), a place by its code, values in Chinese, money in
 * yuan — so a file exported, edited in WPS and imported again changes just what was edited.
 * With `template` only the header row: the blank form to fill in. Phones and volunteers'
 * names are masked unless `unmasked` (administrators, the command line).
 */
import { maskName, maskPhone } from '../../core/cases/personal-data';
import type { ExportCell } from '../../core/exchange/export-row';
import {
  REGISTER_FILES,
  VALUE_WORDS,
  type ExchangeRegister,
} from '../../core/party/register-exchange';
import { dayString } from '../../core/time';
import type { Db } from '../open';
import { writeTableFile, type WrittenTable } from './table-file';

/** A unit's name, or its code when another unit bears the same name. */
const ref = (table: string, id: string) =>
  `(SELECT CASE WHEN (SELECT count(*) FROM ${table} y WHERE y.name = x.name) > 1 THEN x.code ELSE x.name END
      FROM ${table} x WHERE x.id = ${id})`;
const unitRef = (id: string) => ref('party_units', id);
const teamRef = (id: string) => ref('volunteer_teams', id);
// The argument must be qualified (u.community_code): places has a community_code of its own.
const communityName = (code: string) => `(SELECT p.name FROM places p WHERE p.code = ${code})`;

/** Each register's columns in REGISTER_FILES order, and which of them are personal. */
const EXPORT_SQL: Record<ExchangeRegister, { sql: string; phones?: number[]; names?: number[] }> = {
  units: {
    sql: `SELECT u.code, u.name, ${communityName('u.community_code')}, u.contact_name,
                 u.contact_phone, u.agreement_on, CASE u.active WHEN 1 THEN '在册' ELSE '撤销' END
            FROM party_units u ORDER BY u.code`,
    names: [3],
    phones: [4],
  },
  records: {
    sql: `SELECT r.served_on, (SELECT code FROM party_members WHERE id = r.member_id),
                   ${unitRef('r.unit_id')}, r.place_code, r.activity, r.theme, r.hours
              FROM service_records r ORDER BY r.served_on, r.id`,
  },
  needs: {
    sql: `SELECT code, title, place_code, category, households, urgency, raised_on, status
              FROM party_needs ORDER BY code`,
  },
  resources: {
    sql: `SELECT r.code, r.title, r.kind, ${unitRef('r.unit_id')},
                   (SELECT code FROM party_members WHERE id = r.member_id), r.offered_by_name,
                   ${communityName('r.community_code')}, r.capacity, r.amount_fen / 100.0,
                   r.available_until
              FROM party_resources r ORDER BY r.code`,
  },
  projects: {
    sql: `SELECT j.code, j.title, ${unitRef('j.owner_unit_id')}, ${communityName('j.community_code')},
                   j.ordered_by, j.budget_fen / 100.0, j.spent_fen / 100.0, j.planned_start, j.planned_end,
                   j.actual_start, j.actual_end, j.status, j.cancel_reason, j.result_note
              FROM party_projects j ORDER BY j.code`,
  },
  volunteers: {
    sql: `SELECT ${teamRef('v.team_id')}, v.name, v.phone, CASE v.party_member WHEN 1 THEN '是' ELSE '否' END,
                   v.joined_on
              FROM volunteers v ORDER BY v.team_id, v.id`,
    names: [1],
    phones: [2],
  },
  activities: {
    sql: `SELECT a.code, a.held_on, a.theme, ${teamRef('a.team_id')}, a.place_code, a.participants,
                   a.party_participants, a.hours
              FROM volunteer_activities a ORDER BY a.held_on, a.id`,
  },
};

/** Stored values (open, elderly…) in the words the file carries (待对接, 养老…). */
const WORDS: Partial<Record<ExchangeRegister, Record<number, Record<string, string>>>> = {
  needs: { 3: VALUE_WORDS.needCategory, 5: VALUE_WORDS.urgency, 7: VALUE_WORDS.needStatus },
  resources: { 2: VALUE_WORDS.resourceKind },
  projects: { 4: VALUE_WORDS.orderedBy, 11: VALUE_WORDS.projectStatus },
};

export async function exportRegister(
  db: Db,
  register: ExchangeRegister,
  out: string,
  options: { format: 'csv' | 'xlsx'; unmasked: boolean; template: boolean; now: number },
): Promise<WrittenTable> {
  const spec = REGISTER_FILES[register];
  const query = EXPORT_SQL[register];
  const words = WORDS[register] ?? {};
  const day = dayString(options.now).replaceAll('-', '');
  const rows = (): Iterable<ExportCell[]> =>
    options.template ? [] : (db.prepare(query.sql).raw().iterate() as Iterable<ExportCell[]>);
  return writeTableFile(out, {
    fileName: `${spec.title}${options.template ? '模板' : ''}-${day}.${options.format}`,
    sheet: spec.title,
    format: options.format,
    headers: spec.columns.map((c) => c.zh),
    rows: () =>
      (function* () {
        for (const cells of rows()) {
          for (const [at, map] of Object.entries(words)) {
            const value = cells[Number(at)];
            if (typeof value === 'string') cells[Number(at)] = map[value] ?? value;
          }
          if (!options.unmasked) {
            for (const at of query.phones ?? []) cells[at] = maskPhone(cells[at] as string | null);
            for (const at of query.names ?? []) cells[at] = maskName(cells[at] as string | null);
          }
          yield cells;
        }
      })(),
  });
}
