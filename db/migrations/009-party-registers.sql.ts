/**
 * Migration 9: the party-building registers of docs/design/GRID-WORK.md's first half
 * (党建引领, issue 14). Names of the glossary: a `party_unit` is a unit party organisation
 * that reports to a community (双报到; not the community party chain of `party_orgs`); its
 * `party_members` serve where they live and leave `service_records`; the three lists are
 * `party_needs`, `party_resources` and `party_projects` (linked by `party_project_links`,
 * 双向点单); `wishes` (微心愿) move by append-only `wish_events` like cases; volunteers are
 * `volunteer_teams`, `volunteers` and `volunteer_activities`.
 * Money is integer fen (分), never a float. Days are 'YYYY-MM-DD' in Asia/Shanghai; instants
 * epoch milliseconds. Residents' names and phones are personal data: masked by role when read.
 */
export const sql = /* sql */ `
CREATE TABLE party_units (
  id             INTEGER PRIMARY KEY,
  code           TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
  name           TEXT NOT NULL CHECK (length(trim(name)) > 0),
  parent_code    TEXT REFERENCES party_units(code),
  contact_name   TEXT,
  contact_phone  TEXT,
  -- 结对共建: the community it is paired with.
  community_code TEXT REFERENCES places(code),
  agreement_on   TEXT CHECK (agreement_on IS NULL OR agreement_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL
);
CREATE INDEX party_units_community ON party_units(community_code);

-- The residential areas a unit covers, by name until residential areas are a register of
-- their own (issue 15).
CREATE TABLE party_unit_areas (
  unit_id        INTEGER NOT NULL REFERENCES party_units(id),
  community_code TEXT NOT NULL REFERENCES places(code),
  area_name      TEXT NOT NULL,
  PRIMARY KEY (unit_id, community_code, area_name)
);

CREATE TABLE party_members (
  id                  INTEGER PRIMARY KEY,
  code                TEXT NOT NULL UNIQUE,
  name                TEXT NOT NULL,
  phone               TEXT,
  unit_id             INTEGER NOT NULL REFERENCES party_units(id),
  -- 服务在小区: where the member lives and serves.
  home_community_code TEXT REFERENCES places(code),
  home_grid_code      TEXT REFERENCES places(code),
  reported_on         TEXT NOT NULL CHECK (reported_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  skills              TEXT,
  active              INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at          INTEGER NOT NULL,
  updated_at          INTEGER NOT NULL
);
CREATE INDEX party_members_unit ON party_members(unit_id);
CREATE INDEX party_members_home ON party_members(home_community_code, home_grid_code);

CREATE TABLE service_records (
  id          INTEGER PRIMARY KEY,
  member_id   INTEGER REFERENCES party_members(id),
  unit_id     INTEGER REFERENCES party_units(id),
  served_on   TEXT NOT NULL CHECK (served_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  place_code  TEXT REFERENCES places(code),
  activity    TEXT NOT NULL,
  theme       TEXT,
  hours       REAL NOT NULL CHECK (hours > 0 AND hours <= 24),
  -- What it served, when it served one thing of the desk's.
  serves_kind TEXT CHECK (serves_kind IS NULL OR serves_kind IN ('need', 'project', 'wish', 'case')),
  serves_id   INTEGER,
  batch_id    INTEGER REFERENCES exchange_batches(id),
  created_at  INTEGER NOT NULL,
  CHECK (member_id IS NOT NULL OR unit_id IS NOT NULL),
  CHECK ((serves_kind IS NULL) = (serves_id IS NULL))
);
CREATE INDEX service_records_day ON service_records(served_on);
CREATE INDEX service_records_member ON service_records(member_id, served_on);
CREATE INDEX service_records_unit ON service_records(unit_id, served_on);

CREATE TABLE party_needs (
  id          INTEGER PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE,
  title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
  -- Raised by a community or one of its grids.
  place_code  TEXT NOT NULL REFERENCES places(code),
  category    TEXT NOT NULL CHECK (category IN ('elderly', 'childcare', 'environment', 'facilities', 'hardship', 'culture', 'other')),
  households  INTEGER CHECK (households IS NULL OR households >= 0),
  urgency     TEXT NOT NULL DEFAULT 'normal' CHECK (urgency IN ('normal', 'urgent')),
  raised_on   TEXT NOT NULL CHECK (raised_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'matched', 'closed')),
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);
CREATE INDEX party_needs_place ON party_needs(place_code, status);

CREATE TABLE party_resources (
  id             INTEGER PRIMARY KEY,
  code           TEXT NOT NULL UNIQUE,
  title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
  kind           TEXT NOT NULL CHECK (kind IN ('venue', 'funds', 'skills', 'goods', 'service')),
  -- Offered by a unit, a member, or a social organisation named in offered_by_name.
  unit_id        INTEGER REFERENCES party_units(id),
  member_id      INTEGER REFERENCES party_members(id),
  offered_by_name TEXT,
  community_code TEXT REFERENCES places(code),
  capacity       TEXT,
  amount_fen     INTEGER CHECK (amount_fen IS NULL OR amount_fen >= 0),
  available_until TEXT CHECK (available_until IS NULL OR available_until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL,
  CHECK (unit_id IS NOT NULL OR member_id IS NOT NULL OR offered_by_name IS NOT NULL)
);
CREATE INDEX party_resources_kind ON party_resources(kind, community_code);

CREATE TABLE party_projects (
  id             INTEGER PRIMARY KEY,
  code           TEXT NOT NULL UNIQUE,
  title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
  owner_unit_id  INTEGER REFERENCES party_units(id),
  community_code TEXT REFERENCES places(code),
  -- 双向点单: the community ordered from the resources, or a unit claimed a need.
  ordered_by     TEXT NOT NULL CHECK (ordered_by IN ('community', 'unit')),
  budget_fen     INTEGER NOT NULL DEFAULT 0 CHECK (budget_fen >= 0),
  spent_fen      INTEGER NOT NULL DEFAULT 0 CHECK (spent_fen >= 0),
  planned_start  TEXT NOT NULL,
  planned_end    TEXT NOT NULL,
  actual_start   TEXT,
  actual_end     TEXT,
  status         TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'done', 'cancelled')),
  cancel_reason  TEXT,
  result_note    TEXT,
  approved_by    TEXT,
  approved_at    INTEGER,
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL,
  CHECK (planned_end >= planned_start),
  CHECK ((status = 'cancelled') = (cancel_reason IS NOT NULL)),
  CHECK (status <> 'done' OR actual_end IS NOT NULL)
);
CREATE INDEX party_projects_status ON party_projects(status, planned_end);
CREATE INDEX party_projects_community ON party_projects(community_code, planned_end);

CREATE TABLE party_project_links (
  project_id  INTEGER NOT NULL REFERENCES party_projects(id),
  need_id     INTEGER REFERENCES party_needs(id),
  resource_id INTEGER REFERENCES party_resources(id),
  CHECK (need_id IS NOT NULL OR resource_id IS NOT NULL),
  UNIQUE (project_id, need_id, resource_id)
);
CREATE INDEX party_project_links_need ON party_project_links(need_id);
CREATE INDEX party_project_links_resource ON party_project_links(resource_id);

CREATE TABLE wishes (
  id                INTEGER PRIMARY KEY,
  code              TEXT NOT NULL UNIQUE,
  title             TEXT NOT NULL CHECK (length(trim(title)) > 0),
  for_whom          TEXT,
  resident_name     TEXT,
  resident_phone    TEXT,
  grid_code         TEXT NOT NULL REFERENCES places(code),
  community_code    TEXT NOT NULL REFERENCES places(code),
  value_fen         INTEGER CHECK (value_fen IS NULL OR value_fen >= 0),
  state             TEXT NOT NULL DEFAULT 'published' CHECK (state IN ('published', 'claimed', 'fulfilled', 'confirmed', 'withdrawn')),
  published_at      INTEGER NOT NULL,
  claimed_by_member_id INTEGER REFERENCES party_members(id),
  claimed_by_unit_id   INTEGER REFERENCES party_units(id),
  claimed_at        INTEGER,
  fulfilled_at      INTEGER,
  confirmed_at      INTEGER,
  withdrawn_at      INTEGER,
  -- The clock in force for the current step (core/party/wish-clock.ts), null when none runs.
  due_at            INTEGER,
  created_at        INTEGER NOT NULL,
  updated_at        INTEGER NOT NULL,
  CHECK (state = 'published' OR state = 'withdrawn' OR claimed_at IS NOT NULL)
);
CREATE INDEX wishes_state ON wishes(state, due_at);
CREATE INDEX wishes_place ON wishes(community_code, grid_code);

CREATE TABLE wish_events (
  id       INTEGER PRIMARY KEY,
  wish_id  INTEGER NOT NULL REFERENCES wishes(id),
  kind     TEXT NOT NULL CHECK (kind IN ('publish', 'claim', 'fulfil', 'confirm', 'withdraw', 'note')),
  at       INTEGER NOT NULL,
  actor    TEXT NOT NULL,
  from_state TEXT,
  to_state   TEXT,
  note     TEXT,
  session_id INTEGER REFERENCES sessions(id),
  batch_id INTEGER REFERENCES exchange_batches(id)
);
CREATE INDEX wish_events_wish ON wish_events(wish_id, at);
CREATE TRIGGER wish_events_no_update BEFORE UPDATE ON wish_events
BEGIN SELECT RAISE(ABORT, 'wish_events is append-only: a wish''s history is never rewritten'); END;
CREATE TRIGGER wish_events_no_delete BEFORE DELETE ON wish_events
BEGIN SELECT RAISE(ABORT, 'wish_events is append-only: a wish''s history is never rewritten'); END;
CREATE TRIGGER wish_events_no_replace BEFORE INSERT ON wish_events
  WHEN EXISTS (SELECT 1 FROM wish_events WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'wish_events is append-only: a wish''s history is never rewritten'); END;

CREATE TABLE volunteer_teams (
  id             INTEGER PRIMARY KEY,
  code           TEXT NOT NULL UNIQUE,
  name           TEXT NOT NULL,
  community_code TEXT REFERENCES places(code),
  leader_name    TEXT,
  leader_phone   TEXT,
  created_at     INTEGER NOT NULL
);

CREATE TABLE volunteers (
  id           INTEGER PRIMARY KEY,
  team_id      INTEGER NOT NULL REFERENCES volunteer_teams(id),
  name         TEXT NOT NULL,
  phone        TEXT,
  party_member INTEGER NOT NULL DEFAULT 0 CHECK (party_member IN (0, 1)),
  member_id    INTEGER REFERENCES party_members(id),
  joined_on    TEXT,
  created_at   INTEGER NOT NULL
);
CREATE INDEX volunteers_team ON volunteers(team_id);

CREATE TABLE volunteer_activities (
  id                 INTEGER PRIMARY KEY,
  code               TEXT NOT NULL UNIQUE,
  team_id            INTEGER REFERENCES volunteer_teams(id),
  held_on            TEXT NOT NULL CHECK (held_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  theme              TEXT NOT NULL,
  place_code         TEXT REFERENCES places(code),
  participants       INTEGER NOT NULL CHECK (participants >= 0),
  party_participants INTEGER NOT NULL DEFAULT 0 CHECK (party_participants BETWEEN 0 AND participants),
  -- Volunteer hours of the activity: every participant's together.
  hours              REAL NOT NULL CHECK (hours >= 0),
  created_at         INTEGER NOT NULL
);
CREATE INDEX volunteer_activities_day ON volunteer_activities(held_on);
`;

/** The triggers that keep a small wish's history append-only, for `griddesk verify`. */
export const WISH_GUARD_TRIGGERS = [
  'wish_events_no_update',
  'wish_events_no_delete',
  'wish_events_no_replace',
] as const;
