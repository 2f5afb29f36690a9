/**
 * Migration 2: what the case board and the desk's sign-in need beyond the domain schema.
 * - cases_fts: full-text search over case number, address and description. The trigram
 *   tokenizer finds any substring of 3+ characters, which suits Chinese (no word breaks);
 *   shorter queries fall back to LIKE on a bounded set (db/queries/case-search.ts). It is an
 *   external-content table kept in step by triggers, so the demo seeding and imports that
 *   insert cases directly stay searchable without knowing about it.
 * - Board indexes: partial (open cases only, a few percent of a street's history). Two carry
 *   every filter and the searched text (covering: the open board never reads the table but
 *   for the 50 cards it shows); four more are keyed by the selective filters (community,
 *   grid, category, lead unit), then state, then the board's due-time order. The order key
 *   is the resolution deadline, or the accept deadline while a case waits to be registered.
 * - sessions: who is signed in on which window or tab (hashed tokens, idle lock).
 */
const OPEN = "('reported', 'registered', 'dispatched', 'in_progress', 'handled', 'suspended')";
const BOARD_DUE = 'coalesce(due_at, accept_due_at)';
/** What the board filters and searches on, carried in the open-case indexes. */
const COVERED =
  'source, urgency, escalated, supervised, due_at, due_window_ms, case_no, address, description';

export const sql = /* sql */ `
CREATE VIRTUAL TABLE cases_fts USING fts5(
  case_no, address, description,
  content = 'cases', content_rowid = 'id',
  tokenize = 'trigram case_sensitive 0'
);
INSERT INTO cases_fts (cases_fts) VALUES ('rebuild');

CREATE TRIGGER cases_fts_after_insert AFTER INSERT ON cases BEGIN
  INSERT INTO cases_fts (rowid, case_no, address, description)
  VALUES (new.id, new.case_no, new.address, new.description);
END;
CREATE TRIGGER cases_fts_after_delete AFTER DELETE ON cases BEGIN
  INSERT INTO cases_fts (cases_fts, rowid, case_no, address, description)
  VALUES ('delete', old.id, old.case_no, old.address, old.description);
END;
-- Moves update state and clocks all day long; only a change of the searched text reindexes.
CREATE TRIGGER cases_fts_after_update AFTER UPDATE OF case_no, address, description ON cases
WHEN old.case_no IS NOT new.case_no OR old.address IS NOT new.address
  OR old.description IS NOT new.description
BEGIN
  INSERT INTO cases_fts (cases_fts, rowid, case_no, address, description)
  VALUES ('delete', old.id, old.case_no, old.address, old.description);
  INSERT INTO cases_fts (rowid, case_no, address, description)
  VALUES (new.id, new.case_no, new.address, new.description);
END;

-- Every open case's board fields, in due order: any filter or search of the open board is
-- answered from these two indexes alone (a few MB for 15,000 open cases), without a table read.
CREATE INDEX cases_board_state ON cases (state, ${BOARD_DUE}, ${COVERED}) WHERE state IN ${OPEN};
CREATE INDEX cases_board_due ON cases (${BOARD_DUE}, state, ${COVERED}) WHERE state IN ${OPEN};
CREATE INDEX cases_board_community ON cases (community_code, state, ${BOARD_DUE}) WHERE state IN ${OPEN};
CREATE INDEX cases_board_grid ON cases (grid_code, state, ${BOARD_DUE}) WHERE state IN ${OPEN};
CREATE INDEX cases_board_category ON cases (category_code, state, ${BOARD_DUE}) WHERE state IN ${OPEN};
CREATE INDEX cases_board_unit ON cases (lead_unit_code, state, ${BOARD_DUE}) WHERE state IN ${OPEN};

CREATE TABLE sessions (
  id           INTEGER PRIMARY KEY,
  token_sha256 TEXT NOT NULL UNIQUE,
  user_id      INTEGER NOT NULL REFERENCES users(id),
  transport    TEXT NOT NULL CHECK (transport IN ('ipc', 'http', 'cli')),
  created_at   INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  locked_at    INTEGER,
  ended_at     INTEGER
);
CREATE INDEX sessions_user ON sessions (user_id);

INSERT INTO settings (key, value, updated_at, updated_by)
VALUES ('auth.idleLockMinutes', '15', 0, 'system') ON CONFLICT DO NOTHING;
`;
