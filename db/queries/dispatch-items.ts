/**
 * Weekly dispatch meetings (周调度会) and their dispatch items (调度事项), with the items'
 * assisting units and linked cases. One transaction per write.
 */
import { CASE_REF_VIEW, type CaseRef } from '../../core/cases/case-views';
import { caseColumnsSql } from './case-select';
import type { Db } from '../open';

export interface MeetingRow {
  id: number;
  week: string;
  heldAt: number | null;
  chair: string | null;
  attendees: string | null;
  notes: string | null;
}

export interface DispatchItemRow {
  id: number;
  week: string;
  title: string;
  leadUnitCode: string;
  leadUnitName: string;
  owner: string;
  dueDay: string;
  status: 'open' | 'done';
  doneAt: number | null;
  progressNote: string | null;
  createdAt: number;
  createdBy: string;
  assistUnits: Array<{ code: string; name: string }>;
  cases: CaseRef[];
}

const MEETING_COLUMNS = 'id, iso_week AS week, held_at AS heldAt, chair, attendees, notes';

export function meetingOfWeek(db: Db, week: string): MeetingRow | null {
  return (
    db
      .prepare<[string], MeetingRow>(
        `SELECT ${MEETING_COLUMNS} FROM dispatch_meetings WHERE iso_week = ?`,
      )
      .get(week) ?? null
  );
}

/** The week's meeting, created when it is first written to. */
function ensureMeeting(db: Db, week: string, now: number): MeetingRow {
  db.prepare(
    'INSERT INTO dispatch_meetings (iso_week, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING',
  ).run(week, now);
  return meetingOfWeek(db, week)!;
}

export function saveMeeting(
  db: Db,
  week: string,
  fields: Partial<Pick<MeetingRow, 'heldAt' | 'chair' | 'attendees' | 'notes'>>,
  now: number,
): MeetingRow {
  return db.transaction(() => {
    const meeting = ensureMeeting(db, week, now);
    const next = { ...meeting, ...fields };
    db.prepare(
      'UPDATE dispatch_meetings SET held_at = ?, chair = ?, attendees = ?, notes = ? WHERE id = ?',
    ).run(next.heldAt, next.chair, next.attendees, next.notes, meeting.id);
    return meetingOfWeek(db, week)!;
  })();
}

const ITEM_SELECT = `SELECT i.id, m.iso_week AS week, i.title, i.lead_unit_code AS leadUnitCode,
    u.name AS leadUnitName, i.owner, i.due_day AS dueDay, i.status, i.done_at AS doneAt,
    i.progress_note AS progressNote, i.created_at AS createdAt, i.created_by AS createdBy
  FROM dispatch_items i
  JOIN dispatch_meetings m ON m.id = i.meeting_id
  JOIN units u ON u.code = i.lead_unit_code`;

type ItemBase = Omit<DispatchItemRow, 'assistUnits' | 'cases'>;

function withDetails(db: Db, rows: ItemBase[]): DispatchItemRow[] {
  const assists = db.prepare<[number], { code: string; name: string }>(
    `SELECT u.code, u.name FROM dispatch_item_units iu JOIN units u ON u.code = iu.unit_code
      WHERE iu.item_id = ? ORDER BY u.sort_order, u.code`,
  );
  const cases = db.prepare<[number], CaseRef>(
    `SELECT ${caseColumnsSql(CASE_REF_VIEW.fields)} FROM dispatch_item_cases ic JOIN cases c ON c.id = ic.case_id
      WHERE ic.item_id = ? ORDER BY c.case_no`,
  );
  return rows.map((row) => ({
    ...row,
    assistUnits: assists.all(row.id),
    cases: cases.all(row.id),
  }));
}

export function dispatchItem(db: Db, id: number): DispatchItemRow | null {
  const row = db.prepare<[number], ItemBase>(`${ITEM_SELECT} WHERE i.id = ?`).get(id);
  return row ? withDetails(db, [row])[0]! : null;
}

/** Items decided at the week's meeting, in the order they were added. */
export function itemsOfWeek(db: Db, week: string): DispatchItemRow[] {
  return withDetails(
    db,
    db.prepare<[string], ItemBase>(`${ITEM_SELECT} WHERE m.iso_week = ? ORDER BY i.id`).all(week),
  );
}

/** Earlier meetings' items that are open, or were done at or after `doneSince`. */
export function carriedItems(db: Db, beforeWeek: string, doneSince: number): DispatchItemRow[] {
  return withDetails(
    db,
    db
      .prepare<[string, number], ItemBase>(
        `${ITEM_SELECT} WHERE m.iso_week < ? AND (i.status = 'open' OR i.done_at >= ?)
          ORDER BY i.status = 'done', i.due_day, i.id`,
      )
      .all(beforeWeek, doneSince),
  );
}

interface ItemFields {
  title: string;
  leadUnitCode: string;
  assistUnitCodes: readonly string[];
  owner: string;
  dueDay: string;
  caseIds: readonly number[];
}

export function createItem(
  db: Db,
  week: string,
  fields: ItemFields,
  actor: string,
  now: number,
): DispatchItemRow {
  return db.transaction(() => {
    const meeting = ensureMeeting(db, week, now);
    const id = Number(
      db
        .prepare(
          `INSERT INTO dispatch_items (meeting_id, title, lead_unit_code, owner, due_day, created_at, created_by)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(meeting.id, fields.title, fields.leadUnitCode, fields.owner, fields.dueDay, now, actor)
        .lastInsertRowid,
    );
    replaceLinks(db, id, fields.assistUnitCodes, fields.caseIds);
    return dispatchItem(db, id)!;
  })();
}

export function updateItem(
  db: Db,
  id: number,
  fields: Partial<ItemFields> & { status?: 'open' | 'done'; progressNote?: string | null },
  now: number,
): DispatchItemRow {
  return db.transaction(() => {
    const current = dispatchItem(db, id)!;
    const status = fields.status ?? current.status;
    const doneAt = status === 'done' ? (current.status === 'done' ? current.doneAt : now) : null;
    db.prepare(
      `UPDATE dispatch_items SET title = ?, lead_unit_code = ?, owner = ?, due_day = ?, status = ?,
         done_at = ?, progress_note = ? WHERE id = ?`,
    ).run(
      fields.title ?? current.title,
      fields.leadUnitCode ?? current.leadUnitCode,
      fields.owner ?? current.owner,
      fields.dueDay ?? current.dueDay,
      status,
      doneAt,
      fields.progressNote === undefined ? current.progressNote : fields.progressNote,
      id,
    );
    replaceLinks(
      db,
      id,
      fields.assistUnitCodes ?? current.assistUnits.map((u) => u.code),
      fields.caseIds ?? current.cases.map((c) => c.id),
    );
    return dispatchItem(db, id)!;
  })();
}

function replaceLinks(
  db: Db,
  id: number,
  unitCodes: readonly string[],
  caseIds: readonly number[],
): void {
  db.prepare('DELETE FROM dispatch_item_units WHERE item_id = ?').run(id);
  db.prepare('DELETE FROM dispatch_item_cases WHERE item_id = ?').run(id);
  const addUnit = db.prepare(
    'INSERT OR IGNORE INTO dispatch_item_units (item_id, unit_code) VALUES (?, ?)',
  );
  const addCase = db.prepare(
    'INSERT OR IGNORE INTO dispatch_item_cases (item_id, case_id) VALUES (?, ?)',
  );
  for (const code of unitCodes) addUnit.run(id, code);
  for (const caseId of caseIds) addCase.run(id, caseId);
}

export function listUnits(db: Db): Array<{ code: string; name: string; kind: string }> {
  return db
    .prepare<[], { code: string; name: string; kind: string }>(
      'SELECT code, name, kind FROM units WHERE active = 1 ORDER BY sort_order, code',
    )
    .all();
}

/** Case ids by case number; the numbers not found are returned too, so the caller can say which. */
export function caseIdsByNumber(
  db: Db,
  caseNos: readonly string[],
): { ids: number[]; unknown: string[] } {
  const lookup = db.prepare<[string], number>('SELECT id FROM cases WHERE case_no = ?').pluck();
  const ids: number[] = [];
  const unknown: string[] = [];
  for (const no of caseNos) {
    const id = lookup.get(no);
    if (id === undefined) unknown.push(no);
    else ids.push(id);
  }
  return { ids, unknown };
}
