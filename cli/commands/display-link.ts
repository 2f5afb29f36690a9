/**
 * `griddesk display-link create --name NAME | list | revoke KEY`: wall-display keys (大屏密钥).
 * A display opens the host's page with `?display=KEY` and sees the overview, board, map and
 * weekly meeting, read-only and masked. `create` prints the key as its last line (it is
 * shown once: only its hash is kept).
 */
import type { Command } from 'commander';
import { formatDateTime } from '../../core/time';
import { findDisplayKey } from '../../db/queries/display-keys';
import { openCliDatabase } from '../database';
import { callApi } from '../in-process-api';
import { CliError, say } from '../output';

export function registerDisplayLinkCommand(program: Command): void {
  const link = program
    .command('display-link')
    .description('wall-display keys (大屏密钥): create, list, revoke');

  link
    .command('create')
    .description('make a named display key; prints the key as the last line')
    .requiredOption('--name <name>', 'what the display is (e.g. 指挥大厅大屏)')
    .option('--db <file>', "database file (default: the app's own database)")
    .action(async (options: { name: string; db?: string }) => {
      const opened = openCliDatabase(options.db, { demoWhenNew: false });
      try {
        const created = await callApi(opened.db, 'displayKeys.create', { name: options.name });
        console.log(
          say({
            zh: `已创建大屏密钥「${created.row.name}」（编号 ${created.row.id}）。在坐席模式的主机地址后加 ?display=密钥 打开大屏页面；密钥只显示这一次：`,
            en: `Made display key "${created.row.name}" (id ${created.row.id}). Open the seat host's address with ?display=KEY on the display; the key is shown this once:`,
          }),
        );
        console.log(created.key);
      } finally {
        opened.db.close();
      }
    });

  link
    .command('list')
    .description('list the display keys (revoked ones last)')
    .option('--db <file>', "database file (default: the app's own database)")
    .option('--json', 'print the rows as JSON')
    .action(async (options: { db?: string; json?: boolean }) => {
      const opened = openCliDatabase(options.db, { demoWhenNew: false });
      try {
        const rows = await callApi(opened.db, 'displayKeys.list', {});
        if (options.json) return console.log(JSON.stringify(rows));
        if (rows.length === 0)
          return console.log(say({ zh: '还没有大屏密钥。', en: 'No display keys yet.' }));
        for (const row of rows) {
          const state = row.revokedAt
            ? say({
                zh: `已于 ${formatDateTime(row.revokedAt)} 吊销`,
                en: `revoked ${formatDateTime(row.revokedAt)}`,
              })
            : say({ zh: '有效', en: 'live' });
          const used = row.lastUsedAt ? formatDateTime(row.lastUsedAt) : '—';
          console.log(
            `${row.id}\t${row.keyPrefix}…\t${row.name}\t${state}\t${say({ zh: '最近使用', en: 'last used' })} ${used}`,
          );
        }
      } finally {
        opened.db.close();
      }
    });

  link
    .command('revoke <key>')
    .description('revoke a display key (the key itself, or its id from list)')
    // Keys made before keys stopped starting with '-' must still be revocable as typed.
    .allowUnknownOption()
    .option('--db <file>', "database file (default: the app's own database)")
    .action(async (key: string, options: { db?: string }) => {
      const opened = openCliDatabase(options.db, { demoWhenNew: false });
      try {
        const row = findDisplayKey(opened.db, key.trim());
        if (!row)
          throw new CliError(
            say({
              zh: `没有这个大屏密钥（${key.slice(0, 6)}…）：用 griddesk display-link list 查看密钥编号。`,
              en: `There is no such display key (${key.slice(0, 6)}…): see griddesk display-link list for their ids.`,
            }),
          );
        const revoked = await callApi(opened.db, 'displayKeys.revoke', { id: row.id });
        console.log(
          say({
            zh: `大屏密钥「${revoked.name}」已吊销：使用它的大屏立即失去访问权限。`,
            en: `Display key "${revoked.name}" is revoked: displays using it lose access at once.`,
          }),
        );
      } finally {
        opened.db.close();
      }
    });
}
