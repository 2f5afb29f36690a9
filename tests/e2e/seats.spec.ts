/**
 * Seat mode (issue 13) in a browser: the demo street served by `griddesk serve --seats` over
 * HTTPS on 127.0.0.2, two operators in two browser contexts (two machines: no shared
 * cookies or storage) on the same board, and the wall display on a display key.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Browser, type Page } from '@playwright/test';
import { createDemoDatabase, E2E_PASSWORD } from './host-fixture';
import { startSeatHostProcess, stopProcess } from '../seat-host-process';

const shotDir = 'test-results/screenshots';
const root = path.resolve(import.meta.dirname, '../..');
const griddesk = path.join(root, 'bin/griddesk.mjs');

interface SeatHost {
  url: string;
  dbFile: string;
  displayKey: string;
  /** Stops the host (as a crash or a pulled cable would, to the seats). */
  stop(): Promise<void>;
  /** Starts it again on the same address and port. */
  restart(): Promise<void>;
}

function runCli(args: string[], stdin?: string): string {
  const result = spawnSync(process.execPath, [griddesk, ...args], {
    cwd: root,
    encoding: 'utf8',
    input: stdin,
  });
  if (result.status !== 0) throw new Error(`griddesk ${args[0]} failed: ${result.stderr}`);
  return result.stdout;
}

const test = base.extend<object, { seatHost: SeatHost }>({
  seatHost: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-seats-e2e-'));
      const dbFile = path.join(dir, 'demo.sqlite');
      createDemoDatabase(dbFile);
      // Passwords through the command line, as the admin of a fresh centre would.
      for (const username of ['admin', 'zhangmin', 'liuyang']) {
        runCli(['user', 'set-password', username, '--db', dbFile], `${E2E_PASSWORD}\n`);
      }
      const created = runCli(['display-link', 'create', '--name', '指挥大厅大屏', '--db', dbFile]);
      const displayKey = created.trim().split('\n').at(-1)!.trim();
      const started = await startSeatHostProcess({ dbFile });
      let child: ChildProcess | null = started.child;
      const stop = async () => {
        if (child) await stopProcess(child, 'SIGKILL');
        child = null;
      };
      const restart = async () => {
        await stop();
        child = (await startSeatHostProcess({ dbFile, port: started.port })).child;
      };
      await use({ url: started.url, dbFile, displayKey, stop, restart });
      await stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 60_000 },
  ],
});

/** A machine of its own: a fresh browser context that accepts the host's self-signed certificate. */
async function seatPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  return context.newPage();
}

async function signInAtSeat(page: Page, url: string, username: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId('seat-sign-in')).toBeVisible();
  await page.getByTestId('sign-in-username').fill(username);
  await page.getByTestId('sign-in-password').fill(E2E_PASSWORD);
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('seat-sign-in')).toHaveCount(0);
  await expect(page.getByTestId('session-user')).not.toContainText('未登录');
}

async function openCase(page: Page, caseNo: string): Promise<void> {
  await page.getByRole('link', { name: '案件', exact: true }).click();
  await expect(page.getByTestId('case-board')).toBeVisible();
  await page.getByTestId('column-in_progress').locator(`[data-case-no="${caseNo}"]`).click();
  await expect(page.getByTestId('case-detail').getByTestId('detail-case-no')).toHaveText(caseNo);
}

test('a seat sees only the sign-in page until its operator signs in', async ({
  browser,
  seatHost,
}) => {
  const page = await seatPage(browser);
  await page.goto(seatHost.url);
  await expect(page.getByTestId('seat-sign-in')).toBeVisible();
  await expect(page.getByTestId('seat-host')).toContainText('127.0.0.2');
  // Nothing of the street before the sign-in: no navigation, no case numbers.
  await expect(page.getByRole('link', { name: '案件', exact: true })).toHaveCount(0);
  await page.screenshot({ path: `${shotDir}/seats-join-zh.png` });

  await page.getByTestId('sign-in-username').fill('zhangmin');
  await page.getByTestId('sign-in-password').fill('not-the-password');
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByRole('alert')).toContainText(/密码/);
  await expect(page.getByTestId('seat-sign-in')).toBeVisible();
  await page.context().close();
});

test('two operators on one board: one moves a case, the other sees it move and its stale move is refused in a sentence', async ({
  browser,
  seatHost,
}) => {
  const first = await seatPage(browser);
  const second = await seatPage(browser);
  await signInAtSeat(first, seatHost.url, 'zhangmin');
  await signInAtSeat(second, seatHost.url, 'liuyang');
  await expect(first.getByTestId('transport')).toContainText('127.0.0.2');

  const caseNo = (await first
    .getByRole('link', { name: '案件', exact: true })
    .click()
    .then(() =>
      first
        .getByTestId('column-in_progress')
        .locator('[data-case-no]')
        .first()
        .getAttribute('data-case-no'),
    ))!;
  await openCase(first, caseNo);
  await openCase(second, caseNo);

  // 刘洋 starts writing the handling report and is not done yet.
  const typed = '已到现场，正在协调物业清理楼道杂物';
  await second.getByTestId('case-detail').getByTestId('move-handle').click();
  await second.getByTestId('move-text').fill(typed);

  // 张敏 reports it handled first.
  await first.getByTestId('case-detail').getByTestId('move-handle').click();
  await first.getByTestId('move-text').fill('物业已清理完毕');
  await first.keyboard.press('Control+Enter');
  await expect(first.getByTestId('case-detail').getByTestId('detail-state')).toHaveText('待核查');

  // The other seat's board shows the move without being touched…
  await expect(
    second.getByTestId('column-handled').locator(`[data-case-no="${caseNo}"]`),
  ).toBeVisible({ timeout: 5_000 });
  // …says the case moved under the open form, and what 刘洋 typed is still there.
  await expect(second.getByTestId('move-stale')).toContainText('待核查');
  await expect(second.getByTestId('move-text')).toHaveValue(typed);

  // Submitting the stale move: refused, naming who moved it and when; nothing typed is lost.
  await second.keyboard.press('Control+Enter');
  const refusal = second.getByTestId('case-detail').getByRole('alert');
  await expect(refusal).toContainText('张敏');
  await expect(refusal).toContainText(/\d{1,2}:\d{2}/);
  await expect(second.getByTestId('move-text')).toHaveValue(typed);
  await expect(second.getByTestId('case-detail').getByTestId('detail-state')).toHaveText('待核查');
  await second.screenshot({ path: `${shotDir}/seats-stale-move-refused-zh.png` });

  // One winner in the store: a single handling event.
  const timeline = first.getByTestId('case-timeline');
  await expect(timeline).toContainText('物业已清理完毕');
  await expect(timeline).not.toContainText(typed);
  await first.context().close();
  await second.context().close();
});

test('the wall display on a display key: the overview and the board, read-only, no sign-in, no writes offered', async ({
  browser,
  seatHost,
}) => {
  const wall = await seatPage(browser);
  await wall.goto(`${seatHost.url}?display=${encodeURIComponent(seatHost.displayKey)}`);
  await expect(wall.getByTestId('seat-sign-in')).toHaveCount(0);
  await expect(wall.getByTestId('count-newToday')).toHaveText(/\d/);
  // Only the overview, the board, the map and the weekly meeting.
  await expect(wall.getByRole('link', { name: '设置', exact: true })).toHaveCount(0);
  await expect(wall.getByRole('link', { name: '导入导出', exact: true })).toHaveCount(0);
  // The key leaves the address bar once taken.
  expect(wall.url()).not.toContain(seatHost.displayKey);
  await wall.screenshot({ path: `${shotDir}/seats-display-overview-zh.png` });

  await wall.getByRole('link', { name: '案件', exact: true }).click();
  await expect(wall.getByTestId('case-board')).toBeVisible();
  const card = wall.getByTestId('column-in_progress').locator('[data-case-no]').first();
  await card.click();
  const detail = wall.getByTestId('case-detail');
  await expect(detail.getByTestId('detail-case-no')).toBeVisible();
  // A display moves nothing, registers nothing, and offers no sign-in.
  await expect(detail.getByTestId('move-handle')).toHaveCount(0);
  await expect(detail.getByTestId('detail-display-only')).toContainText('大屏只读');
  await expect(wall.getByTestId('case-new')).toHaveCount(0);
  await wall.screenshot({ path: `${shotDir}/seats-display-board-zh.png` });
  await wall.context().close();
});

test('the admin sees the connected seats and makes a display key in settings', async ({
  browser,
  seatHost,
}) => {
  const operator = await seatPage(browser);
  await signInAtSeat(operator, seatHost.url, 'zhangmin');
  const admin = await seatPage(browser);
  await signInAtSeat(admin, seatHost.url, 'admin');
  await admin.getByRole('link', { name: '设置', exact: true }).click();
  const seats = admin.getByTestId('settings-seats');
  await expect(seats.getByTestId('seats-fingerprint')).toHaveText(/([0-9A-F]{2}:){31}[0-9A-F]{2}/);
  const connected = seats.getByTestId('seats-connected');
  await expect(connected).toContainText('张敏');
  await expect(connected).toContainText('127.0.0.1');

  const displays = admin.getByTestId('settings-displays');
  await displays.getByTestId('display-name').fill('领导办公室');
  await displays.getByTestId('display-create').click();
  await expect(displays.getByTestId('display-key')).not.toBeEmpty();
  await expect(displays.getByTestId('display-link')).toContainText('?display=');
  await admin.getByTestId('panel-seats').scrollIntoViewIfNeeded();
  await admin.screenshot({ path: `${shotDir}/seats-settings-zh.png` });
  await operator.context().close();
  await admin.context().close();
});

test('a seat that loses the host says its figures are not live, keeps what was typed, and carries on when the host is back', async ({
  browser,
  seatHost,
}) => {
  const page = await seatPage(browser);
  await signInAtSeat(page, seatHost.url, 'zhangmin');
  await page.getByRole('link', { name: '案件', exact: true }).click();
  const caseNo = (await page
    .getByTestId('column-in_progress')
    .locator('[data-case-no]')
    .first()
    .getAttribute('data-case-no'))!;
  await openCase(page, caseNo);
  await page.getByTestId('case-detail').getByTestId('move-handle').click();
  const typed = '断线期间填写的处置结果：已清理完毕';
  await page.getByTestId('move-text').fill(typed);
  await expect(page.getByTestId('connection-banner')).toHaveCount(0);

  await seatHost.stop();
  const banner = page.getByTestId('connection-banner');
  await expect(banner).toContainText('连接已中断', { timeout: 15_000 });
  await expect(banner).toContainText('不是实时数据');
  await expect(page.getByTestId('move-text')).toHaveValue(typed);
  await page.screenshot({ path: `${shotDir}/seats-host-lost-zh.png` });

  await seatHost.restart();
  await expect(banner).toHaveCount(0, { timeout: 20_000 });
  // The session outlived the host's restart (it is in the store): the move goes through.
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('case-detail').getByTestId('detail-state')).toHaveText('待核查');
  await expect(page.getByTestId('case-timeline')).toContainText(typed);
  await page.context().close();
});

test('an admin at a seat sends a file bigger than 700 KB to the host, streamed, and previews it there', async ({
  browser,
  seatHost,
}) => {
  // 1.5 MB: the city's sample rows, repeated (a preview reads the head; nothing is imported).
  const sample = fs.readFileSync(
    path.resolve(import.meta.dirname, '../../../shared/samples/cases-sample-gbk.csv'),
  );
  const text = new TextDecoder('gb18030').decode(sample).split('\r\n');
  const rows = text.slice(1).filter((line) => line.length > 0);
  const lines = [text[0]!];
  while (lines.join('\r\n').length < 1_500_000) lines.push(...rows);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-seat-upload-'));
  const file = path.join(dir, '11月案卷-大.csv');
  fs.writeFileSync(file, lines.join('\r\n'));
  const bytes = fs.statSync(file).size;
  expect(bytes).toBeGreaterThan(700 * 1024);

  const page = await seatPage(browser);
  await signInAtSeat(page, seatHost.url, 'admin');
  await page.getByRole('link', { name: '数据交换', exact: true }).click();
  await expect(page.getByTestId('area-exchange')).toContainText('大小不限于 700 KB');
  await page.getByTestId('import-file-input').setInputFiles(file);
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('preview-facts')).toContainText('识别为案卷');
  await expect(preview.locator('tbody tr')).toHaveCount(20);
  // The host kept it whole, in this seat's own upload folder.
  const uploads = path.join(path.dirname(seatHost.dbFile), 'griddesk-temp', 'uploads');
  const kept = fs
    .readdirSync(uploads, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name === '11月案卷-大.csv');
  expect(kept).toHaveLength(1);
  expect(fs.statSync(path.join(kept[0]!.parentPath, kept[0]!.name)).size).toBe(bytes);
  await page.screenshot({ path: `${shotDir}/seats-upload-preview-zh.png` });
  await page.context().close();
  fs.rmSync(dir, { recursive: true, force: true });
});
