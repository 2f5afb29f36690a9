/** `griddesk minutes --week YYYY-Www --out PATH`: the weekly meeting's minutes, .pdf or .xlsx by the name. */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { openCliDatabase } from '../database';
import { callApi } from '../in-process-api';
import { CliError } from '../output';

export function registerMinutesCommand(program: Command): void {
  program
    .command('minutes')
    .description('write the weekly dispatch meeting’s minutes (会议纪要) as PDF or xlsx')
    .requiredOption('--week <YYYY-Www>', 'the ISO week of the meeting')
    .requiredOption('--out <file>', 'where to write: a name ending in .pdf or .xlsx')
    .option('--db <file>', "database file (default: the app's own database; created if missing)")
    .action(async (options: { week: string; out: string; db?: string }) => {
      const out = path.resolve(options.out);
      const extension = path.extname(out).toLowerCase();
      if (extension !== '.pdf' && extension !== '.xlsx') {
        throw new CliError(`--out ${out} must end in .pdf or .xlsx.`, 2);
      }
      if (!fs.existsSync(path.dirname(out))) {
        throw new CliError(`--out ${out}: the folder ${path.dirname(out)} does not exist.`);
      }
      const opened = openCliDatabase(options.db);
      try {
        const file = await callApi(opened.db, 'weekly.minutes.export', {
          week: options.week,
          format: extension === '.pdf' ? 'pdf' : 'xlsx',
        });
        fs.writeFileSync(out, Buffer.from(file.base64, 'base64'));
        process.stderr.write(`[griddesk] wrote ${out} (${file.bytes} bytes)\n`);
      } finally {
        opened.db.close();
      }
    });
}
