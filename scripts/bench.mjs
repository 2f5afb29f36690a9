#!/usr/bin/env node
// `npm run bench`: builds the renderer, then runs the benchmarks in tests/bench/ one after
// another (the machine is shared and noisy: each reports medians over several runs).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const build = spawnSync(npx, ['vite', 'build', '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);
const only = process.argv[2];
const benches = fs
  .readdirSync(path.join(root, 'tests/bench'))
  .filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))
  .sort();
let failed = false;
for (const file of benches) {
  console.log(`\n=== ${file}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join('tests/bench', file)], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) failed = true;
}
console.log(`\nResults: ${path.join('.bench', 'results.json')}`);
process.exit(failed ? 1 : 0);
