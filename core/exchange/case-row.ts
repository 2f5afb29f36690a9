/**
 * One case row of a city file, checked (docs/design/CITY-EXCHANGE.md "Rules for one import"): each
 * column read, then merged over the desk's version of the case when the case exists (a
 * column the file lacks keeps the desk's value), then the rules across columns: required
 * values, known codes and units, event times not after the import time plus a day, times in
 * order, the point's grid.
 */
import { maskName, maskPhone } from '../cases/personal-data';
import { cellText, displayValue, stripFormulaGuard, type CellValue } from './cell-value';
import { CASE_COLUMN_ZH, REQUIRED_CASE_KEYS, type CaseKey } from './case-columns';
import * as field from './case-fields';
import { categoryCodeOf, type ExchangeCase } from './exchange-case';
import { checkTimes, place } from './case-row-rules';
import {
  foldCondition,
  namedStandard,
  onlyStandard,
  type CategoryStandards,
  type StandardRowRef,
} from './case-standard';
import { sentence, type Sentence } from './issues';

export type CaseCells = Partial<Record<CaseKey, CellValue>>;

export interface CaseRowLookups {
  now: number;
  categoryExists(categoryCode: string): boolean;
  /** A unit's code from its name or code; null when the desk has no such unit. */
  unitCode(nameOrCode: string): string | null;
  /** The grid (15 digits) and community of a grid or sub-grid code; null when unknown. */
  placeOfGrid(code: string): { gridCode: string; communityCode: string | null } | null;
  /** The grid holding a WGS-84 point; null when no grid does. */
  locate(lng: number, lat: number): { gridCode: string; communityCode: string | null } | null;
  /** Metres from a WGS-84 point to a grid's (or sub-grid's) polygon, 0 inside; null without one. */
  metresOutsideGrid?(code: string, lng: number, lat: number): number | null;
  /** 社区居委会 means the case's own community: that community's unit, when there is one. */
  communityUnitCode(communityCode: string): string | null;
  /** The unit named 社区居委会 (the catch-all the category table uses). */
  readonly communityCommitteeUnitCode: string | null;
  /**
   * The active standard version's 立案条件 rows of a category; undefined when it has none
   * (or without a standard at all), and the category's own clocks apply as before.
   */
  standards?(categoryCode: string): CategoryStandards | undefined;
  /** A standard row of any version by id: the one a case already recorded. */
  standardRow?(id: number): StandardRowRef | undefined;
}

export interface KeyIssue {
  key: CaseKey;
  value: string;
  message: Sentence;
}

export interface CheckedCase {
  record: ExchangeCase;
  /** Where the case is stored: WGS-84 point, grid and community. */
  wgsLng: number | null;
  wgsLat: number | null;
  communityCode: string | null;
}

/** A valid row may carry warnings: written as it is, and reported by row and column. */
type CaseRowResult =
  { ok: true; checked: CheckedCase; warnings: KeyIssue[] } | { ok: false; issues: KeyIssue[] };

const DEFAULTS = { crs: 'CGCS2000', urgency: 'normal', reworkCount: 0, extensionCount: 0 } as const;

/** The file's value when the column is there and filled; null when blank; base otherwise. */
function takeCell<T>(
  cells: CaseCells,
  present: ReadonlySet<CaseKey>,
  problem: (key: CaseKey, message: Sentence) => void,
  key: CaseKey,
  read: (v: CellValue) => field.FieldReading<T>,
  fallback: T | null,
): T | null {
  if (!present.has(key)) return fallback;
  const cell = cells[key] ?? null;
  if (cellText(cell) === '') return null;
  const reading = read(cell);
  if (reading.ok) return reading.value;
  problem(key, reading.message);
  return fallback;
}

// The column readers that need their column's name, made once (not once per row).
const readDescription = (v: CellValue) => field.readTextField('description', v);
const readAddress = (v: CellValue) => field.readTextField('address', v);
const readLng = (v: CellValue) => field.readCoordinateField('lng', v);
const readLat = (v: CellValue) => field.readCoordinateField('lat', v);
const readReporter = (v: CellValue) => field.readTextField('reporter', v);
const readVerifier = (v: CellValue) => field.readTextField('verifier', v);
const readResultNote = (v: CellValue) => field.readTextField('result_note', v);

export function checkCaseRow(
  cells: CaseCells,
  present: ReadonlySet<CaseKey>,
  base: ExchangeCase | null,
  extra: Record<string, string> | null,
  lookups: CaseRowLookups,
): CaseRowResult {
  const issues: KeyIssue[] = [];
  const problem = (key: CaseKey, message: Sentence) =>
    issues.push({ key, value: displayValue(cells[key]), message });

  const take = <T>(
    key: CaseKey,
    read: (v: CellValue) => field.FieldReading<T>,
    fallback: T | null,
  ): T | null => takeCell(cells, present, problem, key, read, fallback);

  const caseNo = take('case_no', field.readCaseNoField, base?.caseNo ?? null);
  const source = take('source', field.readSourceField, base?.source ?? null);
  const kind = take('kind', field.readKindField, base?.kind ?? null);
  const majorCode = take('major_code', field.readMajorField, base?.majorCode ?? null);
  let minorCode = take('minor_code', field.readMinorField, base?.minorCode ?? null);
  const state = take('status', field.readStateField, base?.state ?? null);
  const reportedAt = take('reported_at', field.readDateField, base?.reportedAt ?? null);
  const issuesBeforeRequired = issues.length;

  for (const key of REQUIRED_CASE_KEYS) {
    const missing = {
      case_no: caseNo,
      source,
      kind,
      major_code: majorCode,
      minor_code: minorCode,
      status: state,
      reported_at: reportedAt,
    }[key as 'case_no'];
    if (missing === null && !issues.some((i) => i.key === key)) {
      problem(
        key,
        sentence(
          `缺少必填的${CASE_COLUMN_ZH[key]}。`,
          `The required ${CASE_COLUMN_ZH[key]} (${key}) is missing.`,
        ),
      );
    }
  }
  if (minorCode && minorCode.length === 4) {
    if (majorCode && minorCode.slice(0, 2) !== majorCode) {
      problem(
        'minor_code',
        sentence(
          `四位小类代码 ${minorCode} 与大类代码 ${majorCode} 不符。`,
          `The four-digit minor code ${minorCode} does not start with the major code ${majorCode}.`,
        ),
      );
    }
    minorCode = minorCode.slice(2);
  }
  if (kind && majorCode && minorCode && issues.length === issuesBeforeRequired) {
    const categoryCode = categoryCodeOf({ kind, majorCode, minorCode });
    if (!lookups.categoryExists(categoryCode)) {
      problem(
        'minor_code',
        sentence(
          `未知的案件类别 ${categoryCode}（${kind === 'event' ? '事件' : '部件'} ${majorCode}-${minorCode}），不在类别表中。`,
          `Unknown category ${categoryCode} (${kind} ${majorCode}-${minorCode}): it is not in the category table.`,
        ),
      );
    }
  }

  const record: ExchangeCase = {
    caseNo: caseNo ?? '',
    source: source ?? 'city_platform',
    kind: kind ?? 'event',
    majorCode: majorCode ?? '00',
    minorCode: minorCode ?? '00',
    description: take('description', readDescription, base?.description ?? null),
    address: take('address', readAddress, base?.address ?? null),
    lng: take('lng', readLng, base?.lng ?? null),
    lat: take('lat', readLat, base?.lat ?? null),
    crs: take('crs', field.readCrsField, base?.crs ?? null) ?? DEFAULTS.crs,
    gridCode: take('grid_code', field.readGridCodeField, base?.gridCode ?? null),
    urgency: take('urgency', field.readUrgencyField, base?.urgency ?? null) ?? DEFAULTS.urgency,
    state: state ?? 'reported',
    reportedAt: reportedAt ?? 0,
    registeredAt: take('registered_at', field.readDateField, base?.registeredAt ?? null),
    dispatchedAt: take('dispatched_at', field.readDateField, base?.dispatchedAt ?? null),
    dueAt: take('due_at', field.readDateField, base?.dueAt ?? null),
    deadlineHours: take('deadline_hours', field.readHoursField, base?.deadlineHours ?? null),
    departmentCode: base?.departmentCode ?? null,
    handledAt: take('handled_at', field.readDateField, base?.handledAt ?? null),
    closedAt: take('closed_at', field.readDateField, base?.closedAt ?? null),
    reporter: take('reporter', readReporter, base?.reporter ?? null),
    phone: take('phone', field.readPhoneField, base?.phone ?? null),
    satisfaction: take('satisfaction', field.readSatisfactionField, base?.satisfaction ?? null),
    reworkCount:
      take('rework_count', field.readCountField, base?.reworkCount ?? null) ?? DEFAULTS.reworkCount,
    extensionCount:
      take('extension_count', field.readCountField, base?.extensionCount ?? null) ??
      DEFAULTS.extensionCount,
    updatedAt: take('updated_at', field.readDateField, base?.updatedAt ?? null),
    verifier: take('verifier', readVerifier, base?.verifier ?? null),
    resultNote: take('result_note', readResultNote, base?.resultNote ?? null),
    extra: extra || base?.extra ? { ...(base?.extra ?? {}), ...(extra ?? {}) } : null,
    standardId: base?.standardId ?? null,
  };
  if (record.description === '') record.description = null;

  keepMaskedPersonalData(record, base);
  if (present.has('department') && cellText(cells.department ?? null) !== '') {
    const text = cellText(cells.department ?? null);
    const unit = lookups.unitCode(text);
    if (unit) record.departmentCode = unit;
    else
      problem(
        'department',
        sentence(
          `处置部门“${text}”不在本街道的单位列表中（按名称或编码匹配）。`,
          `The handling unit "${text}" is not one of the desk's units (matched by name or code).`,
        ),
      );
  } else if (present.has('department')) {
    record.departmentCode = null;
  }

  const warnings: KeyIssue[] = [];
  const warn = (key: CaseKey, message: Sentence) =>
    warnings.push({ key, value: displayValue(cells[key]), message });
  if (!issues.some((i) => CATEGORY_KEYS.has(i.key)))
    pickStandard(record, cells, present, base, lookups, problem, warn);
  checkTimes(record, present, cells, lookups.now, problem);
  const placement = place(record, lookups, problem, warn);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, checked: placement, warnings };
}

const CATEGORY_KEYS: ReadonlySet<CaseKey> = new Set(['kind', 'major_code', 'minor_code']);

/**
 * The standard row (立案条件) the case is under, into record.standardId: the one named (by
 * text or number), else, when the deadline has to come from the standard (registered, and
 * neither 处置截止时间 nor 处置时限(小时) given), the minor's only row; several and none named
 * is a problem. A named row is recorded beside a city deadline too (an export names it), and
 * one that matches nothing there is only a warning: the city's deadline stands. A blank or
 * missing 立案条件 names nothing, so the desk's row (while the category stays) is kept; a
 * minor without rows in the active version keeps its own clocks.
 */
function pickStandard(
  record: ExchangeCase,
  cells: CaseCells,
  present: ReadonlySet<CaseKey>,
  base: ExchangeCase | null,
  lookups: CaseRowLookups,
  problem: (key: CaseKey, message: Sentence) => void,
  warn: (key: CaseKey, message: Sentence) => void,
): void {
  const categoryCode = categoryCodeOf(record);
  // The desk's row stays only while the case stays in its category.
  if (base && categoryCodeOf(base) !== categoryCode) record.standardId = null;
  const standards = lookups.standards?.(categoryCode);
  if (!standards || standards.rows.length === 0) return;
  const cityDeadline =
    record.deadlineHours !== null || (record.dueAt !== null && record.extensionCount === 0);
  const named = present.has('standard')
    ? stripFormulaGuard(cellText(cells.standard ?? null))
    : null;
  if (named) {
    // The desk's own row named back (an export of a case under an older version) stays.
    const kept = record.standardId === null ? undefined : lookups.standardRow?.(record.standardId);
    if (kept?.categoryCode === categoryCode && kept.condition === foldCondition(named)) return;
    const pick = namedStandard(named, standards, categoryCode);
    if (pick.ok) record.standardId = pick.row.id;
    else if (cityDeadline) warn('standard', deadlineStands(pick.message));
    else problem('standard', pick.message);
    return;
  }
  if (record.standardId !== null || cityDeadline || record.registeredAt === null) return;
  const pick = onlyStandard(standards, categoryCode);
  if (pick.ok) record.standardId = pick.row.id;
  else problem('standard', pick.message);
}

function deadlineStands(message: Sentence): Sentence {
  return sentence(
    `${message.zh} 已按文件给出的处置截止时间或处置时限导入。`,
    `${message.en} Imported with the file's own deadline.`,
  );
}

/** A masked value (138****1234, 张*) that matches the desk's value is the desk's value: our own export coming back. */
function keepMaskedPersonalData(record: ExchangeCase, base: ExchangeCase | null): void {
  if (!base) return;
  if (record.phone?.includes('*') && maskPhone(base.phone) === record.phone)
    record.phone = base.phone;
  if (record.reporter?.includes('*') && maskName(base.reporter) === record.reporter)
    record.reporter = base.reporter;
}
