/**
 * 网格地图 in browser mode on the demo street: the map opens with no request leaving the
 * machine, measures switch with their legend, a grid clicked on the map opens its panel,
 * a case point clicked on the map opens its card and a move goes through; screenshots at
 * street and grid zoom.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { writeMbtiles } from '../fixtures/mbtiles';
import {
  expect,
  prepareDeskUsers,
  signInThroughHeader,
  test,
  type RunningServe,
} from './host-fixture';

const shotDir = 'test-results/screenshots';
fs.mkdirSync(shotDir, { recursive: true });

test.use({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });

interface CasePointRow {
  id: number;
  caseNo: string;
  lng: number;
  lat: number;
  state: string;
  gridCode: string | null;
}

/** Web-Mercator pixel of a point, relative to the map element's centre (data-view). */
async function pixelOf(page: Page, lng: number, lat: number) {
  const map = page.getByTestId('map-view');
  const [cLng, cLat, zoom] = (await map.getAttribute('data-view'))!.split(',').map(Number) as [
    number,
    number,
    number,
  ];
  const scale = 256 * 2 ** zoom;
  const x = (v: number) => ((v + 180) / 360) * scale;
  const y = (v: number) => {
    const r = (v * Math.PI) / 180;
    return ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * scale;
  };
  const box = (await map.boundingBox())!;
  return {
    x: box.width / 2 + x(lng) - x(cLng),
    y: box.height / 2 + y(lat) - y(cLat),
  };
}

/**
 * Moves and grid maintenance need a signed-in user: the administrator. The worker's server
 * is shared by every spec, so the desk's users get the one shared e2e password first.
 */
async function signInAsAdmin(page: Page, serve: RunningServe) {
  await prepareDeskUsers(serve);
  await page.reload();
  await signInThroughHeader(page, 'admin');
}

async function openMap(page: Page, url: string) {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(url);
  await page.getByRole('link', { name: '网格地图', exact: true }).click();
  await expect(page.getByTestId('map-view')).toBeVisible();
  await expect(page.getByTestId('map-legend')).toContainText('在办案件');
  await expect(page.getByTestId('map-status')).toContainText(/在办案件 \d+ 件/);
  return requests;
}

test('the map opens on the street offline, and the measure switches with its legend', async ({
  page,
  serve,
}) => {
  const requests = await openMap(page, serve.url);
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${shotDir}/map-street-zh.png` });
  const foreign = requests.filter(
    (u) => !u.startsWith(serve.origin + '/') && !u.startsWith('data:'),
  );
  expect(foreign).toEqual([]);

  const measures = await serve.call<{
    communities: Array<{ code: string; overdue: number; tier: string | null }>;
  }>('map.measures', {});
  // 2 picks 超期案件: the legend and the list's figures follow.
  await page.keyboard.press('2');
  await expect(page.getByTestId('measure-overdue')).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('map-legend')).toContainText('超期案件');
  const first = measures.communities[0]!;
  await expect(page.locator(`[data-code="${first.code}"] .tree-figure`)).toHaveText(
    String(first.overdue),
  );
  await page.getByTestId('measure-tier').click();
  await expect(page.getByTestId('map-legend')).toContainText('蓝 ≥90');
  if (first.tier) {
    await expect(page.locator(`[data-code="${first.code}"] .tree-tier`)).toHaveText(
      { blue: '蓝', yellow: '黄', red: '红' }[first.tier]!,
    );
  }
  await page.getByTestId('layer-heat').check();
  await expect(page.getByTestId('map-legend')).toContainText('近30天上报');
  await expect(page.locator('canvas.map-heat')).toHaveCount(1);
  await page.screenshot({ path: `${shotDir}/map-heat-zh.png` });
  await page.getByTestId('map-period').selectOption({ index: 1 });
  await expect(page.getByTestId('map-period')).not.toHaveValue(/^$/);
});

test('a grid clicked on the map opens its panel with its people, party chain and cases', async ({
  page,
  serve,
}) => {
  await openMap(page, serve.url);
  const grid = '990101001001003';
  // Zoom to the grid from the list, close the panel, then click the grid on the map itself.
  await page.locator('[data-code="990101001001"] .place-tree__toggle').click();
  await page.locator(`[data-code="${grid}"] .place-tree__name`).click();
  await expect(page.getByTestId('grid-code')).toHaveText(grid);
  await page.waitForTimeout(900);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('grid-panel')).toHaveCount(0);
  const places = await serve.call<{ grids: Array<{ code: string; center: [number, number] }> }>(
    'map.places',
  );
  const centre = places.grids.find((g) => g.code === grid)!.center;
  const at = await pixelOf(page, centre[0] + 0.0012, centre[1] + 0.0011);
  await page.getByTestId('map-view').click({ position: at });
  const panel = page.getByTestId('grid-panel');
  await expect(panel.getByTestId('grid-code')).toHaveText(grid);
  await expect(panel).toContainText('网格长');
  await expect(panel).toContainText('专职网格员');
  await expect(panel.locator('.people-table .mono').first()).toHaveText(/^1\d{2}\*{4}\d{4}$/);
  await expect(panel).toContainText('龙泉社区党委');
  await expect(panel.getByTestId('grid-score')).toBeVisible();
  const detail = await serve.call<{ openCaseCount: number }>('map.grid', { code: grid });
  await expect(panel.locator('.map-panel__count')).toHaveText(String(detail.openCaseCount));
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${shotDir}/map-grid-zh.png` });
});

test('a case clicked on the map opens its card, and a move goes through', async ({
  page,
  serve,
}) => {
  await page.goto(serve.url);
  await signInAsAdmin(page, serve);

  const points = await serve.call<{ points: CasePointRow[] }>('map.casePoints');
  const target = points.points.find((p) => p.state === 'dispatched' && p.gridCode)!;
  expect(target).toBeTruthy();
  await page.getByRole('link', { name: '网格地图', exact: true }).click();
  await expect(page.getByTestId('map-view')).toBeVisible();
  await page.locator(`[data-code="${target.gridCode!.slice(0, 12)}"] .place-tree__toggle`).click();
  await page.locator(`[data-code="${target.gridCode}"] .place-tree__name`).click();
  await page.waitForTimeout(900);
  await page
    .getByTestId('map-view')
    .click({ position: await pixelOf(page, target.lng, target.lat) });

  const card = page.getByTestId('case-card');
  await expect(card).toContainText(target.caseNo);
  await expect(card.getByTestId('case-state')).toHaveText('已派遣');
  await card.getByTestId('move-sign').click();
  await card.getByTestId('move-text').fill('网格员已到场');
  await card.getByTestId('move-submit').click();
  await expect(card.getByTestId('move-done')).toBeVisible();
  await expect(card.getByTestId('case-state')).toHaveText('处置中');
  const after = await serve.call<{ state: string }>('cases.get', { id: target.id });
  expect(after.state).toBe('in_progress');
  await page.screenshot({ path: `${shotDir}/map-case-moved-zh.png` });
});

test('an admin adds an MBTiles basemap and checks a grids file; tiles come from the loopback host', async ({
  page,
  serve,
}) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-map-e2e-'));
  const basemap = path.join(dir, 'street.mbtiles');
  writeMbtiles(basemap, { zooms: [12, 13, 14, 15, 16] });
  const notMercator = path.join(dir, 'geographic.mbtiles');
  writeMbtiles(notMercator, { metadata: { crs: 'EPSG:4326' } });

  await page.goto(serve.url);
  await signInAsAdmin(page, serve);
  await page.getByRole('link', { name: '网格地图', exact: true }).click();
  await page.getByRole('link', { name: '网格维护' }).click();
  await expect(page.getByTestId('basemap-state')).toContainText('未设置底图');

  // A file in another projection is refused with its sentence, and nothing is stored.
  await page.getByTestId('basemap-path').fill(notMercator);
  await page.getByRole('button', { name: '使用此文件' }).click();
  await expect(page.getByTestId('error-state')).toContainText('不是网络墨卡托');
  await page.getByTestId('basemap-path').fill(basemap);
  await page.getByRole('button', { name: '使用此文件' }).click();
  await expect(page.getByTestId('basemap-state')).toContainText('示范街道底图');

  const exported = path.join(dir, 'grids.geojson');
  // Grid maintenance is for admins: the API refuses an anonymous caller, the signed-in page may.
  await expect(serve.call('map.grids.export', { path: exported })).rejects.toThrow(/sign_in/);
  await page.getByLabel('保存到（本机路径）').fill(exported);
  await page.getByRole('button', { name: '导出 GeoJSON' }).click();
  await expect(page.getByText('已导出 166 个社区与网格')).toBeVisible();
  await page.getByTestId('import-path').fill(exported);
  await page.getByTestId('import-check').click();
  await expect(page.getByTestId('import-report')).toContainText('不变 166');
  await expect(page.getByTestId('import-report')).toContainText('错误 0 个');
  await page.screenshot({ path: `${shotDir}/map-admin-zh.png`, fullPage: true });

  const tiles: string[] = [];
  page.on('response', (response) => {
    if (response.url().includes('/tiles/') && response.status() === 200) tiles.push(response.url());
  });
  await page.getByRole('link', { name: '返回地图' }).click();
  await expect(page.getByTestId('map-status')).toContainText('底图：示范街道底图');
  await expect.poll(() => tiles.length).toBeGreaterThan(0);
  expect(tiles.every((u) => u.startsWith(serve.origin + '/tiles/'))).toBe(true);
  await page.waitForTimeout(600);
  await page.screenshot({ path: `${shotDir}/map-basemap-zh.png` });
  fs.rmSync(dir, { recursive: true, force: true });
});
