/**
 * `griddesk import FILE --kind members|units|records|needs|resources|projects|volunteers|
 * activities` (issue 14): a party-building register's file, checked whole and then written
 * in one transaction (or nothing, unless --skip-invalid). Exit 0 when written, 1 when refused.
 */
import { SYSTEM_ACTOR } from '../../api/context';
import type { ExchangeRegister } from '../../core/party/register-exchange';
import { INVALID_ROWS_REFUSAL } from '../../db/exchange/import-part';
import type { ImportProgress } from '../../db/exchange/import-report';
import { importMembersFile } from '../../db/exchange/member-import';
import { importRegisterFile } from '../../db/exchange/register-import';
import type { Db } from '../../db/open';
import { say } from '../output';

export async function importPartyRegister(
  db: Db,
  file: string,
  kind: string,
  options: { skipInvalid?: boolean; json?: boolean; sheet?: string },
  onProgress: (p: ImportProgress) => void,
): Promise<void> {
  const how = {
    skipInvalid: options.skipInvalid ?? false,
    now: Date.now(),
    actor: SYSTEM_ACTOR.name,
    ...(options.sheet ? { sheet: options.sheet } : {}),
    onProgress,
  };
  const report =
    kind === 'members'
      ? await importMembersFile(db, file, how)
      : await importRegisterFile(db, kind as ExchangeRegister, file, how);
  if (options.json) {
    console.log(
      JSON.stringify({
        ...report.counts,
        file: report.file,
        kind: report.kind,
        written: report.written,
        errors: report.issues.map((i) => ({ ...i, message: say(i.message) })),
        errorCount: report.issueCount,
      }),
    );
  } else {
    const c = report.counts;
    console.log(`${report.file} (${report.kind}, header on row ${report.headerRow ?? '—'})`);
    console.log(
      `  ${c.rows} rows: ${c.new} new, ${c.updated} updated, ${c.unchanged} unchanged, ${c.invalid} invalid`,
    );
    for (const issue of report.issues.slice(0, 20))
      console.log(`  row ${issue.row}, ${issue.column} "${issue.value}": ${say(issue.message)}`);
    if (report.issueCount > 20) console.log(`  … ${report.issueCount - 20} more problems`);
    console.log(report.written ? '  written.' : '  nothing written.');
  }
  if (!report.written) {
    process.stderr.write(
      `griddesk: ${say(INVALID_ROWS_REFUSAL(report.counts.invalid, report.issueCount))}\n`,
    );
    process.exitCode = 1;
  }
}
