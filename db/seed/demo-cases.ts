/**
 * Writes the demo cases, their lead/assisting units and their histories. Called inside
 * seedDemoStreet's transaction; statements are prepared once for the ~2,300 cases and
 * ~20,000 events.
 */
import type { DemoCase } from '../../core/demo/generate';
import type { Db } from '../open';

const PROGRESS_EVERY = 250;

export function writeDemoCases(
  db: Db,
  cases: readonly DemoCase[],
  userIds: ReadonlyMap<string, number>,
  onProgress: (done: number) => void,
): void {
  const insertCase = db.prepare(
    `INSERT INTO cases (case_no, source, category_code, description, address, lng, lat, original_crs,
       original_lng, original_lat, grid_code, community_code, urgency, state, state_before_suspend,
       reported_at, registered_at, dispatched_at, arrived_at, handled_at, closed_at, voided_at,
       accept_due_at, onsite_due_at, base_due_at, extended_due_at, due_at, due_window_ms,
       city_due_at, city_deadline_hours, suspended_at, suspended_ms, lead_unit_code, reporter, phone,
       satisfaction, callback_at, rework_count, extension_count, escalated, supervised,
       handler_name, verifier_name, result_note, void_reason, created_at, updated_at)
     VALUES (@caseNo, @source, @categoryCode, @description, @address, @lng, @lat, 'WGS84',
       @lng, @lat, @gridCode, @communityCode, @urgency, @state, @stateBeforeSuspend,
       @reportedAt, @registeredAt, @dispatchedAt, @arrivedAt, @handledAt, @closedAt, @voidedAt,
       @acceptDueAt, @onsiteDueAt, @baseDueAt, @extendedDueAt, @dueAt, @dueWindowMs,
       @cityDueAt, @cityDeadlineHours, @suspendedAt, @suspendedMs, @leadUnitCode, @reporter, @phone,
       @satisfaction, @callbackAt, @reworkCount, @extensionCount, @escalated, @supervised,
       @handlerName, @verifierName, @resultNote, @voidReason, @reportedAt, @updatedAt)`,
  );
  const insertUnit = db.prepare(
    'INSERT INTO case_units (case_id, unit_code, role, added_at) VALUES (?, ?, ?, ?)',
  );
  const insertEvent = db.prepare(
    `INSERT INTO case_events (case_id, kind, from_state, to_state, actor_id, actor_name, at, note, data)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  cases.forEach((demoCase, index) => {
    const { units, events, ...row } = demoCase;
    const caseId = insertCase.run({
      ...row,
      escalated: row.escalated ? 1 : 0,
      supervised: row.supervised ? 1 : 0,
    }).lastInsertRowid;
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
