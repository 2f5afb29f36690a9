/**
 * The one case model (core/cases/case-record.ts) against the table it describes: every
 * column of a freshly migrated `cases` has exactly one field, and a case written through the
 * model reads back field for field, booleans as booleans.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CASE_FIELDS, CASE_RECORD_COLUMNS, type CaseRecord } from '../../core/cases/case-record';
import { CASE_DETAIL_VIEW, CASE_LIST_VIEW } from '../../core/cases/case-views';
import { openOrCreateDatabase } from '../../db/bootstrap';
import { insertCase, readCaseRecord, selectCaseView } from '../../db/queries/case-select';

const NOW = Date.UTC(2026, 10, 21, 6, 0);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-case-model-'));
const { db } = openOrCreateDatabase(path.join(dir, 'desk.sqlite'), {
  appVersion: 'test',
  now: NOW,
  demoWhenNew: true,
  demoSeed: 3,
});
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the case model', () => {
  it('names every stored column of cases once, in the table order', () => {
    const stored = db
      .prepare<[], string>("SELECT name FROM pragma_table_xinfo('cases') WHERE hidden = 0")
      .pluck()
      .all();
    // accountable_at is generated (hidden = 2/3): core/ranking derives it, nobody writes it.
    expect(CASE_FIELDS.map((f) => CASE_RECORD_COLUMNS[f])).toEqual(stored);
  });

  it('writes a case through the model and reads it back unchanged', () => {
    const first = readCaseRecord(db, 1)!;
    const { id: _id, ...rest } = first;
    const copy: Omit<CaseRecord, 'id'> = {
      ...rest,
      caseNo: 'E01012026112100999',
      escalated: true,
      supervised: false,
      extra: JSON.stringify({ 备注: '测试' }),
    };
    const id = insertCase(db, copy);
    expect(readCaseRecord(db, id)).toEqual({ ...copy, id });
  });

  it('reads a view with exactly its fields and names', () => {
    const [row] = selectCaseView(db, CASE_LIST_VIEW, 'WHERE c.id = ?', [1]);
    expect(Object.keys(row!).sort()).toEqual(
      [...CASE_LIST_VIEW.fields, ...CASE_LIST_VIEW.names].sort(),
    );
    expect(typeof row!.escalated).toBe('boolean');
    expect(row!.categoryName.length).toBeGreaterThan(0);
    const [detail] = selectCaseView(db, CASE_DETAIL_VIEW, 'WHERE c.id = ?', [1]);
    expect(detail).not.toHaveProperty('exchangeHash');
    expect(detail).not.toHaveProperty('importBatchId');
  });
});
