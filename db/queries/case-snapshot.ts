/**
 * One case as the workflow and the case screen read it: the row (cases), plus what only its
 * history knows (who recorded the handling, an extension request awaiting approval), its
 * units, its events in order.
 */
import type { CaseNames } from '../../core/cases/case-record';
import type { CaseSnapshot, PendingExtension } from '../../core/cases/case-snapshot';
import { CASE_DETAIL_VIEW } from '../../core/cases/case-views';
import type { CaseEventKind, CaseState } from '../../core/glossary';
import type { Db } from '../open';
import { caseViewSql, readCaseRecord } from './case-select';

export function findCaseIdByNumber(db: Db, caseNo: string): number | null {
  const id = db
    .prepare<[string], number>('SELECT id FROM cases WHERE case_no = ?')
    .pluck()
    .get(caseNo);
  return id ?? null;
}

/** The stored case plus the two facts of its history the workflow checks. */
export function readCaseSnapshot(db: Db, caseId: number): CaseSnapshot | null {
  const record = readCaseRecord(db, caseId);
  if (!record) return null;
  const handlerUserId =
    db
      .prepare<[number], number | null>(
        `SELECT actor_id FROM case_events WHERE case_id = ? AND kind = 'handle'
          ORDER BY at DESC, id DESC LIMIT 1`,
      )
      .pluck()
      .get(caseId) ?? null;
  return { ...record, handlerUserId, pendingExtension: readPendingExtension(db, caseId) };
}

/** The latest extension request, unless an approval or a refusal came after it. */
function readPendingExtension(db: Db, caseId: number): PendingExtension | null {
  const latest = db
    .prepare<
      [number],
      { kind: string; data: string | null; note: string | null; actorName: string; at: number }
    >(
      `SELECT kind, data, note, actor_name AS actorName, at FROM case_events
        WHERE case_id = ? AND (kind = 'extend' OR (kind = 'note'
          AND json_extract(data, '$.type') IN ('extension_request', 'extension_declined')))
        ORDER BY id DESC LIMIT 1`,
    )
    .get(caseId);
  if (!latest || latest.kind !== 'note' || !latest.data) return null;
  const data = JSON.parse(latest.data) as { type?: string; newDueAt?: number };
  if (data.type !== 'extension_request' || typeof data.newDueAt !== 'number') return null;
  return {
    newDueAt: data.newDueAt,
    reason: latest.note ?? '',
    requestedBy: latest.actorName,
    requestedAt: latest.at,
  };
}

export interface CaseEventRow {
  id: number;
  kind: CaseEventKind;
  fromState: CaseState | null;
  toState: CaseState | null;
  actorId: number | null;
  actorName: string;
  at: number;
  note: string | null;
  data: Record<string, unknown> | null;
  batchId: number | null;
}

export function readCaseEvents(db: Db, caseId: number): CaseEventRow[] {
  return db
    .prepare<[number], Omit<CaseEventRow, 'data'> & { data: string | null }>(
      `SELECT id, kind, from_state AS fromState, to_state AS toState, actor_id AS actorId,
              actor_name AS actorName, at, note, data, batch_id AS batchId
         FROM case_events WHERE case_id = ? ORDER BY at, id`,
    )
    .all(caseId)
    .map((event) => ({
      ...event,
      data: event.data ? (JSON.parse(event.data) as Record<string, unknown>) : null,
    }));
}

export interface CaseUnitRow {
  unitCode: string;
  unitName: string;
  role: 'lead' | 'assist';
  addedAt: number;
}

export function readCaseUnits(db: Db, caseId: number): CaseUnitRow[] {
  return db
    .prepare<[number], CaseUnitRow>(
      `SELECT cu.unit_code AS unitCode, u.name AS unitName, cu.role, cu.added_at AS addedAt
         FROM case_units cu JOIN units u ON u.code = cu.unit_code
        WHERE cu.case_id = ? ORDER BY cu.role = 'assist', cu.added_at, u.sort_order`,
    )
    .all(caseId);
}

/** The names beside a case's codes (the detail screen's). */
export function readCaseNames(db: Db, caseId: number): CaseNames {
  const { columns, joins } = caseViewSql({ fields: [], names: CASE_DETAIL_VIEW.names });
  return db
    .prepare<[number], CaseNames>(`SELECT ${columns} FROM cases c ${joins} WHERE c.id = ?`)
    .get(caseId)!;
}
