import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import {
  createDemoDatabase,
  prepareDeskUsers,
  signInThroughHeader,
  startServe,
  test,
  expect,
} from './host-fixture';
import { typeQuickEntry } from './quick-entry';

const shotDir = 'test-results/screenshots';

async function openBoard(page: Page, url: string, username: string) {
  await page.goto(url);
  await signInThroughHeader(page, username);
  await page.getByRole('link', { name: '案件', exact: true }).click();
  await expect(page.getByTestId('case-board')).toBeVisible();
}

const card = (page: Page, state: string, caseNo: string) =>
  page.getByTestId(`column-${state}`).locator(`[data-case-no="${caseNo}"]`);

test('a phone call taken by keyboard goes through dispatch, handling and a second user’s check, live in another tab', async ({
  context,
  serve,
}) => {
  await prepareDeskUsers(serve);
  const desk = await context.newPage();
  const wall = await context.newPage();
  await openBoard(desk, serve.url, 'zhangmin');
  await openBoard(wall, serve.url, 'liuyang');

  // Quick entry, keyboard only: N, category by pinyin initials, place by name, Ctrl+Enter.
  await typeQuickEntry(desk, {
    categoryKeys: 'bllj',
    categoryName: '暴露垃圾',
    conditions: 3,
    place: '龙泉社区第3',
    placeValue: /龙泉社区第3网格/,
    address: '龙泉社区第3网格5号楼东门',
    description: '东门口垃圾堆放两天无人清运，气味大',
  });
  await desk.keyboard.press('Tab');
  await desk.keyboard.type('赵大妈');
  await desk.keyboard.press('Tab');
  await desk.keyboard.type('13900001111');
  await expect(desk.getByText('139****1111')).toBeVisible();
  await desk.screenshot({ path: `${shotDir}/cases-intake-zh.png` });
  await desk.keyboard.press('Control+Enter');

  const detail = desk.getByTestId('case-detail');
  await expect(detail.getByTestId('detail-state')).toHaveText('已立案');
  const caseNo = (await detail.getByTestId('detail-case-no').innerText()).trim();
  expect(caseNo).toMatch(/^E0102\d{13}$/);
  await expect(detail.getByTestId('detail-phone')).toHaveText('13900001111');
  // The other tab shows it without being touched.
  await expect(card(wall, 'registered', caseNo)).toBeVisible({ timeout: 10_000 });

  // Dispatch (the suggested unit is preselected), then sign and report it handled.
  await detail.getByTestId('move-dispatch').click();
  await detail.getByTestId('move-submit').click();
  await expect(detail.getByTestId('detail-state')).toHaveText('已派遣');
  await expect(card(wall, 'dispatched', caseNo)).toBeVisible({ timeout: 10_000 });
  await detail.getByTestId('move-sign').click();
  await desk.keyboard.press('Enter');
  await expect(detail.getByTestId('detail-state')).toHaveText('处置中');
  await detail.getByTestId('move-handle').click();
  await desk.getByTestId('move-text').fill('已联系环卫所清运完毕');
  await desk.keyboard.press('Control+Enter');
  await expect(detail.getByTestId('detail-state')).toHaveText('待核查');

  // 采办分离: whoever recorded the handling cannot close; the reason is said.
  await expect(detail.getByTestId('move-close')).toHaveCount(0);
  await expect(detail.getByTestId('move-refused-close')).toContainText('采办分离');
  await desk.screenshot({ path: `${shotDir}/cases-detail-handled-zh.png` });

  // 刘洋, in the other tab, verifies and closes.
  await expect(card(wall, 'handled', caseNo)).toBeVisible({ timeout: 10_000 });
  await card(wall, 'handled', caseNo).click();
  const check = wall.getByTestId('case-detail');
  await expect(check.getByTestId('detail-case-no')).toHaveText(caseNo);
  await check.getByTestId('move-close').click();
  await wall.keyboard.press('Enter');
  await expect(check.getByTestId('detail-state')).toHaveText('已结案');
  await expect(check.getByTestId('case-timeline')).toContainText('核查结案');
  await expect(check.getByTestId('case-timeline')).toContainText('刘洋');
  // …and the first tab sees the case closed, and it leaves the board.
  await expect(detail.getByTestId('detail-state')).toHaveText('已结案', { timeout: 10_000 });
  await expect(card(desk, 'handled', caseNo)).toHaveCount(0);
  await wall.screenshot({ path: `${shotDir}/cases-closed-zh.png` });

  const events = await serve.call<{ events: Array<{ kind: string; actorName: string }> }>(
    'cases.get',
    { caseNo },
  );
  expect(events.events.map((e) => `${e.kind}:${e.actorName}`)).toEqual([
    'report:张敏',
    'register:张敏',
    'dispatch:张敏',
    'sign:张敏',
    'handle:张敏',
    'close:刘洋',
  ]);
});

test('filters live in the address, search finds a case, and a newly overdue case raises the alarm', async ({
  page,
  serve,
}) => {
  await prepareDeskUsers(serve);
  await openBoard(page, serve.url, 'zhangmin');
  await page.getByTestId('filter-community').selectOption({ label: '龙泉社区' });
  await expect(page).toHaveURL(/communityCode=/);
  await page.reload();
  await expect(page.getByTestId('filter-community')).toHaveValue(/\d{12}/);
  await expect(
    page.getByTestId('column-in_progress').getByTestId('case-card').first(),
  ).toContainText('龙泉社区');
  // Arrows walk the board, Enter opens the selected case, Esc closes it.
  await page.getByTestId('filter-clear').click();
  await expect(page.getByTestId('column-count-reported')).not.toHaveText('0');
  await expect(page.getByTestId('column-reported').getByTestId('case-card').first()).toBeVisible();
  await page.getByTestId('case-board').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.case-card--selected')).toHaveCount(1);
  const selected = await page.locator('.case-card--selected').getAttribute('data-case-no');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('detail-case-no')).toHaveText(selected!);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('case-detail')).toHaveCount(0);
  await page.getByTestId('view-table').click();
  await expect(page.getByTestId('case-table')).toBeVisible();
  await page.getByTestId('view-board').click();

  // Another process (an import, say) writes a registered case due in a few seconds.
  const db = new Database(serve.dbFile);
  const grid = db
    .prepare(
      "SELECT code, community_code AS community FROM places WHERE level = 'grid' ORDER BY code LIMIT 1",
    )
    .get() as { code: string; community: string };
  const now = Date.now();
  const due = now + 4_000;
  const caseNo = `E2E${now}`;
  db.prepare(
    `INSERT INTO cases (case_no, source, category_code, description, address, grid_code, community_code, state,
       reported_at, registered_at, accept_due_at, base_due_at, due_at, due_window_ms, created_at, updated_at)
     VALUES (?, 'city_platform', 'E0102', '限时清运：桥下暴露垃圾', '青年桥下', ?, ?, 'registered', ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    caseNo,
    grid.code,
    grid.community,
    now - 60_000,
    now - 60_000,
    now,
    due,
    due,
    due - now + 60_000,
    now,
    now,
  );
  db.close();
  await expect(card(page, 'registered', caseNo)).toBeVisible({ timeout: 10_000 });

  // Search by part of its number: FTS5 finds it (and only what matches).
  await page.keyboard.press('/');
  await expect(page.getByTestId('case-search')).toBeFocused();
  await page.keyboard.type(caseNo.slice(-8));
  await expect(page.getByTestId('column-count-registered')).toHaveText('1');
  await expect(card(page, 'registered', caseNo)).toBeVisible();

  const alarm = page.getByTestId('overdue-alarm');
  await expect(alarm).toBeVisible({ timeout: 30_000 });
  await expect(alarm).toContainText(caseNo);
  await expect(card(page, 'registered', caseNo)).toHaveClass(/case-card--overdue/);
  await page.screenshot({ path: `${shotDir}/cases-overdue-alarm-zh.png` });
  await page.getByTestId('alarm-mute').click();
  await expect(page.getByTestId('alarm-mute')).toHaveText('开启提示音');
  await page.getByTestId('overdue-alarm-dismiss').click();
  await expect(alarm).toHaveCount(0);
});

test('first run asks for the administrator’s password; the idle lock asks for it again', async ({
  browser,
}) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-e2e-first-'));
  const dbFile = path.join(dir, 'demo.sqlite');
  createDemoDatabase(dbFile);
  const { serve, child } = await startServe(dbFile);
  try {
    const page = await browser.newPage();
    await page.goto(serve.url);
    await page.getByTestId('session-setup').click();
    await expect(page.getByTestId('setup-dialog')).toContainText('admin');
    await expect(page.getByTestId('setup-dialog')).toContainText('至少 10 个字符');
    await page.getByTestId('setup-password').fill('1234567890');
    await page.getByTestId('setup-password-again').fill('1234567890');
    await page.getByTestId('setup-submit').click();
    await expect(page.getByTestId('setup-dialog')).toContainText('不能全是数字');
    await page.getByTestId('setup-password').fill('admin123456');
    await page.getByTestId('setup-password-again').fill('admin123456');
    await page.getByTestId('setup-submit').click();
    await expect(page.getByTestId('setup-dialog')).toContainText('最常见的密码');
    await page.screenshot({ path: `${shotDir}/session-setup-refused-zh.png` });
    await page.getByTestId('setup-password').fill('first-chief-pass');
    await page.getByTestId('setup-password-again').fill('first-chief-pass');
    await page.getByTestId('setup-submit').click();
    await expect(page.getByTestId('session-user')).toHaveText('系统管理员（管理员）');

    await page.getByTestId('session-lock').click();
    await expect(page.getByTestId('lock-screen')).toBeVisible();
    await page.getByTestId('unlock-password').fill('wrong-password');
    await page.getByTestId('unlock-submit').click();
    await expect(page.getByTestId('lock-screen')).toContainText('密码不对');
    await page.getByTestId('unlock-password').fill('first-chief-pass');
    await page.getByTestId('unlock-submit').click();
    await expect(page.getByTestId('lock-screen')).toHaveCount(0);

    // The admin gives an operator a password in 设置 → 用户.
    await page.getByRole('link', { name: '设置', exact: true }).click();
    await page.getByTestId('set-password-zhangmin').click();
    await page.getByTestId('user-new-password').fill('zhang-pass-2026');
    await page.getByTestId('user-new-password-save').click();
    await expect(page.getByTestId('user-row').filter({ hasText: 'zhangmin' })).toContainText(
      '在用',
    );
    await page.screenshot({ path: `${shotDir}/cases-settings-users-zh.png` });

    // Someone guesses 张敏's password five times; the admin lifts the lock in 设置 → 用户.
    for (let i = 1; i <= 5; i += 1) {
      await serve
        .call('auth.signIn', { username: 'zhangmin', password: `guessing-${i}-now` })
        .catch(() => undefined);
    }
    await expect(
      serve.call('auth.signIn', { username: 'zhangmin', password: 'zhang-pass-2026' }),
    ).rejects.toThrow(/请于 \d\d:\d\d 后再试/);
    await page.reload();
    await expect(page.getByTestId('sign-in-locked-zhangmin')).toContainText(
      /密码错 5 次，限制登录至 \d\d:\d\d/,
    );
    await expect(page.getByTestId('clear-sign-in-lock-admin')).toHaveCount(0);
    await page.screenshot({ path: `${shotDir}/settings-users-sign-in-locked-zh.png` });
    await page.getByTestId('clear-sign-in-lock-zhangmin').click();
    await expect(page.getByTestId('users-notice')).toContainText('已解除 zhangmin 的登录限制');
    await expect(page.getByTestId('sign-in-locked-zhangmin')).toHaveCount(0);
    await serve.call('auth.signIn', { username: 'zhangmin', password: 'zhang-pass-2026' });

    // Five wrong passwords at the lock screen: the sixth try is refused, saying until when.
    await page.getByTestId('session-lock').click();
    for (let i = 1; i <= 5; i += 1) {
      await page.getByTestId('unlock-password').fill(`wrong-guess-${i}`);
      await page.getByTestId('unlock-submit').click();
      await expect(page.getByTestId('lock-screen')).toContainText(
        i < 5 ? '密码不对' : /请于 \d\d:\d\d 后再试/,
      );
    }
    await page.getByTestId('unlock-password').fill('first-chief-pass');
    await page.getByTestId('unlock-submit').click();
    await expect(page.getByTestId('lock-screen')).toContainText(/已错 5 次.*请于 \d\d:\d\d 后再试/);
    await page.screenshot({ path: `${shotDir}/session-unlock-refused-zh.png` });
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
