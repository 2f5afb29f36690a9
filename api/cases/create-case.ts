/**
 * Quick entry (快速登记): where the case is (a picked grid or community, or a point located
 * to its grid) and its number from the database; the case, its 'report' event and — for a
 * phone call taken on the spot — its registration planned by core/cases/intake.ts; all
 * written in one transaction.
 */
import { eventActorOf } from './event-actor';
import { WorkCalendar } from '../../core/calendar';
import { planIntake } from '../../core/cases/intake';
import { toWgs84 } from '../../core/geo/coordinates';
import { readCategory, readPlace, readUnit } from '../../db/queries/case-lookups';
import { nextCaseNumber } from '../../db/queries/case-intake';
import { insertCaseEvent } from '../../db/queries/case-moves';
import { registerStandard } from './move-case';
import { insertCase } from '../../db/queries/case-select';
import { loadClockRules, loadWorkCalendar } from '../../db/queries/clock-rules';
import { locateGrid } from '../../db/queries/grid-locator';
import { loadWorkPeriods } from '../../db/queries/work-periods';
import { DEFAULT_WORK_PERIODS } from '../../core/limits/work-periods';
import type { Db } from '../../db/open';
import type { ApiParsedInput, CreatedCase } from '../contract';
import type { ApiContext } from '../context';
import { UserError } from '../errors';

type PointInput = NonNullable<CreateCaseInput['point']>;

interface ResolvedPlace {
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

/** What quick entry sends, as the contract has checked it. */
type CreateCaseInput = ApiParsedInput<'cases.create'>;

export function createCase(context: ApiContext, input: CreateCaseInput): CreatedCase {
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
  if (!input.placeCode && !input.point) {
    throw new UserError(
      'place_needed',
      { zh: '请选择社区或网格，或填写坐标。', en: 'Pick a community or grid, or give a point.' },
      'placeCode',
    );
  }
  const standardId = input.registerNow
    ? registerStandard(db, input.categoryCode, { standardId: input.standardId }, 'standardId')
    : null;
  const deps = {
    rules: loadClockRules(db, input.categoryCode, input.urgency, standardId),
    calendar: input.registerNow ? loadWorkCalendar(db) : new WorkCalendar([]),
    periods: input.registerNow ? loadWorkPeriods(db, now) : DEFAULT_WORK_PERIODS,
    unit: (code: string) => readUnit(db, code),
  };
  const created = db
    .transaction(() => {
      const place = resolvePlace(db, input.placeCode, input.point);
      const reportedAt = input.reportedAt ?? now;
      const plan = planIntake(
        {
          ...input,
          caseNo: nextCaseNumber(db, input.categoryCode, reportedAt),
          reportedAt,
          address: input.address ?? null,
          gridCode: place.gridCode,
          communityCode: place.communityCode,
          point: place.point,
          original: input.point ?? null,
          reporter: input.reporter ?? null,
          phone: input.phone ?? null,
          cityDueAt: input.cityDueAt ?? null,
          cityDeadlineHours: input.cityDeadlineHours ?? null,
          standardId,
        },
        actor,
        now,
        deps,
      );
      if (!plan.ok) throw new UserError(plan.code, plan.sentence, plan.where);
      const id = insertCase(db, plan.record);
      for (const event of plan.events) insertCaseEvent(db, id, event, eventActorOf(context));
      return { id, caseNo: plan.record.caseNo, state: plan.record.state };
    })
    .immediate();
  context.live.publish({ type: 'cases.changed', caseIds: [created.id], at: now });
  return created;
}
