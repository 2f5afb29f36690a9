/**
 * Quick entry (快速登记): where the case is (a picked grid or community, or a point located
 * to its grid), its number, its row and 'report' event, and — for a phone call taken on the
 * spot — its registration, in one transaction.
 */
import { acceptDueAt } from '../../core/clocks';
import { toWgs84, type Crs } from '../../core/geo/coordinates';
import { DAY_MS, MINUTE_MS, formatDateTime } from '../../core/time';
import type { CaseSource, CaseState, Urgency } from '../../core/glossary';
import { readCategory, readPlace } from '../../db/queries/case-lookups';
import { insertReportedCase, nextCaseNumber } from '../../db/queries/case-intake';
import { insertCaseEvent } from '../../db/queries/case-moves';
import { loadClockRules } from '../../db/queries/clock-rules';
import { locateGrid } from '../../db/queries/grid-locator';
import type { Db } from '../../db/open';
import type { ApiContext } from '../context';
import { UserError } from '../errors';
import { applyMove } from './move-case';

export interface PointInput {
  lng: number;
  lat: number;
  crs: Crs;
}

export interface ResolvedPlace {
  gridCode: string | null;
  communityCode: string | null;
  point: { lng: number; lat: number } | null;
}

/** The grid and community a case lies in, from a picked place and/or a point. */
export function resolvePlace(
  db: Db,
  placeCode: string | null | undefined,
  point: PointInput | null | undefined,
): ResolvedPlace {
  let gridCode: string | null = null;
  let communityCode: string | null = null;
  if (placeCode) {
    const place = readPlace(db, placeCode);
    if (!place || place.level === 'street') {
      throw new UserError(
        'unknown_place',
        {
          zh: `没有代码为 ${placeCode} 的社区或网格。`,
          en: `There is no community or grid with the code ${placeCode}.`,
        },
        'placeCode',
      );
    }
    if (place.level === 'community') communityCode = place.code;
    else {
      gridCode =
        place.level === 'subgrid'
          ? (readPlace(db, place.code.slice(0, 15))?.code ?? null)
          : place.code;
      communityCode = place.communityCode;
    }
  }
  let wgs: { lng: number; lat: number } | null = null;
  if (point) {
    wgs = toWgs84(point.lng, point.lat, point.crs);
    const located = locateGrid(db, wgs.lng, wgs.lat);
    if (!located && !placeCode) {
      throw new UserError(
        'point_outside_grids',
        {
          zh: `坐标 ${point.lng}, ${point.lat} 不在本街道的任何网格内，请从列表中选择网格。`,
          en: `The point ${point.lng}, ${point.lat} lies in none of the street's grids; pick the grid from the list.`,
        },
        'point',
      );
    }
    if (located && gridCode && located.gridCode !== gridCode) {
      const name = readPlace(db, located.gridCode)?.name ?? located.gridCode;
      throw new UserError(
        'point_not_in_grid',
        {
          zh: `坐标位于「${name}」，与所选网格不符，请核对。`,
          en: `The point lies in ${name}, not in the grid picked; check which is right.`,
        },
        'point',
      );
    }
    if (located && !gridCode) {
      gridCode = located.gridCode;
      communityCode = located.communityCode || communityCode;
    }
  }
  return { gridCode, communityCode, point: wgs };
}

export interface CreateCaseInput {
  source: CaseSource;
  categoryCode: string;
  urgency: Urgency;
  description: string;
  address?: string | null | undefined;
  placeCode?: string | null | undefined;
  point?: PointInput | null | undefined;
  reporter?: string | null | undefined;
  phone?: string | null | undefined;
  reportedAt?: number | undefined;
  cityDueAt?: number | null | undefined;
  cityDeadlineHours?: number | null | undefined;
  registerNow: boolean;
}

export function createCase(
  context: ApiContext,
  input: CreateCaseInput,
): { id: number; caseNo: string; state: CaseState } {
  const { db, actor } = context;
  const now = context.now();
  const category = readCategory(db, input.categoryCode);
  if (!category || !category.active) {
    throw new UserError(
      'unknown_category',
      {
        zh: `没有代码为 ${input.categoryCode} 的在用案件类别。`,
        en: `There is no category in use with the code ${input.categoryCode}.`,
      },
      'categoryCode',
    );
  }
  const reportedAt = input.reportedAt ?? now;
  if (reportedAt > now + MINUTE_MS) {
    throw new UserError(
      'impossible_time',
      {
        zh: `上报时间 ${formatDateTime(reportedAt)} 在将来，请检查。`,
        en: `The report time ${formatDateTime(reportedAt)} is in the future; check it.`,
      },
      'reportedAt',
    );
  }
  if (reportedAt < now - 30 * DAY_MS) {
    throw new UserError(
      'impossible_time',
      {
        zh: `上报时间 ${formatDateTime(reportedAt)} 早于 30 天前：历史案卷请用数据交换导入。`,
        en: `The report time ${formatDateTime(reportedAt)} is over 30 days ago; import older cases through data exchange.`,
      },
      'reportedAt',
    );
  }
  if (!input.placeCode && !input.point) {
    throw new UserError(
      'place_needed',
      { zh: '请选择社区或网格，或填写坐标。', en: 'Pick a community or grid, or give a point.' },
      'placeCode',
    );
  }
  const rules = loadClockRules(db, input.categoryCode, input.urgency);
  const created = db
    .transaction(() => {
      const place = resolvePlace(db, input.placeCode, input.point);
      const caseNo = nextCaseNumber(db, input.categoryCode, reportedAt);
      const id = insertReportedCase(
        db,
        caseNo,
        {
          source: input.source,
          categoryCode: input.categoryCode,
          description: input.description,
          address: input.address?.trim() || null,
          lng: place.point?.lng ?? null,
          lat: place.point?.lat ?? null,
          originalCrs: input.point ? input.point.crs : null,
          originalLng: input.point?.lng ?? null,
          originalLat: input.point?.lat ?? null,
          gridCode: place.gridCode,
          communityCode: place.communityCode,
          urgency: input.urgency,
          reportedAt,
          acceptDueAt: acceptDueAt(reportedAt, rules),
          cityDueAt: input.cityDueAt ?? null,
          cityDeadlineHours: input.cityDeadlineHours ?? null,
          reporter: input.reporter?.trim() || null,
          phone: input.phone?.replace(/\s+/g, '') || null,
        },
        now,
      );
      insertCaseEvent(
        db,
        id,
        {
          kind: 'report',
          fromState: null,
          toState: 'reported',
          at: reportedAt,
          note: null,
          data: { source: input.source },
        },
        { userId: actor.userId, name: actor.name },
      );
      let state: CaseState = 'reported';
      if (input.registerNow) {
        applyMove(context, id, { kind: 'register', note: null }, now);
        state = 'registered';
      }
      return { id, caseNo, state };
    })
    .immediate();
  context.live.publish({ type: 'cases.changed', caseIds: [created.id], at: now });
  return created;
}
