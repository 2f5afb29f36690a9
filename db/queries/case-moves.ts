/**
 * Writing a planned move (core/cases/workflow): the row's new columns, the lead and
 * assisting units, and the one append-only event, together or not at all. The caller runs
 * it inside one IMMEDIATE transaction with the read that planned it.
 */
import { CASE_RECORD_COLUMNS } from '../../core/cases/case-record';
import {
  MOVABLE_FIELDS,
  type CasePatch,
  type CaseUnitsChange,
} from '../../core/cases/case-snapshot';
import { nextCaseUnits, type CaseUnit } from '../../core/cases/case-units';
import type { PlannedEvent } from '../../core/cases/workflow';
import type { Db } from '../open';

/** The only fields a move may write (core/cases/case-snapshot.ts), and their columns. */
const MOVABLE: ReadonlySet<string> = new Set(MOVABLE_FIELDS);

interface EventActor {
  userId: number | null;
  name: string;
  /** The stored session the event came through (db/queries/event-seats.ts), if any. */
  sessionId?: number | null;
}

type Statement = ReturnType<Db['prepare']>;
const updateCache = new WeakMap<Db, Map<string, Statement>>();

function updateStatement(db: Db, keys: readonly (keyof CasePatch)[]): Statement {
  let byKeys = updateCache.get(db);
  if (!byKeys) updateCache.set(db, (byKeys = new Map()));
  const signature = keys.join(',');
  let statement = byKeys.get(signature);
  if (!statement) {
    const sets = keys.map((key) => `${CASE_RECORD_COLUMNS[key]} = @${key}`);
    statement = db.prepare(
      `UPDATE cases SET ${[...sets, 'updated_at = @updatedAt'].join(', ')} WHERE id = @id`,
    );
    byKeys.set(signature, statement);
  }
  return statement;
}

export function applyCasePatch(db: Db, caseId: number, patch: CasePatch, at: number): void {
  const keys = (Object.keys(patch) as (keyof CasePatch)[]).filter((key) => MOVABLE.has(key));
  const values: Record<string, unknown> = { id: caseId, updatedAt: at };
  for (const key of keys) {
    const value = patch[key];
    values[key] = typeof value === 'boolean' ? (value ? 1 : 0) : value;
  }
  updateStatement(db, keys).run(values);
}

export function insertCaseEvent(
  db: Db,
  caseId: number,
  event: PlannedEvent,
  actor: EventActor,
): number {
  const result = db
    .prepare(
      `INSERT INTO case_events (case_id, kind, from_state, to_state, actor_id, actor_name, at, note, data, session_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      caseId,
      event.kind,
      event.fromState,
      event.toState,
      actor.userId,
      actor.name,
      event.at,
      event.note,
      event.data && Object.keys(event.data).length > 0 ? JSON.stringify(event.data) : null,
      actor.sessionId ?? null,
    );
  return Number(result.lastInsertRowid);
}

/** 主办/协办 after dispatch, return or escalation: core/cases/case-units.ts decides, this writes the difference. */
export function applyUnitsChange(
  db: Db,
  caseId: number,
  change: CaseUnitsChange,
  at: number,
): void {
  const current = db
    .prepare<[number], CaseUnit>(
      'SELECT unit_code AS unitCode, role, added_at AS addedAt FROM case_units WHERE case_id = ?',
    )
    .all(caseId);
  const next = new Map(nextCaseUnits(current, change, at).map((u) => [u.unitCode, u]));
  const remove = db.prepare('DELETE FROM case_units WHERE case_id = ? AND unit_code = ?');
  const write = db.prepare(
    `INSERT INTO case_units (case_id, unit_code, role, added_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (case_id, unit_code) DO UPDATE SET role = excluded.role`,
  );
  for (const unit of current) if (!next.has(unit.unitCode)) remove.run(caseId, unit.unitCode);
  const before = new Map(current.map((u) => [u.unitCode, u.role]));
  for (const unit of next.values())
    if (before.get(unit.unitCode) !== unit.role)
      write.run(caseId, unit.unitCode, unit.role, unit.addedAt);
}
