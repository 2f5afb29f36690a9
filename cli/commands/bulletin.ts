/**
 * `griddesk bulletin publish --month YYYY-MM [--level …] [--notes …]`: freezes the month's
 * ranking as the next numbered version; `griddesk bulletin list` shows what was published.
 */
import type { Command } from 'commander';
import { formatDateTime } from '../../core/time';
import { openCliDatabase } from '../database';
import { callApi } from '../in-process-api';
import { levelOption } from './ranking';

export function registerBulletinCommand(program: Command): void {
  const bulletin = program
    .command('bulletin')
    .description('monthly ranking bulletins (月通报排队)');
  bulletin
    .command('publish')
    .description('publish the month’s ranking as a frozen bulletin (a new version if one exists)')
    .requiredOption('--month <YYYY-MM>', 'the month to publish')
    .option('--level <level>', 'community, grid or unit (lead unit)', 'community')
    .option('--notes <text>', 'notes printed with the bulletin')
    .option('--close-appeals', "publish before the month's appeal window ends, closing it")
    .option('--db <file>', "database file (default: the app's own database; created if missing)")
    .option('--json', 'print the published bulletin as JSON')
    .action(
      async (options: {
        month: string;
        level: string;
        notes?: string;
        closeAppeals?: boolean;
        db?: string;
        json?: boolean;
      }) => {
        const level = levelOption(options.level);
        const opened = openCliDatabase(options.db);
        try {
          const published = await callApi(opened.db, 'bulletin.publish', {
            period: options.month,
            level,
            ...(options.notes ? { notes: options.notes } : {}),
            ...(options.closeAppeals ? { closeAppealWindow: true } : {}),
          });
          if (options.json) console.log(JSON.stringify(published));
          else
            console.log(
              `Published ${published.title}, version ${published.version} (id ${published.id}, inputs sha256 ${published.inputsSha256}).`,
            );
        } finally {
          opened.db.close();
        }
      },
    );
  bulletin
    .command('draft')
    .description(
      "freeze the month's ranking at every level as a draft (征求意见稿): opens the appeal window",
    )
    .requiredOption('--month <YYYY-MM>', 'the month to draft')
    .option('--by <name>', 'who made the draft (recorded on it)')
    .option('--db <file>', "database file (default: the app's own database; created if missing)")
    .option('--json', 'print the drafts as JSON')
    .action(async (options: { month: string; by?: string; db?: string; json?: boolean }) => {
      const opened = openCliDatabase(options.db);
      try {
        const drafts = await callApi(
          opened.db,
          'bulletin.draft',
          { period: options.month },
          options.by,
        );
        if (options.json) console.log(JSON.stringify(drafts));
        else
          for (const d of drafts)
            console.log(
              `Drafted ${d.title}, version ${d.version} (id ${d.id}); appeals until ${formatDateTime(d.appealDeadline)}.`,
            );
      } finally {
        opened.db.close();
      }
    });
  bulletin
    .command('list')
    .description('list published bulletins, newest first')
    .option('--month <YYYY-MM>', 'only this month')
    .option('--db <file>', "database file (default: the app's own database; created if missing)")
    .option('--json', 'print a JSON array')
    .action(async (options: { month?: string; db?: string; json?: boolean }) => {
      const opened = openCliDatabase(options.db);
      try {
        const list = await callApi(
          opened.db,
          'bulletin.list',
          options.month ? { period: options.month } : {},
        );
        if (options.json) {
          console.log(JSON.stringify(list));
          return;
        }
        for (const b of list) {
          console.log(
            `${b.period}\t${b.level}\tv${b.version}\t${formatDateTime(b.publishedAt)}\t${b.publishedBy}\t${b.title}`,
          );
        }
      } finally {
        opened.db.close();
      }
    });
}
