/**
 * Registration picks the standard (issue 12), on a demo street whose city standard was
 * imported by the command line first (the city's sample over the demo's own standard):
 * quick entry offers 上水井盖's two conditions, the shortest first, number keys pick one, and
 * the detail shows the condition, its 结案条件 and "4 工作时，截止 …"; the register move of a
 * case taken in unregistered offers the same choice.
 */
import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { signInThroughHeader, test, expect } from './host-fixture';
import { serveWithSampleStandard } from './standard-serve';

const shotDir = process.env.GRIDDESK_STD_SHOTS ?? 'test-results/screenshots';

const server = serveWithSampleStandard('griddesk-e2e-standards-');

async function openBoard(page: Page) {
  await page.goto(server().url);
  await signInThroughHeader(page, 'zhangmin');
  await page.getByRole('link', { name: '案件', exact: true }).click();
  await expect(page.getByTestId('case-board')).toBeVisible();
}

/** N, 上水井盖 by its initials, then the focus into its 立案条件 (Tab after the category). */
async function startManholeCase(page: Page) {
  await page.locator('body').click();
  await page.keyboard.press('n');
  await expect(page.getByTestId('intake-category')).toBeFocused();
  await page.keyboard.type('ssjg');
  await expect(page.getByTestId('intake-category-list')).toContainText('上水井盖');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('intake-category')).toHaveValue(/上水井盖/);
}

async function fillPlace(page: Page, description: string) {
  await page.getByTestId('intake-place').focus();
  await page.keyboard.type('龙泉社区第3');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('intake-place')).toHaveValue(/龙泉社区第3网格/);
  await page.getByTestId('intake-address').fill('龙泉社区第3网格7号楼北侧');
  await page.getByTestId('intake-description').fill(description);
}

/** "处置截止 2026-11-23 11:30" beside the clock, as the limit's "11月23日 11:30". */
async function dueAsDayTime(detail: Locator): Promise<string> {
  const text = await detail.locator('.detail__clock').innerText();
  const m = /(\d{4})-(\d{2})-(\d{2}) (\d{2}:\d{2})/.exec(text);
  expect(m, text).not.toBeNull();
  return `${Number(m![2])}月${Number(m![3])}日 ${m![4]}`;
}

test('quick entry registers 上水井盖 under 井盖破损、移位 and the detail shows its limit and deadline', async ({
  page,
}) => {
  fs.mkdirSync(shotDir, { recursive: true });
  await openBoard(page);
  await startManholeCase(page);

  const choice = page.getByTestId('intake-standard');
  await expect(choice).toBeVisible();
  // The shortest limit first, and preselected.
  await expect(choice.locator('label')).toHaveText([
    /井盖丢失\s*— 2 自然时/,
    /井盖破损、移位\s*— 4 工作时/,
  ]);
  await expect(page.getByTestId('intake-standard-1')).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('intake-standard-1')).toBeFocused();
  await page.keyboard.press('2');
  await expect(page.getByTestId('intake-standard-2')).toBeChecked();
  await expect(page.getByTestId('intake-standard-2')).toBeFocused();
  await expect(page.getByTestId('intake-standard-close')).toContainText('结案条件');
  // Tab leaves the list for the place.
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('intake-place')).toBeFocused();
  await fillPlace(page, '井盖破损，一角下沉');
  await page.screenshot({ path: `${shotDir}/standards-intake-zh.png` });
  await page.keyboard.press('Control+Enter');

  const detail = page.getByTestId('case-detail');
  await expect(detail.getByTestId('detail-state')).toHaveText('已立案');
  await expect(detail.getByTestId('detail-condition')).toHaveText('井盖破损、移位');
  await expect(detail.getByTestId('detail-close-condition')).toHaveText('修复或更换井盖');
  const due = await dueAsDayTime(detail);
  await expect(detail.getByTestId('detail-limit')).toHaveText(`4 工作时，截止 ${due}`);
  await page.screenshot({ path: `${shotDir}/standards-detail-zh.png` });
});

test('the register move of a case taken in unregistered offers the same choice', async ({
  page,
}) => {
  await openBoard(page);
  await startManholeCase(page);
  await fillPlace(page, '井盖丢失，路口有坑');
  await page.getByTestId('intake-register').uncheck();
  await page.keyboard.press('Control+Enter');

  const detail = page.getByTestId('case-detail');
  await expect(detail.getByTestId('detail-state')).toHaveText('待受理');
  await detail.getByTestId('move-register').click();
  const form = detail.getByTestId('move-form-register');
  await expect(form.getByTestId('move-standard')).toBeVisible();
  await expect(form.getByTestId('move-standard-1')).toBeChecked();
  await expect(form.getByTestId('move-standard-1')).toBeFocused();
  await page.keyboard.press('2');
  await expect(form.getByTestId('move-standard-2')).toBeChecked();
  await page.keyboard.press('1');
  await expect(form.getByTestId('move-standard-1')).toBeChecked();
  await page.screenshot({ path: `${shotDir}/standards-register-move-zh.png` });
  await page.keyboard.press('Enter');

  await expect(detail.getByTestId('detail-state')).toHaveText('已立案');
  await expect(detail.getByTestId('detail-condition')).toHaveText('井盖丢失');
  const due = await dueAsDayTime(detail);
  await expect(detail.getByTestId('detail-limit')).toHaveText(`2 自然时，截止 ${due}`);

  await expect(detail.getByTestId('detail-close-condition')).toHaveText('补齐井盖');

  // English: the same lines in the desk's English words.
  await page.getByTestId('lang-switch').click();
  await expect(detail.getByTestId('detail-limit')).toHaveText(
    /^2 natural hours, due \d+ \w{3} \d\d:\d\d$/,
  );
  await page.screenshot({ path: `${shotDir}/standards-detail-en.png` });
  await page.getByTestId('lang-switch').click();
});
