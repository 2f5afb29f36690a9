import { dayString, parseDayString } from '../../core/time';
import {
  caseIdsByNumber,
  createItem,
  dispatchItem,
  listUnits,
  saveMeeting,
  updateItem,
} from '../../db/queries/dispatch-items';
import type { Db } from '../../db/open';
import type { ApiContext } from '../context';
import { renderMinutesExport } from '../documents/minutes-export';
import { UserError } from '../errors';
import { requirePeriod } from '../ranking/periods';
import { buildAgenda, toItemView, toMeetingRecord } from '../weekly/agenda';
import type { FeatureHandlers } from './types';

function requireUnits(db: Db, codes: readonly string[], where: string): void {
  const known = new Set(listUnits(db).map((u) => u.code));
  const unknown = codes.filter((code) => !known.has(code));
  if (unknown.length > 0) {
    throw new UserError(
      'unknown_unit',
      {
        zh: `${where}：没有编码为 ${unknown.join('、')} 的单位。`,
        en: `${where}: there is no unit ${unknown.join(', ')}.`,
      },
      where,
    );
  }
}

/** A real calendar day: 2026-02-30 parses (Date.UTC rolls it over) but does not come back the same. */
function isRealDay(day: string): boolean {
  try {
    return dayString(parseDayString(day)) === day;
  } catch {
    return false;
  }
}

function requireDay(day: string, where: string): void {
  if (!isRealDay(day)) {
    throw new UserError(
      'invalid_day',
      { zh: `${where}：${day} 不是有效日期。`, en: `${where}: ${day} is not a real date.` },
      where,
    );
  }
}

function requireCases(db: Db, caseNos: readonly string[]): number[] {
  const { ids, unknown } = caseIdsByNumber(db, caseNos);
  if (unknown.length > 0) {
    throw new UserError(
      'unknown_case',
      {
        zh: `关联案件：找不到案卷编号 ${unknown.join('、')}。`,
        en: `Linked cases: no case numbered ${unknown.join(', ')}.`,
      },
      'caseNos',
    );
  }
  return ids;
}

function changed(context: ApiContext): void {
  context.live.publish({ type: 'data.changed', at: context.now() });
}

export const weeklyHandlers = {
  'weekly.agenda': (context, input) =>
    buildAgenda(
      context.db,
      requirePeriod(input.week, 'week', 'week'),
      context.now(),
      input.listLimit,
    ),

  'weekly.units': (context) => listUnits(context.db),

  'weekly.meeting.save': (context, input) => {
    const week = requirePeriod(input.week, 'week', 'week');
    const { week: _week, ...fields } = input;
    const meeting = saveMeeting(context.db, week.key, fields, context.now());
    changed(context);
    return toMeetingRecord(meeting);
  },

  'weekly.items.create': (context, input) => {
    const week = requirePeriod(input.week, 'week', 'week');
    requireUnits(context.db, [input.leadUnitCode], 'leadUnitCode');
    requireUnits(context.db, input.assistUnitCodes, 'assistUnitCodes');
    requireDay(input.dueDay, 'dueDay');
    const caseIds = requireCases(context.db, input.caseNos);
    const item = createItem(
      context.db,
      week.key,
      {
        title: input.title,
        leadUnitCode: input.leadUnitCode,
        assistUnitCodes: input.assistUnitCodes.filter((code) => code !== input.leadUnitCode),
        owner: input.owner,
        dueDay: input.dueDay,
        caseIds,
      },
      context.actor.name,
      context.now(),
    );
    changed(context);
    return toItemView(item, context.now());
  },

  'weekly.items.update': (context, input) => {
    if (!dispatchItem(context.db, input.id)) {
      throw new UserError(
        'item_not_found',
        { zh: `没有编号为 ${input.id} 的调度事项。`, en: `There is no dispatch item ${input.id}.` },
        'id',
      );
    }
    if (input.leadUnitCode) requireUnits(context.db, [input.leadUnitCode], 'leadUnitCode');
    if (input.assistUnitCodes) requireUnits(context.db, input.assistUnitCodes, 'assistUnitCodes');
    if (input.dueDay) requireDay(input.dueDay, 'dueDay');
    const { id, caseNos, ...fields } = input;
    const item = updateItem(
      context.db,
      id,
      { ...fields, ...(caseNos ? { caseIds: requireCases(context.db, caseNos) } : {}) },
      context.now(),
    );
    changed(context);
    return toItemView(item, context.now());
  },

  'weekly.minutes.export': (context, input) => {
    const week = requirePeriod(input.week, 'week', 'week');
    const agenda = buildAgenda(context.db, week, context.now(), 500);
    return renderMinutesExport(context.db, { format: input.format, agenda, now: context.now() });
  },
} satisfies FeatureHandlers<
  | 'weekly.agenda'
  | 'weekly.units'
  | 'weekly.meeting.save'
  | 'weekly.items.create'
  | 'weekly.items.update'
  | 'weekly.minutes.export'
>;
