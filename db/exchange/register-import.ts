/**
 * Importing a register file (报到单位、服务记录、需求、资源、项目、志愿者、志愿活动; .xlsx or
 * .csv; issue 14) under CITY-EXCHANGE.md's rules: every row checked first
 * (core/party/register-rows.ts; problems by Excel row and column), then the whole file
 * written in one transaction, or nothing when a row is wrong (unless the valid rows are asked
 * for). A row is known by its code, or else by what names it (a unit by its name, a need by
 * its title, place and day…): the same file read twice changes nothing. Each row made or
 * changed gets an 'import' event in the registers' history, the import a line in the audit.
 */
import {
  REGISTER_FILES,
  REGISTER_HEADER_LOOKUP,
  type ExchangeRegister,
} from '../../core/party/register-exchange';
import { checkRegisterRow, type CheckedRow } from '../../core/party/register-rows';
import type { Db } from '../open';
import { insertRegisterEvent, nextRegisterCode } from '../queries/party-register-events';
import { recordAudit } from '../queries/users';
import type { ImportProgress } from './import-report';
import { readRegisterRows, type RegisterReading } from './register-reading';
import { registerLookups } from './register-lookups';
import { naturalKey, REGISTER_TABLES } from './register-tables';

export type RegisterImportReport = RegisterReading & { kind: ExchangeRegister };

export async function importRegisterFile(
  db: Db,
  register: ExchangeRegister,
  file: string,
  options: {
    skipInvalid: boolean;
    now: number;
    actor: string;
    sheet?: string | null;
    onProgress?: (p: ImportProgress) => void;
  },
): Promise<RegisterImportReport> {
  const spec = REGISTER_FILES[register];
  const keyColumn = spec.columns.find((c) => c.key === spec.keyColumn)!;
  const lookups = registerLookups(db);
  const { reading, valid: checked } = await readRegisterRows<string, CheckedRow>(
    file,
    {
      title: spec.title,
      lookup: REGISTER_HEADER_LOOKUP[register],
      keyColumn: { key: keyColumn.key, zh: keyColumn.zh },
      headerOf: (key) => spec.columns.find((c) => c.key === key)?.zh ?? key,
      check: (cells, date1904) => {
        const result = checkRegisterRow(register, cells, lookups, date1904);
        return result.ok
          ? { ok: true, value: result.row }
          : { ok: false, problems: result.problems };
      },
    },
    options,
  );
  const report: RegisterImportReport = { ...reading, kind: register };
  const valid = checked.map(({ row, value }) => ({ row, checked: value }));
  if (report.counts.invalid > 0 && !options.skipInvalid) return report;
  writeRows(db, register, valid, report, options);
  return report;
}

type Stored = { id: number; code: string | null } & Record<string, unknown>;

function writeRows(
  db: Db,
  register: ExchangeRegister,
  valid: { row: number; checked: CheckedRow }[],
  report: RegisterImportReport,
  options: { now: number; actor: string },
): void {
  const table = REGISTER_TABLES[register];
  const codeSpec = REGISTER_FILES[register].code;
  const columns = Object.keys(valid[0]?.checked.values ?? {});
  const audit = () =>
    recordAudit(db, options.now, options.actor, 'party.import', {
      kind: register,
      file: report.file,
      sha256: report.sha256,
      counts: report.counts,
    });
  db.transaction(() => {
    if (valid.length === 0) return audit();
    // Every row in memory by code and by what names it: a lookup per row would read the whole
    // table each time at a city's size.
    const byCode = new Map<string, Stored>();
    const byNatural = new Map<string, Stored>();
    for (const stored of db
      .prepare(
        `SELECT id, ${codeSpec ? 'code' : 'NULL AS code'}, ${columns.join(', ')} FROM ${table.name} ORDER BY id`,
      )
      .iterate() as Iterable<Stored>) {
      if (stored.code) byCode.set(stored.code, stored);
      const natural = naturalKey(table, stored);
      if (!byNatural.has(natural)) byNatural.set(natural, stored);
    }
    let next = codeSpec
      ? Number(
          nextRegisterCode(db, codeSpec.table, codeSpec.prefix, codeSpec.digits).slice(
            codeSpec.prefix.length,
          ),
        )
      : 0;
    // Codes the file gives for rows the desk does not know are kept; the rest continue the series.
    const taken = new Set(valid.flatMap((v) => (v.checked.code ? [v.checked.code] : [])));
    const nextCode = () => {
      let code: string;
      do code = `${codeSpec!.prefix}${String(next++).padStart(codeSpec!.digits, '0')}`;
      while (taken.has(code));
      taken.add(code);
      return code;
    };
    const names = columns.map((c) => `@${c}`).join(', ');
    const insert = db.prepare(
      `INSERT INTO ${table.name} (${codeSpec ? 'code, ' : ''}${columns.join(', ')}, ${table.stamps.join(', ')})
       VALUES (${codeSpec ? '@code, ' : ''}${names}, ${table.stamps.map(() => '@now').join(', ')})`,
    );
    const update = db.prepare(
      `UPDATE ${table.name} SET ${columns.map((c) => `${c} = @${c}`).join(', ')}${
        table.stamps.includes('updated_at') ? ', updated_at = @now' : ''
      } WHERE id = @id`,
    );
    const event = (itemId: number, note: string) =>
      insertRegisterEvent(db, {
        register,
        itemId,
        kind: 'import',
        at: options.now,
        actor: options.actor,
        note,
      });
    for (const { row, checked } of valid) {
      const values = checked.values;
      const found = checked.code
        ? byCode.get(checked.code)
        : byNatural.get(naturalKey(table, values));
      if (!found) {
        const code = codeSpec ? (checked.code ?? nextCode()) : null;
        const id = Number(insert.run({ ...values, code, now: options.now }).lastInsertRowid);
        const stored: Stored = { ...values, id, code };
        if (code) byCode.set(code, stored);
        byNatural.set(naturalKey(table, stored), stored);
        table.afterWrite?.(db, id, options);
        event(id, `${report.file} 第 ${row} 行`);
        report.counts.new += 1;
        continue;
      }
      if (columns.every((c) => found[c] === values[c])) {
        report.counts.unchanged += 1;
        continue;
      }
      update.run({ ...values, id: found.id, now: options.now });
      table.afterWrite?.(db, found.id, options);
      Object.assign(found, values);
      event(found.id, `${report.file} 第 ${row} 行（更新）`);
      report.counts.updated += 1;
    }
    audit();
  })();
  report.written = true;
}
