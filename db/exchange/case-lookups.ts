/**
 * What checking and writing a case row needs from the database, read once per import: the
 * category table, the units (by name and by code), the grids and their communities, the
 * point → grid locator, the work calendar, the category standard's 立案条件 rows
 * (case-standards.ts) and the clock rules per category, urgency and standard row.
 */
import type { WorkCalendar } from '../../core/calendar';
import { periodsAt, type WorkPeriods } from '../../core/limits/work-periods';
import { loadWorkPeriodVersions } from '../queries/work-periods';
import { DAY_MS, SHANGHAI_OFFSET_MS } from '../../core/time';
import type { ClockRules } from '../../core/clocks';
import type { CaseRowLookups } from '../../core/exchange/case-row';
import { normalizeHeader } from '../../core/exchange/case-columns';
import type { Urgency } from '../../core/glossary';
import type { Db } from '../open';
import { loadClockRules, loadWorkCalendar } from '../queries/clock-rules';
import { gridLocatorFor } from '../queries/grid-locator';
import { COMMUNITY_COMMITTEE_UNIT_NAME } from '../seed/reference';
import { implicitStandardId, loadCaseStandards } from './case-standards';

export interface CaseImportLookups extends CaseRowLookups {
  calendar: WorkCalendar;
  /** The work periods in force at an instant (a registration's), as the desk's own moves count them. */
  periodsAt(instant: number): WorkPeriods;
  /**
   * The rules a case runs on (db/queries/clock-rules.ts: defaults ← category ← standard row ←
   * urgency); without a standard row, the active version's first for the category. Read
   * once per (category, urgency, row) and kept.
   */
  clockRules(categoryCode: string, urgency: Urgency, standardId?: number | null): ClockRules;
  /** The row a stored case is under: its own, else its minor's only one in the active version. */
  implicitStandardId(categoryCode: string, standardId: number | null): number | null;
  unitName(code: string): string | null;
  categoryName(code: string): string | null;
}

export function loadCaseLookups(db: Db, now: number): CaseImportLookups {
  const categories = new Map(
    db
      .prepare<[], { code: string; name: string }>(
        'SELECT code, minor_name AS name FROM categories',
      )
      .all()
      .map((c) => [c.code, c.name]),
  );
  const units = db
    .prepare<[], { code: string; name: string; kind: string; placeCode: string | null }>(
      'SELECT code, name, kind, place_code AS placeCode FROM units',
    )
    .all();
  const unitByText = new Map<string, string>();
  const unitNames = new Map<string, string>();
  const communityUnits = new Map<string, string>();
  for (const unit of units) {
    unitNames.set(unit.code, unit.name);
    // Codes first, names over them: a unit named like another's code is found by its name.
    unitByText.set(normalizeHeader(unit.code), unit.code);
    if (unit.kind === 'community' && unit.placeCode) communityUnits.set(unit.placeCode, unit.code);
  }
  for (const unit of units) unitByText.set(normalizeHeader(unit.name), unit.code);
  const places = new Map<string, { gridCode: string; communityCode: string | null }>();
  const rows = db
    .prepare<
      [],
      { code: string; level: string; parentCode: string | null; communityCode: string | null }
    >(
      `SELECT p.code, p.level, p.parent_code AS parentCode,
              coalesce(p.community_code, parent.community_code) AS communityCode
         FROM places p LEFT JOIN places parent ON parent.code = p.parent_code
        WHERE p.level IN ('grid', 'subgrid')`,
    )
    .all();
  for (const row of rows) {
    // cases.grid_code holds the 15-digit grid; a sub-grid's case belongs to its grid.
    const gridCode = row.level === 'subgrid' && row.parentCode ? row.parentCode : row.code;
    places.set(row.code, { gridCode, communityCode: row.communityCode });
  }
  const locator = gridLocatorFor(db);
  const committee = unitByText.get(normalizeHeader(COMMUNITY_COMMITTEE_UNIT_NAME)) ?? null;
  const calendar = loadWorkCalendar(db);
  const periodVersions = loadWorkPeriodVersions(db);
  const standards = loadCaseStandards(db);
  const rulesCache = new Map<string, ClockRules>();
  const periodsByDay = new Map<number, WorkPeriods>();
  return {
    now,
    calendar,
    periodsAt(instant) {
      // The same for every instant of a Shanghai day (periodsAt reads only the day).
      const day = Math.floor((instant + SHANGHAI_OFFSET_MS) / DAY_MS);
      let periods = periodsByDay.get(day);
      if (!periods) {
        periods = periodsAt(periodVersions, instant);
        if (periodsByDay.size > 4096) periodsByDay.clear();
        periodsByDay.set(day, periods);
      }
      return periods;
    },
    categoryExists: (code) => categories.has(code),
    categoryName: (code) => categories.get(code) ?? null,
    unitCode: (text) => unitByText.get(normalizeHeader(text)) ?? null,
    unitName: (code) => unitNames.get(code) ?? null,
    placeOfGrid: (code) => places.get(code) ?? null,
    locate: (lng, lat) => locator.locate(lng, lat),
    metresOutsideGrid: (code, lng, lat) => locator.metresOutside(code, lng, lat),
    communityUnitCode: (communityCode) => communityUnits.get(communityCode) ?? null,
    communityCommitteeUnitCode: committee,
    standards: (code) => standards.byCategory.get(code),
    standardRow: (id) => standards.byId.get(id),
    implicitStandardId: (code, standardId) => implicitStandardId(standards, code, standardId),
    clockRules(categoryCode, urgency, standardId = null) {
      const key = `${categoryCode}:${urgency}:${standardId ?? ''}`;
      let rules = rulesCache.get(key);
      if (!rules) {
        rules = loadClockRules(db, categoryCode, urgency, standardId);
        rulesCache.set(key, rules);
      }
      return rules;
    },
  };
}
