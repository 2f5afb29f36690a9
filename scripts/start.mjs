#!/usr/bin/env node
/**
 * `npm start`: rebuild what is stale, then run GridDesk in Electron. Where Electron's
 * program files are missing (they cannot be downloaded on the project's machines, see
 * docs/design/TOOLCHAIN.md) it runs browser mode instead: `griddesk serve` on the same database.
 * Extra arguments go to Electron, or to `griddesk serve`.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectron } from './build-electron.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const passThrough = process.argv.slice(2);

/** What the renderer build is made from (it may import core/ and api/contract/). */
const RENDERER_SOURCES = ['renderer', 'api/contract', 'core', 'vite.config.ts'];

function newestChange(target) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestChange(path.join(target, entry)));
  }
  return newest;
}

function rendererIsStale() {
  const built = path.join(root, 'dist', 'renderer', 'index.html');
  if (!fs.existsSync(built)) return true;
  const builtAt = fs.statSync(built).mtimeMs;
  return RENDERER_SOURCES.some((source) => newestChange(path.join(root, source)) > builtAt);
}

function buildRenderer() {
  console.error('Building the renderer (vite build)…');
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  // Vite's report goes to stderr: in browser mode stdout starts with the server's URL.
  const result = spawnSync(process.execPath, [vite, 'build'], {
    cwd: root,
    stdio: ['inherit', 2, 'inherit'],
  });
  if (result.status !== 0) {
    console.error('界面构建失败（vite build）。 The renderer build (vite build) failed.');
    process.exit(result.status ?? 1);
  }
}

/** Electron's executable, or null when its program files are not installed. */
function electronExecutable() {
  try {
    const executable = require('electron');
    return typeof executable === 'string' && fs.existsSync(executable) ? executable : null;
  } catch {
    // node_modules/electron throws when its install step never downloaded the binary.
    return null;
  }
}

/** Runs a child with our stdio and ends with its exit code; Ctrl+C and SIGTERM reach it. */
function runAndExitWith(command, args, env = process.env) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('error', (error) => {
    console.error(`无法启动 ${command}：${error.message} (could not start it)`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function main() {
  if (rendererIsStale()) buildRenderer();
  const executable = electronExecutable();
  try {
    await buildElectron();
  } catch (error) {
    console.error(`Electron 外壳构建失败：${error.message} (the Electron shell bundles failed)`);
    if (executable) process.exit(1);
  }

  if (executable) {
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE;
    // Started on the folder, Electron reads package.json ("main": dist/electron/main.cjs).
    runAndExitWith(executable, [root, ...passThrough], env);
    return;
  }
  console.error(
    'Electron 的程序文件在本机不可用（无法下载）：改用浏览器模式。 ' +
      'The Electron binary is not available on this machine; starting GridDesk in browser mode instead.',
  );
  runAndExitWith(process.execPath, [
    path.join(root, 'bin', 'griddesk.mjs'),
    'serve',
    ...passThrough,
  ]);
}

main().catch((error) => {
  console.error(`npm start failed: ${error.message}`);
  process.exit(1);
});
