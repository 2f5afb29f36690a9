/**
 * What migration 5's triggers cost per case event (issue 10): 100,000 events written into a
 * demo street's database, in one transaction, the two ways the app writes them (one
 * prepared INSERT per event, as moves and the import's chunks do; one INSERT … SELECT, as a
 * bulk write does), with the triggers as shipped and with them dropped (what GridDesk did
 * before migration 5), alternated. Run: `npx tsx scripts/event-chain-cost.ts [events] [rounds]`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openOrCreateDatabase } from '../db/bootstrap';
import { openDatabase, type Db } from '../db/open';

const EVENTS = Number(process.argv[2] ?? 100_000);
const ROUNDS = Number(process.argv[3] ?? 3);
const NOW = Date.UTC(2026, 10, 21, 6, 0);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-chain-cost-'));
const template = path.join(dir, 'template.sqlite');
openOrCreateDatabase(template, { appVersion: 'bench', now: NOW, demoWhenNew: true }).db.close();

type Variant = 'with triggers' | 'no replace check only' | 'without (before migration 5)';
const VARIANTS: Variant[] = [
  'with triggers',
  'no replace check only',
  'without (before migration 5)',
];

function prepare(variant: Variant, round: number): Db {
  const file = path.join(dir, `${variant.replace(/\W+/g, '-')}-${round}.sqlite`);
  fs.copyFileSync(template, file);
  const { db } = openDatabase(file, { appVersion: 'bench', now: NOW });
  if (variant !== 'with triggers') db.exec('DROP TRIGGER case_events_chain');
  if (variant === 'without (before migration 5)') db.exec('DROP TRIGGER case_events_no_replace');
  return db;
}

function timed(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

const caseIds = (db: Db) =>
  db.prepare('SELECT id FROM cases ORDER BY id').pluck().all() as number[];

const results: Record<string, number[]> = {};
for (let round = 0; round < ROUNDS; round++) {
  for (const variant of VARIANTS) {
    for (const way of ['one INSERT per event', 'INSERT … SELECT'] as const) {
      const db = prepare(variant, round);
      const ids = caseIds(db);
      const ms = timed(() => {
        if (way === 'one INSERT per event') {
          const insert = db.prepare(
            `INSERT INTO case_events (case_id, kind, from_state, to_state, actor_name, at, note, data)
             VALUES (?, 'note', NULL, NULL, '张敏', ?, ?, ?)`,
          );
          db.transaction(() => {
            for (let i = 0; i < EVENTS; i++)
              insert.run(ids[i % ids.length], NOW + i, `第 ${i} 条备注`, `{"row":${i}}`);
          })();
        } else {
          db.exec(
            'CREATE TEMP TABLE ids (k INTEGER PRIMARY KEY, id INTEGER); INSERT INTO ids SELECT row_number() OVER (ORDER BY id) - 1, id FROM cases',
          );
          db.transaction(() => {
            db.prepare(
              `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?)
               INSERT INTO case_events (case_id, kind, actor_name, at, note, data)
               SELECT (SELECT id FROM ids WHERE k = i % ?), 'note', '张敏', ? + i,
                      '第 ' || i || ' 条备注', json_object('row', i) FROM n`,
            ).run(EVENTS, ids.length, NOW);
          })();
        }
      });
      db.close();
      (results[`${way} · ${variant}`] ??= []).push(ms);
    }
  }
}
fs.rmSync(dir, { recursive: true, force: true });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`${EVENTS.toLocaleString('en-US')} events, ${ROUNDS} alternated rounds, median ms:`);
for (const [name, xs] of Object.entries(results)) {
  const m = median(xs);
  console.log(
    `  ${name.padEnd(62)} ${m.toFixed(0).padStart(6)} ms  (${((m * 1000) / EVENTS).toFixed(1)} µs/event; runs ${xs.map((x) => x.toFixed(0)).join(', ')})`,
  );
}
