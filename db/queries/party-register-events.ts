/** The registers' append-only history (migration 10): written with every entry and move. */
import type { Register } from '../../core/party/registers';
import type { Db } from '../open';

export type RegisterEventKind =
  'create' | 'edit' | 'approve' | 'start' | 'finish' | 'cancel' | 'link' | 'import';

export interface RegisterEventRow {
  id: number;
  kind: RegisterEventKind;
  at: number;
  actor: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
}

export function insertRegisterEvent(
  db: Db,
  event: {
    register: Register;
    itemId: number;
    kind: RegisterEventKind;
    at: number;
    actor: string;
    fromStatus?: string | null;
    toStatus?: string | null;
    note?: string | null;
    sessionId?: number | null;
    batchId?: number | null;
  },
): void {
  db.prepare(
    `INSERT INTO party_register_events (register, item_id, kind, at, actor, from_status, to_status, note, session_id, batch_id)
     VALUES (@register, @itemId, @kind, @at, @actor, @fromStatus, @toStatus, @note, @sessionId, @batchId)`,
  ).run({
    fromStatus: null,
    toStatus: null,
    note: null,
    sessionId: null,
    batchId: null,
    ...event,
  });
}

export function readRegisterEvents(db: Db, register: Register, itemId: number): RegisterEventRow[] {
  return db
    .prepare<[string, number], RegisterEventRow>(
      `SELECT id, kind, at, actor, from_status AS fromStatus, to_status AS toStatus, note
         FROM party_register_events WHERE register = ? AND item_id = ? ORDER BY at, id`,
    )
    .all(register, itemId);
}

/** The next code of a register's series: DW0001, XQ0001, ZY0001, XM0001, HD00001, DY00001. */
export function nextRegisterCode(db: Db, table: string, prefix: string, digits: number): string {
  const last = db
    .prepare(
      `SELECT max(CAST(substr(code, ${prefix.length + 1}) AS INTEGER)) FROM ${table}
        WHERE code GLOB '${prefix}[0-9]*'`,
    )
    .pluck()
    .get() as number | null;
  return `${prefix}${String((last ?? 0) + 1).padStart(digits, '0')}`;
}
