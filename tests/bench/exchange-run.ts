/**
 * One exchange operation in its own process, for tests/bench/exchange.bench.ts: the bench
 * reads its time and its peak memory (maxRSS), undisturbed by the bench's own heap.
 *   node --import tsx tests/bench/exchange-run.ts import DB FILE
 *   node --import tsx tests/bench/exchange-run.ts export DB OUT SINCE_MS
 */
import { exportFile } from '../../db/exchange/export-file';
import { importFile } from '../../db/exchange/import-file';
import { openDatabase } from '../../db/open';

const [operation, dbFile, target, since] = process.argv.slice(2);
const { db } = openDatabase(dbFile!, { appVersion: 'bench', now: Date.now() });
const started = performance.now();
let result: Record<string, unknown>;
if (operation === 'import') {
  const report = await importFile(db, target!, {
    skipInvalid: false,
    now: Date.now(),
    actor: { userId: null, name: 'bench' },
  });
  result = {
    status: report.status,
    rows: report.counts.rows,
    new: report.counts.new,
    invalid: report.counts.invalid,
    refusal: report.refusal?.en ?? null,
  };
} else {
  const report = await exportFile(db, {
    kind: 'cases',
    format: 'xlsx',
    since: Number(since),
    out: target!,
    unmasked: false,
    now: Date.now(),
    actor: 'bench',
  });
  result = { rows: report.rows, file: report.file };
}
const ms = performance.now() - started;
db.close();
const usage = process.resourceUsage();
// CPU time beside wall time: on a shared, noisy machine it moves less with the neighbours.
const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
console.log(JSON.stringify({ ...result, ms, cpuMs, maxRssKb: usage.maxRSS }));
