/**
 * 党建引领 台账 (issue 14): the registers' tables, one row's detail with its history and related
 * rows, keyboard entry, 双向点单 (a need matched to resources makes a project) and a project's
 * moves (a leader approves; then start, finish, cancel).
 */
import { z } from 'zod';
import {
  NEED_CATEGORIES,
  REGISTERS,
  RESOURCE_KINDS,
  type Register,
} from '../../core/party/registers';
import type { ProjectStatus } from '../../core/party/project-state';
import type { RegisterEventRow } from '../../db/queries/party-register-events';
import type { RegisterCell, RegisterRow } from '../../db/queries/party-registers';
import { method } from './define';
import type { ExportedFile } from './ranking';
import type { MemberImportReport } from '../../db/exchange/member-import';
import type { RegisterImportReport } from '../../db/exchange/register-import';
import { EXCHANGE_REGISTERS } from '../../core/party/register-exchange';

export type { RegisterCell, RegisterRow, MemberImportReport, RegisterImportReport };

/** The registers that are read from and written to files: every one (wishes are on the board). */
export const FILE_REGISTERS = ['members', ...EXCHANGE_REGISTERS] as const;
export type FileRegister = (typeof FILE_REGISTERS)[number];

export interface RegisterPage {
  register: Register;
  /** null when the page was asked for without its count (a table scrolling on). */
  total: number | null;
  rows: RegisterRow[];
  personalDataMasked: boolean;
}

export interface RegisterRelated {
  register: Register;
  /** What the rows are to the item, e.g. 'members' of a unit, 'projects' made from a need. */
  relation: string;
  total: number;
  rows: RegisterRow[];
}

export type ProjectMoveKind = 'approve' | 'start' | 'finish' | 'cancel';

export interface RegisterItem {
  register: Register;
  row: RegisterRow;
  personalDataMasked: boolean;
  related: RegisterRelated[];
  events: RegisterEventRow[];
  /** A project's moves this viewer may make now; empty for the other registers. */
  moves: ProjectMoveKind[];
  /** Figures of the item: a member's or unit's service hours this year, a need's households. */
  facts: { key: string; value: number }[];
}

export interface LookupOption {
  id: number;
  code: string;
  label: string;
  detail: string | null;
}

const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD (expected YYYY-MM-DD)');
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish();
const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\- ]{5,20}$/, '电话号码格式不对 (not a phone number)')
  .nullish();
const placeCode = z
  .string()
  .trim()
  .regex(/^\d{12}(\d{3})?$/, '请选择社区或网格 (choose a community or grid)');
const id = z.number().int().positive();
const yuan = z.number().nonnegative().max(100_000_000);

export const registerFiltersInput = z
  .object({
    q: z.string().trim().max(50).nullish(),
    communityCode: z.string().trim().max(20).nullish(),
    status: z.string().trim().max(20).nullish(),
    unitId: id.nullish(),
    memberId: id.nullish(),
    teamId: id.nullish(),
  })
  .strict();

/** What each register's entry form sends (keyboard entry; codes are given by the desk). */
export const registerEntryInput = z.discriminatedUnion('register', [
  z
    .object({
      register: z.literal('units'),
      name: text(80),
      communityCode: placeCode,
      contactName: optionalText(40),
      contactPhone: phone,
      agreementOn: day.nullish(),
    })
    .strict(),
  z
    .object({
      register: z.literal('members'),
      name: text(40),
      phone,
      unitId: id,
      homeGridCode: placeCode,
      reportedOn: day,
      skills: optionalText(100),
    })
    .strict(),
  z
    .object({
      register: z.literal('records'),
      memberId: id,
      servedOn: day,
      placeCode: placeCode.nullish(),
      activity: text(100),
      theme: optionalText(50),
      hours: z.number().positive().max(24),
    })
    .strict(),
  z
    .object({
      register: z.literal('needs'),
      title: text(100),
      placeCode,
      category: z.enum(NEED_CATEGORIES),
      households: z.number().int().nonnegative().max(100_000).nullish(),
      urgency: z.enum(['normal', 'urgent']),
      raisedOn: day,
    })
    .strict(),
  z
    .object({
      register: z.literal('resources'),
      title: text(100),
      kind: z.enum(RESOURCE_KINDS),
      unitId: id.nullish(),
      offeredByName: optionalText(80),
      communityCode: placeCode.nullish(),
      capacity: optionalText(50),
      amountYuan: yuan.nullish(),
      availableUntil: day.nullish(),
    })
    .strict(),
  z
    .object({
      register: z.literal('volunteers'),
      teamId: id,
      name: text(40),
      phone,
      partyMember: z.boolean(),
      joinedOn: day.nullish(),
    })
    .strict(),
  z
    .object({
      register: z.literal('activities'),
      teamId: id,
      heldOn: day,
      theme: text(100),
      placeCode: placeCode.nullish(),
      participants: z.number().int().nonnegative().max(100_000),
      partyParticipants: z.number().int().nonnegative().max(100_000),
      hours: z.number().nonnegative().max(1_000_000),
    })
    .strict(),
]);
export type RegisterEntry = z.infer<typeof registerEntryInput>;

export const projectOrderInput = z
  .object({
    /** 'community': a community ordered from the resources; 'unit': a unit claimed the need. */
    orderedBy: z.enum(['community', 'unit']),
    needIds: z.array(id).min(1).max(20),
    resourceIds: z.array(id).max(20),
    title: text(100),
    ownerUnitId: id,
    budgetYuan: yuan,
    plannedStart: day,
    plannedEnd: day,
  })
  .strict();

export const projectMoveInput = z
  .object({
    projectId: id,
    expectedStatus: z.enum(['planned', 'in_progress', 'done', 'cancelled']),
    move: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('approve'), note: optionalText(200) }).strict(),
      z.object({ kind: z.literal('start'), on: day }).strict(),
      z
        .object({ kind: z.literal('finish'), on: day, spentYuan: yuan, resultNote: text(500) })
        .strict(),
      z.object({ kind: z.literal('cancel'), reason: text(500) }).strict(),
    ]),
  })
  .strict();

export type ProjectMoveStatus = ProjectStatus;

export const partyRegistersContract = {
  'party.registerPage': method<RegisterPage>()(
    z
      .object({
        register: z.enum(REGISTERS),
        filters: registerFiltersInput,
        offset: z.number().int().nonnegative().max(10_000_000),
        limit: z.number().int().positive().max(500),
        /** false: leave out the total (the table has it from the query's first page). */
        count: z.boolean().optional(),
      })
      .strict(),
  ),
  'party.registerItem': method<RegisterItem>()(
    z.object({ register: z.enum(REGISTERS), id }).strict(),
  ),
  'party.enter': method<RegisterItem>()(registerEntryInput),
  'party.orderProject': method<RegisterItem>()(projectOrderInput),
  'party.moveProject': method<RegisterItem>()(projectMoveInput),
  'party.registerFile': method<ExportedFile>()(
    z
      .object({
        register: z.enum(FILE_REGISTERS),
        template: z.boolean(),
        format: z.enum(['xlsx', 'csv']),
      })
      .strict(),
  ),
  'party.importRegister': method<MemberImportReport | RegisterImportReport>()(
    z
      .object({
        register: z.enum(FILE_REGISTERS),
        path: z.string().trim().min(1).max(4096),
        skipInvalid: z.boolean(),
      })
      .strict(),
  ),
  'party.lookup': method<LookupOption[]>()(
    z
      .object({
        what: z.enum(['units', 'members', 'teams']),
        q: z.string().trim().max(30),
      })
      .strict(),
  ),
};
