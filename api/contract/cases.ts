/**
 * The case board and the case itself (案件): pages of cards, one case with its history and
 * the moves its viewer may make, and the one method that makes a move. The moves' shapes
 * follow core/cases/moves.ts; every time is epoch ms, shown in Asia/Shanghai.
 */
import type { StageLimits } from '../../core/cases/stage-clocks';
import { z } from 'zod';
import type { MoveOption } from '../../core/cases/allowed-moves';
import type { PendingExtension } from '../../core/cases/case-snapshot';
import {
  CASE_SOURCES,
  CASE_STATES,
  SATISFACTIONS,
  URGENCIES,
  type CaseState,
} from '../../core/glossary';
import { method } from './define';
import { OPEN_STATES } from '../../core/cases/case-states';
import type { AttachmentMeta } from '../../db/queries/case-attachments';
import type { CategoryOption, PlaceOption, UnitOption } from '../../db/queries/case-lookups';
import type { StandardOption } from '../../db/queries/category-standards';
import type { CaseDetailRow, CaseListRow, CaseNearbyRow } from '../../core/cases/case-views';
import type { CaseEventRow, CaseUnitRow } from '../../db/queries/case-snapshot';

/** An instant a person could mean: 2000–2100. Anything else is a typing or clock slip. */
export const epochMs = z
  .number()
  .int()
  .min(Date.UTC(2000, 0, 1), '时间早于 2000 年，不合理 (a time before 2000 is impossible here)')
  .max(Date.UTC(2100, 0, 1), '时间晚于 2100 年，不合理 (a time after 2100 is impossible here)');

const code = z.string().trim().min(1).max(40);
const categoryCode = z
  .string()
  .regex(/^[CE]\d{4}$/, '类别代码形如 E0505 (a category code looks like E0505)');

export const boardFilters = z
  .object({
    communityCode: code.optional(),
    gridCode: code.optional(),
    categoryCode: categoryCode.optional(),
    source: z.enum(CASE_SOURCES).optional(),
    unitCode: code.optional(),
    urgency: z.enum(URGENCIES).optional(),
    overdueOnly: z.boolean().optional(),
    nearDueOnly: z.boolean().optional(),
    escalatedOnly: z.boolean().optional(),
    supervisedOnly: z.boolean().optional(),
    reportedFrom: epochMs.optional(),
    reportedTo: epochMs.optional(),
    closedFrom: epochMs.optional(),
    closedTo: epochMs.optional(),
    q: z.string().max(100).optional(),
  })
  .strict();
export type BoardFiltersInput = z.input<typeof boardFilters>;

/** The board's columns: the open states (core/cases/case-states.ts), in the workflow's order. */
export const OPEN_BOARD_STATES = OPEN_STATES;

/**
 * The shapes are the db rows' own (db/queries/case-*.ts), declared once: a card on the board
 * and a row of the table, a history event, an attachment's description, the pick lists.
 */
/** A card on the board and a row of the table: core/cases/case-views.ts CASE_LIST_VIEW. */
export type CaseCard = CaseListRow;
export type { CaseEventRow as CaseEventView, CaseUnitRow } from '../../db/queries/case-snapshot';

export type AttachmentView = Omit<AttachmentMeta, 'caseId'>;

export interface BoardColumn {
  state: CaseState;
  total: number;
  rows: CaseListRow[];
}

export interface CaseBoard {
  asOf: number;
  columns: BoardColumn[];
  /** Always false on the open board (its search is exact); kept for the table's shape. */
  searchTruncated: boolean;
}

export interface CasePageResult {
  asOf: number;
  offset: number;
  rows: CaseListRow[];
  /**
   * Exact for open cases and for a search; a history view (closed, voided…) is not counted:
   * its total is what is loaded so far plus one page while `totalCapped` says there is more.
   */
  total: number;
  totalCapped: boolean;
  /** A history search matched more than it keeps (the newest 2,000 matches). */
  searchTruncated: boolean;
}

export interface CaseLookups {
  categories: CategoryOption[];
  units: UnitOption[];
  places: PlaceOption[];
  /**
   * The active version's 立案条件, by category and within one the shortest limit first
   * (db/queries/category-standards.ts readStandardOptions: an approximate order only).
   */
  standards: StandardOption[];
}

/** A case near this one (core/cases/case-views.ts CASE_NEARBY_VIEW) and how near. */
export type RelatedCase = Pick<
  CaseNearbyRow,
  'id' | 'caseNo' | 'state' | 'categoryName' | 'address' | 'reportedAt'
> & {
  /** Same category within 50 m / 24 h (or in the same grid, when there is no point). */
  possibleDuplicate: boolean;
  distanceM: number | null;
};

/**
 * One case as its screen shows it: the fields core/cases/case-views.ts CASE_DETAIL_VIEW
 * lists (personal data masked by role) with their names, and…
 */
export type CaseDetail = CaseDetailRow & {
  asOf: number;
  /** Reporter and phone are masked for this viewer's role. */
  personalDataMasked: boolean;
  units: CaseUnitRow[];
  events: CaseEventRow[];
  attachments: AttachmentView[];
  related: RelatedCase[];
  pendingExtension: PendingExtension | null;
  /** The unit dispatch suggests: the category's, or the case's community for 社区居委会. */
  suggestedLeadUnitCode: string | null;
  /** What this viewer may do now (core/cases/allowed-moves). */
  moves: MoveOption[];
  /** The 立案条件 the case was registered under (its standardId), or null. */
  standard: Pick<StandardOption, 'condition' | 'closeCondition' | 'limit' | 'note'> | null;
  /** The dispatch and verify stages' limits in force (core/cases/stage-clocks.ts). */
  stageLimits: StageLimits;
};

const note = z.string().trim().max(1000);
const reason = z.string().trim().min(1, '请写明原因 (a reason is needed)').max(1000);
const units = z.array(code).max(10);

/** One move: its kind and what it asks for (core/cases/moves.ts MoveInput). */
export const moveInput = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('register'),
      note: note.nullish(),
      /** The 立案条件 chosen; the category's first in the active standard when absent. */
      standardId: z.number().int().positive().nullish(),
    })
    .strict(),
  z.object({ kind: z.literal('void'), reason, duplicateOfCaseNo: code.nullish() }).strict(),
  z
    .object({
      kind: z.literal('dispatch'),
      leadUnitCode: code,
      assistUnitCodes: units.default([]),
      note: note.nullish(),
    })
    .strict(),
  z.object({ kind: z.literal('sign'), note: note.nullish() }).strict(),
  z.object({ kind: z.literal('handle'), result: reason }).strict(),
  z.object({ kind: z.literal('close'), note: note.nullish() }).strict(),
  z.object({ kind: z.literal('return'), reason }).strict(),
  z.object({ kind: z.literal('rework'), reason }).strict(),
  z.object({ kind: z.literal('request_extension'), newDueAt: epochMs, reason }).strict(),
  z.object({ kind: z.literal('extend'), newDueAt: epochMs, reason }).strict(),
  z.object({ kind: z.literal('decline_extension'), reason }).strict(),
  z.object({ kind: z.literal('suspend'), reason }).strict(),
  z.object({ kind: z.literal('resume'), note: note.nullish() }).strict(),
  z
    .object({
      kind: z.literal('escalate'),
      leadUnitCode: code,
      assistUnitCodes: units.min(
        1,
        '吹哨至少要叫一个协办部门 (name at least one assisting department)',
      ),
      note: reason,
    })
    .strict(),
  z.object({ kind: z.literal('supervise'), note: reason }).strict(),
  z
    .object({
      kind: z.literal('callback'),
      satisfaction: z.enum(SATISFACTIONS),
      note: note.nullish(),
    })
    .strict(),
  z.object({ kind: z.literal('note'), note: reason }).strict(),
]);
export type MoveRequest = z.input<typeof moveInput>;

const caseRef = z.union([
  z.object({ id: z.number().int().positive() }).strict(),
  z.object({ caseNo: code }).strict(),
]);

export const casesContract = {
  'cases.lookups': method<CaseLookups>()(z.object({}).strict()),
  'cases.board': method<CaseBoard>()(
    z
      .object({
        filters: boardFilters.default({}),
        perColumn: z.number().int().min(1).max(200).default(40),
      })
      .strict(),
  ),
  'cases.list': method<CasePageResult>()(
    z
      .object({
        filters: boardFilters.default({}),
        states: z
          .array(z.enum(CASE_STATES))
          .min(1)
          .max(8)
          .default([...OPEN_BOARD_STATES]),
        sort: z.enum(['due', 'reported_desc', 'closed_desc']).default('due'),
        offset: z.number().int().min(0).max(10_000_000).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
  ),
  'cases.get': method<CaseDetail>()(caseRef),
  'cases.move': method<{ detail: CaseDetail; eventId: number }>()(
    z
      .object({
        caseId: z.number().int().positive(),
        /** The state the user saw: a move on a case someone else just moved is refused. */
        expectedState: z.enum(CASE_STATES).optional(),
        move: moveInput,
      })
      .strict(),
  ),
  'cases.newlyOverdue': method<{
    asOf: number;
    cases: Array<CaseListRow & { dueAt: number }>;
  }>()(z.object({ since: epochMs }).strict()),
};
