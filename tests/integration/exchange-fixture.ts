/**
 * Databases for the exchange tests, in a temp folder: the demo street (made once per test
 * file and copied per test, so each test starts from the same desk), or a street with its
 * grids and reference data but no cases (so imports start from nothing).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openOrCreateDatabase } from '../../db/bootstrap';
import { importFile, type ImportFileOptions } from '../../db/exchange/import-file';
import type { ImportReport } from '../../db/exchange/import-report';
import { openDatabase, type Db } from '../../db/open';

export const NOW = Date.UTC(2026, 10, 21, 6, 0); // Sat 21 Nov 2026 14:00 Shanghai
export const SAMPLES = path.resolve(import.meta.dirname, '../../../shared/samples');
export const ACTOR = { userId: null, name: '测试管理员' };

export interface ExchangeWorkspace {
  dir: string;
  /** A fresh copy of the demo street. */
  demo(name?: string): { db: Db; file: string };
  /** Reference data and the sample street's grids, no cases. */
  empty(name?: string): Promise<{ db: Db; file: string }>;
  path(name: string): string;
  close(): void;
}

export function openWorkspace(prefix = 'griddesk-exchange-'): ExchangeWorkspace {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const open: Db[] = [];
  let demoTemplate: string | null = null;
  let emptyTemplate: string | null = null;
  const copy = (from: string, name: string) => {
    const file = path.join(dir, `${name}-${open.length}.sqlite`);
    fs.copyFileSync(from, file);
    const { db } = openDatabase(file, { appVersion: 'test', now: NOW });
    open.push(db);
    return { db, file };
  };
  return {
    dir,
    demo(name = 'demo') {
      if (!demoTemplate) {
        demoTemplate = path.join(dir, 'demo-template.sqlite');
        const { db } = openOrCreateDatabase(demoTemplate, {
          appVersion: 'test',
          now: NOW,
          demoWhenNew: true,
          demoSeed: 7,
        });
        db.pragma('wal_checkpoint(TRUNCATE)');
        db.close();
      }
      return copy(demoTemplate, name);
    },
    async empty(name = 'empty') {
      if (!emptyTemplate) {
        emptyTemplate = path.join(dir, 'empty-template.sqlite');
        const { db } = openOrCreateDatabase(emptyTemplate, {
          appVersion: 'test',
          now: NOW,
          demoWhenNew: false,
        });
        const grids = await importFile(db, path.join(SAMPLES, 'grids.geojson'), {
          kind: 'grids',
          skipInvalid: false,
          now: NOW,
          actor: ACTOR,
        });
        if (!grids.written)
          throw new Error(`grid import failed: ${JSON.stringify(grids.refusal ?? grids.errors)}`);
        db.pragma('wal_checkpoint(TRUNCATE)');
        db.close();
      }
      return copy(emptyTemplate, name);
    },
    path: (name) => path.join(dir, name),
    close() {
      for (const db of open) if (db.open) db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function importInto(
  db: Db,
  file: string,
  options: Partial<ImportFileOptions> = {},
): Promise<ImportReport> {
  return importFile(db, file, { skipInvalid: false, now: NOW, actor: ACTOR, ...options });
}

export function count(db: Db, sql: string, ...params: unknown[]): number {
  return db
    .prepare(sql)
    .pluck()
    .get(...params) as number;
}

/** Writes a CSV (UTF-8 unless told) from rows of cells. */
export function writeCsv(
  file: string,
  rows: (string | number | null)[][],
  options: { bom?: boolean; crlf?: boolean; delimiter?: string } = {},
): string {
  const quote = (v: string | number | null) => {
    const text = v === null ? '' : String(v);
    return /[",\r\n\t]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const eol = options.crlf ? '\r\n' : '\n';
  const text = rows.map((r) => r.map(quote).join(options.delimiter ?? ',')).join(eol) + eol;
  fs.writeFileSync(file, (options.bom ? '\uFEFF' : '') + text);
  return file;
}

/** The sample cases as rows (header first), from the JSON sample. */
export function sampleRows(): { header: string[]; rows: Record<string, string | number>[] } {
  const rows = JSON.parse(
    fs.readFileSync(path.join(SAMPLES, 'cases-sample.json'), 'utf8'),
  ) as Record<string, string | number>[];
  return { header: Object.keys(rows[0]!), rows };
}
