#!/usr/bin/env node
// `npm test`: static checks, unit + integration tests (Vitest, real SQLite files), the
// renderer build, then end-to-end tests (Playwright in Debian Chromium against
// `griddesk serve`, and Electron where its binary exists). Ends with one summary line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const tmp = path.join(root, '.tmp');
fs.mkdirSync(tmp, { recursive: true });
const vitestJson = path.join(tmp, 'vitest-results.json');
const playwrightJson = path.join(tmp, 'playwright-results.json');
for (const file of [vitestJson, playwrightJson]) fs.rmSync(file, { force: true });

const steps = [];
function run(label, command, args, env = {}) {
  process.stdout.write(`\n=== ${label}\n`);
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  const ok = result.status === 0;
  steps.push({ label, ok, seconds: (Date.now() - started) / 1000 });
  return ok;
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
run('typecheck (tsc --noEmit)', npx, ['tsc', '-p', 'tsconfig.json', '--noEmit']);
run('lint (eslint, with the architecture import rules)', npx, ['eslint', '.']);
run('format (prettier --check)', npx, ['prettier', '--check', '.', '--log-level', 'warn']);
run('unit + integration (vitest)', npx, [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${vitestJson}`,
]);
const built = run('renderer build (vite)', npx, ['vite', 'build', '--logLevel', 'warn']);
// The Electron bundles must build, and the sandboxed preload may require nothing but electron.
run('electron bundles (esbuild)', process.execPath, ['scripts/build-electron.mjs']);
if (built) {
  run(
    'end-to-end (playwright: browser mode, electron where available)',
    npx,
    ['playwright', 'test'],
    {
      PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
    },
  );
} else {
  steps.push({ label: 'end-to-end (skipped: the renderer did not build)', ok: false, seconds: 0 });
}

let passed = 0;
let failed = 0;
let skipped = 0;
if (fs.existsSync(vitestJson)) {
  const v = JSON.parse(fs.readFileSync(vitestJson, 'utf8'));
  passed += v.numPassedTests ?? 0;
  failed += v.numFailedTests ?? 0;
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
}
if (fs.existsSync(playwrightJson)) {
  const p = JSON.parse(fs.readFileSync(playwrightJson, 'utf8'));
  passed += (p.stats?.expected ?? 0) + (p.stats?.flaky ?? 0);
  failed += p.stats?.unexpected ?? 0;
  skipped += p.stats?.skipped ?? 0;
}

console.log('\n=== summary');
for (const step of steps)
  console.log(`${step.ok ? 'ok  ' : 'FAIL'} ${step.label} (${step.seconds.toFixed(1)} s)`);
const allOk = steps.every((s) => s.ok) && failed === 0;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(allOk ? 0 : 1);
