/**
 * Migration 8: the centre's seats (坐席, issue 13).
 * - sessions.address and sessions.client: where a signed-in session came from (the remote
 *   address, and 'app', 'browser' or 'seat_app' for a desktop app joined to this host), so
 *   every case event can say which seat made it.
 * - case_events.session_id: the session an event was made through (null for the command
 *   line, imports and the demo). The chain trigger is made anew to cover it: an event with
 *   a session hashes it too; one without hashes as before (core/integrity/canonical.ts), so
 *   no existing link changes.
 * - display_keys: named, revocable keys for wall displays (大屏). Only the key's SHA-256 is
 *   kept, with its first characters to tell keys apart in a list; a revoked key stays listed.
 */
import { EVENT_CHAIN_COLUMNS } from '../../core/integrity/canonical';

const values = EVENT_CHAIN_COLUMNS.map((c) => `NEW.${c}`).join(', ');

export const sql = /* sql */ `
ALTER TABLE sessions ADD COLUMN address TEXT;
ALTER TABLE sessions ADD COLUMN client TEXT CHECK (client IS NULL OR client IN ('app', 'browser', 'seat_app'));
ALTER TABLE case_events ADD COLUMN session_id INTEGER REFERENCES sessions(id);
DROP TRIGGER case_events_chain;
CREATE TRIGGER case_events_chain AFTER INSERT ON case_events BEGIN
  INSERT INTO case_event_chain (event_id, case_id, hash) VALUES (NEW.id, NEW.case_id, griddesk_event_hash(
    coalesce((SELECT c.hash FROM case_event_chain c WHERE c.case_id = NEW.case_id AND c.event_id < NEW.id
               ORDER BY c.event_id DESC LIMIT 1), ''),
    ${values}));
END;

CREATE TABLE display_keys (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 40),
  key_sha256  TEXT NOT NULL UNIQUE,
  key_prefix  TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  created_by  TEXT NOT NULL,
  last_used_at INTEGER,
  revoked_at  INTEGER,
  revoked_by  TEXT
);
CREATE TRIGGER display_keys_no_delete BEFORE DELETE ON display_keys
BEGIN SELECT RAISE(ABORT, '大屏密钥只能吊销，不能删除 (display keys are revoked, never deleted)'); END;
CREATE TRIGGER display_keys_no_unrevoke BEFORE UPDATE OF revoked_at ON display_keys
  WHEN OLD.revoked_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, '已吊销的大屏密钥不能恢复 (a revoked display key stays revoked)'); END;
`;
