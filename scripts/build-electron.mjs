#!/usr/bin/env node
/**
 * Bundles the Electron shell with esbuild:
 *   electron/main.ts    → dist/electron/main.cjs     (Node, CommonJS; electron and
 *                                                      better-sqlite3 stay outside the bundle)
 *   electron/preload.ts → dist/electron/preload.cjs  (one file that requires only 'electron':
 *                                                      a sandboxed preload can require no more)
 *   db/exchange/case-reading-worker.ts → dist/electron/case-reading-worker.cjs
 *                                                     (the import's reading thread)
 *   db/exchange/import-worker.ts → dist/electron/import-worker.cjs
 *                                                     (the thread an in-app import runs in)
 *   db/backup/check-worker.ts → dist/electron/check-worker.cjs
 *                                                     (quick_check / integrity_check off the main thread)
 * Usage: node scripts/build-electron.mjs   (also imported by scripts/start.mjs)
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'electron');

/**
 * ES modules in the bundle (e.g. db/seed/assets-dir.ts finding assets/) read import.meta.url;
 * in CommonJS it does not exist, so it becomes the bundle's own file URL. Code that walks up
 * from there to find assets/ reaches the project root (or app.asar when packaged).
 */
const importMetaShim = {
  banner: {
    // "use strict" first: a banner ahead of esbuild's own directive would turn strict mode off.
    js: '"use strict";\nconst __griddeskImportMetaUrl = require("node:url").pathToFileURL(__filename).href;',
  },
  define: {
    'import.meta.url': '__griddeskImportMetaUrl',
    'import.meta.dirname': '__dirname',
    'import.meta.filename': '__filename',
  },
};

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  sourcemap: 'linked',
  sourcesContent: false,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
};

/** Fails the build when a bundle requires anything but the modules it may. */
function checkRequires(result, allowed) {
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    if (file.endsWith('.map')) continue;
    const extra = output.imports.filter((i) => i.external && !allowed.includes(i.path));
    if (extra.length > 0) {
      throw new Error(
        `${file} requires ${extra.map((i) => i.path).join(', ')}; allowed: ${allowed.join(', ')}`,
      );
    }
  }
}

/** The import's reading thread, bundled on its own (a worker thread loads one script). */
export async function buildReadingWorker(dir = outdir) {
  return buildWorker(dir, 'case-reading-worker');
}

/** The thread an in-app import runs in (it starts the reading thread for big files). */
export async function buildImportWorker(dir = outdir) {
  return buildWorker(dir, 'import-worker');
}

/** The thread that checks a store or a backup with quick_check / integrity_check. */
export async function buildCheckWorker(dir = outdir) {
  return buildWorker(dir, 'check-worker', 'backup');
}

async function buildWorker(dir, name, folder = 'exchange') {
  const file = path.join(dir, `${name}.cjs`);
  const result = await build({
    ...common,
    ...importMetaShim,
    entryPoints: [path.join(root, 'db', folder, `${name}.ts`)],
    outfile: file,
    platform: 'node',
    target: 'node20',
    external: ['better-sqlite3'],
  });
  const builtins = (await import('node:module')).builtinModules;
  checkRequires(result, ['better-sqlite3', ...builtins, ...builtins.map((n) => `node:${n}`)]);
  return file;
}

export async function buildElectron() {
  const main = await build({
    ...common,
    ...importMetaShim,
    entryPoints: [path.join(root, 'electron', 'main.ts')],
    outfile: path.join(outdir, 'main.cjs'),
    platform: 'node',
    target: 'node20',
    // pdfkit reads its built-in font metrics from its own folder at run time: bundling it
    // would lose them, so it ships as a dependency like better-sqlite3.
    external: ['electron', 'better-sqlite3', 'pdfkit'],
  });
  const preload = await build({
    ...common,
    entryPoints: [path.join(root, 'electron', 'preload.ts')],
    outfile: path.join(outdir, 'preload.cjs'),
    // 'node' so that `electron` stays a plain require(); the sandbox provides only that.
    platform: 'node',
    target: 'chrome130',
    external: ['electron'],
  });
  checkRequires(preload, ['electron']);
  // Node built-ins are fine in main; anything else must be bundled or be one of these.
  const builtins = (await import('node:module')).builtinModules;
  await buildReadingWorker(outdir);
  await buildImportWorker(outdir);
  await buildCheckWorker(outdir);
  checkRequires(main, [
    'electron',
    'better-sqlite3',
    'pdfkit',
    ...builtins,
    ...builtins.map((name) => `node:${name}`),
  ]);
  return { outdir, main: path.join(outdir, 'main.cjs'), preload: path.join(outdir, 'preload.cjs') };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  buildElectron().then(
    ({ main, preload }) => {
      console.log(`built ${path.relative(root, main)} and ${path.relative(root, preload)}`);
    },
    (error) => {
      console.error(`Electron bundles failed: ${error.message}`);
      process.exit(1);
    },
  );
}
