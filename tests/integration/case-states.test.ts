/**
 * One definition of open, overdue and near due (core/cases/case-states.ts): the partial
 * indexes of migration 002 carry the same open-state list and order key word for word (else
 * SQLite would not use them), and the SQL conditions count the same cases as the functions,
 * on the demo street at several moments.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BOARD_DUE_SQL,
  caseStateSql,
  isNearDue,
  isOpen,
  isOverdue,
  OPEN_STATES_SQL,
} from '../../core/cases/case-states';
import { CASE_FIELDS } from '../../core/cases/case-record';
import { HOUR_MS } from '../../core/time';
import { openOrCreateDatabase } from '../../db/bootstrap';
import { readCasePage } from '../../db/queries/case-board';
import { readOverviewCounts } from '../../db/queries/overview';
import { caseColumnsSql, caseFromSql } from '../../db/queries/case-select';
import type { CaseRecord } from '../../core/cases/case-record';

const NOW = Date.UTC(2026, 10, 21, 6, 0);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-case-states-'));
const { db } = openOrCreateDatabase(path.join(dir, 'desk.sqlite'), {
  appVersion: 'test',
  now: NOW,
  demoWhenNew: true,
  demoSeed: 11,
});
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const cases = db
  .prepare<[], CaseRecord>(`SELECT ${caseColumnsSql(CASE_FIELDS)} FROM cases c`)
  .all()
  .map(caseFromSql);

describe('open, overdue and near due', () => {
  it('are the terms the partial board indexes are built on', () => {
    const indexes = db
      .prepare<[], { name: string; sql: string }>(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name LIKE 'cases_board_%'",
      )
      .all();
    expect(indexes.length).toBe(6);
    for (const index of indexes) {
      expect(index.sql, index.name).toContain(`WHERE state IN ${OPEN_STATES_SQL}`);
      expect(index.sql, index.name).toContain(BOARD_DUE_SQL);
    }
  });

  it('count the same cases in SQL as in TypeScript, at several moments', () => {
    expect(cases.length).toBeGreaterThan(2000);
    for (const now of [NOW - 48 * HOUR_MS, NOW - 3 * HOUR_MS, NOW, NOW + 6 * HOUR_MS]) {
      const sql = caseStateSql('', ':now');
      const count = (where: string) =>
        db
          .prepare<{ now: number }, number>(`SELECT count(*) FROM cases WHERE ${where}`)
          .pluck()
          .get({ now })!;
      const overdue = cases.filter((c) => isOverdue(c, now)).length;
      const nearDue = cases.filter((c) => isNearDue(c, now)).length;
      expect(count(sql.overdue), `overdue at ${now}`).toBe(overdue);
      expect(count(sql.nearDue), `near due at ${now}`).toBe(nearDue);
      expect(count(sql.open)).toBe(cases.filter((c) => isOpen(c.state)).length);
      // The overview and the board's filters read the same definition.
      const overview = readOverviewCounts(db, now, 5);
      expect(overview.overdue).toBe(overdue);
      expect(overview.nearDue).toBe(nearDue);
      const page = (filters: { overdueOnly?: boolean; nearDueOnly?: boolean }) =>
        readCasePage(db, {
          states: ['registered', 'dispatched', 'in_progress', 'handled', 'reported', 'suspended'],
          filters,
          sort: 'due',
          offset: 0,
          limit: 10,
          now,
        }).total;
      expect(page({ overdueOnly: true })).toBe(overdue);
      expect(page({ nearDueOnly: true })).toBe(nearDue);
    }
    // The demo street has both on its desk right now, so the comparison is not of zeros.
    expect(cases.filter((c) => isOverdue(c, NOW)).length).toBeGreaterThan(0);
    expect(cases.filter((c) => isNearDue(c, NOW)).length).toBeGreaterThan(0);
  });
});
