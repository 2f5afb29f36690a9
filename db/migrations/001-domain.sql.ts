/**
 * Migration 1: the whole domain of docs/design/DOMAIN.md, so later features add rows, not churn.
 * Times are epoch milliseconds (UTC instants); days are 'YYYY-MM-DD' in Asia/Shanghai.
 */
export const sql = /* sql */ `
CREATE TABLE app_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Settings: clocks, weights, tiers, basemap, backups… one JSON value per key.
CREATE TABLE settings (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL CHECK (json_valid(value)),
  updated_at INTEGER NOT NULL,
  updated_by TEXT
);

-- Places: street 街道 → community 社区 → grid 网格 → sub-grid 子网格 (+ special/thematic grids).
CREATE TABLE places (
  id             INTEGER PRIMARY KEY,
  code           TEXT NOT NULL UNIQUE CHECK (code GLOB '[0-9]*' AND length(code) IN (9, 12, 15, 18)),
  level          TEXT NOT NULL CHECK (level IN ('street', 'community', 'grid', 'subgrid')),
  grid_type      TEXT CHECK (grid_type IN ('basic', 'special', 'thematic')),
  name           TEXT NOT NULL,
  parent_code    TEXT REFERENCES places(code),
  community_code TEXT REFERENCES places(code),
  households     INTEGER CHECK (households >= 0),
  population     INTEGER CHECK (population >= 0),
  boundary       TEXT CHECK (boundary IS NULL OR json_valid(boundary)),
  min_lng REAL, min_lat REAL, max_lng REAL, max_lat REAL,
  center_lng REAL, center_lat REAL,
  extra          TEXT CHECK (extra IS NULL OR json_valid(extra)),
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL,
  CHECK ((level IN ('grid', 'subgrid')) = (grid_type IS NOT NULL)),
  CHECK (level = 'street' OR parent_code IS NOT NULL)
);
CREATE INDEX places_parent ON places(parent_code);
CREATE INDEX places_community ON places(community_code);
CREATE INDEX places_level ON places(level);
-- Bounding boxes of place polygons, keyed by places.id, for point → grid lookups.
CREATE VIRTUAL TABLE place_bounds USING rtree(id, min_lng, max_lng, min_lat, max_lat);

-- Units (单位): departments 部门, communities 社区 (as handling units), the street itself.
CREATE TABLE units (
  id         INTEGER PRIMARY KEY,
  code       TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL UNIQUE,
  kind       TEXT NOT NULL CHECK (kind IN ('department', 'community', 'street')),
  place_code TEXT REFERENCES places(code),
  phone      TEXT,
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  sort_order INTEGER NOT NULL DEFAULT 0
);

-- Staff (网格人员) and their roles per grid ("one grid, five roles" 一格五员).
CREATE TABLE staff (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL,
  phone        TEXT,
  gender       TEXT CHECK (gender IN ('male', 'female')),
  party_member INTEGER NOT NULL DEFAULT 0 CHECK (party_member IN (0, 1)),
  unit_code    TEXT REFERENCES units(code),
  active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at   INTEGER NOT NULL
);

-- Party chain: 社区党委 → 小区党支部 → 楼栋党小组.
CREATE TABLE party_orgs (
  id          INTEGER PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  level       TEXT NOT NULL CHECK (level IN ('community_committee', 'residential_branch', 'building_group')),
  parent_id   INTEGER REFERENCES party_orgs(id),
  place_code  TEXT NOT NULL REFERENCES places(code),
  secretary_staff_id INTEGER REFERENCES staff(id),
  CHECK ((level = 'community_committee') = (parent_id IS NULL))
);
CREATE INDEX party_orgs_place ON party_orgs(place_code);

CREATE TABLE staff_roles (
  id           INTEGER PRIMARY KEY,
  staff_id     INTEGER NOT NULL REFERENCES staff(id),
  role         TEXT NOT NULL CHECK (role IN ('grid_leader', 'full_time_worker', 'part_time_worker', 'building_leader', 'party_household')),
  place_code   TEXT NOT NULL REFERENCES places(code),
  party_org_id INTEGER REFERENCES party_orgs(id),
  building     TEXT,
  households   INTEGER CHECK (households >= 0),
  UNIQUE (staff_id, role, place_code, building)
);
CREATE INDEX staff_roles_place ON staff_roles(place_code, role);

-- Categories (案件类别): kind + major + minor, with their clocks and default handling unit.
CREATE TABLE categories (
  code                 TEXT PRIMARY KEY CHECK (code GLOB '[CE][0-9][0-9][0-9][0-9]'),
  kind                 TEXT NOT NULL CHECK (kind IN ('component', 'event')),
  major_code           TEXT NOT NULL CHECK (major_code GLOB '[0-9][0-9]'),
  major_name           TEXT NOT NULL,
  minor_code           TEXT NOT NULL CHECK (minor_code GLOB '[0-9][0-9]'),
  minor_name           TEXT NOT NULL,
  resolve_hours        REAL CHECK (resolve_hours > 0),
  resolve_working_days INTEGER CHECK (resolve_working_days > 0),
  accept_minutes       REAL CHECK (accept_minutes > 0),
  onsite_minutes       REAL CHECK (onsite_minutes > 0),
  default_unit_code    TEXT REFERENCES units(code),
  pinyin_initials      TEXT,
  is_local             INTEGER NOT NULL DEFAULT 0 CHECK (is_local IN (0, 1)),
  active               INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  UNIQUE (kind, major_code, minor_code),
  CHECK ((resolve_hours IS NULL) <> (resolve_working_days IS NULL))
);

-- Urgency overrides of a category's clocks (紧急 cases are often shorter).
CREATE TABLE category_clock_overrides (
  category_code        TEXT NOT NULL REFERENCES categories(code),
  urgency              TEXT NOT NULL CHECK (urgency IN ('normal', 'urgent')),
  accept_minutes       REAL CHECK (accept_minutes > 0),
  onsite_minutes       REAL CHECK (onsite_minutes > 0),
  resolve_hours        REAL CHECK (resolve_hours > 0),
  resolve_working_days INTEGER CHECK (resolve_working_days > 0),
  PRIMARY KEY (category_code, urgency)
);

-- The work calendar's exceptions: official holidays and make-up working days (调休).
CREATE TABLE calendar_days (
  day    TEXT PRIMARY KEY CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  kind   TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name   TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('official', 'provisional', 'admin'))
);

-- Users (用户) and roles; passwords as salted scrypt hashes.
CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name  TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('operator', 'leader', 'admin', 'handler')),
  unit_code     TEXT REFERENCES units(code),
  password_hash TEXT,
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at    INTEGER NOT NULL,
  last_login_at INTEGER
);

-- Import/export batches (交换批次), recorded with checksum and counts.
CREATE TABLE exchange_batches (
  id             INTEGER PRIMARY KEY,
  direction      TEXT NOT NULL CHECK (direction IN ('import', 'export')),
  kind           TEXT NOT NULL CHECK (kind IN ('cases', 'grids', 'staff', 'package')),
  file_name      TEXT NOT NULL,
  sha256         TEXT,
  format         TEXT,
  rows_total     INTEGER NOT NULL DEFAULT 0,
  rows_new       INTEGER NOT NULL DEFAULT 0,
  rows_updated   INTEGER NOT NULL DEFAULT 0,
  rows_unchanged INTEGER NOT NULL DEFAULT 0,
  rows_invalid   INTEGER NOT NULL DEFAULT 0,
  status         TEXT NOT NULL CHECK (status IN ('running', 'done', 'refused', 'cancelled', 'failed')),
  since_at       INTEGER,
  actor          TEXT NOT NULL,
  started_at     INTEGER NOT NULL,
  finished_at    INTEGER,
  report         TEXT CHECK (report IS NULL OR json_valid(report))
);
CREATE INDEX exchange_batches_started ON exchange_batches(started_at);

-- Column-mapping templates per city source (列映射模板).
CREATE TABLE column_templates (
  id          INTEGER PRIMARY KEY,
  source_name TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('cases', 'grids', 'staff')),
  mapping     TEXT NOT NULL CHECK (json_valid(mapping)),
  updated_at  INTEGER NOT NULL,
  UNIQUE (source_name, kind)
);

-- Cases (案卷). due_at is the effective resolution deadline (extensions and suspension
-- included); due_window_ms is the window it closes, for the near-due (last 20%) rule.
CREATE TABLE cases (
  id                   INTEGER PRIMARY KEY,
  case_no              TEXT NOT NULL UNIQUE,
  source               TEXT NOT NULL CHECK (source IN ('grid_patrol', 'hotline_12345', 'public_report', 'video', 'assigned', 'city_platform', 'department_transfer')),
  category_code        TEXT NOT NULL REFERENCES categories(code),
  description          TEXT CHECK (length(description) <= 4000),
  address              TEXT,
  lng                  REAL CHECK (lng BETWEEN 73 AND 136),
  lat                  REAL CHECK (lat BETWEEN 3 AND 54),
  original_crs         TEXT CHECK (original_crs IN ('WGS84', 'CGCS2000', 'GCJ02', 'BD09')),
  original_lng         REAL,
  original_lat         REAL,
  grid_code            TEXT REFERENCES places(code),
  community_code       TEXT REFERENCES places(code),
  urgency              TEXT NOT NULL DEFAULT 'normal' CHECK (urgency IN ('normal', 'urgent')),
  state                TEXT NOT NULL CHECK (state IN ('reported', 'registered', 'dispatched', 'in_progress', 'handled', 'closed', 'voided', 'suspended')),
  state_before_suspend TEXT CHECK (state_before_suspend IN ('reported', 'registered', 'dispatched', 'in_progress', 'handled')),
  reported_at          INTEGER NOT NULL,
  registered_at        INTEGER,
  dispatched_at        INTEGER,
  arrived_at           INTEGER,
  handled_at           INTEGER,
  closed_at            INTEGER,
  voided_at            INTEGER,
  accept_due_at        INTEGER,
  onsite_due_at        INTEGER,
  base_due_at          INTEGER,
  extended_due_at      INTEGER,
  due_at               INTEGER,
  due_window_ms        INTEGER,
  city_due_at          INTEGER,
  city_deadline_hours  REAL,
  suspended_at         INTEGER,
  suspended_ms         INTEGER NOT NULL DEFAULT 0 CHECK (suspended_ms >= 0),
  lead_unit_code       TEXT REFERENCES units(code),
  reporter             TEXT,
  phone                TEXT,
  satisfaction         TEXT CHECK (satisfaction IN ('satisfied', 'basically_satisfied', 'unsatisfied')),
  callback_at          INTEGER,
  rework_count         INTEGER NOT NULL DEFAULT 0 CHECK (rework_count >= 0),
  extension_count      INTEGER NOT NULL DEFAULT 0 CHECK (extension_count >= 0),
  escalated            INTEGER NOT NULL DEFAULT 0 CHECK (escalated IN (0, 1)),
  supervised           INTEGER NOT NULL DEFAULT 0 CHECK (supervised IN (0, 1)),
  handler_name         TEXT,
  verifier_name        TEXT,
  result_note          TEXT,
  void_reason          TEXT,
  extra                TEXT CHECK (extra IS NULL OR json_valid(extra)),
  import_batch_id      INTEGER REFERENCES exchange_batches(id),
  external_updated_at  INTEGER,
  created_at           INTEGER NOT NULL,
  updated_at           INTEGER NOT NULL,
  CHECK (registered_at IS NULL OR registered_at >= reported_at),
  CHECK (closed_at IS NULL OR closed_at >= reported_at),
  CHECK ((state = 'closed') = (closed_at IS NOT NULL)),
  CHECK ((state = 'suspended') = (suspended_at IS NOT NULL))
);
CREATE INDEX cases_state_due ON cases(state, due_at);
CREATE INDEX cases_reported ON cases(reported_at);
CREATE INDEX cases_closed ON cases(closed_at) WHERE closed_at IS NOT NULL;
CREATE INDEX cases_grid ON cases(grid_code);
CREATE INDEX cases_community ON cases(community_code, state);
CREATE INDEX cases_lead_unit ON cases(lead_unit_code, state);
CREATE INDEX cases_updated ON cases(updated_at);

-- Lead and assisting units of a case (主办 / 协办), set on dispatch and escalation.
CREATE TABLE case_units (
  case_id   INTEGER NOT NULL REFERENCES cases(id),
  unit_code TEXT NOT NULL REFERENCES units(code),
  role      TEXT NOT NULL CHECK (role IN ('lead', 'assist')),
  added_at  INTEGER NOT NULL,
  PRIMARY KEY (case_id, unit_code)
);
CREATE INDEX case_units_unit ON case_units(unit_code);

-- The case history (案卷流转记录): append-only, enforced by the triggers below.
CREATE TABLE case_events (
  id          INTEGER PRIMARY KEY,
  case_id     INTEGER NOT NULL REFERENCES cases(id),
  kind        TEXT NOT NULL CHECK (kind IN ('report', 'register', 'void', 'dispatch', 'sign', 'handle', 'close', 'return', 'rework', 'extend', 'suspend', 'resume', 'escalate', 'supervise', 'callback', 'note', 'import', 'conflict')),
  from_state  TEXT,
  to_state    TEXT,
  actor_id    INTEGER REFERENCES users(id),
  actor_name  TEXT NOT NULL,
  at          INTEGER NOT NULL,
  note        TEXT,
  data        TEXT CHECK (data IS NULL OR json_valid(data)),
  batch_id    INTEGER REFERENCES exchange_batches(id)
);
CREATE INDEX case_events_case ON case_events(case_id, at);
CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events
BEGIN SELECT RAISE(ABORT, 'case_events is append-only: the case history is never rewritten'); END;
CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events
BEGIN SELECT RAISE(ABORT, 'case_events is append-only: the case history is never rewritten'); END;

-- Attachments (附件): photos from the city or added locally, with checksums.
CREATE TABLE case_attachments (
  id         INTEGER PRIMARY KEY,
  case_id    INTEGER NOT NULL REFERENCES cases(id),
  file_name  TEXT NOT NULL,
  mime_type  TEXT NOT NULL,
  size_bytes INTEGER NOT NULL CHECK (size_bytes >= 0),
  sha256     TEXT NOT NULL,
  content    BLOB,
  stored_path TEXT,
  origin     TEXT NOT NULL CHECK (origin IN ('city', 'local')),
  added_by   TEXT NOT NULL,
  added_at   INTEGER NOT NULL,
  CHECK ((content IS NULL) <> (stored_path IS NULL))
);
CREATE INDEX case_attachments_case ON case_attachments(case_id);

-- Index weights and tier thresholds, versioned (评价权重): a bulletin names the version it used.
CREATE TABLE index_weight_sets (
  id         INTEGER PRIMARY KEY,
  weights    TEXT NOT NULL CHECK (json_valid(weights)),
  tiers      TEXT NOT NULL CHECK (json_valid(tiers)),
  grades     TEXT NOT NULL CHECK (json_valid(grades)),
  created_at INTEGER NOT NULL,
  created_by TEXT NOT NULL
);

-- Published ranking bulletins (月通报排队): frozen once written.
CREATE TABLE bulletins (
  id            INTEGER PRIMARY KEY,
  period        TEXT NOT NULL,
  level         TEXT NOT NULL CHECK (level IN ('community', 'grid', 'unit')),
  version       INTEGER NOT NULL CHECK (version >= 1),
  title         TEXT NOT NULL,
  weight_set_id INTEGER NOT NULL REFERENCES index_weight_sets(id),
  inputs_sha256 TEXT NOT NULL,
  figures       TEXT NOT NULL CHECK (json_valid(figures)),
  notes         TEXT,
  published_at  INTEGER NOT NULL,
  published_by  TEXT NOT NULL,
  UNIQUE (period, level, version)
);
CREATE TRIGGER bulletins_frozen_update BEFORE UPDATE ON bulletins
BEGIN SELECT RAISE(ABORT, 'a published bulletin is frozen: publish a new version instead'); END;
CREATE TRIGGER bulletins_frozen_delete BEFORE DELETE ON bulletins
BEGIN SELECT RAISE(ABORT, 'a published bulletin is frozen: publish a new version instead'); END;

-- Weekly dispatch meetings (周调度会) and their dispatch items (调度事项).
CREATE TABLE dispatch_meetings (
  id         INTEGER PRIMARY KEY,
  iso_week   TEXT NOT NULL UNIQUE CHECK (iso_week GLOB '[0-9][0-9][0-9][0-9]-W[0-9][0-9]'),
  held_at    INTEGER,
  chair      TEXT,
  attendees  TEXT,
  notes      TEXT,
  created_at INTEGER NOT NULL
);

CREATE TABLE dispatch_items (
  id              INTEGER PRIMARY KEY,
  meeting_id      INTEGER NOT NULL REFERENCES dispatch_meetings(id),
  title           TEXT NOT NULL,
  lead_unit_code  TEXT NOT NULL REFERENCES units(code),
  owner           TEXT NOT NULL,
  due_day         TEXT NOT NULL CHECK (due_day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
  done_at         INTEGER,
  progress_note   TEXT,
  created_at      INTEGER NOT NULL,
  created_by      TEXT NOT NULL,
  CHECK ((status = 'done') = (done_at IS NOT NULL))
);
CREATE INDEX dispatch_items_status ON dispatch_items(status, due_day);

CREATE TABLE dispatch_item_units (
  item_id   INTEGER NOT NULL REFERENCES dispatch_items(id),
  unit_code TEXT NOT NULL REFERENCES units(code),
  PRIMARY KEY (item_id, unit_code)
);

CREATE TABLE dispatch_item_cases (
  item_id INTEGER NOT NULL REFERENCES dispatch_items(id),
  case_id INTEGER NOT NULL REFERENCES cases(id),
  PRIMARY KEY (item_id, case_id)
);

-- Admin actions outside the case history (users, settings, calendar, grids).
CREATE TABLE audit_log (
  id     INTEGER PRIMARY KEY,
  at     INTEGER NOT NULL,
  actor  TEXT NOT NULL,
  action TEXT NOT NULL,
  detail TEXT CHECK (detail IS NULL OR json_valid(detail))
);
`;
