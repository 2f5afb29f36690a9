/**
 * `griddesk export`: case updates (since the last export, or since --since) or the grids,
 * with the package manifest beside the file (docs/design/CITY-EXCHANGE.md "Files the desk writes").
 * The command line acts as the system, so --unmasked is allowed here; the app allows it to
 * administrators only. It runs as the user on their own machine, so it writes wherever the
 * OS lets them (the API's system-folder rules are for the app); it never overwrites a file,
 * and writes among files it did not make only with --into-nonempty. No changes: it says so,
 * writes nothing and exits 0 (--allow-empty writes the empty file).
 */
import type { Command } from 'commander';
import { SYSTEM_ACTOR } from '../../api/context';
import { parseExchangeDateTime } from '../../core/exchange/date-time';
import { formatDateTime } from '../../core/time';
import type { CaseExportFormat } from '../../db/exchange/case-export';
import { exportFile } from '../../db/exchange/export-file';
import { exportMembers } from '../../db/exchange/member-export';
import { exportRegister } from '../../db/exchange/register-export';
import { EXCHANGE_REGISTERS, type ExchangeRegister } from '../../core/party/register-exchange';
import { ExchangeRefusal } from '../../db/exchange/file-probe';
import { openCliDatabase } from '../database';
import { CliError, say } from '../output';

const FORMATS: readonly CaseExportFormat[] = ['xlsx', 'csv', 'json', 'open311'];

interface ExportOptions {
  kind: string;
  since?: string;
  format: string;
  out: string;
  db?: string;
  unmasked?: boolean;
  json?: boolean;
  allowEmpty?: boolean;
  intoNonempty?: boolean;
  template?: boolean;
}

const PARTY_KINDS: readonly string[] = ['members', ...EXCHANGE_REGISTERS];

/**
 * `--kind members|units|records|…`: a party-building register (or its blank template) as
 * .xlsx or .csv, in the columns its import reads.
 */
async function exportPartyRegister(options: ExportOptions): Promise<void> {
  if (options.format !== 'xlsx' && options.format !== 'csv')
    throw new CliError(
      `--format must be xlsx or csv for ${options.kind}, not "${options.format}".`,
      2,
    );
  const opened = openCliDatabase(options.db);
  try {
    const how = {
      format: options.format as 'xlsx' | 'csv',
      unmasked: options.unmasked ?? false,
      template: options.template ?? false,
      now: Date.now(),
    };
    const written =
      options.kind === 'members'
        ? await exportMembers(opened.db, options.out, how)
        : await exportRegister(opened.db, options.kind as ExchangeRegister, options.out, how);
    if (options.json) console.log(JSON.stringify({ kind: options.kind, ...written }));
    else console.log(`Wrote ${written.rows} ${options.kind} rows to ${written.file}.`);
  } catch (error) {
    if (error instanceof ExchangeRefusal) throw new CliError(say(error.sentence), 1);
    throw error;
  } finally {
    opened.db.close();
  }
}

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description(
      'export case updates (xlsx, csv, json or Open311) or the grids (GeoJSON), with manifest.json',
    )
    .requiredOption(
      '--kind <kind>',
      'cases | grids | members | units | records | needs | resources | projects | volunteers | activities',
    )
    .option(
      '--since <time>',
      'every case changed since then (default: the desk’s changes since the last export)',
    )
    .option('--format <format>', 'xlsx | csv | json | open311 (cases)', 'xlsx')
    .requiredOption('--out <path>', 'the file to write, or a folder to write it into')
    .option('--db <file>', "database file (default: the app's own database)")
    .option('--unmasked', 'write reporters and phone numbers in full (administrators only)')
    .option(
      '--allow-empty',
      'write the file even when no case changed (default: say so, write nothing)',
    )
    .option(
      '--into-nonempty',
      'write into a folder that holds files this desk did not export (default: refuse)',
    )
    .option('--json', 'print one JSON object')
    .option('--template', 'a register: only the header row, the blank form to fill in')
    .action(async (options: ExportOptions) => {
      if (PARTY_KINDS.includes(options.kind)) return exportPartyRegister(options);
      if (options.kind !== 'cases' && options.kind !== 'grids') {
        throw new CliError(
          `--kind must be one of cases, grids, ${PARTY_KINDS.join(', ')}, not "${options.kind}".`,
          2,
        );
      }
      if (!FORMATS.includes(options.format as CaseExportFormat)) {
        throw new CliError(
          `--format must be one of ${FORMATS.join(', ')}, not "${options.format}".`,
          2,
        );
      }
      let since: number | null = null;
      if (options.since !== undefined) {
        const reading = parseExchangeDateTime(options.since);
        if (!reading.ok)
          throw new CliError(
            `--since "${options.since}" is not a date-time (e.g. 2026-11-01 or "2026-11-01 08:00").`,
            2,
          );
        since = reading.at;
      }
      const opened = openCliDatabase(options.db);
      try {
        const report = await exportFile(opened.db, {
          kind: options.kind,
          format: options.format as CaseExportFormat,
          since,
          out: options.out,
          unmasked: options.unmasked ?? false,
          now: Date.now(),
          clock: () => Date.now(),
          actor: SYSTEM_ACTOR.name,
          writeEmpty: options.allowEmpty ?? false,
          confirmForeignFolder: options.intoNonempty ?? false,
        });
        if (options.json) {
          console.log(JSON.stringify(report));
          return;
        }
        const from = report.since === null ? 'all' : `since ${formatDateTime(report.since)}`;
        console.log(
          `Wrote ${report.rows.toLocaleString()} ${report.kind === 'grids' ? 'places' : `case updates (${from})`} to ${report.file}`,
        );
        console.log(
          `  manifest ${report.manifest}; SHA-256 ${report.sha256}${report.unmasked ? '; personal data in full' : ''}`,
        );
        if (report.newFolder)
          console.log(
            `  into a new folder: ${report.newFolder} (the folder given holds another producer's manifest.json)`,
          );
      } catch (error) {
        // Nothing to send is no failure (a nightly script exits 0); nothing was written.
        if (error instanceof ExchangeRefusal && error.code === 'export_empty') {
          if (options.json)
            console.log(
              JSON.stringify({
                rows: 0,
                written: false,
                code: error.code,
                message: error.sentence,
              }),
            );
          else console.log(say(error.sentence));
          return;
        }
        if (error instanceof ExchangeRefusal) throw new CliError(say(error.sentence));
        throw error;
      } finally {
        opened.db.close();
      }
    });
}
