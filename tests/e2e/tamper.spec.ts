/**
 * Issue 10: a published bulletin whose stored figures were changed around the database's
 * triggers is shown under a banner that says so, and its export is refused in a sentence.
 * Its own server and database, so the tampering touches no other spec.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import Database from 'better-sqlite3';
import {
  createDemoDatabase,
  expect,
  prepareDeskUsers,
  signInThroughHeader,
  startServe,
  test,
  type RunningServe,
} from './host-fixture';

const shotDir = 'test-results/screenshots';
let dir: string;
let own: { serve: RunningServe; child: ChildProcess };

/** The month before this one, in Shanghai: complete, so it can be published. */
function lastMonth(): string {
  const shanghai = new Date(Date.now() + 8 * 3600_000);
  const previous = new Date(Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth() - 1, 1));
  return previous.toISOString().slice(0, 7);
}

test.beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-e2e-tamper-'));
  const dbFile = path.join(dir, 'demo.sqlite');
  createDemoDatabase(dbFile);
  own = await startServe(dbFile);
});
test.afterAll(async () => {
  own.child.kill('SIGTERM');
  await new Promise((resolve) => own.child.once('exit', resolve));
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a bulletin changed behind the app is shown with a banner and is not exported', async ({
  page,
}) => {
  const { serve } = own;
  const month = lastMonth();
  const tokens = await prepareDeskUsers(serve);
  await serve.callAs(tokens.wangjianguo!, 'bulletin.publish', {
    period: month,
    level: 'community',
  });

  // Someone with the file drops the frozen trigger, moves the last community to first place
  // in the stored figures and puts the trigger back.
  const raw = new Database(serve.dbFile);
  const trigger = raw
    .prepare("SELECT sql FROM sqlite_schema WHERE name = 'bulletins_frozen_update'")
    .pluck()
    .get() as string;
  raw.transaction(() => {
    raw.exec('DROP TRIGGER bulletins_frozen_update');
    const figures = JSON.parse(
      raw.prepare('SELECT figures FROM bulletins WHERE version = 1').pluck().get() as string,
    );
    figures.rows.at(-1).rank = 1;
    raw.prepare('UPDATE bulletins SET figures = ? WHERE version = 1').run(JSON.stringify(figures));
    raw.exec(trigger);
  })();
  raw.close();

  await page.goto(serve.url);
  await signInThroughHeader(page, 'wangjianguo');
  await page.getByRole('link', { name: '月度排名', exact: true }).click();
  await expect(page.getByTestId('ranking-row')).toHaveCount(12);
  await expect(page.getByTestId('bulletin-tampered')).toHaveCount(0);
  await page.getByTestId('bulletin-version-1').click();
  await expect(page.getByTestId('bulletin-tampered')).toContainText(
    '此通报与其校验值不符：第 1 版发布后，数据库中存储的数据被改动过',
  );
  await page.getByTestId('export-xlsx').click();
  await expect(page.getByTestId('export-error')).toContainText('此通报与其校验值不符');
  await expect(page.getByTestId('export-note')).toHaveCount(0);
  await page.screenshot({ path: `${shotDir}/ranking-tampered-1366.png` });

  // The live ranking has no banner and still exports.
  await page.getByRole('button', { name: '实时计算', exact: true }).click();
  await expect(page.getByTestId('bulletin-tampered')).toHaveCount(0);
});
