/**
 * The demo street's category standard, assets/demo/standard.csv: a city-style 立结案标准
 * covering every category the demo uses, with several 立案条件 for many minors and limits in
 * all four units (`4小时` working hours, `1天` / `3工作日` working days, `2紧急工作时` natural
 * hours, `1紧急工作日` natural days), so a newcomer sees working-hour deadlines on the board
 * at once. It becomes the active version of the category table exactly as a city's file
 * does: folded by core/exchange/standard-fold, written by db/exchange/standard-import's
 * writeStandardVersion (units, version, rows, the category list, the active version, the
 * audit line), with the file's SHA-256, so importing assets/demo/standard.csv again later
 * is 'unchanged'.
 *
 * Read synchronously, unlike the exchange's streaming readers: the demo is seeded inside
 * openOrCreateDatabase, which is synchronous, and the file is our own small UTF-8 CSV (with
 * BOM, comma-separated). tests/integration/demo-standard.test.ts checks that
 * readStandardTable reads it to the same table.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CsvTokenizer, MAX_RECORD_CHARS } from '../../core/exchange/csv-tokenizer';
import { foldStandardSheets } from '../../core/exchange/standard-fold';
import { standardProblemSentence } from '../../core/exchange/standard-problems';
import type { StandardTable } from '../../core/exchange/standard-table';
import { writeStandardVersion } from '../exchange/standard-import';
import type { Db } from '../open';
import { assetsDir } from './assets-dir';

export const DEMO_STANDARD_FILE = 'standard.csv';
const ACTOR = 'demo';

export function demoStandardPath(): string {
  return path.join(assetsDir(), 'demo', DEMO_STANDARD_FILE);
}

/** The demo standard folded as the import folds a CSV (the file's name stands for its sheet). */
export function readDemoStandard(
  file: string,
  knownUnits: Iterable<string>,
): StandardTable & { sha256: string } {
  const bytes = fs.readFileSync(file);
  // TextDecoder drops the BOM; fatal: a byte that is not UTF-8 is an error, not U+FFFD.
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  const tokenizer = new CsvTokenizer(',', MAX_RECORD_CHARS);
  const records = [...tokenizer.push(text), ...tokenizer.end()];
  const name = path.basename(file);
  const table = foldStandardSheets(
    [{ name, rows: records.map((cells, i) => ({ row: i + 1, cells })) }],
    { fileName: name, knownUnits },
  );
  return { ...table, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/**
 * Makes the demo standard the active version (inside the caller's transaction); its version
 * id. A store that already holds this file's version makes that one active again.
 */
export function importDemoStandard(db: Db, now: number, file = demoStandardPath()): number {
  const knownUnits = db.prepare<[], string>('SELECT name FROM units').pluck().all();
  const table = readDemoStandard(file, knownUnits);
  if (table.problems.length > 0) {
    const first = standardProblemSentence(table.problems[0]!);
    throw new Error(
      `示范街道的立结案标准 ${file} 有 ${table.problems.length} 处问题：${first.zh} (The demo standard has problems: ${first.en})`,
    );
  }
  const before = db
    .prepare<[string], number>('SELECT id FROM category_versions WHERE file_sha256 = ?')
    .pluck()
    .get(table.sha256);
  if (before !== undefined) {
    db.prepare(
      `INSERT INTO settings (key, value, updated_at, updated_by) VALUES ('categories.activeVersion', ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at,
         updated_by = excluded.updated_by`,
    ).run(String(before), now, ACTOR);
    return before;
  }
  const standards = table.minors.reduce((n, m) => n + m.standards.length, 0);
  return writeStandardVersion(
    db,
    {
      minors: table.minors,
      unknownUnits: table.unknownUnits,
      file: { name: path.basename(file), sha256: table.sha256 },
    },
    { now, actor: ACTOR },
    table.minors.length,
    standards,
  ).version;
}
