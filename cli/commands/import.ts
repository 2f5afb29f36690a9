/**
 * `griddesk import PATH`: a city file into the database (docs/design/CITY-EXCHANGE.md), the same import
 * the app runs. Progress on stderr; with --json one JSON object on stdout. Exit 0 when
 * written, 1 when refused or cancelled (nothing written), 2 for usage errors.
 */
import type { Command } from 'commander';
import { APP_VERSION } from '../../api/version';
import { backupBeforeLargeImport } from '../../db/backup/import-backup';
import { SYSTEM_ACTOR } from '../../api/context';
import { findTemplate } from '../../db/exchange/batches';
import { probeFile } from '../../db/exchange/file-probe';
import { importFile } from '../../db/exchange/import-file';
import { looksLikeStandardTable } from '../../db/exchange/import-part';
import { EXCHANGE_REGISTERS } from '../../core/party/register-exchange';
import { importPartyRegister } from './import-register';
import { importStandardFile } from '../../db/exchange/standard-import';
import type { Db } from '../../db/open';
import { writeImportMarker } from '../../db/exchange/import-marker';
import type { ImportKind, ImportProgress, ImportReport } from '../../db/exchange/import-report';
import { openCliDatabase } from '../database';
import { CliError, prefersChinese, say } from '../output';

const KINDS: readonly ImportKind[] = ['cases', 'grids', 'staff', 'package'];
/** The party-building registers a file can fill (issue 14). */
const PARTY_KINDS: readonly string[] = ['members', ...EXCHANGE_REGISTERS];

export interface ImportOptions {
  db?: string;
  kind?: string;
  skipInvalid?: boolean;
  json?: boolean;
  sheet?: string;
  template?: string;
}

/** A line on stderr about once a second (rewritten in place on a terminal). */
export function importProgress(): (p: ImportProgress) => void {
  let last = 0;
  return (p) => {
    const now = Date.now();
    if (now - last < 1000 && p.phase !== 'done' && p.phase !== 'committing') return;
    last = now;
    const percent =
      p.bytesTotal > 0 ? Math.min(100, Math.floor((p.bytesRead / p.bytesTotal) * 100)) : 0;
    const line = `[griddesk] import ${p.fileName}: ${p.phase} ${percent}% · ${p.rows.toLocaleString()} rows · ${Math.round(p.rowsPerSecond).toLocaleString()} rows/s`;
    process.stderr.write(
      process.stderr.isTTY ? `\r${line.padEnd(90)}${p.phase === 'done' ? '\n' : ''}` : `${line}\n`,
    );
  };
}

function cliImportJson(report: ImportReport) {
  const zh = prefersChinese();
  return {
    file: report.file,
    kind: report.kind,
    rows: report.counts.rows,
    new: report.counts.new,
    updated: report.counts.updated,
    unchanged: report.counts.unchanged,
    invalid: report.counts.invalid,
    errors: report.errors.map((e) => ({
      row: e.row,
      column: e.column,
      value: e.value,
      message: zh ? e.message.zh : e.message.en,
    })),
    status: report.status,
    written: report.written,
    refusal: report.refusal ? say(report.refusal) : null,
    errorCount: report.errorCount,
    conflicts: report.conflicts,
    notes: report.notes.map((n) => (n.column ? `${n.column}: ` : '') + say(n.message)),
    errorFile: report.errorFile,
    sha256: report.sha256,
    batchId: report.batchId,
    format: report.format,
    encoding: report.encoding,
    sheet: report.sheet,
    headerRow: report.headerRow,
    alreadyImported: report.alreadyImported,
  };
}

function printSummary(report: ImportReport): void {
  const c = report.counts;
  const where = [
    report.format,
    report.encoding,
    report.sheet ? `sheet ${report.sheet}` : null,
    report.headerRow ? `header row ${report.headerRow}` : null,
  ]
    .filter(Boolean)
    .join(', ');
  console.log(`${report.fileName} (${report.kind}; ${where})`);
  console.log(
    `  rows ${c.rows.toLocaleString()}: new ${c.new.toLocaleString()}, updated ${c.updated.toLocaleString()}, unchanged ${c.unchanged.toLocaleString()}, invalid ${c.invalid.toLocaleString()}`,
  );
  if (report.conflicts.fileWon + report.conflicts.deskWon > 0) {
    console.log(
      `  conflicts: file newer ${report.conflicts.fileWon}, desk newer ${report.conflicts.deskWon} (kept in each case's history)`,
    );
  }
  if (report.alreadyImported)
    console.log(
      `  this file (same SHA-256) was imported before as batch ${report.alreadyImported.batchId}`,
    );
  for (const note of report.notes.slice(0, 10))
    console.log(`  note: ${note.column ? `${note.column}: ` : ''}${say(note.message)}`);
  for (const e of report.errors.slice(0, 20))
    console.log(`  row ${e.row}, ${e.column} "${e.value}": ${say(e.message)}`);
  if (report.errorCount > 20)
    console.log(`  … ${(report.errorCount - 20).toLocaleString()} more problems`);
  if (report.errorFile)
    console.log(`  invalid rows written to ${report.errorFile} (fix them and import that file)`);
  console.log(report.written ? `  written (batch ${report.batchId}).` : '  nothing written.');
}

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description(
      'import a city exchange file: cases (.xlsx/.csv/.json/Open311), grids (.geojson), staff, or a package (folder/.zip with manifest.json)',
    )
    .argument('<path>', 'the file or package folder')
    .option('--db <file>', "database file (default: the app's own database)")
    .option(
      '--kind <kind>',
      'cases | grids | staff | package | standards (detected when omitted) | members | units | records | needs | resources | projects | volunteers | activities (党建台账)',
    )
    .option('--skip-invalid', 'import the valid rows and write the invalid ones to an error file')
    .option('--sheet <name>', 'the sheet of an .xlsx to read (default: the first)')
    .option('--template <source>', 'use the column mapping saved for this city source')
    .option('--json', 'print one JSON object')
    .action(async (file: string, options: ImportOptions) => {
      if (
        options.kind !== undefined &&
        options.kind !== 'standards' &&
        !PARTY_KINDS.includes(options.kind) &&
        !KINDS.includes(options.kind as ImportKind)
      ) {
        throw new CliError(
          `--kind must be one of ${[...KINDS, 'standards', ...PARTY_KINDS].join(', ')}, not "${options.kind}".`,
          2,
        );
      }
      const opened = openCliDatabase(options.db);
      if (options.kind && PARTY_KINDS.includes(options.kind)) {
        try {
          await importPartyRegister(opened.db, file, options.kind, options, importProgress());
        } finally {
          opened.db.close();
        }
        return;
      }
      if (options.kind === 'standards' || (!options.kind && (await isStandardFile(file)))) {
        try {
          await importStandards(opened.db, file, options.json ?? false);
        } finally {
          opened.db.close();
        }
        return;
      }
      const abort = new AbortController();
      const onSignal = () => abort.abort(new Error('cancelled'));
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      // While it runs, the app refuses a save at once with a sentence naming this file.
      const removeMarker = writeImportMarker(opened.db.name, file, Date.now(), 'cli');
      try {
        let mapping: Record<string, string> | undefined;
        if (options.template) {
          const kind =
            options.kind === 'staff' ? 'staff' : options.kind === 'grids' ? 'grids' : 'cases';
          const template = findTemplate(opened.db, options.template, kind);
          if (!template)
            throw new CliError(`No column template named "${options.template}" for ${kind}.`, 2);
          mapping = template.mapping;
        }
        const report = await importFile(opened.db, file, {
          skipInvalid: options.skipInvalid ?? false,
          now: Date.now(),
          clock: () => Date.now(),
          actor: { userId: SYSTEM_ACTOR.userId, name: SYSTEM_ACTOR.name },
          signal: abort.signal,
          onProgress: importProgress(),
          ...(options.kind ? { kind: options.kind as ImportKind } : {}),
          ...(options.sheet ? { sheet: options.sheet } : {}),
          ...(mapping ? { mapping } : {}),
          beforeLargeImport: backupBeforeLargeImport(opened.db, {
            now: () => Date.now(),
            appVersion: APP_VERSION,
          }),
        });
        if (options.json) console.log(JSON.stringify(cliImportJson(report)));
        else printSummary(report);
        if (!report.written) {
          process.stderr.write(
            `griddesk: ${report.refusal ? say(report.refusal) : 'nothing was written.'}\n`,
          );
          process.exitCode = 1;
        }
      } finally {
        removeMarker();
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        opened.db.close();
      }
    });
}

/** A file the case readers can open whose header is a category standard's. */
async function isStandardFile(file: string): Promise<boolean> {
  try {
    return await looksLikeStandardTable(probeFile(file));
  } catch {
    // Not a table (a folder, GeoJSON, a damaged file): the case import says what it is.
    return false;
  }
}

async function importStandards(db: Db, file: string, json: boolean): Promise<void> {
  const report = await importStandardFile(db, file, { now: Date.now(), actor: SYSTEM_ACTOR.name });
  if (json) console.log(JSON.stringify(report));
  else {
    console.log(`${report.fileName} (category standard)`);
    console.log(`  ${report.minors} minor categories, ${report.standards} 立案条件`);
    for (const unit of report.addedUnits)
      console.log(`  added handling unit ${unit.name} as department ${unit.code}`);
    for (const p of report.problems.slice(0, 20)) console.log(`  ${say(p.sentence)}`);
    if (report.problems.length > 20)
      console.log(`  … ${report.problems.length - 20} more problems`);
    if (report.status === 'done')
      console.log(`  written as version ${report.version}, now active.`);
    if (report.status === 'unchanged')
      console.log(`  the same file is version ${report.version} already: nothing changed.`);
  }
  if (report.status === 'refused') {
    process.stderr.write(
      `griddesk: ${report.refusal ? say(report.refusal) : 'nothing was written.'}\n`,
    );
    process.exitCode = 1;
  }
}
