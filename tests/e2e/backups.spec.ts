/**
 * 设置 → 备份 in the browser against a real `griddesk serve`: an admin backs up, sees the
 * status bar's last good backup, restores with a confirmation; a damaged store shows its
 * banner in the window, naming the backup to restore.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { damageTablePage } from '../faults/store-damage';
import { createDemoDatabase, expect, openAreaAs, startServe, test } from './host-fixture';

const shotDir = 'test-results/screenshots';

test('an admin backs up, sees the last good backup, and restores after confirming', async ({
  page,
  serve,
}) => {
  await openAreaAs(page, serve, 'admin', '设置');
  const panel = page.getByTestId('settings-backups');
  await expect(panel).toBeVisible();

  await panel.getByTestId('backup-create').click();
  await expect(panel.getByTestId('backup-note')).toContainText('已备份');
  await expect(panel.getByTestId('backup-row')).toHaveCount(1);
  await expect(page.getByTestId('last-backup')).toContainText('上次完好备份');
  await expect(page.getByTestId('last-backup')).toContainText('手动');
  await page.screenshot({ path: `${shotDir}/settings-backups-zh.png` });

  await panel.getByTestId('backup-restore').click();
  const dialog = page.getByTestId('backup-restore-dialog');
  await expect(dialog).toContainText('恢复前会先备份当前数据库');
  await page.screenshot({ path: `${shotDir}/settings-backup-restore-zh.png` });
  await dialog.getByTestId('backup-restore-confirm').click();
  await expect(panel.getByTestId('backup-note')).toContainText('已恢复', { timeout: 30_000 });
  // The restore backed up the store first: two backups now, one of them "before restore".
  await expect(panel.getByTestId('backup-row')).toHaveCount(2);
  await expect(panel.getByTestId('backup-row').first()).toContainText('恢复前');
});

test('a damaged store shows a banner naming the backup to restore', async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-e2e-damaged-'));
  const dbFile = path.join(dir, 'demo.sqlite');
  createDemoDatabase(dbFile);
  const { serve: first, child: firstChild } = await startServe(dbFile);
  await first.call('app.info');
  firstChild.kill('SIGTERM');
  await new Promise((resolve) => firstChild.once('exit', resolve));
  const { spawnSync } = await import('node:child_process');
  const made = spawnSync(
    process.execPath,
    [
      path.resolve(import.meta.dirname, '../../bin/griddesk.mjs'),
      'backup',
      'create',
      '--db',
      dbFile,
      '--json',
    ],
    { encoding: 'utf8' },
  );
  expect(made.status, made.stderr).toBe(0);
  const backupPath = (JSON.parse(made.stdout) as { path: string }).path;
  damageTablePage(dbFile, 'cases');
  const { serve, child } = await startServe(dbFile);
  try {
    await page.goto(serve.url);
    const banner = page.getByTestId('store-banner');
    await expect(banner).toContainText('已损坏，已改为只读', { timeout: 20_000 });
    await expect(banner).toContainText('设置 → 备份');
    await expect(banner).toContainText(path.basename(backupPath));
    await page.screenshot({ path: `${shotDir}/store-damaged-zh.png` });
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
