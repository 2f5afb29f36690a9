/**
 * Where the bundled assets (category table, holidays, demo street) are. Tests, the CLI
 * (through tsx), the dev app and the packaged app all run this module from different
 * places, so it looks rather than assumes: GRIDDESK_ASSETS when set, else the first
 * `assets/` that holds the category table, walking up from this module (or the bundle it
 * was built into), from Electron's resources folder and from the working directory.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ASSETS_ENV = 'GRIDDESK_ASSETS';
/** The file whose presence marks a real assets folder. */
const MARKER = path.join('reference', 'categories.csv');

export function assetsDir(): string {
  const override = process.env[ASSETS_ENV];
  if (override) {
    const dir = path.resolve(override);
    if (fs.existsSync(path.join(dir, MARKER))) return dir;
    throw new Error(
      `${ASSETS_ENV}=${override} 中没有 ${MARKER}（${ASSETS_ENV} does not point at an assets folder holding ${MARKER}）`,
    );
  }
  const looked: string[] = [];
  for (const start of startingPoints()) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, 'assets');
      looked.push(candidate);
      if (fs.existsSync(path.join(candidate, MARKER))) return candidate;
      if (path.dirname(dir) === dir) break;
    }
  }
  throw new Error(
    `找不到程序资源文件夹 assets/（含 ${MARKER}）。已查找：${[...new Set(looked)].join(', ')}。` +
      `可设置环境变量 ${ASSETS_ENV} 指向它。(Cannot find the assets folder; set ${ASSETS_ENV}.)`,
  );
}

function startingPoints(): string[] {
  const points: string[] = [];
  const moduleDir = thisModuleDir();
  if (moduleDir) points.push(moduleDir);
  // Packaged Electron: assets copied beside app.asar as extra resources.
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources) points.push(resources);
  points.push(process.cwd());
  return points;
}

function thisModuleDir(): string | null {
  // In an esbuild CommonJS bundle without a shim, import.meta is an empty object.
  const url = (import.meta as { url?: string }).url;
  if (typeof url === 'string' && url.startsWith('file:')) return path.dirname(fileURLToPath(url));
  if (typeof __dirname !== 'undefined') return __dirname;
  return null;
}
