/**
 * Bad input (the list): a truncated, encrypted or non-spreadsheet file, an empty
 * file, a file over 2 GB, a row of 100,000 characters, a zip bomb, a path outside the chosen
 * folder inside a zip. Each gets one sentence and nothing written. Then a generated corpus of
 * broken files (truncated, bytes flipped, garbage spliced in) through every reader: each ends
 * as "done" or "refused" with a sentence, never an exception, never a partial write.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { count, importInto, openWorkspace, SAMPLES, writeCsv } from './exchange-fixture';

const ws = openWorkspace();
let db: Db;
beforeAll(() => {
  db = ws.demo().db;
});
afterAll(() => ws.close());

function zipOf(entries: Array<[string, Buffer | (() => Readable)]>, file: string): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of entries) {
    if (Buffer.isBuffer(content)) zip.addBuffer(content, name);
    else zip.addReadStream(content(), name);
  }
  zip.end();
  return new Promise((resolve) =>
    zip.outputStream.pipe(fs.createWriteStream(file)).on('close', () => resolve(file)),
  );
}

async function expectRefused(
  file: string,
  pattern: RegExp,
  options: Parameters<typeof importInto>[2] = {},
) {
  const cases = count(db, 'SELECT count(*) FROM cases');
  const events = count(db, 'SELECT count(*) FROM case_events');
  const report = await importInto(db, file, options);
  expect(report.status).toBe('refused');
  expect(report.written).toBe(false);
  expect(report.refusal?.en).toMatch(pattern);
  // One sentence: no stack, no newline.
  expect(report.refusal?.zh).not.toMatch(/\n|at .*\(.*:\d+:\d+\)/);
  expect(count(db, 'SELECT count(*) FROM cases')).toBe(cases);
  expect(count(db, 'SELECT count(*) FROM case_events')).toBe(events);
  return report;
}

describe('the issue’s bad inputs', () => {
  it('a truncated .xlsx', async () => {
    const whole = fs.readFileSync(path.join(SAMPLES, 'cases-sample.xlsx'));
    const file = ws.path('truncated.xlsx');
    fs.writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 2)));
    await expectRefused(file, /not a complete zip\/xlsx file \(damaged or truncated\)/);
  });

  it('a password-protected workbook (an OLE compound file) and an old .xls', async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(4096, 1),
    ]);
    fs.writeFileSync(ws.path('secret.xlsx'), ole);
    fs.writeFileSync(ws.path('old.xls'), ole);
    await expectRefused(ws.path('secret.xlsx'), /password-protected Excel file or an old \.xls/);
    await expectRefused(ws.path('old.xls'), /password-protected Excel file or an old \.xls/);
  });

  it('files that are not spreadsheets', async () => {
    fs.writeFileSync(ws.path('photo.xlsx'), Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    await expectRefused(ws.path('photo.xlsx'), /not a valid \.xlsx file/);
    fs.writeFileSync(
      ws.path('binary.csv'),
      Buffer.concat([Buffer.from('案卷编号,问题来源\n'), Buffer.alloc(100, 0)]),
    );
    await expectRefused(ws.path('binary.csv'), /holds binary data/);
    const notBook = await zipOf([['readme.txt', Buffer.from('hello')]], ws.path('notbook.xlsx'));
    await expectRefused(notBook, /not an Excel workbook/);
    fs.writeFileSync(ws.path('prose.csv'), '这是一封信\n没有表头\n');
    await expectRefused(ws.path('prose.csv'), /No header row/);
  });

  it('an empty file', async () => {
    fs.writeFileSync(ws.path('empty.xlsx'), '');
    await expectRefused(ws.path('empty.xlsx'), /is empty \(0 bytes\)/);
  });

  it('a file over 2 GB (sparse, so the test writes nothing)', async () => {
    const file = ws.path('huge.csv');
    fs.closeSync(fs.openSync(file, 'w'));
    fs.truncateSync(file, 2 * 1024 ** 3 + 1);
    await expectRefused(file, /over the 2 GB limit/);
    fs.rmSync(file);
  });

  it('a row with 100,000 characters (CSV and xlsx), and an unclosed quote', async () => {
    const header = ['案卷编号', '问题来源', '问题类型', '大类代码', '小类代码', '问题描述'];
    writeCsv(ws.path('long-row.csv'), [
      header,
      ['E0101', '网格员上报', '事件', '01', '01', 'x'.repeat(100_000)],
    ]);
    await expectRefused(
      ws.path('long-row.csv'),
      /Row 2 of long-row\.csv is over 65,536 characters/,
    );
    fs.writeFileSync(
      ws.path('unclosed.csv'),
      `${header.join(',')}\nE0101,网格员上报,事件,01,01,"没有闭合\n${'下一行\n'.repeat(10)}`,
    );
    await expectRefused(ws.path('unclosed.csv'), /quote opened on row 2 is never closed/);
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('案卷');
    sheet.addRow(header);
    sheet.addRow([
      'E0101',
      '网格员上报',
      '事件',
      '01',
      '01',
      'y'.repeat(30_000),
      'z'.repeat(30_000),
      'w'.repeat(30_000),
      'v'.repeat(10_000),
    ]);
    await workbook.xlsx.writeFile(ws.path('long-row.xlsx'));
    await expectRefused(ws.path('long-row.xlsx'), /over 65,536 characters/);
  });

  it('a zip bomb, as a workbook and as a package', async () => {
    const zeros = () =>
      Readable.from(
        (function* () {
          for (let i = 0; i < 40; i++) yield Buffer.alloc(1024 * 1024);
        })(),
      );
    await zipOf(
      [
        ['[Content_Types].xml', Buffer.from('<Types/>')],
        ['xl/workbook.xml', Buffer.from('<workbook/>')],
        ['xl/worksheets/sheet1.xml', zeros],
      ],
      ws.path('bomb.xlsx'),
    );
    expect(fs.statSync(ws.path('bomb.xlsx')).size).toBeLessThan(200_000);
    await expectRefused(ws.path('bomb.xlsx'), /zip bomb/);
    await zipOf(
      [
        ['manifest.json', Buffer.from('{}')],
        ['cases.csv', zeros],
      ],
      ws.path('bomb.zip'),
    );
    await expectRefused(ws.path('bomb.zip'), /zip bomb/);
  });

  it('a path outside the chosen folder inside a zip', async () => {
    // yazl will not write such a name, so the bytes are swapped afterwards (same length).
    const file = await zipOf(
      [
        ['manifest.json', Buffer.from('{}')],
        ['zz/evil.csv', Buffer.from('a,b\n')],
      ],
      ws.path('escape.zip'),
    );
    const bytes = fs.readFileSync(file);
    let at = bytes.indexOf('zz/evil.csv');
    while (at >= 0) {
      bytes.write('../evil.csv', at);
      at = bytes.indexOf('zz/evil.csv', at + 1);
    }
    fs.writeFileSync(file, bytes);
    const report = await expectRefused(file, /path outside the chosen folder/);
    expect(report.refusal?.zh).toContain('已拒绝');
    expect(fs.existsSync(path.join(path.dirname(ws.dir), 'evil.csv'))).toBe(false);
  });
});

/** A small seeded generator, so a failing corpus file can be made again. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 2246822507) + 0x9e3779b9) >>> 0;
    return state / 2 ** 32;
  };
}

describe('a generated corpus of broken files', () => {
  const sources = [
    'cases-sample.xlsx',
    'cases-sample-gbk.csv',
    'cases-sample.json',
    'open311-requests.json',
    'grids.geojson',
  ];
  const random = seeded(20261121);
  const corpus: Array<{ name: string; bytes: Buffer }> = [];
  for (const source of sources) {
    const whole = fs.readFileSync(path.join(SAMPLES, source));
    const ext = path.extname(source);
    for (let i = 0; i < 12; i++) {
      const bytes = Buffer.from(whole);
      const kind = i % 4;
      let broken: Buffer;
      if (kind === 0) broken = bytes.subarray(0, Math.floor(random() * bytes.length));
      else if (kind === 1) {
        for (let n = 0; n < 1 + Math.floor(random() * 20); n++)
          bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
        broken = bytes;
      } else if (kind === 2) {
        const at = Math.floor(random() * bytes.length);
        const garbage = Buffer.from(
          Array.from({ length: 1 + Math.floor(random() * 300) }, () => Math.floor(random() * 256)),
        );
        broken = Buffer.concat([bytes.subarray(0, at), garbage, bytes.subarray(at)]);
      } else {
        const at = Math.floor(random() * bytes.length);
        broken = Buffer.concat([
          bytes.subarray(0, at),
          bytes.subarray(Math.min(bytes.length, at + 1 + Math.floor(random() * 2000))),
        ]);
      }
      corpus.push({ name: `fuzz-${path.basename(source, ext)}-${i}${ext}`, bytes: broken });
    }
  }

  it(`${corpus.length} broken files: each is imported or refused with a sentence, never a crash or a half import`, async () => {
    const outcomes: Record<string, number> = {};
    for (const { name, bytes } of corpus) {
      const file = ws.path(name);
      fs.writeFileSync(file, bytes);
      const casesBefore = count(db, 'SELECT count(*) FROM cases');
      const eventsBefore = count(db, 'SELECT count(*) FROM case_events');
      const report = await importInto(db, file).catch((error: unknown) => {
        throw new Error(`${name} threw instead of reporting: ${(error as Error).stack}`);
      });
      outcomes[report.status] = (outcomes[report.status] ?? 0) + 1;
      expect(['done', 'refused'], name).toContain(report.status);
      if (report.status === 'refused') {
        expect(report.refusal?.zh, name).toMatch(/\S/);
        expect(report.refusal?.en, name).not.toMatch(/\n/);
        expect(count(db, 'SELECT count(*) FROM cases'), name).toBe(casesBefore);
        expect(count(db, 'SELECT count(*) FROM case_events'), name).toBe(eventsBefore);
      }
    }
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(outcomes['refused']).toBeGreaterThan(corpus.length / 3);
  });
});
