/**
 * A `griddesk serve` of its own for a spec, on a fresh demo database with the city's sample
 * standard (../shared/samples/standard-sample.xlsx) imported by the command line first, as
 * an admin would; the desk's users ready. Registers the spec's beforeAll/afterAll and gives
 * back a getter for the running server.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  createDemoDatabase,
  prepareDeskUsers,
  startServe,
  test,
  type RunningServe,
} from './host-fixture';

const root = path.resolve(import.meta.dirname, '../..');

export function serveWithSampleStandard(prefix: string): () => RunningServe {
  let dir: string;
  let child: ChildProcess;
  let served: RunningServe;
  test.beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    const dbFile = path.join(dir, 'demo.sqlite');
    createDemoDatabase(dbFile);
    const imported = spawnSync(
      process.execPath,
      [
        path.join(root, 'bin/griddesk.mjs'),
        'import',
        '../shared/samples/standard-sample.xlsx',
        '--db',
        dbFile,
      ],
      { cwd: root, encoding: 'utf8' },
    );
    if (imported.status !== 0) throw new Error(`griddesk import failed: ${imported.stderr}`);
    ({ serve: served, child } = await startServe(dbFile));
    await prepareDeskUsers(served);
  });
  test.afterAll(async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => served;
}
