/**
 * Migration 7: appeals before a bulletin (申诉, docs/design/DOMAIN.md "Appeals") and the
 * per-stage clocks in the ranking (issue 12).
 * - cases_accountable_facts, the covering index the month's figures are read from, gains
 *   the stage instants (dispatched_at, onsite_due_at, arrived_at, handled_at), so the
 *   per-stage on-time rates stay one index range with no row lookups.
 * - bulletin_drafts: a month's draft bulletin (征求意见稿), frozen like a published one;
 *   the first draft of a month opens its appeal window until appeal_deadline.
 * - appeals: a unit's appeal on how one of its cases counts in one month, with the reason
 *   and, for "not our responsibility", the unit it names. appeal_events: filed, then one
 *   decision (approved or rejected) with the leader's note. appeal_attachments: the files
 *   the unit sent with it. All four are append-only (no UPDATE, DELETE or REPLACE); a
 *   unit appeals a case at most once a month, and an appeal is decided at most once. Those
 *   rules are triggers rather than UNIQUE constraints, because REPLACE would silently
 *   delete the row a UNIQUE constraint collides with.
 */
const text = (s: string) => `'${s.replaceAll("'", "''")}'`;
const FROZEN = '申诉与通报征求意见稿只能追加，不能修改或删除 (appeals and drafts are append-only)';

const appendOnly = (table: string) => /* sql */ `
CREATE TRIGGER ${table}_no_replace BEFORE INSERT ON ${table}
  WHEN EXISTS (SELECT 1 FROM ${table} WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, ${text(FROZEN)}); END;
CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
BEGIN SELECT RAISE(ABORT, ${text(FROZEN)}); END;
CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
BEGIN SELECT RAISE(ABORT, ${text(FROZEN)}); END;
`;

export const sql = /* sql */ `
DROP INDEX cases_accountable_facts;
CREATE INDEX cases_accountable_facts ON cases (accountable_at, community_code, grid_code,
  lead_unit_code, state, registered_at, closed_at, due_at, rework_count, extension_count, satisfaction,
  dispatched_at, onsite_due_at, arrived_at, handled_at)
  WHERE accountable_at IS NOT NULL;

CREATE TABLE bulletin_drafts (
  id              INTEGER PRIMARY KEY,
  period          TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
  level           TEXT NOT NULL CHECK (level IN ('community', 'grid', 'unit')),
  version         INTEGER NOT NULL CHECK (version >= 1),
  title           TEXT NOT NULL,
  inputs_sha256   TEXT NOT NULL,
  figures         TEXT NOT NULL CHECK (json_valid(figures)),
  appeal_deadline INTEGER NOT NULL,
  created_at      INTEGER NOT NULL,
  created_by      TEXT NOT NULL
);
CREATE INDEX bulletin_drafts_period ON bulletin_drafts (period, level, version);
CREATE TRIGGER bulletin_drafts_one_version BEFORE INSERT ON bulletin_drafts
  WHEN EXISTS (SELECT 1 FROM bulletin_drafts
                WHERE period = NEW.period AND level = NEW.level AND version = NEW.version)
BEGIN SELECT RAISE(ABORT, ${text(FROZEN)}); END;

CREATE TABLE appeals (
  id               INTEGER PRIMARY KEY,
  period           TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
  case_id          INTEGER NOT NULL REFERENCES cases(id),
  unit_code        TEXT NOT NULL REFERENCES units(code),
  reason_kind      TEXT NOT NULL CHECK (reason_kind IN
                     ('not_responsible', 'wrong_category', 'force_majeure', 'duplicate', 'other')),
  reason           TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  target_unit_code TEXT REFERENCES units(code),
  filed_at         INTEGER NOT NULL,
  filed_by         TEXT NOT NULL,
  CHECK (target_unit_code IS NULL OR target_unit_code <> unit_code)
);
CREATE INDEX appeals_period ON appeals (period, unit_code);
CREATE INDEX appeals_case ON appeals (case_id);
CREATE TRIGGER appeals_once_a_month BEFORE INSERT ON appeals
  WHEN EXISTS (SELECT 1 FROM appeals
                WHERE period = NEW.period AND case_id = NEW.case_id AND unit_code = NEW.unit_code)
BEGIN SELECT RAISE(ABORT, '该单位本月已就此案卷提出过申诉 (this unit already appealed this case for the month)'); END;

CREATE TABLE appeal_events (
  id        INTEGER PRIMARY KEY,
  appeal_id INTEGER NOT NULL REFERENCES appeals(id),
  kind      TEXT NOT NULL CHECK (kind IN ('filed', 'approved', 'rejected')),
  note      TEXT,
  actor     TEXT NOT NULL,
  at        INTEGER NOT NULL,
  CHECK (kind = 'filed' OR length(trim(coalesce(note, ''))) > 0)
);
CREATE INDEX appeal_events_appeal ON appeal_events (appeal_id, id);
CREATE TRIGGER appeal_events_decided_once BEFORE INSERT ON appeal_events
  WHEN NEW.kind <> 'filed' AND EXISTS (SELECT 1 FROM appeal_events
                WHERE appeal_id = NEW.appeal_id AND kind <> 'filed')
BEGIN SELECT RAISE(ABORT, '此申诉已有决定 (this appeal has already been decided)'); END;

CREATE TABLE appeal_attachments (
  id         INTEGER PRIMARY KEY,
  appeal_id  INTEGER NOT NULL REFERENCES appeals(id),
  file_name  TEXT NOT NULL,
  mime_type  TEXT NOT NULL,
  size_bytes INTEGER NOT NULL CHECK (size_bytes >= 0),
  sha256     TEXT NOT NULL,
  content    BLOB NOT NULL,
  added_at   INTEGER NOT NULL,
  added_by   TEXT NOT NULL
);
CREATE INDEX appeal_attachments_appeal ON appeal_attachments (appeal_id);
${['bulletin_drafts', 'appeals', 'appeal_events', 'appeal_attachments'].map(appendOnly).join('')}
`;
