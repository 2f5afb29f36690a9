/**
 * 党建引领's small wishes in the browser (issue 14): an operator publishes a resident's wish,
 * a member claims it, it is fulfilled and the community confirms it; every step shows on
 * the board and in the wish's history.
 */
import { openAreaAs, test, expect } from './host-fixture';

const shotDir = 'test-results/screenshots';

test('an operator publishes a small wish, a member claims it, it is fulfilled and confirmed', async ({
  page,
  serve,
}) => {
  await openAreaAs(page, serve, 'zhangmin', '党建引领');
  await expect(page.getByTestId('area-party')).toBeVisible();
  const board = page.getByTestId('wish-board');
  await expect(board.getByTestId('wish-column-confirmed')).toContainText(/\d/);
  await page.screenshot({ path: `${shotDir}/party-wishes-zh.png` });
  // This month's figures: twelve communities and the street's total; then by unit.
  const figures = page.getByTestId('party-figures-table');
  await expect(figures.locator('tbody tr')).toHaveCount(13);
  await expect(page.getByTestId('party-figures-total')).toContainText('全街道');
  await page.getByTestId('party-figures').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shotDir}/party-figures-zh.png` });
  await page.getByTestId('party-figures-unit').click();
  await expect.poll(() => figures.locator('tbody tr').count()).toBeGreaterThan(100);
  await page.getByTestId('party-figures-community').click();
  await board.scrollIntoViewIfNeeded();

  await page.getByTestId('wish-new').click();
  const dialog = page.getByTestId('wish-publish');
  await dialog.getByTestId('wish-title').fill('独居老人想要一台轮椅');
  await dialog.getByTestId('wish-for').fill('独居老人');
  await dialog.getByTestId('wish-resident').fill('李秀英');
  await dialog.getByTestId('wish-phone').fill('13912345678');
  await dialog.getByTestId('wish-grid').selectOption({ label: '龙泉社区第3网格' });
  await dialog.getByTestId('wish-value').fill('380');
  await dialog.getByTestId('wish-publish-submit').click();

  const detail = page.getByTestId('wish-detail');
  await expect(detail.getByTestId('wish-state')).toHaveText('待认领');
  const code = (await detail.getByTestId('wish-code').innerText()).trim();
  await expect(
    board.getByTestId('wish-column-published').locator(`[data-wish-code="${code}"]`),
  ).toBeVisible();

  // A member claims it: found by name.
  await detail.getByTestId('wish-move-claim').click();
  await detail.getByTestId('wish-claimant-search').fill('王');
  const claimant = detail.getByTestId('wish-claimant');
  await expect(claimant.locator('option').first()).toBeVisible();
  const memberName = (await claimant.locator('option').first().innerText()).split(' · ')[0]!;
  await claimant.selectOption({ index: 0 });
  await detail.getByTestId('wish-move-submit').click();
  await expect(detail.getByTestId('wish-state')).toHaveText('已认领');
  await expect(
    board.getByTestId('wish-column-claimed').locator(`[data-wish-code="${code}"]`),
  ).toContainText(memberName);

  await detail.getByTestId('wish-move-fulfil').click();
  await detail.getByTestId('wish-move-text').fill('轮椅已送到老人家中');
  await page.keyboard.press('Control+Enter');
  await expect(detail.getByTestId('wish-state')).toHaveText('已完成');
  await detail.getByTestId('wish-move-confirm').click();
  await detail.getByTestId('wish-move-submit').click();
  await expect(detail.getByTestId('wish-state')).toHaveText('已确认');
  const events = detail.getByTestId('wish-events');
  for (const step of ['发布', '认领', '完成', '社区确认']) await expect(events).toContainText(step);
  await expect(events).toContainText('轮椅已送到老人家中');
  await expect(events).toContainText('张敏');
  await page.screenshot({ path: `${shotDir}/party-wish-confirmed-zh.png` });
});

test('a wish just published counts on the weekly agenda, beside the wishes past their clock', async ({
  page,
  serve,
}) => {
  await openAreaAs(page, serve, 'zhangmin', '党建引领');
  await page.getByTestId('wish-new').click();
  const dialog = page.getByTestId('wish-publish');
  await dialog.getByTestId('wish-title').fill('空巢老人想要一台收音机');
  await dialog.getByTestId('wish-grid').selectOption({ label: '朝阳社区第2网格' });
  await dialog.getByTestId('wish-publish-submit').click();
  await expect(page.getByTestId('wish-detail').getByTestId('wish-state')).toHaveText('待认领');
  const unclaimed = page.getByTestId('wish-column-published').locator('.wish-column__count');
  const count = (await unclaimed.innerText()).trim();

  await page.getByRole('link', { name: '周调度', exact: true }).click();
  const section = page.getByTestId('section-wishes');
  await expect(section).toContainText(`待认领 ${count} 个`);
  // The demo street has wishes past their clock: listed, the longest late first.
  const rows = section.getByTestId('agenda-wishes-overdue').locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shotDir}/party-weekly-wishes-zh.png` });
});

test("the overview shows this week's party-building figures, before anyone signs in", async ({
  page,
  serve,
}) => {
  await page.goto(serve.url);
  const panel = page.getByTestId('panel-party-week');
  await expect(panel.getByTestId('party-week')).toBeVisible();
  await expect(panel).toContainText('微心愿超时');
  await expect(panel.locator('dd').first()).toHaveText(/\d/);
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shotDir}/overview-party-week-zh.png` });
  await panel.getByRole('link', { name: /党建引领/ }).click();
  await expect(page.getByTestId('area-party')).toBeVisible();
});
