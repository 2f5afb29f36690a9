/**
 * `griddesk user`: desk accounts from the command line — list them, add one, set a password.
 * The way into a database whose users have no password yet (the demo street's), besides the
 * app's own first-run setup. Passwords are read from stdin (one line), never from argv.
 */
import readline from 'node:readline';
import type { Command } from 'commander';
import { SYSTEM_ACTOR, type ApiContext } from '../../api/context';
import { invoke } from '../../api/invoke';
import { LiveBus } from '../../api/live';
import { APP_VERSION } from '../../api/version';
import type { SignInLockCleared, UserSummary } from '../../api/contract';
import { formatDateTime } from '../../core/time';
import { UserError } from '../../api/errors';
import { openCliDatabase } from '../database';
import { CliError, say } from '../output';

async function readPassword(prompt: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    const lines = readline.createInterface({ input });
    for await (const line of lines) {
      lines.close();
      return line;
    }
    throw new CliError(
      'No password on stdin: pipe it in, e.g. `echo "…" | griddesk user set-password admin`.',
      2,
    );
  }
  // On a terminal: ask without echoing what is typed.
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') {
          input.setRawMode(false);
          input.pause();
          input.off('data', onData);
          process.stderr.write('\n');
          resolve(typed);
          return;
        }
        if (char === '\u0003') {
          input.setRawMode(false);
          reject(new CliError('Cancelled.', 1));
          return;
        }
        if (char === '\u007f') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    input.on('data', onData);
  });
}

async function withApi<T>(
  dbOption: string | undefined,
  run: (call: (method: string, input: unknown) => Promise<unknown>) => Promise<T>,
): Promise<T> {
  const opened = openCliDatabase(dbOption, { demoWhenNew: false });
  const context: ApiContext = {
    db: opened.db,
    now: () => Date.now(),
    appVersion: APP_VERSION,
    live: new LiveBus(),
    actor: SYSTEM_ACTOR,
    session: null,
    transport: 'cli',
  };
  try {
    return await run((method, input) => invoke(context, method, input));
  } catch (error) {
    if (error instanceof UserError) throw new CliError(say(error.sentence));
    throw error;
  } finally {
    opened.db.close();
  }
}

async function findUser(
  call: (method: string, input: unknown) => Promise<unknown>,
  username: string,
): Promise<UserSummary> {
  const users = (await call('users.list', {})) as UserSummary[];
  const user = users.find((u) => u.username.toLowerCase() === username.toLowerCase());
  if (!user)
    throw new CliError(
      `There is no user "${username}"; \`griddesk user list\` shows who there is.`,
    );
  return user;
}

export function registerUserCommand(program: Command): void {
  const user = program
    .command('user')
    .description('desk accounts: list, add, set-password, unlock-signin');

  user
    .command('list')
    .description('list the accounts, their roles and whether they can sign in')
    .option('--db <file>', "database file (default: the app's own database)")
    .option('--json', 'print JSON')
    .action(async (options: { db?: string; json?: boolean }) => {
      await withApi(options.db, async (call) => {
        const users = (await call('users.list', {})) as UserSummary[];
        if (options.json) return console.log(JSON.stringify(users));
        for (const u of users) {
          const state = !u.active
            ? 'switched off'
            : u.hasPassword
              ? 'can sign in'
              : 'no password yet';
          const locked = u.signInLockedUntil
            ? `; sign-in locked until ${formatDateTime(u.signInLockedUntil)} Beijing time`
            : '';
          console.log(
            `${u.username.padEnd(16)} ${u.role.padEnd(9)} ${u.displayName}  (${state}${locked})`,
          );
        }
      });
    });

  user
    .command('set-password <username>')
    .description('set the password of an account (read from stdin, or asked for on a terminal)')
    .option('--db <file>', "database file (default: the app's own database)")
    .action(async (username: string, options: { db?: string }) => {
      await withApi(options.db, async (call) => {
        const found = await findUser(call, username);
        const password = await readPassword(`New password for ${found.username}: `);
        await call('users.setPassword', { id: found.id, password });
        console.log(`Password set for ${found.username} (${found.role}).`);
      });
    });

  user
    .command('unlock-signin <username>')
    .description('lift the sign-in lock an account got from 5 wrong passwords (at every address)')
    .option('--db <file>', "database file (default: the app's own database)")
    .action(async (username: string, options: { db?: string }) => {
      await withApi(options.db, async (call) => {
        const cleared = (await call('users.clearSignInLock', { username })) as SignInLockCleared;
        if (cleared.wasLocked.length === 0) {
          console.log(
            `${cleared.username} was not locked; its count of wrong passwords starts again.`,
          );
          return;
        }
        for (const lock of cleared.wasLocked) {
          const where =
            lock.address === 'local' ? 'the desktop window' : (lock.address ?? 'the command line');
          console.log(
            `Lifted the lock of ${cleared.username} at ${where} (it ran until ${formatDateTime(lock.lockedUntil)} Beijing time).`,
          );
        }
      });
    });

  user
    .command('add <username>')
    .description('add an account (operator, leader, admin or handler); password from stdin')
    .requiredOption('--name <display name>', 'the name shown in case histories, e.g. 张敏')
    .requiredOption('--role <role>', 'operator | leader | admin | handler')
    .option('--unit <code>', "the handling unit's code (handler accounts)")
    .option('--db <file>', "database file (default: the app's own database)")
    .action(
      async (
        username: string,
        options: { name: string; role: string; unit?: string; db?: string },
      ) => {
        await withApi(options.db, async (call) => {
          const password = await readPassword(`Password for ${username}: `);
          const created = (await call('users.create', {
            username,
            displayName: options.name,
            role: options.role,
            unitCode: options.unit ?? null,
            password,
          })) as UserSummary;
          console.log(`Added ${created.username} (${created.role}).`);
        });
      },
    );
}
