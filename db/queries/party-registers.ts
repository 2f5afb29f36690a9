/**
 * The registers' tables (党建引领 台账): for each register, the SQL behind the columns of
 * core/party/registers.ts, its search and its filters, read a page at a time. Filters and
 * the order use the register's own table only (names of linked rows through subqueries), so
 * counting a city-sized register (740,000 service records) never joins.
 */
import type { Register } from '../../core/party/registers';
import type { Db } from '../open';
import { likeContains } from './like-pattern';
import { REGISTER_SQL } from './party-register-sql';

export interface RegisterFilters {
  q?: string | null;
  communityCode?: string | null;
  /** A value of REGISTER_STATUS_VALUES[register]. */
  status?: string | null;
  /** Whether the viewer sees personal data in full: only then are phones and names searched. */
  personalSearch?: boolean;
  unitId?: number | null;
  memberId?: number | null;
  teamId?: number | null;
  /** Rows linked through 双向点单 to one need, resource or project. */
  linkedTo?: { register: 'needs' | 'resources' | 'projects'; id: number } | null;
}

export type RegisterCell = string | number | null;
export type RegisterRow = { id: number } & Record<string, RegisterCell>;

const alias = (table: string) => table.split(' ')[1]!;

function whereOf(register: Register, filters: RegisterFilters) {
  const spec = REGISTER_SQL[register];
  const conditions: string[] = [];
  const params: Record<string, unknown> = {};
  const q = filters.q?.trim();
  if (q) {
    const columns = [
      ...spec.search.columns,
      ...(filters.personalSearch ? (spec.search.personal ?? []) : []),
    ];
    const matches = [
      ...columns.map((col) => `${col} LIKE @q ESCAPE '\\'`),
      ...(spec.search.also ?? []),
    ];
    conditions.push(`(${matches.join(' OR ')})`);
    params.q = likeContains(q);
  }
  if (filters.communityCode && spec.community) {
    conditions.push(
      spec.community.includes('@community') ? spec.community : `${spec.community} = @community`,
    );
    params.community = filters.communityCode;
  }
  if (filters.unitId != null && spec.unit) {
    conditions.push(`${spec.unit} = @unit`);
    params.unit = filters.unitId;
  }
  if (filters.memberId != null && spec.member) {
    conditions.push(`${spec.member} = @member`);
    params.member = filters.memberId;
  }
  if (filters.teamId != null && spec.team) {
    conditions.push(`${spec.team} = @team`);
    params.team = filters.teamId;
  }
  const link = filters.linkedTo ? spec.links?.[filters.linkedTo.register] : undefined;
  // A relation the register does not have is the caller's mistake: never list every row instead.
  if (filters.linkedTo && !link)
    throw new Error(`${register} rows are not linked to ${filters.linkedTo.register}`);
  if (filters.linkedTo && link) {
    conditions.push(link);
    params.linked = filters.linkedTo.id;
  }
  if (filters.status) {
    // A status the register does not have is the caller's mistake: never list every row instead.
    if (!spec.status || !Object.hasOwn(spec.status, filters.status))
      throw new Error(`${register} has no status filter "${filters.status}"`);
    conditions.push(spec.status[filters.status]!);
  }
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

/**
 * One page of a register's rows (the columns of REGISTER_COLUMNS and the extras of REGISTER_SQL).
 * The page's ids are found on the register's own table first (its filters and order need
 * nothing else), and only those rows are joined to their names: joining 740,000 records
 * before sorting them took seconds a page.
 */
export function readRegisterPage(
  db: Db,
  register: Register,
  filters: RegisterFilters,
  page: { offset: number; limit: number; count?: boolean },
  today: string,
): { total: number | null; rows: RegisterRow[] } {
  const spec = REGISTER_SQL[register];
  const { where, params } = whereOf(register, filters);
  const bound = { ...params, today };
  const needsToday = (sql: string) => sql.includes('@today');
  const columns = Object.entries(spec.select)
    .map(([key, expr]) => `${expr} AS "${key}"`)
    .join(', ');
  const from =
    filters.communityCode && spec.communityIndex
      ? `${spec.table} INDEXED BY ${spec.communityIndex}`
      : spec.table;
  const countSql = `SELECT count(*) FROM ${from} ${where}`;
  const countParams = needsToday(countSql) ? bound : params;
  // A table scrolling on asks for its next pages without the count it already has.
  const total =
    page.count === false ? null : (db.prepare(countSql).pluck().get(countParams) as number);
  const base = alias(spec.table);
  const idsSql = `SELECT ${base}.id FROM ${from} ${where}
     ORDER BY ${spec.order} LIMIT @limit OFFSET @offset`;
  const rowsSql = `SELECT ${base}.id AS id, ${columns} FROM ${spec.table} ${spec.joins}
     WHERE ${base}.id IN (${idsSql}) ORDER BY ${spec.order}`;
  const rows = db
    .prepare(rowsSql)
    .all({ ...bound, limit: page.limit, offset: page.offset }) as RegisterRow[];
  return { total, rows };
}

/** One row of a register, or null. */
export function readRegisterRow(
  db: Db,
  register: Register,
  id: number,
  today: string,
): RegisterRow | null {
  const spec = REGISTER_SQL[register];
  const columns = Object.entries(spec.select)
    .map(([key, expr]) => `${expr} AS "${key}"`)
    .join(', ');
  const sql = `SELECT ${alias(spec.table)}.id AS id, ${columns} FROM ${spec.table} ${spec.joins}
     WHERE ${alias(spec.table)}.id = @id`;
  return (db.prepare(sql).get({ id, today }) as RegisterRow | undefined) ?? null;
}
