/**
 * The minor findings of issue 10 ("Nothing lost, ever") on the import and export paths, each
 * as a test that failed on the code before its fix: a first import told it was imported
 * before as itself; report times before 2000 accepted; a point far outside its stated grid
 * accepted without a word; ID and mobile numbers in unknown columns kept in clear; text cells
 * starting like a formula written without Excel's quote prefix.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { count, importInto, openWorkspace, SAMPLES } from '../integration/exchange-fixture';

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
