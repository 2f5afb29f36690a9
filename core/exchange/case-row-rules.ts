/**
 * The rules across a case row's columns (docs/design/CITY-EXCHANGE.md "Rules for one import"): the times
 * a state needs, in order, none ahead of the import by more than a day; and where the case
 * lies: its point in WGS-84, its grid (given, or found from the point) and community.
 */
import { toWgs84 } from '../geo/coordinates';
import type { CaseState } from '../glossary';
import { DAY_MS, fromWallClock } from '../time';
import { cellText } from './cell-value';
import { CASE_COLUMN_ZH, type CaseKey } from './case-columns';
import type { ExchangeCase } from './exchange-case';
import type { CaseCells, CaseRowLookups, CheckedCase } from './case-row';
import { sentence, type Sentence } from './issues';

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

/**
 * No case time is before 2000-01-01 00:00 Shanghai: the city's digital management began
 * long after (2004 for the first pilots), so an earlier time is a misread cell: a blank or
 * 0 date read as Excel's 1900-01-00, a two-digit year, a day count typed as a date. The
 * upper bound is the one above: event times no more than a day after the import.
 */
const EARLIEST_CASE_TIME = fromWallClock(2000, 1, 1);

/** The times checked against the earliest: the event times and the due time. */
const DATED_KEYS = [...EVENT_TIMES, 'due_at'] as const;

export function checkTimes(
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
  for (const key of DATED_KEYS) {
    const at = key === 'due_at' ? r.dueAt : values[key];
    if (at !== null && at < EARLIEST_CASE_TIME && present.has(key)) {
      problem(
        key,
        sentence(
          `${CASE_COLUMN_ZH[key]}早于 2000 年 1 月 1 日，不是真实的案卷时间（常见原因：日期单元格为 0 或被读成 1900 年、年份只写了两位）：请改正后重新导入。`,
          `The ${CASE_COLUMN_ZH[key]} (${key}) is before 1 January 2000, which cannot be a real case time (a 0 or blank date read as 1900, or a two-digit year?): correct it and import again.`,
        ),
      );
    }
  }
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

/**
 * A point this far outside the grid its row names is worth a word: GPS on a phone and
 * GCJ-02 read as WGS-84 are off by tens to a few hundred metres, a point in the wrong
 * community by more. The row is still written with the grid it names (the grid worker chose
 * it); the import report says which row and column to check.
 */
const OUTSIDE_GRID_WARN_METRES = 500;

export function place(
  r: ExchangeCase,
  lookups: CaseRowLookups,
  problem: (key: CaseKey, message: Sentence) => void,
  warn: (key: CaseKey, message: Sentence) => void = () => {},
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
      const given = r.gridCode;
      r.gridCode = grid.gridCode;
      communityCode = grid.communityCode;
      const off =
        wgsLng !== null && wgsLat !== null
          ? (lookups.metresOutsideGrid?.(given, wgsLng, wgsLat) ?? null)
          : null;
      if (off !== null && off > OUTSIDE_GRID_WARN_METRES) {
        const km = (off / 1000).toFixed(1);
        warn(
          'grid_code',
          sentence(
            `坐标（${r.lng}, ${r.lat}，${r.crs}）在单元网格 ${given} 之外约 ${km} 公里：已按填写的网格编码导入，请核对网格编码或坐标。`,
            `The point (${r.lng}, ${r.lat}, ${r.crs}) lies about ${km} km outside grid ${given}: imported with the grid code given; check the grid code or the point.`,
          ),
        );
      }
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
