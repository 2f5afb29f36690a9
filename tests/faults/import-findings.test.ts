/**
 * The minor findings of issue 10 ("Nothing lost, ever") on the import and export paths, each
 * as a test that failed on the code before its fix: a first import told it was imported
 * before as itself; report times before 2000 accepted; a point far outside its stated grid
 * accepted without a word; ID and mobile numbers in unknown columns kept in clear; text cells
 * starting like a formula written without Excel's quote prefix.
 */
import fs from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import { afterAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, type ApiContext } from '../../api/context';
import type { ApiInput, ApiResult, MethodName } from '../../api/contract';
import { invoke } from '../../api/invoke';
import { LiveBus } from '../../api/live';
import { openOrCreateDatabase } from '../../db/bootstrap';
import { XlsxRowWriter } from '../../db/exchange/xlsx-writer';
import { count, importInto, NOW, openWorkspace, SAMPLES } from '../integration/exchange-fixture';
import { insertPlaces } from '../integration/ranking-fixture';

const ws = openWorkspace('griddesk-import-findings-');
afterAll(() => ws.close());

describe('"imported before" means another import', () => {
  it('a first grid import is not told it was imported before as itself; the second is told the first', async () => {
    const { db } = await ws.empty();
    const file = ws.path('grids-copy.geojson');
    // Same street, so it is "unchanged" everywhere, but this database has never seen these bytes.
    fs.writeFileSync(file, `${fs.readFileSync(path.join(SAMPLES, 'grids.geojson'), 'utf8')}\n`);
    const first = await importInto(db, file, { kind: 'grids' });
    expect(first.status).toBe('done');
    expect(first.alreadyImported).toBeNull();
    const second = await importInto(db, file, { kind: 'grids' });
    expect(second.alreadyImported).toEqual({ batchId: first.batchId, at: expect.any(Number) });
    expect(second.batchId).not.toBe(first.batchId);
  });

  it('a first case import, whose case numbers repeat within the file, is not told it was imported before', async () => {
    const { db } = await ws.empty();
    const rows = JSON.parse(
      fs.readFileSync(path.join(SAMPLES, 'cases-sample.json'), 'utf8'),
    ) as object[];
    const file = ws.path('cases-twice.json');
    fs.writeFileSync(file, JSON.stringify([...rows, ...rows]));
    const first = await importInto(db, file);
    expect(first.status).toBe('done');
    expect(first.counts.new).toBe(rows.length);
    expect(first.alreadyImported).toBeNull();
    expect(count(db, 'SELECT count(*) FROM cases')).toBe(rows.length);
  });
});

function unzip(bytes: Buffer): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no zip'));
      const entries = new Map<string, string>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(entries));
      zip.readEntry();
    });
  });
}

/** The cell styles (<cellXfs>) of a styles.xml, in index order. */
function cellXfs(stylesXml: string): string[] {
  const block = /<cellXfs\b[\s\S]*?<\/cellXfs>/.exec(stylesXml)?.[0] ?? '';
  return [...block.matchAll(/<xf\b[^>]*>/g)].map((m) => m[0]);
}

/** The <c> element of a cell whose text (inline or shared) is `text`. */
function cellWithText(files: Map<string, string>, sheetXml: string, text: string): string {
  const shared = [...(files.get('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)]
    .map((m) => m[1]!.replace(/<[^>]+>/g, ''))
    .map((t) =>
      t
        .replaceAll('&quot;', '"')
        .replaceAll('&amp;', '&')
        .replaceAll('&lt;', '<')
        .replaceAll('&gt;', '>'),
    );
  for (const m of sheetXml.matchAll(/<c\b[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)) {
    const cell = m[0];
    const inline = /<is><t[^>]*>([\s\S]*?)<\/t><\/is>/.exec(cell)?.[1];
    const index = /t="s"/.test(cell) ? /<v>(\d+)<\/v>/.exec(cell)?.[1] : undefined;
    const value =
      inline !== undefined
        ? inline
            .replaceAll('&quot;', '"')
            .replaceAll('&amp;', '&')
            .replaceAll('&lt;', '<')
            .replaceAll('&gt;', '>')
            .replaceAll('_x0009_', '\t')
        : index !== undefined
          ? shared[Number(index)]
          : undefined;
    if (value === text) return cell;
  }
  throw new Error(`no cell with text ${JSON.stringify(text)}`);
}

const FORMULA_LIKE = [
  '=HYPERLINK("http://evil.example","点此")',
  '+86 138',
  '-1+2',
  '@SUM(A1)',
  '\t=1+1',
];

function expectQuotedText(files: Map<string, string>, sheetXml: string, text: string) {
  const cell = cellWithText(files, sheetXml, text);
  expect(cell, text).not.toContain('<f>');
  expect(cell, text).toMatch(/\st="(?:s|inlineStr)"/);
  const style = Number(/\ss="(\d+)"/.exec(cell)?.[1] ?? 0);
  expect(cellXfs(files.get('xl/styles.xml')!)[style], text).toContain('quotePrefix="1"');
}

describe('text that looks like a formula, written to xlsx', () => {
  it('the exchange writer (exports, error files): a string cell with the quote prefix, never a formula', async () => {
    const file = ws.path('formula-text.xlsx');
    const writer = new XlsxRowWriter(file, '案卷', ['案卷编号', '问题描述', '备注']);
    for (const text of FORMULA_LIKE) await writer.row(['E0101', text, '普通文字']);
    await writer.close();
    const files = await unzip(fs.readFileSync(file));
    const sheet = files.get('xl/worksheets/sheet1.xml')!;
    for (const text of FORMULA_LIKE) expectQuotedText(files, sheet, text);
    // Ordinary text keeps the plain style: no quote prefix where none is needed.
    expect(cellWithText(files, sheet, '普通文字')).not.toMatch(/\ss="/);
    expect(cellXfs(files.get('xl/styles.xml')!)[0]).not.toContain('quotePrefix');
  });

  it('the minutes workbook (exceljs): a dispatch item titled =HYPERLINK(…) is quoted text', async () => {
    const dir = fs.mkdtempSync(path.join(ws.dir, 'minutes-'));
    const db = openOrCreateDatabase(path.join(dir, 'weekly.sqlite'), {
      appVersion: 'test',
      now: NOW,
      demoWhenNew: false,
    }).db;
    insertPlaces(db);
    const call = <M extends MethodName>(method: M, input: ApiInput<M>) => {
      const context: ApiContext = {
        db,
        now: () => NOW,
        appVersion: 'test',
        live: new LiveBus(),
        actor: SYSTEM_ACTOR,
        transport: 'cli',
      };
      return invoke(context, method, input) as Promise<ApiResult<M>>;
    };
    const units = await call('weekly.units', {});
    const lead = units.find((u) => u.kind === 'department')!;
    await call('weekly.items.create', {
      week: '2026-W47',
      title: FORMULA_LIKE[0]!,
      leadUnitCode: lead.code,
      owner: '@张科长',
      dueDay: '2026-11-30',
    });
    const xlsx = await call('weekly.minutes.export', { week: '2026-W47', format: 'xlsx' });
    const files = await unzip(Buffer.from(xlsx.base64, 'base64'));
    const sheets = [...files.entries()].filter(([name]) => name.startsWith('xl/worksheets/sheet'));
    const holding = sheets.find(([, xml]) => {
      try {
        cellWithText(files, xml, FORMULA_LIKE[0]!);
        return true;
      } catch {
        return false;
      }
    });
    expect(holding, 'a sheet with the item').toBeDefined();
    expectQuotedText(files, holding![1], FORMULA_LIKE[0]!);
    expectQuotedText(files, holding![1], '@张科长');
    db.close();
  });
});
