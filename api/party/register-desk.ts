/**
 * The registers' tables and one row's detail (issue 14). Phones and residents' names (the
 * columns of kind `phone` and `person`) are masked by role exactly as a case's reporter; a
 * row's detail brings its history and the rows it is linked to (a unit's members, a need's
 * projects, a project's needs and resources).
 */
import type { LookupOption, RegisterItem, RegisterPage, RegisterRelated } from '../contract';
import type { ApiContext } from '../context';
import { UserError } from '../errors';
import { maskName, maskPhone, seesPersonalData } from '../../core/cases/personal-data';
import {
  REGISTER_COLUMNS,
  REGISTER_STATUS_VALUES,
  type Register,
} from '../../core/party/registers';
import { isProjectOpen, type ProjectStatus } from '../../core/party/project-state';
import { dayString } from '../../core/time';
import { readRegisterEvents } from '../../db/queries/party-register-events';
import { readRegisterLookup } from '../../db/queries/party-lookups';
import {
  readRegisterPage,
  readRegisterRow,
  type RegisterFilters,
  type RegisterRow,
} from '../../db/queries/party-registers';
import { mayApprove, mayEnter } from './register-roles';

const RELATED_LIMIT = 50;

function maskRows(register: Register, rows: RegisterRow[], sees: boolean): RegisterRow[] {
  if (sees) return rows;
  const masked = REGISTER_COLUMNS[register].filter(
    (c) => c.kind === 'phone' || c.kind === 'person',
  );
  return rows.map((row) => {
    const next = { ...row };
    for (const column of masked) {
      const value = row[column.key];
      if (typeof value !== 'string') continue;
      next[column.key] = column.kind === 'phone' ? maskPhone(value) : maskName(value);
    }
    return next;
  });
}

export function registerPage(
  context: ApiContext,
  input: {
    register: Register;
    filters: RegisterFilters;
    offset: number;
    limit: number;
    count?: boolean;
  },
): RegisterPage {
  const today = dayString(context.now());
  const sees = seesPersonalData(context.actor.role);
  const status = input.filters.status;
  if (status && !(REGISTER_STATUS_VALUES[input.register] ?? []).includes(status))
    throw new UserError(
      'register_status',
      {
        zh: `这个台账没有“${status}”这种状态可筛选。`,
        en: `The ${input.register} register has no status "${status}" to filter by.`,
      },
      'status',
    );
  const page = readRegisterPage(
    context.db,
    input.register,
    { ...input.filters, personalSearch: sees },
    input,
    today,
  );
  return {
    register: input.register,
    total: page.total,
    rows: maskRows(input.register, page.rows, sees),
    personalDataMasked: !sees,
  };
}

const RELATIONS: Record<
  Register,
  { register: Register; relation: string; filters: (id: number) => RegisterFilters }[]
> = {
  units: [
    { register: 'members', relation: 'members', filters: (id) => ({ unitId: id }) },
    { register: 'projects', relation: 'projects', filters: (id) => ({ unitId: id }) },
    { register: 'resources', relation: 'resources', filters: (id) => ({ unitId: id }) },
  ],
  members: [
    { register: 'records', relation: 'records', filters: (id) => ({ memberId: id }) },
    { register: 'resources', relation: 'resources', filters: (id) => ({ memberId: id }) },
  ],
  records: [],
  needs: [
    {
      register: 'projects',
      relation: 'projects',
      filters: (id) => ({ linkedTo: { register: 'needs', id } }),
    },
  ],
  resources: [
    {
      register: 'projects',
      relation: 'projects',
      filters: (id) => ({ linkedTo: { register: 'resources', id } }),
    },
  ],
  projects: [
    {
      register: 'needs',
      relation: 'needs',
      filters: (id) => ({ linkedTo: { register: 'projects', id } }),
    },
    {
      register: 'resources',
      relation: 'resources',
      filters: (id) => ({ linkedTo: { register: 'projects', id } }),
    },
  ],
  volunteers: [],
  activities: [],
};

/** A member's or unit's service hours this year (a unit's: its own records and its members'). */
function facts(context: ApiContext, register: Register, id: number, year: string) {
  const where =
    register === 'members'
      ? 'member_id = @id'
      : register === 'units'
        ? '(unit_id = @id OR member_id IN (SELECT id FROM party_members WHERE unit_id = @id))'
        : null;
  if (!where) return [];
  const hours = context.db
    .prepare(
      `SELECT coalesce(sum(hours), 0) FROM service_records WHERE ${where} AND served_on GLOB @year`,
    )
    .pluck()
    .get({ id, year: `${year}-*` }) as number;
  return [{ key: 'hoursThisYear', value: Math.round(hours * 10) / 10 }];
}

function noSuchRow(register: Register, id: number): UserError {
  return new UserError('register_row_missing', {
    zh: `台账中没有编号为 ${id} 的记录（${register}）。`,
    en: `There is no row ${id} in the ${register} register.`,
  });
}

export function registerItem(context: ApiContext, register: Register, id: number): RegisterItem {
  const now = context.now();
  const today = dayString(now);
  const row = readRegisterRow(context.db, register, id, today);
  if (!row) throw noSuchRow(register, id);
  const sees = seesPersonalData(context.actor.role);
  const related: RegisterRelated[] = RELATIONS[register].map((relation) => {
    const page = readRegisterPage(
      context.db,
      relation.register,
      relation.filters(id),
      { offset: 0, limit: RELATED_LIMIT },
      today,
    );
    return {
      register: relation.register,
      relation: relation.relation,
      total: page.total ?? page.rows.length,
      rows: maskRows(relation.register, page.rows, sees),
    };
  });
  return {
    register,
    row: maskRows(register, [row], sees)[0]!,
    personalDataMasked: !sees,
    related,
    events: readRegisterEvents(context.db, register, id),
    moves: register === 'projects' ? projectMoves(context, row) : [],
    facts: facts(context, register, id, today.slice(0, 4)),
  };
}

function projectMoves(context: ApiContext, row: RegisterRow): RegisterItem['moves'] {
  const status = row.status as ProjectStatus;
  if (!isProjectOpen(status)) return [];
  const moves: RegisterItem['moves'] = [];
  if (!row.approved && mayApprove(context)) moves.push('approve');
  if (mayEnter(context, (row.communityCode as string | null) ?? null)) {
    if (status === 'planned' && row.approved) moves.push('start');
    if (status === 'in_progress') moves.push('finish');
    moves.push('cancel');
  }
  return moves;
}

/** The pickers of the entry forms: units, members and teams by name or code. */
export function registerLookup(
  context: ApiContext,
  what: 'units' | 'members' | 'teams',
  q: string,
): LookupOption[] {
  return readRegisterLookup(context.db, what, q);
}
