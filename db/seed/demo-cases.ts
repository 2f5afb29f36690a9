/**
 * Writes the demo cases, their lead/assisting units and their histories. Called inside
 * seedDemoStreet's transaction; statements are prepared once for the ~2,300 cases and
 * ~20,000 events. The case INSERT is built from the case model's column map
 * (core/cases/case-record.ts), so no column list is written out here; it is prepared once
 * rather than through insertCase, which prepares per call.
 */
import {
  BOOLEAN_FIELDS,
  CASE_FIELDS,
  CASE_RECORD_COLUMNS,
  type CaseField,
} from '../../core/cases/case-record';
import type { DemoCase } from '../../core/demo/generate';
import type { Db } from '../open';

const PROGRESS_EVERY = 250;

/** Every field but the id, which the database gives. */
const FIELDS = CASE_FIELDS.filter((field): field is Exclude<CaseField, 'id'> => field !== 'id');
const BOOLEANS: ReadonlySet<CaseField> = new Set(BOOLEAN_FIELDS);

export function writeDemoCases(
  db: Db,
  cases: readonly DemoCase[],
  userIds: ReadonlyMap<string, number>,
  onProgress: (done: number) => void,
): void {
  const insertCase = db.prepare<unknown[]>(
    `INSERT INTO cases (${FIELDS.map((f) => CASE_RECORD_COLUMNS[f]).join(', ')})
     VALUES (${FIELDS.map(() => '?').join(', ')})`,
  );
  const insertUnit = db.prepare(
    'INSERT INTO case_units (case_id, unit_code, role, added_at) VALUES (?, ?, ?, ?)',
  );
  const insertEvent = db.prepare(
    `INSERT INTO case_events (case_id, kind, from_state, to_state, actor_id, actor_name, at, note, data)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  cases.forEach(({ record, units, events }, index) => {
    // Positional values in FIELDS' order; SQLite keeps booleans as 0/1.
    const values = FIELDS.map((field) => {
      const value = record[field];
      return BOOLEANS.has(field) ? (value ? 1 : 0) : value;
    });
    const caseId = insertCase.run(values).lastInsertRowid;
    for (const unit of units) insertUnit.run(caseId, unit.unitCode, unit.role, unit.addedAt);
    for (const event of events) {
      const actorId = event.actorUsername ? (userIds.get(event.actorUsername) ?? null) : null;
      insertEvent.run(
        caseId,
        event.kind,
        event.fromState,
        event.toState,
        actorId,
        event.actorName,
        event.at,
        event.note,
        event.data ? JSON.stringify(event.data) : null,
      );
    }
    if ((index + 1) % PROGRESS_EVERY === 0 || index + 1 === cases.length) onProgress(index + 1);
  });
}
