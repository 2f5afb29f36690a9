/**
 * 周调度: the agenda for an ISO week (last week's community figures with tiers and change,
 * overdue cases by age, escalated and supervised cases, earlier dispatch items still open),
 * the meeting's dispatch items, and the minutes.
 */
import { z } from 'zod';
import type { AgendaWishRow } from '../../db/queries/wishes';
import type { AgendaParty } from '../../db/queries/agenda-party';
import type { CaseListRow, CaseRef } from '../../core/cases/case-views';
import type { OverdueAgeGroup, DispatchItemStatus } from '../../core/weekly/agenda-rules';
import type { WeightSet } from '../../core/ranking/weight-set';
import { method } from './define';
import type { ExportedFile, PeriodInfo, RankingRow } from './ranking';

/** A case on the agenda: core/cases/case-views.ts CASE_LIST_VIEW. */
export type AgendaCase = CaseListRow;

export interface OverdueGroup {
  group: OverdueAgeGroup;
  /** All overdue cases in the group (the list may be shorter). */
  count: number;
  cases: AgendaCase[];
}

export interface UnitRef {
  code: string;
  name: string;
}

export interface DispatchItemView {
  id: number;
  /** The ISO week of the meeting that decided it. */
  week: string;
  title: string;
  leadUnit: UnitRef;
  assistUnits: UnitRef[];
  owner: string;
  dueDay: string;
  /** open / done, and overdue when open past its due day. */
  status: DispatchItemStatus;
  doneAt: number | null;
  progressNote: string | null;
  createdAt: number;
  createdBy: string;
  cases: CaseRef[];
}

export interface MeetingRecord {
  week: string;
  heldAt: number | null;
  chair: string | null;
  attendees: string | null;
  notes: string | null;
}

export interface WeeklyAgenda {
  week: PeriodInfo;
  /** The week whose figures are shown (the week before the meeting's). */
  figuresWeek: PeriodInfo;
  /** The week they are compared with. */
  comparedWeek: PeriodInfo;
  /** The instant overdue and open are measured at: now, or the end of a past week. */
  asOf: number;
  weightSet: WeightSet;
  figures: RankingRow[];
  overdue: { total: number; groups: OverdueGroup[] };
  escalated: AgendaCase[];
  supervised: AgendaCase[];
  /** Earlier meetings' items still open, or done since the week before. */
  carriedItems: DispatchItemView[];
  /** This meeting's items. */
  items: DispatchItemView[];
  meeting: MeetingRecord | null;
  /** 微心愿 (issue 14): open wishes past their clock, and how many wait for a claim. */
  wishes: {
    unclaimed: number;
    overdueTotal: number;
    overdue: AgendaWishRow[];
  };
  /** 党建 (issue 14): projects due or overdue, and the members who served in the reviewed week. */
  party: AgendaParty;
}

const WEEK_SCHEMA = z.string().regex(/^\d{4}-W\d{2}$/, 'expected YYYY-Www');
const DAY_SCHEMA = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const UNIT_CODE = z.string().min(1).max(40);
const CASE_NOS = z.array(z.string().trim().min(1).max(40)).max(200);

export const weeklyContract = {
  'weekly.agenda': method<WeeklyAgenda>()(
    z
      .object({
        week: WEEK_SCHEMA,
        /** How many cases each overdue group lists at most. */
        listLimit: z.number().int().min(1).max(2000).default(200),
      })
      .strict(),
  ),
  'weekly.units': method<Array<UnitRef & { kind: string }>>()(z.object({}).strict()),
  'weekly.meeting.save': method<MeetingRecord>()(
    z
      .object({
        week: WEEK_SCHEMA,
        heldAt: z.number().int().nullable().optional(),
        chair: z.string().trim().max(50).nullable().optional(),
        attendees: z.string().trim().max(1000).nullable().optional(),
        notes: z.string().max(8000).nullable().optional(),
      })
      .strict(),
  ),
  'weekly.items.create': method<DispatchItemView>()(
    z
      .object({
        week: WEEK_SCHEMA,
        title: z.string().trim().min(1).max(200),
        leadUnitCode: UNIT_CODE,
        assistUnitCodes: z.array(UNIT_CODE).max(30).default([]),
        owner: z.string().trim().min(1).max(50),
        dueDay: DAY_SCHEMA,
        caseNos: CASE_NOS.default([]),
      })
      .strict(),
  ),
  'weekly.items.update': method<DispatchItemView>()(
    z
      .object({
        id: z.number().int().positive(),
        status: z.enum(['open', 'done']).optional(),
        progressNote: z.string().max(2000).nullable().optional(),
        title: z.string().trim().min(1).max(200).optional(),
        leadUnitCode: UNIT_CODE.optional(),
        assistUnitCodes: z.array(UNIT_CODE).max(30).optional(),
        owner: z.string().trim().min(1).max(50).optional(),
        dueDay: DAY_SCHEMA.optional(),
        caseNos: CASE_NOS.optional(),
      })
      .strict(),
  ),
  'weekly.minutes.export': method<ExportedFile>()(
    z.object({ week: WEEK_SCHEMA, format: z.enum(['xlsx', 'pdf']) }).strict(),
  ),
};
