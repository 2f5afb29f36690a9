/**
 * 数据交换 in the browser, as an administrator uses it: pick a city file, read the preview
 * (detected encoding, header row, column mapping), import it, read the result page; a file
 * with bad rows is refused row by row; the record lists both; an export writes the file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeBigCsv } from '../integration/exchange-big-file';
import { openAreaAs, prepareDeskUsers, signInThroughHeader, test, expect } from './host-fixture';
import { typeQuickEntry } from './quick-entry';

const shotDir = 'test-results/screenshots';
const samples = path.resolve(import.meta.dirname, '../../../shared/samples');

test('an administrator imports a city file through the screen and reads the result page', async ({
  page,
  serve,
}) => {
  await openAreaAs(page, serve, 'admin', '数据交换');
  await expect(page.getByTestId('area-exchange')).toBeVisible();

  // A small file picked in the browser is uploaded, then previewed.
  await page
    .getByTestId('import-file-input')
    .setInputFiles(path.join(samples, 'cases-sample-gbk.csv'));
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  await expect(page.getByTestId('preview-facts')).toContainText('编码 GB18030');
  await expect(page.getByTestId('preview-facts')).toContainText('表头在第 1 行');
  await expect(page.getByTestId('preview-facts')).toContainText('识别为案卷');
  await expect(preview.locator('tbody tr')).toHaveCount(20);
  await expect(preview.locator('tbody tr').first()).toContainText('E02042026110400001');
  await expect(page.getByTestId('map-案卷编号')).toHaveValue('case_no');
  await expect(page.getByTestId('map-案卷编号').locator('option:checked')).toHaveText('案卷编号');
  await page.screenshot({ path: `${shotDir}/exchange-preview-zh.png`, fullPage: true });

  await page.getByTestId('start-import').click();
  const result = page.getByTestId('import-result');
  await expect(result).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('result-headline')).toContainText('已导入 cases-sample-gbk.csv');
  await expect(page.getByTestId('count-rows')).toContainText('60');
  await expect(page.getByTestId('count-invalid')).toContainText('0');
  await expect(result).toContainText('没有发现问题');
  await page.screenshot({ path: `${shotDir}/exchange-result-zh.png`, fullPage: true });

  // A file with bad rows, by path: refused, every problem by Excel row and column.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-e2e-exchange-'));
  const bad = path.join(dir, '11月案卷-有错.csv');
  const lines = fs.readFileSync(path.join(samples, 'cases-sample-gbk.csv'));
  const text = new TextDecoder('gb18030').decode(lines).split('\r\n');
  text[3] = text[3]!.replace('2026-11-14 13:18:02', '2026-11-44 13:18:02');
  text[8] = text[8]!.replace(/,[^,]*社区[^,]*,/, (m) => m).replace('城管执法中队', '不存在的中队');
  fs.writeFileSync(bad, text.join('\r\n'));
  await page.getByTestId('import-another').click();
  await page.getByTestId('import-path').fill(bad);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('preview-facts')).toContainText('编码 UTF-8');
  await page.getByTestId('start-import').click();
  await expect(page.getByTestId('result-headline')).toContainText('未导入 11月案卷-有错.csv', {
    timeout: 20_000,
  });
  await expect(page.getByTestId('result-refusal')).toContainText('整个文件未导入');
  const rows = page.getByTestId('problem-row');
  await expect(rows.first()).toContainText('4');
  await expect(rows.first()).toContainText('上报时间');
  await expect(rows.first()).toContainText('2026-11-44 13:18:02');
  await expect(page.getByTestId('problem-table')).toContainText('不存在的中队');
  await page.screenshot({ path: `${shotDir}/exchange-refused-zh.png`, fullPage: true });

  // The record: both imports, newest first; the refused one opens to its problems.
  await page.getByRole('link', { name: '交换记录' }).click();
  const history = page.getByTestId('history-row');
  await expect(history).toHaveCount(2);
  await expect(history.first()).toContainText('未导入');
  await expect(history.nth(1)).toContainText('cases-sample-gbk.csv');
  await page.screenshot({ path: `${shotDir}/exchange-history-zh.png` });
  await history.first().getByRole('button').click();
  await expect(page.getByTestId('batch-page')).toContainText('不存在的中队');

  // Export: the case updates, masked, with the manifest beside them.
  await page.getByRole('link', { name: '导出', exact: true }).click();
  await page.getByTestId('export-out').fill(path.join(dir, 'out') + path.sep);
  await page.getByTestId('export-run').click();
  await expect(page.getByTestId('export-result')).toContainText('已写入');
  expect(fs.existsSync(path.join(dir, 'out', 'manifest.json'))).toBe(true);
  await page.screenshot({ path: `${shotDir}/exchange-export-zh.png` });
  // Again at once: nothing changed, so no file; asked for, an empty one beside the first.
  await page.getByTestId('export-run').click();
  await expect(page.getByTestId('export-empty')).toContainText('没有需要回传的更新');
  expect(fs.readdirSync(path.join(dir, 'out'))).toHaveLength(2);
  await page.getByTestId('export-empty').getByRole('button', { name: '仍写出空文件' }).click();
  await expect(page.getByTestId('export-result')).toContainText('已写入 0 行');
  expect(fs.readdirSync(path.join(dir, 'out'))).toHaveLength(3);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a big import shows its progress; meanwhile an operator’s save is refused in a sentence, and goes through after the cancel', async ({
  page,
  context,
  serve,
}) => {
  await prepareDeskUsers(serve);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-e2e-exchange-big-'));
  const big = path.join(dir, '全市案卷-30万行.csv');
  await writeBigCsv(big, 300_000);
  const before = await serve.call<{ cases: number }>('app.info');

  // An operator has a new case typed in and ready to save before the import starts.
  const desk = await context.newPage();
  await desk.goto(serve.url);
  await signInThroughHeader(desk, 'zhangmin');
  await desk.getByRole('link', { name: '案件', exact: true }).click();
  await expect(desk.getByTestId('case-board')).toBeVisible();
  await typeQuickEntry(desk, {
    categoryKeys: 'bllj',
    categoryName: '暴露垃圾',
    conditions: 3,
    place: '龙泉社区第3',
    placeValue: /龙泉社区第3网格/,
    address: '龙泉社区第3网格7号楼',
    description: '楼下垃圾堆放无人清运',
  });

  await page.goto(serve.url);
  await signInThroughHeader(page, 'admin');
  await page.goto(`${serve.url}#/exchange`);
  await page.getByTestId('import-path').fill(big);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('preview-facts')).toContainText('识别为案卷');
  await page.getByTestId('start-import').click();
  const progress = page.getByTestId('import-progress');
  await expect(progress).toBeVisible();
  await expect(progress).toContainText(/已处理 [\d,]+ 行 · [\d,]+ 行\/秒/);
  await expect
    .poll(async () =>
      Number((await page.getByRole('progressbar').getAttribute('aria-valuenow')) ?? 0),
    )
    .toBeGreaterThan(0);
  await page.screenshot({ path: `${shotDir}/exchange-progress-zh.png` });

  // Every signed-in window says an import is under way…
  await expect(desk.getByTestId('running-import')).toContainText('正在导入 全市案卷-30万行.csv', {
    timeout: 10_000,
  });
  // …and the operator who saves anyway gets one sentence, and nothing typed is lost.
  await desk.getByTestId('intake-category').focus();
  await desk.keyboard.press('Control+Enter');
  await expect(desk.getByTestId('intake-error')).toContainText('正在导入 全市案卷-30万行.csv');
  await expect(desk.getByTestId('intake-error')).toContainText('本次操作未保存');
  await expect(desk.getByTestId('intake-place')).toHaveValue(/龙泉社区第3网格/);
  await desk.screenshot({ path: `${shotDir}/cases-save-during-import-zh.png` });

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('result-headline')).toContainText('已取消，没有写入任何内容', {
    timeout: 30_000,
  });
  expect((await serve.call<{ cases: number }>('app.info')).cases).toBe(before.cases);
  await expect(desk.getByTestId('running-import')).toHaveCount(0, { timeout: 10_000 });

  // After the cancel the same save goes through.
  await desk.getByTestId('intake-category').focus();
  await desk.keyboard.press('Control+Enter');
  await expect(desk.getByTestId('case-detail').getByTestId('detail-state')).toHaveText('已立案');
  fs.rmSync(dir, { recursive: true, force: true });
});

test('without an administrator signed in, the screen says who may import', async ({
  page,
  serve,
}) => {
  await page.goto(`${serve.url}#/exchange`);
  await expect(page.getByTestId('exchange-admin-only')).toContainText('导入和导出只能由管理员进行');
});
