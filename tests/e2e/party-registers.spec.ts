/**
 * 党建台账 in the browser (issue 14): an operator enters a need by keyboard, orders
 * resources for it (双向点单) and makes the project; a leader approves it at another seat;
 * the operator starts and finishes it, and the need shows the project. Every register's
 * screen is photographed at 1366×768.
 */
import { openAreaAs, signInThroughHeader, test, expect } from './host-fixture';

const shotDir = 'test-results/screenshots';

test('enter a need, match resources, make the project; a leader approves; it is started and done', async ({
  page,
  browser,
  serve,
}) => {
  await openAreaAs(page, serve, 'zhangmin', '党建引领');
  await page.getByTestId('party-tab-needs').click();
  const screen = page.getByTestId('register-needs');
  await expect(screen.getByTestId('register-row').first()).toBeVisible();
  await page.screenshot({ path: `${shotDir}/party-needs-zh.png` });

  // Keyboard entry: N opens the form on its first field; Ctrl+Enter saves.
  await screen.getByTestId('register-grid').focus();
  await page.keyboard.press('n');
  const entry = page.getByTestId('register-entry');
  await expect(entry.getByTestId('entry-title')).toBeFocused();
  await page.keyboard.type('龙泉社区老旧楼道照明改造');
  await page.keyboard.press('Tab');
  await page.keyboard.type('龙泉3');
  await page.keyboard.press('Enter');
  await expect(entry.getByTestId('entry-placeCode')).toHaveValue(/龙泉社区第3网格/);
  await entry.getByTestId('entry-category').selectOption('facilities');
  await entry.getByTestId('entry-households').fill('64');
  await entry.getByTestId('entry-urgency').selectOption('urgent');
  await page.screenshot({ path: `${shotDir}/party-need-entry-zh.png` });
  await page.keyboard.press('Control+Enter');
  await expect(entry).toBeHidden();
  const detail = page.getByTestId('register-detail');
  await expect(detail).toContainText('龙泉社区老旧楼道照明改造');
  await expect(detail.getByTestId('register-status')).toHaveText('待对接');
  const needCode = (await detail.getByTestId('register-code').innerText()).trim();
  expect(needCode).toMatch(/^XQ\d{4}$/);
  await expect(detail.getByTestId('register-events')).toContainText('张敏');

  // 双向点单: the community orders from the resources list.
  await detail.getByTestId('register-order').click();
  const order = page.getByTestId('order-project');
  await order.getByTestId('order-kind').selectOption('');
  await order.getByTestId('order-same-community').uncheck();
  const candidates = order.getByTestId('order-candidate');
  await expect(candidates.first()).toBeVisible();
  await candidates.nth(0).check();
  await candidates.nth(1).check();
  await expect(order.getByTestId('order-chosen')).toHaveText('已选 2 项');
  await expect(order.getByTestId('order-title')).toHaveValue('龙泉社区老旧楼道照明改造项目');
  const owner = order.getByTestId('order-owner');
  if (!(await owner.inputValue())) {
    await owner.fill('区');
    await page.keyboard.press('Enter');
  }
  await order.getByTestId('order-budget').fill('18000');
  await page.screenshot({ path: `${shotDir}/party-order-zh.png` });
  await order.getByTestId('order-submit').click();
  await expect(order).toBeHidden();

  // The project opens, waiting for a leader.
  await expect(page.getByTestId('register-projects')).toBeVisible();
  const project = page.getByTestId('register-detail');
  await expect(project.getByTestId('register-status')).toHaveText('计划中');
  await expect(project).toContainText('待领导审批后开始实施');
  await expect(project.getByTestId('related-needs')).toContainText(needCode);
  await expect(project.getByTestId('related-resources').locator('li')).toHaveCount(2);
  const projectCode = (await project.getByTestId('register-code').innerText()).trim();

  // A leader at another seat finds it among those awaiting approval and approves it.
  const leaderContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const leader = await leaderContext.newPage();
  // (Not openAreaAs: setting the passwords again would end the operator's session.)
  await leader.goto(serve.url);
  await signInThroughHeader(leader, 'wangjianguo');
  await leader.getByRole('link', { name: '党建引领', exact: true }).click();
  await leader.getByTestId('party-tab-projects').click();
  await leader.getByTestId('register-status-filter').selectOption('unapproved');
  await leader.getByTestId('register-search').fill(projectCode);
  await leader.getByTestId('register-row').first().click();
  const leaderDetail = leader.getByTestId('register-detail');
  await expect(leaderDetail.getByTestId('register-code')).toHaveText(projectCode);
  await expect(leaderDetail.getByTestId('project-start')).toHaveCount(0);
  await leaderDetail.getByTestId('project-approve').click();
  await leaderDetail.getByTestId('project-note').fill('同意立项');
  await leaderDetail.getByTestId('project-move-submit').click();
  await expect(leaderDetail.getByTestId('register-events')).toContainText('审批通过');
  await leaderContext.close();

  // The operator's panel refreshes live: now it can start, then finish.
  await project.getByTestId('project-start').click();
  await project.getByTestId('project-move-submit').click();
  await expect(project.getByTestId('register-status')).toHaveText('实施中');
  await project.getByTestId('project-finish').click();
  await project.getByTestId('project-spent').fill('17500');
  await project.getByTestId('project-note').fill('更换声控灯 64 盏');
  await project.getByTestId('project-move-submit').click();
  await expect(project.getByTestId('register-status')).toHaveText('已完成');
  const events = project.getByTestId('register-events');
  for (const step of ['登记', '审批通过', '开始实施', '完成'])
    await expect(events).toContainText(step);
  await expect(events).toContainText('王建国');
  await page.screenshot({ path: `${shotDir}/party-project-done-zh.png` });

  // Back on the need: matched, with its project.
  await project.getByTestId('related-needs').getByRole('button').first().click();
  await expect(page.getByTestId('register-needs')).toBeVisible();
  await expect(page.getByTestId('register-detail').getByTestId('register-status')).toHaveText(
    '已对接',
  );
  await expect(page.getByTestId('register-detail').getByTestId('related-projects')).toContainText(
    projectCode,
  );
});

test('every register opens with its rows, searches, and shows one row with its links', async ({
  page,
  serve,
}) => {
  await openAreaAs(page, serve, 'zhangmin', '党建引领');
  for (const register of [
    'units',
    'members',
    'records',
    'resources',
    'projects',
    'volunteers',
    'activities',
  ]) {
    await page.getByTestId(`party-tab-${register}`).click();
    const screen = page.getByTestId(`register-${register}`);
    await expect(screen.getByTestId('register-row').first()).toBeVisible();
    await screen.getByTestId('register-row').first().click();
    await expect(page.getByTestId('register-detail')).toBeVisible();
    await page.screenshot({ path: `${shotDir}/party-${register}-zh.png` });
  }
  // A unit lists its members; the table narrows to a search.
  await page.getByTestId('party-tab-units').click();
  const units = page.getByTestId('register-units');
  const total = await units.locator('.register-table__meta').innerText();
  await units.getByTestId('register-row').first().click();
  await expect(page.getByTestId('related-members').locator('li').first()).toBeVisible();
  const name = (await page.locator('.register-detail h2').innerText()).trim();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('register-detail')).toBeHidden();
  await page.keyboard.press('/');
  await page.keyboard.type(name);
  await expect(units.locator('.register-table__meta')).not.toHaveText(total);
  await expect(units.getByTestId('register-row').first()).toContainText(name);

  // The weekly meeting shows the members who served and the projects due or late.
  await page.getByRole('link', { name: '周调度', exact: true }).click();
  const section = page.getByTestId('section-party');
  await expect(section.getByTestId('agenda-party-members')).toContainText(/\d+ 名党员参加服务/);
  await expect(
    section.getByTestId('agenda-party-projects').locator('tbody tr').first(),
  ).toBeVisible();
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shotDir}/weekly-party-zh.png` });
  await section.getByTestId('agenda-party-projects').locator('tbody a').first().click();
  await expect(page.getByTestId('register-projects')).toBeVisible();
  await expect(page.getByTestId('register-detail')).toBeVisible();
});

test("an admin downloads the members' roster template and imports a filled roster: refused by row, then its valid rows", async ({
  page,
  serve,
}) => {
  await openAreaAs(page, serve, 'admin', '党建引领');
  await page.getByTestId('party-tab-members').click();
  const screen = page.getByTestId('register-members');
  await expect(screen.getByTestId('register-row').first()).toBeVisible();
  const before = await screen.locator('.register-table__meta').innerText();

  const download = page.waitForEvent('download');
  await screen.getByTestId('register-template').click();
  expect((await download).suggestedFilename()).toMatch(/^党员名册模板-\d{8}\.xlsx$/);

  const unit = (
    await screen.getByTestId('register-row').first().locator('span').nth(3).innerText()
  ).trim();
  const roster = [
    '党员编号,姓名,联系电话,所属单位,居住网格,报到日期,特长,状态',
    `,测试党员甲,13700000011,${unit},990101001003002,2026-11-02,维修,在册`,
    `,测试党员乙,13700000012,不存在的单位,990101001003002,2026-11-02,,在册`,
  ].join('\r\n');
  await screen.getByTestId('register-import-file').setInputFiles({
    name: '党员名册-测试.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(roster, 'utf8'),
  });
  const report = screen.getByTestId('register-import-report');
  await expect(report).toContainText('整个文件未导入');
  await expect(report).toContainText('第 3 行「所属单位」');
  await page.screenshot({ path: `${shotDir}/party-members-import-refused-zh.png` });
  await report.getByTestId('register-import-valid').click();
  await expect(report).toContainText('新增 1');
  await expect(screen.locator('.register-table__meta')).not.toHaveText(before);
  await page.getByTestId('register-search').fill('测试党员甲');
  await expect(screen.getByTestId('register-row')).toHaveCount(1);
  await page.screenshot({ path: `${shotDir}/party-members-import-zh.png` });
});

test('an admin exports the needs list, and imports a filled needs form: refused by row, then its valid rows', async ({
  page,
  serve,
}) => {
  await openAreaAs(page, serve, 'admin', '党建引领');
  await page.getByTestId('party-tab-needs').click();
  const screen = page.getByTestId('register-needs');
  await expect(screen.getByTestId('register-row').first()).toBeVisible();
  await expect(screen.getByTestId('register-template')).toHaveText('下载模板');

  const download = page.waitForEvent('download');
  await screen.getByTestId('register-export').click();
  expect((await download).suggestedFilename()).toMatch(/^需求清单-\d{8}\.xlsx$/);

  const needs = [
    '需求,所在网格或社区,类别,涉及户数,紧急程度,提出日期',
    '测试需求：楼道照明,990101001003002,设施,12,紧急,2026-11-02',
    '测试需求：无类别,990101001003002,修缮,3,,2026-11-02',
  ].join('\r\n');
  await screen.getByTestId('register-import-file').setInputFiles({
    name: '需求清单-测试.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(needs, 'utf8'),
  });
  const report = screen.getByTestId('register-import-report');
  await expect(report).toContainText('整个文件未导入');
  await expect(report).toContainText('第 3 行「类别」');
  await report.getByTestId('register-import-valid').click();
  await expect(report).toContainText('新增 1');
  await page.getByTestId('register-search').fill('测试需求');
  await expect(screen.getByTestId('register-row')).toHaveCount(1);
  await page.screenshot({ path: `${shotDir}/party-needs-import-zh.png` });
});
