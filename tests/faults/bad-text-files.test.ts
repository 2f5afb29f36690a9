/**
 * Text files that lie about themselves (issue 10, "Nothing lost, ever"): GBK text behind a
 * UTF-8 BOM (an editor added one), a UTF-8 file with a GBK block pasted in past its first
 * megabyte, and JSON nested 8,000 levels deep inside one row. Each used to end in a stack
 * trace; each is now refused in one sentence naming the file and the line (the row, for
 * JSON), with nothing written, and the preview says the same.
 */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { ExchangeRefusal } from '../../db/exchange/file-probe';
import { previewFile } from '../../db/exchange/preview';
import {
  count,
  importInto,
  openWorkspace,
  SAMPLES,
  sampleRows,
} from '../integration/exchange-fixture';

const ws = openWorkspace('griddesk-bad-text-');
afterAll(() => ws.close());

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

async function expectRefused(file: string, pattern: RegExp) {
  const { db } = await ws.empty();
  const report = await importInto(db, file);
  expect(report.status).toBe('refused');
  expect(report.written).toBe(false);
  expect(report.refusal?.en).toMatch(pattern);
  expect(report.refusal?.en).toContain(path.basename(file));
  expect(report.refusal?.zh).toContain(path.basename(file));
  for (const text of [report.refusal?.zh, report.refusal?.en])
    expect(text).not.toMatch(/\n|TypeError|RangeError|at .*\(.*:\d+:\d+\)/);
  expect(count(db, 'SELECT count(*) FROM cases')).toBe(0);
  expect(count(db, 'SELECT count(*) FROM case_events')).toBe(0);
  return report;
}

/** The 60 sample cases as CSV lines (header first), from the JSON sample. */
function csvLines(): string[] {
  const { header, rows } = sampleRows();
  const quote = (v: unknown) => {
    const text = v === null || v === undefined ? '' : String(v);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return [header.join(','), ...rows.map((r) => header.map((h) => quote(r[h])).join(','))];
}

describe('a file that claims UTF-8 and is not', () => {
  it('GBK text behind a UTF-8 BOM: one sentence naming the file and line 1, not a stack trace', async () => {
    const gbk = fs.readFileSync(path.join(SAMPLES, 'cases-sample-gbk.csv'));
    const file = ws.path('bom-then-gbk.csv');
    fs.writeFileSync(file, Buffer.concat([BOM, gbk]));
    const report = await expectRefused(
      file,
      /claims to be UTF-8 \(it starts with a UTF-8 BOM\) but is not valid UTF-8 at line 1\b.*GB18030 without a BOM/,
    );
    expect(report.refusal?.zh).toContain('第 1 行');
    await expect(previewFile(file, {})).rejects.toMatchObject({
      sentence: { en: report.refusal?.en },
    });
  });

  it('a UTF-8 file with a BOM whose row 41 was pasted in from a GBK file: names line 41', async () => {
    const lines = csvLines();
    const file = ws.path('bom-utf8-then-gbk-row.csv');
    const parts = lines.map((line, i) =>
      i === 40 ? iconv.encode(`${line}\r\n`, 'gbk') : Buffer.from(`${line}\r\n`, 'utf8'),
    );
    fs.writeFileSync(file, Buffer.concat([BOM, ...parts]));
    const report = await expectRefused(file, /is not valid UTF-8 at line 41\b/);
    expect(report.refusal?.zh).toContain('第 41 行');
  });

  /** The sample rows again and again past 1.5 MB, then one row in GBK: its line number. */
  function lateGbkFile(name: string): { file: string; gbkLine: number } {
    const lines = csvLines();
    const body: Buffer[] = [Buffer.from(`${lines[0]}\n`, 'utf8')];
    let line = 1;
    let size = body[0]!.length;
    // A repeated identical row is "unchanged", not invalid: only the encoding is wrong.
    while (size < 1.5 * 1024 * 1024) {
      for (const row of lines.slice(1)) {
        body.push(Buffer.from(`${row}\n`, 'utf8'));
        size += body.at(-1)!.length;
        line += 1;
      }
    }
    body.push(iconv.encode(`${lines[1]}\n`, 'gbk'));
    const file = ws.path(name);
    fs.writeFileSync(file, Buffer.concat(body));
    expect(fs.statSync(file).size).toBeGreaterThan(1024 * 1024);
    return { file, gbkLine: line + 1 };
  }

  it('GBK text past the first megabyte of a UTF-8 file (read as a stream): names its line', async () => {
    const { file, gbkLine } = lateGbkFile('utf8-then-gbk-late.csv');
    await expectRefused(
      file,
      new RegExp(`reads as UTF-8 but is not valid UTF-8 at line ${gbkLine.toLocaleString()}\\b`),
    );
  });

  it('the same read in the import’s worker thread (as files of 8 MB and over are)', async () => {
    const { file, gbkLine } = lateGbkFile('utf8-then-gbk-late-worker.csv');
    process.env.GRIDDESK_IMPORT_WORKER = '1';
    try {
      await expectRefused(
        file,
        new RegExp(`is not valid UTF-8 at line ${gbkLine.toLocaleString()}\\b`),
      );
    } finally {
      delete process.env.GRIDDESK_IMPORT_WORKER;
    }
  });
});

describe('JSON nested deeper than any case record', () => {
  const sample = () =>
    JSON.parse(fs.readFileSync(path.join(SAMPLES, 'cases-sample.json'), 'utf8')) as object[];
  const nested = (depth: number) => `${'{"x":'.repeat(depth)}1${'}'.repeat(depth)}`;

  it('an object nested 8,000 deep inside row 2: refused naming the file and row 2, no stack overflow', async () => {
    const rows = sample();
    const second = JSON.stringify(rows[1]);
    const file = ws.path('deep.json');
    fs.writeFileSync(
      file,
      `[${JSON.stringify(rows[0])},${second.slice(0, -1)},"附加":${nested(8000)}},${JSON.stringify(rows[2])}]`,
    );
    const report = await expectRefused(
      file,
      /Object 2 \(row 2\) of deep\.json is nested more than 64 levels deep/,
    );
    expect(report.refusal?.zh).toContain('第 2 行');
    const preview = previewFile(file, {});
    await expect(preview).rejects.toBeInstanceOf(ExchangeRefusal);
    await expect(preview).rejects.toMatchObject({ sentence: { en: report.refusal?.en } });
  });

  it('a row nested 64 deep (the limit) still imports, its member kept as extra data', async () => {
    const rows = sample();
    const first = JSON.stringify(rows[0]);
    const file = ws.path('deep-64.json');
    // The row is level 1, so its member may nest 63 more.
    fs.writeFileSync(file, `[${first.slice(0, -1)},"附加":${nested(63)}}]`);
    const { db } = await ws.empty();
    const report = await importInto(db, file);
    expect(report.refusal).toBeNull();
    expect(report.counts.new).toBe(1);
  });
});
