/**
 * Cold open in browser mode: from starting `griddesk serve` on the demo database to the
 * overview's counts on screen in Chromium; and the renderer bundle, split so the first
 * screen loads only what it needs.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { chromium } from '@playwright/test';
import { openOrCreateDatabase } from '../../db/bootstrap';
import { chromiumLaunchOptions } from '../chromium';
import { median, record } from './record';

const root = path.resolve(import.meta.dirname, '../..');
const RUNS = 5;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-bench-open-'));
const dbFile = path.join(dir, 'demo.sqlite');
openOrCreateDatabase(dbFile, {
  appVersion: 'bench',
  now: Date.now(),
  demoWhenNew: true,
}).db.close();

async function timeProcessStart(args: string[], untilFirstLine: boolean) {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'bin/griddesk.mjs'), ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const line = await new Promise<string>((resolve) => {
    if (untilFirstLine) readline.createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', () => resolve(''));
  });
  return { child, line, ms: performance.now() - started };
}

const browser = await chromium.launch(chromiumLaunchOptions());
const coldOpen: number[] = [];
const serverReady: number[] = [];
const cliFloor: number[] = [];
for (let run = 0; run < RUNS; run++) {
  // Baseline: the floor of any griddesk command (Node + TypeScript loader), `--help`.
  cliFloor.push((await timeProcessStart(['--help'], false)).ms);
  const started = performance.now();
  const { child, line, ms } = await timeProcessStart(
    ['serve', '--db', dbFile, '--port', '0'],
    true,
  );
  serverReady.push(ms);
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  await page.goto(line);
  await page.waitForFunction(() =>
    /\d/.test(document.querySelector('[data-testid="count-open"]')?.textContent ?? ''),
  );
  coldOpen.push(performance.now() - started);
  await context.close();
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
}
await browser.close();
fs.rmSync(dir, { recursive: true, force: true });

const assetsDir = path.join(root, 'dist/renderer/assets');
const index = fs.readFileSync(path.join(root, 'dist/renderer/index.html'), 'utf8');
const firstScreen = [...index.matchAll(/(?:src|href)="\.\/assets\/([^"]+)"/g)].map((m) => m[1]!);
const gzip = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(assetsDir, file))).length;
const all = fs.readdirSync(assetsDir).filter((f) => /\.(js|css)$/.test(f));
const kib = (bytes: number) => Number((bytes / 1024).toFixed(1));
const firstScreenGzip = firstScreen
  .filter((f) => /\.(js|css)$/.test(f))
  .reduce((sum, f) => sum + gzip(f), 0);
const allGzip = all.reduce((sum, f) => sum + gzip(f), 0);

record('coldOpen', {
  runs: RUNS,
  coldOpenToOverviewMedianMs: Math.round(median(coldOpen)),
  serverReadyMedianMs: Math.round(median(serverReady)),
  cliStartFloorMedianMs: Math.round(median(cliFloor)),
  ratioToCliFloor: Number((median(coldOpen) / median(cliFloor)).toFixed(2)),
});
record('rendererBundle', {
  firstScreenFiles: firstScreen,
  firstScreenGzipKiB: kib(firstScreenGzip),
  allChunksGzipKiB: kib(allGzip),
  chunks: all.length,
  firstScreenShareOfAll: Number((firstScreenGzip / allGzip).toFixed(2)),
});
