/**
 * Migration 5: the records are tamper-evident (issue 10, "Nothing lost, ever").
 *
 * - REPLACE is refused. `REPLACE INTO t …` (and `INSERT OR REPLACE`) deletes the row it
 *   collides with and inserts the new one, and the deletion fires no DELETE trigger, so the
 *   append-only triggers of migration 1 never saw it. A BEFORE INSERT trigger on each
 *   append-only table now refuses an insert whose id (for bulletins: whose period, level and
 *   version) already exists. `INSERT … ON CONFLICT DO UPDATE` runs into the same trigger, and
 *   into the UPDATE triggers after it.
 * - The case history is a hash chain. case_event_chain holds one link per event, written by
 *   an AFTER INSERT trigger on case_events, so every writer (moves, imports, the demo, the
 *   benches) chains its events without knowing about it: hash = sha256(the previous link of
 *   the same case, '' for its first event || the event's canonical text), computed by
 *   griddesk_event_hash, which db/open.ts registerAppFunctions defines on every connection
 *   from core/integrity/canonical.ts. The sqlite3 shell has no such function: an event
 *   inserted from the shell fails with "no such function: griddesk_event_hash", on purpose.
 *   Existing events are chained here in event id order per case.
 * - The audit log (audit_log) is append-only: no UPDATE, no DELETE, no REPLACE.
 * - The import and export records (exchange_batches) are append-only but for one transition:
 *   a 'running' import row becomes its final status once, with its final figures
 *   (db/exchange/batches.ts finishBatch). A finished row is never changed or deleted.
 * - Each published bulletin carries bulletins.checksum, the SHA-256 of its canonical text
 *   (its figures and everything printed with them, core/integrity/canonical.ts). An insert
 *   without the right checksum is refused; existing bulletins get theirs here (the frozen
 *   UPDATE trigger is dropped for that one UPDATE and recreated as it was). Showing a
 *   bulletin recomputes it (api/ranking/bulletins.ts); `griddesk verify` checks them all.
 *
 * What a trigger costs per event insert is in the report of issue 10 and tests/faults/tamper.
 */
import { BULLETIN_CHECKSUM_COLUMNS, EVENT_CHAIN_COLUMNS_V5 } from '../../core/integrity/canonical';

// Frozen at migration 5's columns: migration 8 re-creates the trigger with the session too.
const eventValues = (row: string) => EVENT_CHAIN_COLUMNS_V5.map((c) => `${row}.${c}`).join(', ');
const bulletinValues = (row: string) =>
  BULLETIN_CHECKSUM_COLUMNS.map((c) => (row ? `${row}.${c}` : c)).join(', ');

/** The link of the event NEW: the same expression for new events and for the backfill. */
const link = (row: string) => `griddesk_event_hash(
    coalesce((SELECT c.hash FROM case_event_chain c WHERE c.case_id = ${row}.case_id AND c.event_id < ${row}.id
               ORDER BY c.event_id DESC LIMIT 1), ''),
    ${eventValues(row)})`;

/** A sentence as an SQL string literal. */
const text = (sentence: string) => `'${sentence.replaceAll("'", "''")}'`;

const HISTORY = `案卷流转记录只能追加，不能改写、删除或替换。(The case history is append-only: an event is never rewritten, deleted or replaced.)`;
const CHAIN = `案卷流转记录的校验链只能追加。(The hash chain of the case history is append-only.)`;
const AUDIT = `操作日志只能追加，不能改写、删除或替换。(The audit log is append-only.)`;
const BATCH = `导入导出记录只能追加：只有进行中的导入可以写入一次结果。(Import and export records are append-only: only a running import is finished, once.)`;
const FROZEN = `已发布的通报不能改写或替换，请发布新版本。(A published bulletin is frozen: publish a new version instead.)`;
const CHECKSUM = `通报必须带有与其数据一致的校验值。(A bulletin must carry the checksum of its figures.)`;

export const sql = /* sql */ `
CREATE TABLE case_event_chain (
  event_id INTEGER PRIMARY KEY REFERENCES case_events(id),
  case_id  INTEGER NOT NULL,
  hash     TEXT NOT NULL
);
CREATE INDEX case_event_chain_case ON case_event_chain(case_id, event_id);

-- Existing events, in event id order: a TEMP trigger makes each link see the one before it.
CREATE TEMP TABLE chain_backfill (event_id INTEGER PRIMARY KEY);
CREATE TEMP TRIGGER chain_backfill_link AFTER INSERT ON chain_backfill BEGIN
  INSERT INTO case_event_chain (event_id, case_id, hash)
    SELECT e.id, e.case_id, ${link('e')} FROM case_events e WHERE e.id = NEW.event_id;
END;
INSERT INTO chain_backfill (event_id) SELECT id FROM case_events ORDER BY id;
DROP TABLE temp.chain_backfill;

CREATE TRIGGER case_events_chain AFTER INSERT ON case_events BEGIN
  INSERT INTO case_event_chain (event_id, case_id, hash) VALUES (NEW.id, NEW.case_id, ${link('NEW')});
END;
CREATE TRIGGER case_events_no_replace BEFORE INSERT ON case_events
  WHEN EXISTS (SELECT 1 FROM case_events WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, ${text(HISTORY)}); END;

CREATE TRIGGER case_event_chain_no_replace BEFORE INSERT ON case_event_chain
  WHEN EXISTS (SELECT 1 FROM case_event_chain WHERE event_id = NEW.event_id)
BEGIN SELECT RAISE(ABORT, ${text(CHAIN)}); END;
CREATE TRIGGER case_event_chain_no_update BEFORE UPDATE ON case_event_chain
BEGIN SELECT RAISE(ABORT, ${text(CHAIN)}); END;
CREATE TRIGGER case_event_chain_no_delete BEFORE DELETE ON case_event_chain
BEGIN SELECT RAISE(ABORT, ${text(CHAIN)}); END;

CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
  WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, ${text(AUDIT)}); END;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, ${text(AUDIT)}); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, ${text(AUDIT)}); END;

CREATE TRIGGER exchange_batches_no_replace BEFORE INSERT ON exchange_batches
  WHEN EXISTS (SELECT 1 FROM exchange_batches WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, ${text(BATCH)}); END;
CREATE TRIGGER exchange_batches_finish_once BEFORE UPDATE ON exchange_batches
  WHEN OLD.status IS NOT 'running' OR NEW.status IS 'running' OR NEW.finished_at IS NULL
    OR NEW.id IS NOT OLD.id OR NEW.direction IS NOT OLD.direction OR NEW.kind IS NOT OLD.kind
    OR NEW.file_name IS NOT OLD.file_name OR NEW.actor IS NOT OLD.actor
    OR NEW.started_at IS NOT OLD.started_at OR NEW.since_at IS NOT OLD.since_at
BEGIN SELECT RAISE(ABORT, ${text(BATCH)}); END;
CREATE TRIGGER exchange_batches_no_delete BEFORE DELETE ON exchange_batches
BEGIN SELECT RAISE(ABORT, ${text(BATCH)}); END;

ALTER TABLE bulletins ADD COLUMN checksum TEXT;
DROP TRIGGER bulletins_frozen_update;
UPDATE bulletins SET checksum = griddesk_bulletin_sha256(${bulletinValues('')});
CREATE TRIGGER bulletins_frozen_update BEFORE UPDATE ON bulletins
BEGIN SELECT RAISE(ABORT, 'a published bulletin is frozen: publish a new version instead'); END;
CREATE TRIGGER bulletins_no_replace BEFORE INSERT ON bulletins
  WHEN EXISTS (SELECT 1 FROM bulletins WHERE id = NEW.id
                 OR (period = NEW.period AND level = NEW.level AND version = NEW.version))
BEGIN SELECT RAISE(ABORT, ${text(FROZEN)}); END;
CREATE TRIGGER bulletins_checksum BEFORE INSERT ON bulletins
  WHEN NEW.checksum IS NOT griddesk_bulletin_sha256(${bulletinValues('NEW')})
BEGIN SELECT RAISE(ABORT, ${text(CHECKSUM)}); END;
`;

/** The triggers that guard the records (migration 1's and this one's), for `griddesk verify`. */
export const GUARD_TRIGGERS = [
  'case_events_no_update',
  'case_events_no_delete',
  'case_events_no_replace',
  'case_events_chain',
  'case_event_chain_no_replace',
  'case_event_chain_no_update',
  'case_event_chain_no_delete',
  'audit_log_no_replace',
  'audit_log_no_update',
  'audit_log_no_delete',
  'exchange_batches_no_replace',
  'exchange_batches_finish_once',
  'exchange_batches_no_delete',
  'bulletins_frozen_update',
  'bulletins_frozen_delete',
  'bulletins_no_replace',
  'bulletins_checksum',
] as const;
