/**
 * 月度排名 and 周调度 in the browser against a real `griddesk serve`: open the ranking, drill
 * into a figure, publish the bulletin, export it, page through meeting mode; screenshots at
 * 1920×1080 and 1366×768.
 */
import { prepareDeskUsers, signInThroughHeader, test, expect } from './host-fixture';

const shotDir = 'test-results/screenshots';

interface RankingRow {
  unitCode: string;
  unitName: string;
  rank: number | null;
  counts: { due: number; onTime: number };
}

/** The month before this one, in Shanghai: complete, so it can be published. */
function lastMonth(): string {
  const shanghai = new Date(Date.now() + 8 * 3600_000);
  const previous = new Date(Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth() - 1, 1));
  return previous.toISOString().slice(0, 7);
}

test.describe.configure({ mode: 'serial' });

test('the monthly ranking shows every community with its tier, and a figure opens its cases', async ({
  page,
  serve,
}) => {
  const month = lastMonth();
  const ranking = await serve.call<{ rows: RankingRow[] }>('ranking.compute', {
    period: month,
    level: 'community',
  });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(serve.url);
  await page.getByRole('link', { name: '月度排名', exact: true }).click();
  await expect(page.getByTestId('area-ranking')).toBeVisible();
  await expect(page.getByTestId('ranking-row')).toHaveCount(12);
  await expect(page.getByTestId('month-select')).toHaveValue(month);
  // The first row is rank 1, its tier said in a word as well as a colour.
  const first = page.getByTestId('ranking-row').first();
  const top = ranking.rows[0]!;
  await expect(first).toContainText(top.unitName);
  await expect(first.locator('[data-tier]')).toHaveText(/蓝|黄|红/);
  await expect(page.getByTestId('score-bars')).toBeVisible();
  await expect(page.getByTestId('score-trend')).toBeVisible();
  await page.screenshot({ path: `${shotDir}/ranking-1920.png` });

  // Drill into 按期结案 of the top community: the list has exactly that many cases.
  await first.getByTestId('figure-onTime').click();
  const dialog = page.getByTestId('drill-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('drill-count')).toContainText(String(top.counts.onTime));
  await expect(dialog.getByTestId('drill-row')).toHaveCount(Math.min(300, top.counts.onTime));
  await expect(dialog).toContainText('按期结案');
  await page.screenshot({ path: `${shotDir}/ranking-drill-1920.png` });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // A rate opens its denominator with the numerator marked.
  await first.getByTestId('rate-onTimeRate').click();
  await expect(dialog.getByTestId('drill-row')).toHaveCount(Math.min(300, top.counts.due));
  await expect(dialog.locator('.drill__row--marked')).toHaveCount(Math.min(300, top.counts.onTime));
  await page.keyboard.press('Escape');

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: `${shotDir}/ranking-1366.png` });
  await page.getByTestId('view-board').click();
  await expect(page.getByTestId('honour-board')).toBeVisible();
  await page.screenshot({ path: `${shotDir}/ranking-board-1366.png` });
});

test('publishing freezes the month as version 1; the export and the frozen drill-down follow it', async ({
  page,
  serve,
}) => {
  const month = lastMonth();
  await page.setViewportSize({ width: 1366, height: 768 });
  await prepareDeskUsers(serve);
  await page.goto(serve.url);
  // Publishing is a leader's act: the bulletin carries who published it.
  await signInThroughHeader(page, 'wangjianguo');
  await page.getByRole('link', { name: '月度排名', exact: true }).click();
  await expect(page.getByTestId('ranking-row')).toHaveCount(12);
  await expect(page.getByTestId('bulletin-status')).toContainText('尚未发布');
  await page.getByTestId('open-publish').click();
  await expect(page.getByTestId('publish-dialog')).toContainText('第 1 版');
  await page.getByTestId('publish-confirm').click();
  await expect(page.getByTestId('bulletin-status')).toContainText('正在查看已发布的第 1 版');
  await expect(page.getByTestId('bulletin-version-1')).toHaveAttribute('aria-pressed', 'true');
  const list = await serve.call<Array<{ id: number; version: number; period: string }>>(
    'bulletin.list',
    {
      period: month,
    },
  );
  expect(list).toEqual([expect.objectContaining({ version: 1, period: month })]);
  await page.screenshot({ path: `${shotDir}/ranking-published-1366.png` });

  // The bulletin froze the month's 党建引领 figures: the panel shows them as frozen.
  const party = page.getByTestId('ranking-party');
  await expect(party).toContainText('随通报冻结于');
  const frozen = await serve.call<{ party: { totals: { membersReported: number } } }>(
    'ranking.compute',
    { period: month, level: 'community', bulletinId: list[0]!.id },
  );
  await expect(party.getByTestId('party-figures-total')).toContainText(
    `/ ${frozen.party.totals.membersReported}`,
  );
  await expect(party.getByTestId('party-figures-table').locator('tbody tr')).toHaveCount(13);
  await party.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shotDir}/ranking-party-1366.png` });

  await page.getByTestId('ranking-row').first().getByTestId('figure-due').click();
  await expect(page.getByTestId('drill-dialog')).toContainText('第 1 版通报冻结的案件清单');
  await page.keyboard.press('Escape');

  const download = page.waitForEvent('download');
  await page.getByTestId('export-pdf').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`${month}-社区排名-第1版.pdf`);
  await expect(page.getByTestId('export-note')).toContainText('.pdf');

  // Publishing again with nothing changed is refused with a sentence, not a second version.
  await page.getByTestId('open-publish').click();
  await page.getByTestId('publish-confirm').click();
  await expect(page.getByTestId('publish-dialog')).toContainText('完全一致');
  await page.keyboard.press('Escape');
});

test('the weekly agenda adds a dispatch item, and meeting mode pages through it with the keyboard', async ({
  page,
  serve,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await prepareDeskUsers(serve);
  await page.goto(serve.url);
  // Dispatch items are decided by the leaders at the meeting.
  await signInThroughHeader(page, 'wangjianguo');
  await page.getByRole('link', { name: '周调度', exact: true }).click();
  await expect(page.getByTestId('area-weekly')).toBeVisible();
  await expect(page.getByTestId('agenda-figure-row')).toHaveCount(12);

  const form = page.getByTestId('item-form');
  await form.locator('input[name=title]').fill('清理占道经营');
  await form.locator('select[name=lead]').selectOption({ label: '城管执法中队' });
  await form.locator('input[name=owner]').fill('王队长');
  await page.getByTestId('section-overdue').getByRole('button', { name: '＋' }).first().click();
  await expect(form.locator('input[name=cases]')).not.toHaveValue('');
  await page.getByTestId('add-item').click();
  await expect(page.getByTestId('meeting-items').getByTestId('dispatch-item')).toHaveCount(1);
  await expect(page.getByTestId('meeting-items')).toContainText('清理占道经营');
  await page.screenshot({ path: `${shotDir}/weekly-1920.png` });

  await page.keyboard.press('m');
  const meeting = page.getByTestId('meeting-mode');
  await expect(meeting).toBeVisible();
  await expect(meeting).toHaveAttribute('data-slide', '1');
  await page.screenshot({ path: `${shotDir}/meeting-cover-1920.png` });
  await page.keyboard.press('ArrowRight');
  await expect(meeting).toHaveAttribute('data-slide', '2');
  await expect(meeting).toContainText('上周各社区指标');
  await page.screenshot({ path: `${shotDir}/meeting-figures-1920.png` });
  // Body text is 28 px and figures 48 px, readable from the back of the room.
  expect(await meeting.evaluate((el) => getComputedStyle(el).fontSize)).toBe('28px');
  await page.keyboard.press('End');
  await expect(meeting).toContainText('清理占道经营');
  await page.keyboard.press('Home');
  await expect(meeting).toHaveAttribute('data-slide', '1');
  expect(
    await meeting
      .locator('.meeting__figure-value strong')
      .first()
      .evaluate((el) => getComputedStyle(el).fontSize),
  ).toBe('48px');

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: `${shotDir}/meeting-cover-1366.png` });
  // At 1366×768 twelve communities take two pages; PageDown walks them, 2 jumps to the overdue cases.
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await expect(meeting).toHaveAttribute('data-slide', '3');
  await expect(meeting).toContainText('上周各社区指标（2/2）');
  await page.keyboard.press('2');
  await expect(meeting).toContainText('超期案件（按超期时长）');
  await expect(meeting).toHaveAttribute('data-slide', '4');
  await page.screenshot({ path: `${shotDir}/meeting-overdue-1366.png` });
  // Nothing spills out of the projector's frame.
  const overflow = await meeting
    .locator('.meeting__body')
    .evaluate((el) => el.scrollHeight - el.clientHeight);
  expect(overflow).toBeLessThanOrEqual(1);
  await page.keyboard.press('Escape');
  await expect(meeting).toBeHidden();
});

test("the overview shows this month's community tiers from the ranking", async ({
  page,
  serve,
}) => {
  await page.goto(serve.url);
  const panel = page.getByTestId('community-tiers');
  await expect(panel.getByTestId('tier-count-blue')).toBeVisible();
  await expect(panel).not.toContainText('尚未');
  await panel.getByRole('link', { name: '查看月度排名' }).click();
  await expect(page.getByTestId('area-ranking')).toBeVisible();
});
