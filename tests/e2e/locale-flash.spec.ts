/**
 * A flash (the notice after an action) follows the language switch: the ranking's export
 * note and the import screen's "too large" note, said in Chinese, are said again in English
 * when the user switches, and in Chinese again when they switch back. Nothing is written:
 * an export and a refused upload leave the shared server's data as it was.
 */
import { openAreaAs, test, expect } from './host-fixture';

const shotDir = 'test-results/screenshots';

test('the export note and the upload note are said again in the language switched to', async ({
  page,
  serve,
}) => {
  await openAreaAs(page, serve, 'admin', '月度排名');
  await expect(page.getByTestId('area-ranking')).toBeVisible();
  await expect(page.getByTestId('ranking-row')).toHaveCount(12);

  // 导出 Excel: the note names the file and its size, in Chinese.
  const download = page.waitForEvent('download');
  await page.getByTestId('export-xlsx').click();
  const fileName = (await download).suggestedFilename();
  const note = page.getByTestId('export-note');
  await expect(note).toContainText(`已生成 ${fileName}（`);
  const size = /（(.+)）$/.exec((await note.innerText()).trim())![1]!;

  // Switched to English, the same note is English; the rest of the page with it.
  await page.getByTestId('lang-switch').click();
  await expect(page.getByTestId('lang-switch')).toHaveText('中文');
  await expect(note).toHaveText(`Saved ${fileName} (${size})`);
  await expect(page.getByTestId('export-xlsx')).toHaveText('Export Excel');
  await page.screenshot({ path: `${shotDir}/locale-flash-export-en.png` });

  // And back.
  await page.getByTestId('lang-switch').click();
  await expect(page.getByTestId('lang-switch')).toHaveText('English');
  await expect(note).toHaveText(`已生成 ${fileName}（${size}）`);

  // 数据交换: a file over 700 KB is refused before upload, with a note in the drop zone.
  await page.getByRole('link', { name: '数据交换', exact: true }).click();
  await expect(page.getByTestId('area-exchange')).toBeVisible();
  await page.getByTestId('import-file-input').setInputFiles({
    name: '大文件.csv',
    mimeType: 'text/csv',
    buffer: Buffer.alloc(800 * 1024, 'a'),
  });
  const drop = page.locator('.exchange__drop');
  await expect(drop).toContainText(
    '大文件.csv 有 800 KB，超过 700 KB：请在上面填写它在本机的路径。',
  );
  await page.getByTestId('lang-switch').click();
  await expect(drop).toContainText(
    '大文件.csv is 800 KB, over 700 KB: give its path on this machine above.',
  );
  await page.screenshot({ path: `${shotDir}/locale-flash-upload-en.png` });
  await page.getByTestId('lang-switch').click();
  await expect(drop).toContainText('大文件.csv 有 800 KB，超过 700 KB');
});
