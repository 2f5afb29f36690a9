/** Demo-street generation: the time a newcomer waits on the app's first start. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openOrCreateDatabase } from '../../db/bootstrap';
import { openDatabase } from '../../db/open';
import { seedReferenceData } from '../../db/seed/reference';
import { median, record } from './record';

const RUNS = 5;
const now = Date.now();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-bench-demo-'));
const total: number[] = [];
const referenceOnly: number[] = [];
let cases = 0;
for (let run = 0; run < RUNS; run++) {
  const file = path.join(dir, `demo-${run}.sqlite`);
  const started = performance.now();
  const opened = openOrCreateDatabase(file, { appVersion: 'bench', now, demoWhenNew: true });
  total.push(performance.now() - started);
  cases = opened.db.prepare('SELECT count(*) FROM cases').pluck().get() as number;
  opened.db.close();

  // Baseline: a new database with the reference data only (schema + categories + calendar).
  const refFile = path.join(dir, `ref-${run}.sqlite`);
  const refStarted = performance.now();
  const ref = openDatabase(refFile, { appVersion: 'bench', now });
  seedReferenceData(ref.db, now);
  referenceOnly.push(performance.now() - refStarted);
  ref.db.close();
}
fs.rmSync(dir, { recursive: true, force: true });
const demoMs = median(total);
const baselineMs = median(referenceOnly);
record('demoGeneration', {
  runs: RUNS,
  cases,
  medianMs: Math.round(demoMs),
  referenceOnlyMedianMs: Math.round(baselineMs),
  ratioToReferenceOnly: Number((demoMs / baselineMs).toFixed(1)),
});
