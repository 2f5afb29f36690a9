/**
 * Migration 6: the city's category standard (立结案标准), versioned (docs/design/DOMAIN.md
 * "The city's category standard"; docs/design/CITY-EXCHANGE.md for the file).
 * - category_versions: one row per version of the table. Version 1 is the desk's own
 *   categories.csv; each imported standard table is a new version, which becomes the active
 *   one (settings 'categories.activeVersion'). A file imported again is recognised by its
 *   SHA-256 and makes no new version.
 * - category_standards: every 立案条件 row of a version: its minor (code, names, handling unit,
 *   supervising department), its position within the minor (1, 2, …), its 结案条件, and its
 *   limit in one of the four units. Rows of a version never change (triggers), so a case
 *   registered under one keeps its deadline whatever is imported later.
 * - cases.standard_id: the row a case was registered under (NULL: before this migration, or
 *   a city deadline given outright).
 * Existing stores get version 1 from their categories here (imported_at 0: when the
 * categories came is not recorded); a new store's reference seeding
 * writes it after filling categories (db/seed/reference.ts).
 */
export const BUILTIN_VERSION_SQL = /* sql */ `
INSERT INTO category_versions (id, source, file_sha256, imported_at, imported_by, minors, standards)
SELECT 1, 'categories.csv', NULL, 0, 'system',
       count(*), count(*)
  FROM categories WHERE NOT EXISTS (SELECT 1 FROM category_versions WHERE id = 1)
HAVING count(*) > 0;
INSERT INTO category_standards (version_id, category_code, kind, major_code, major_name, minor_code,
  minor_name, unit_code, unit_name, department, position, condition, close_condition, limit_value,
  limit_unit, note, extra)
SELECT 1, c.code, c.kind, c.major_code, c.major_name, c.minor_code, c.minor_name, c.default_unit_code,
       (SELECT name FROM units WHERE code = c.default_unit_code), NULL, 1, '发现即立案', NULL,
       coalesce(c.resolve_hours, c.resolve_working_days),
       CASE WHEN c.resolve_hours IS NOT NULL THEN 'natural_hours' ELSE 'working_days' END, NULL, NULL
  FROM categories c
 WHERE EXISTS (SELECT 1 FROM category_versions WHERE id = 1)
   AND NOT EXISTS (SELECT 1 FROM category_standards WHERE version_id = 1)
 ORDER BY c.code;
INSERT INTO settings (key, value, updated_at, updated_by)
SELECT 'categories.activeVersion', '1', 0, 'system'
 WHERE EXISTS (SELECT 1 FROM category_versions WHERE id = 1)
ON CONFLICT DO NOTHING;
`;

export const sql = /* sql */ `
CREATE TABLE category_versions (
  id          INTEGER PRIMARY KEY,
  source      TEXT NOT NULL,
  file_sha256 TEXT UNIQUE,
  imported_at INTEGER NOT NULL,
  imported_by TEXT NOT NULL,
  minors      INTEGER NOT NULL CHECK (minors >= 0),
  standards   INTEGER NOT NULL CHECK (standards >= 0),
  notes       TEXT
);

CREATE TABLE category_standards (
  id              INTEGER PRIMARY KEY,
  version_id      INTEGER NOT NULL REFERENCES category_versions(id),
  category_code   TEXT NOT NULL CHECK (category_code GLOB '[CE][0-9][0-9][0-9][0-9]'),
  kind            TEXT NOT NULL CHECK (kind IN ('component', 'event')),
  major_code      TEXT NOT NULL CHECK (major_code GLOB '[0-9][0-9]'),
  major_name      TEXT NOT NULL,
  minor_code      TEXT NOT NULL CHECK (minor_code GLOB '[0-9][0-9]'),
  minor_name      TEXT NOT NULL,
  unit_code       TEXT REFERENCES units(code),
  unit_name       TEXT,
  department      TEXT,
  position        INTEGER NOT NULL CHECK (position >= 1),
  condition       TEXT NOT NULL,
  close_condition TEXT,
  limit_value     REAL NOT NULL CHECK (limit_value > 0),
  limit_unit      TEXT NOT NULL CHECK (limit_unit IN ('natural_hours', 'working_hours', 'working_days', 'natural_days')),
  note            TEXT,
  extra           TEXT CHECK (extra IS NULL OR json_valid(extra)),
  UNIQUE (version_id, category_code, position)
);
CREATE INDEX category_standards_code ON category_standards (category_code, version_id);

-- A version, once written, is what cases were registered under: it never changes.
CREATE TRIGGER category_standards_no_update BEFORE UPDATE ON category_standards
BEGIN SELECT RAISE(ABORT, 'category standards are append-only'); END;
CREATE TRIGGER category_standards_no_delete BEFORE DELETE ON category_standards
BEGIN SELECT RAISE(ABORT, 'category standards are append-only'); END;
CREATE TRIGGER category_versions_no_delete BEFORE DELETE ON category_versions
BEGIN SELECT RAISE(ABORT, 'category versions are append-only'); END;
-- REPLACE deletes without firing the delete trigger: refuse an insert over an existing row.
CREATE TRIGGER category_standards_no_replace BEFORE INSERT ON category_standards
WHEN EXISTS (SELECT 1 FROM category_standards WHERE id = NEW.id
  OR (version_id = NEW.version_id AND category_code = NEW.category_code AND position = NEW.position))
BEGIN SELECT RAISE(ABORT, 'category standards are append-only'); END;
CREATE TRIGGER category_versions_no_replace BEFORE INSERT ON category_versions
WHEN EXISTS (SELECT 1 FROM category_versions WHERE id = NEW.id OR file_sha256 = NEW.file_sha256)
BEGIN SELECT RAISE(ABORT, 'category versions are append-only'); END;

ALTER TABLE cases ADD COLUMN standard_id INTEGER REFERENCES category_standards(id);
${BUILTIN_VERSION_SQL}`;
