/**
 * 设置 as the admin, in the browser against a real `griddesk serve` (issue 12, "Settings
 * that an admin needs"): on a demo street whose city standard was imported by the command
 * line, the admin changes a 立案条件 row's limit and sees the new version in force, saves new
 * work periods, adds an urgency override, saves the stage clocks and the idle lock, and opens
 * the ranking's weights dialog from here; a screenshot of each panel.
 */
import type { Page } from '@playwright/test';
import { signInThroughHeader, test, expect } from './host-fixture';
import { serveWithSampleStandard } from './standard-serve';

const shotDir = process.env.GRIDDESK_SETTINGS_SHOTS ?? 'test-results/screenshots';

const server = serveWithSampleStandard('griddesk-e2e-settings-');

async function openSettings(page: Page) {
  await page.goto(server().url);
  await signInThroughHeader(page, 'admin');
  await page.getByRole('link', { name: '设置', exact: true }).click();
  await expect(page.getByTestId('settings-standard')).toBeVisible();
}

test('the admin changes a 立案条件 row and the new version is in force', async ({ page }) => {
  await openSettings(page);
  await expect(page.getByTestId('area-settings')).not.toContainText('尚未建成');
  const versions = page.getByTestId('standard-version');
  // Loaded first: count() does not wait.
  await expect(versions.first()).toContainText('当前');
  const before = await versions.count();

  await page.getByTestId('standard-search').fill('井盖破损');
  const row = page.getByTestId('standard-row').filter({ hasText: 'C0101' }).first();
  await expect(row).toContainText('4 工作时');
  await page
    .getByTestId('panel-standard')
    .screenshot({ path: `${shotDir}/settings-standard-zh.png` });

  await row.getByTestId('standard-row-edit').click();
  const dialog = page.getByTestId('standard-row-dialog');
  await expect(dialog.getByTestId('std-limit')).toHaveValue('4工作时');
  await dialog.getByTestId('std-limit').fill('四小时');
  await dialog.getByRole('button', { name: '保存为新版本' }).click();
  await expect(dialog.getByTestId('standard-row-error')).toContainText('处置时限');
  await dialog.getByTestId('std-limit').fill('2紧急工作时');
  await dialog.getByTestId('std-close-condition').fill('井盖复位或更换');
  await page.screenshot({ path: `${shotDir}/settings-standard-edit-zh.png` });
  await dialog.getByRole('button', { name: '保存为新版本' }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByTestId('standard-notice')).toContainText('已保存为版本');
  await expect(versions).toHaveCount(before + 1);
  await expect(versions.first()).toContainText('当前');
  await expect(versions.first()).toContainText('设置中修改 C0101');
  await expect(versions.nth(1)).not.toContainText('当前');
  const edited = page.getByTestId('standard-row').filter({ hasText: 'C0101' }).first();
  await expect(edited).toContainText('2 自然时');
  await expect(edited).toContainText('井盖复位或更换');

  // The old version is still there to browse, read only, with its own limit.
  await versions.nth(1).getByRole('button', { name: '查看' }).click();
  await expect(page.getByTestId('standard-row').filter({ hasText: 'C0101' }).first()).toContainText(
    '4 工作时',
  );
  await expect(page.getByTestId('standard-row-edit')).toHaveCount(0);
  await page
    .getByTestId('panel-standard')
    .screenshot({ path: `${shotDir}/settings-standard-old-zh.png` });

  // A local category under 公用设施, registered under at once (the integration test registers a case).
  await page.getByRole('button', { name: '回到当前版本' }).click();
  await page.getByTestId('standard-add-local').click();
  const add = page.getByTestId('local-category-dialog');
  await add.getByTestId('local-minor-code').fill('99');
  await add.getByTestId('local-minor-name').fill('智能井盖');
  await add.getByTestId('std-condition').fill('传感器离线');
  await add.getByTestId('std-limit').fill('1天');
  await page.screenshot({ path: `${shotDir}/settings-standard-local-zh.png` });
  await add.getByRole('button', { name: '保存为新版本' }).click();
  await expect(page.getByTestId('standard-notice')).toContainText('已新增 C0199');
  await page.getByTestId('standard-search').fill('智能井盖');
  await expect(page.getByTestId('standard-row')).toContainText(['本地']);
});

test('the admin saves new work periods and sees them in force', async ({ page }) => {
  await openSettings(page);
  const panel = page.getByTestId('panel-work-periods');
  await expect(panel.getByTestId('work-periods-in-force')).toContainText(
    '08:00–12:00、14:00–18:00',
  );
  await panel.getByTestId('period-start-0').fill('09:00');
  await panel.getByTestId('period-end-1').fill('17:30');
  await panel.getByRole('button', { name: '保存新时段' }).click();
  await expect(panel.getByRole('status')).toContainText('已保存第 1 版');
  await expect(panel.getByTestId('work-periods-in-force')).toContainText(
    '09:00–12:00、14:00–17:30',
  );
  await expect(panel.getByTestId('work-periods-version')).toHaveCount(1);
  await panel.screenshot({ path: `${shotDir}/settings-work-periods-zh.png` });
});

test('overrides, stage clocks, idle lock and weights, each with its history', async ({ page }) => {
  await openSettings(page);
  const overrides = page.getByTestId('panel-overrides');
  await overrides.getByTestId('override-category').selectOption('E0102');
  await overrides.getByTestId('override-onsiteMinutes').fill('20');
  await overrides.getByTestId('override-resolveHours').fill('2');
  await overrides.getByRole('button', { name: '添加或修改' }).click();
  await expect(overrides.getByTestId('override-row')).toContainText('E0102');
  await overrides.getByTestId('override-acceptMinutes').fill('-1');
  await overrides.getByTestId('override-category').selectOption('E0102');
  await overrides.getByRole('button', { name: '添加或修改' }).click();
  await expect(overrides.getByTestId('override-error')).toContainText('受理时限');
  await expect(overrides.getByText('最近修改')).toBeVisible();
  await overrides.screenshot({ path: `${shotDir}/settings-overrides-zh.png` });

  const clocks = page.getByTestId('panel-clock-defaults');
  await expect(clocks.getByTestId('clock-dispatchMinutes')).toHaveValue('30');
  await clocks.getByTestId('clock-onsiteMinutes').fill('45');
  await clocks.getByRole('button', { name: '保存' }).click();
  await expect(clocks.getByRole('status')).toContainText('已保存');
  await expect(clocks.locator('.settings-history li')).toHaveCount(1);
  await clocks.screenshot({ path: `${shotDir}/settings-clock-defaults-zh.png` });

  const idle = page.getByTestId('panel-idle-lock');
  await idle.getByTestId('idle-lock-minutes').fill('0');
  await idle.getByRole('button', { name: '保存' }).click();
  await expect(idle.getByTestId('idle-lock-error')).toContainText('1 到 240');
  await idle.getByTestId('idle-lock-minutes').fill('20');
  await idle.getByRole('button', { name: '保存' }).click();
  await expect(idle.getByRole('status')).toContainText('闲置 20 分钟锁屏');
  await expect(idle.locator('.settings-history li').first()).toContainText('15 分钟 → 20 分钟');
  await idle.screenshot({ path: `${shotDir}/settings-idle-lock-zh.png` });

  await page.getByTestId('settings-open-weights').click();
  await expect(page.getByTestId('weights-dialog')).toBeVisible();
  await page.screenshot({ path: `${shotDir}/settings-weights-zh.png` });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('weights-dialog')).toBeHidden();

  await page.getByTestId('lang-switch').click();
  await expect(page.getByTestId('panel-standard')).toContainText('Categories and their standard');
  await page.screenshot({ path: `${shotDir}/settings-admin-en.png`, fullPage: true });
});
