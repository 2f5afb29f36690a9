/**
 * One case row of a city file, checked (CITY-EXCHANGE.md "Rules for one import"): each
 * column read, then merged over the desk's version of the case when the case exists (a
 * column the file lacks keeps the desk's value), then the rules across columns: required
 * values, known codes and units, event times not after the import time plus a day, times in
 * order, the point's grid.
 */
import { maskName, maskPhone } from '../cases/personal-data';
import { toWgs84 } from '../geo/coordinates';
import type { CaseState } from '../glossary';
import { DAY_MS } from '../time';
import { cellText, displayValue, type CellValue } from './cell-value';
import { CASE_COLUMN_ZH, REQUIRED_CASE_KEYS, type CaseKey } from './case-columns';
import * as field from './case-fields';
import { categoryCodeOf, type ExchangeCase } from './case-record';
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
  /** 社区居委会 means the case's own community: that community's unit, when there is one. */
  communityUnitCode(communityCode: string): string | null;
  /** The unit named 社区居委会 (the catch-all the category table uses). */
  readonly communityCommitteeUnitCode: string | null;
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

export type CaseRowResult = { ok: true; checked: CheckedCase } | { ok: false; issues: KeyIssue[] };

const NEEDS_REGISTERED: ReadonlySet<CaseState> = new Set([
  'registered',
  'dispatched',
  'in_progress',
  'handled',
  'closed',
]);
const NEEDS_DISPATCHED: ReadonlySet<CaseState> = new Set([
  'dispatched',
  'in_progress',
  'handled',
  'closed',
]);
const EVENT_TIMES = [
  'reported_at',
  'registered_at',
  'dispatched_at',
  'handled_at',
  'closed_at',
  'updated_at',
] as const;

const DEFAULTS = { crs: 'CGCS2000', urgency: 'normal', reworkCount: 0, extensionCount: 0 } as const;

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

  /** The file's value when the column is there and filled; null when blank; base otherwise. */
  function take<T>(
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
    description: take(
      'description',
      (v) => field.readTextField('description', v),
      base?.description ?? null,
    ),
    address: take('address', (v) => field.readTextField('address', v), base?.address ?? null),
    lng: take('lng', (v) => field.readCoordinateField('lng', v), base?.lng ?? null),
    lat: take('lat', (v) => field.readCoordinateField('lat', v), base?.lat ?? null),
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
    reporter: take('reporter', (v) => field.readTextField('reporter', v), base?.reporter ?? null),
    phone: take('phone', field.readPhoneField, base?.phone ?? null),
    satisfaction: take('satisfaction', field.readSatisfactionField, base?.satisfaction ?? null),
    reworkCount:
      take('rework_count', field.readCountField, base?.reworkCount ?? null) ?? DEFAULTS.reworkCount,
    extensionCount:
      take('extension_count', field.readCountField, base?.extensionCount ?? null) ??
      DEFAULTS.extensionCount,
    updatedAt: take('updated_at', field.readDateField, base?.updatedAt ?? null),
    verifier: take('verifier', (v) => field.readTextField('verifier', v), base?.verifier ?? null),
    resultNote: take(
      'result_note',
      (v) => field.readTextField('result_note', v),
      base?.resultNote ?? null,
    ),
    extra: extra || base?.extra ? { ...(base?.extra ?? {}), ...(extra ?? {}) } : null,
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

  checkTimes(record, present, cells, lookups.now, problem);
  const placement = place(record, lookups, problem);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, checked: placement };
}

/** A masked value (138****1234, 张*) that matches the desk's value is the desk's value: our own export coming back. */
function keepMaskedPersonalData(record: ExchangeCase, base: ExchangeCase | null): void {
  if (!base) return;
  if (record.phone?.includes('*') && maskPhone(base.phone) === record.phone)
    record.phone = base.phone;
  if (record.reporter?.includes('*') && maskName(base.reporter) === record.reporter)
    record.reporter = base.reporter;
}

function checkTimes(
  r: ExchangeCase,
  present: ReadonlySet<CaseKey>,
  cells: CaseCells,
  now: number,
  problem: (key: CaseKey, message: Sentence) => void,
): void {
  const values: Record<(typeof EVENT_TIMES)[number], number | null> = {
    reported_at: r.reportedAt || null,
    registered_at: r.registeredAt,
    dispatched_at: r.dispatchedAt,
    handled_at: r.handledAt,
    closed_at: r.closedAt,
    updated_at: r.updatedAt,
  };
  for (const key of EVENT_TIMES) {
    const at = values[key];
    if (at !== null && at > now + DAY_MS && present.has(key)) {
      problem(
        key,
        sentence(
          `${CASE_COLUMN_ZH[key]}晚于导入时间一天以上，不可能已经发生。`,
          `The ${CASE_COLUMN_ZH[key]} (${key}) is more than a day after the import time: it cannot have happened yet.`,
        ),
      );
    }
  }
  const stateZh = cellText(cells.status ?? null) || r.state;
  if (NEEDS_REGISTERED.has(r.state) && r.registeredAt === null) {
    problem(
      'registered_at',
      sentence(
        `状态为“${stateZh}”的案卷须有立案时间。`,
        `A case in state "${stateZh}" needs a registration time.`,
      ),
    );
  }
  if (NEEDS_DISPATCHED.has(r.state) && r.dispatchedAt === null) {
    problem(
      'dispatched_at',
      sentence(
        `状态为“${stateZh}”的案卷须有派遣时间。`,
        `A case in state "${stateZh}" needs a dispatch time.`,
      ),
    );
  }
  if (r.state === 'reported' && r.registeredAt !== null) {
    problem(
      'registered_at',
      sentence(
        '待受理的案卷还没有立案，不应有立案时间。',
        'A case waiting to be registered (待受理) cannot have a registration time.',
      ),
    );
  }
  if (r.state === 'registered' && r.dispatchedAt !== null) {
    problem(
      'dispatched_at',
      sentence(
        '已立案（未派遣）的案卷不应有派遣时间。',
        'A registered case not yet dispatched cannot have a dispatch time.',
      ),
    );
  }
  if (r.state === 'closed' && r.closedAt === null) {
    problem(
      'closed_at',
      sentence(
        `状态为“${stateZh}”的案卷须有结案时间。`,
        `A case in state "${stateZh}" needs a closing time.`,
      ),
    );
  }
  if (r.state !== 'closed' && r.closedAt !== null) {
    problem(
      'closed_at',
      sentence(
        `状态为“${stateZh}”的案卷不应有结案时间。`,
        `A case in state "${stateZh}" cannot have a closing time.`,
      ),
    );
  }
  const before = (key: CaseKey, at: number | null, earlier: number | null, what: Sentence) => {
    if (at !== null && earlier !== null && earlier > 0 && at < earlier) {
      problem(
        key,
        sentence(
          `${CASE_COLUMN_ZH[key]}早于${what.zh}，时间相互矛盾。`,
          `The ${CASE_COLUMN_ZH[key]} (${key}) is before the ${what.en}: the times contradict each other.`,
        ),
      );
    }
  };
  before('registered_at', r.registeredAt, r.reportedAt, sentence('上报时间', 'report time'));
  before(
    'dispatched_at',
    r.dispatchedAt,
    r.registeredAt ?? r.reportedAt,
    sentence('立案时间', 'registration time'),
  );
  before(
    'handled_at',
    r.handledAt,
    r.dispatchedAt ?? r.reportedAt,
    sentence('派遣时间', 'dispatch time'),
  );
  before('closed_at', r.closedAt, r.reportedAt, sentence('上报时间', 'report time'));
  before('closed_at', r.closedAt, r.handledAt, sentence('反馈时间', 'handling feedback time'));
  before('due_at', r.dueAt, r.registeredAt, sentence('立案时间', 'registration time'));
}

function place(
  r: ExchangeCase,
  lookups: CaseRowLookups,
  problem: (key: CaseKey, message: Sentence) => void,
): CheckedCase {
  let wgsLng: number | null = null;
  let wgsLat: number | null = null;
  let communityCode: string | null = null;
  if ((r.lng === null) !== (r.lat === null)) {
    problem(
      r.lng === null ? 'lng' : 'lat',
      sentence('经度和纬度须同时填写或同时留空。', 'Give both longitude and latitude, or neither.'),
    );
  } else if (r.lng !== null && r.lat !== null) {
    const wgs = toWgs84(r.lng, r.lat, r.crs);
    wgsLng = wgs.lng;
    wgsLat = wgs.lat;
  }
  if (r.gridCode) {
    const grid = lookups.placeOfGrid(r.gridCode);
    if (!grid) {
      problem(
        'grid_code',
        sentence(
          `单元网格编码 ${r.gridCode} 不是本街道的网格。`,
          `Grid code ${r.gridCode} is not a grid of this desk.`,
        ),
      );
    } else {
      r.gridCode = grid.gridCode;
      communityCode = grid.communityCode;
    }
  } else if (wgsLng !== null && wgsLat !== null) {
    const grid = lookups.locate(wgsLng, wgsLat);
    if (!grid) {
      problem(
        'grid_code',
        sentence(
          `没有单元网格编码，且坐标（${r.lng}, ${r.lat}，${r.crs}）不在任何网格内。`,
          `No grid code, and the point (${r.lng}, ${r.lat}, ${r.crs}) lies in no grid.`,
        ),
      );
    } else {
      r.gridCode = grid.gridCode;
      communityCode = grid.communityCode;
    }
  }
  // 社区居委会 names "the community the case lies in": its own unit when the desk has one.
  if (
    r.departmentCode &&
    r.departmentCode === lookups.communityCommitteeUnitCode &&
    communityCode
  ) {
    r.departmentCode = lookups.communityUnitCode(communityCode) ?? r.departmentCode;
  }
  return { record: r, wgsLng, wgsLat, communityCode };
}
