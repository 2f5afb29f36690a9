/**
 * Migration 10: the history of the party-building registers (issue 14). Every entry, edit and
 * move of a unit, member, need, resource, project, volunteer or activity made at the desk is
 * an append-only event here, so a register's detail panel shows who did what and when, and a
 * project's approval by a leader is on record like a case's moves. (Small wishes keep their
 * own `wish_events`.) Also the indexes the registers' community filter reads by.
 */
export const sql = /* sql */ `
CREATE TABLE party_register_events (
  id          INTEGER PRIMARY KEY,
  register    TEXT NOT NULL CHECK (register IN ('units', 'members', 'records', 'needs', 'resources', 'projects', 'volunteers', 'activities')),
  item_id     INTEGER NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('create', 'edit', 'approve', 'start', 'finish', 'cancel', 'link', 'import')),
  at          INTEGER NOT NULL,
  actor       TEXT NOT NULL,
  from_status TEXT,
  to_status   TEXT,
  note        TEXT,
  session_id  INTEGER REFERENCES sessions(id),
  batch_id    INTEGER REFERENCES exchange_batches(id)
);
-- A community's service records and activities (its own code and its grids', which begin
-- with it), read by range for the registers' community filter.
CREATE INDEX service_records_place ON service_records(place_code, served_on);
CREATE INDEX volunteer_activities_place ON volunteer_activities(place_code, held_on);
CREATE INDEX party_register_events_item ON party_register_events(register, item_id, at);
CREATE TRIGGER party_register_events_no_update BEFORE UPDATE ON party_register_events
BEGIN SELECT RAISE(ABORT, 'party_register_events is append-only: a register''s history is never rewritten'); END;
CREATE TRIGGER party_register_events_no_delete BEFORE DELETE ON party_register_events
BEGIN SELECT RAISE(ABORT, 'party_register_events is append-only: a register''s history is never rewritten'); END;
CREATE TRIGGER party_register_events_no_replace BEFORE INSERT ON party_register_events
  WHEN EXISTS (SELECT 1 FROM party_register_events WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'party_register_events is append-only: a register''s history is never rewritten'); END;
`;

/** The triggers that keep the registers' history append-only, for `griddesk verify`. */
export const REGISTER_GUARD_TRIGGERS = [
  'party_register_events_no_update',
  'party_register_events_no_delete',
  'party_register_events_no_replace',
] as const;
