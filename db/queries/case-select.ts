/**
 * SELECT lists, joins and INSERTs for the case model (core/cases/case-record.ts), built from
 * its one field → column map, so no query writes the case's columns out by hand. A view's
 * names come from the reference tables under fixed aliases: `cat` (categories), `community`
 * and `grid` (places), `unit` (units); the case itself is `c`.
 */
import {
  BOOLEAN_FIELDS,
  CASE_FIELDS,
  CASE_RECORD_COLUMNS,
  type CaseField,
  type CaseName,
  type CaseRecord,
} from '../../core/cases/case-record';
import type { CaseView, CaseViewSpec } from '../../core/cases/case-views';
import type { Db } from '../open';

const NAME_SQL: Record<CaseName, { expression: string; join: JoinName }> = {
  categoryName: { expression: 'cat.minor_name', join: 'cat' },
  majorName: { expression: 'cat.major_name', join: 'cat' },
  categoryKind: { expression: 'cat.kind', join: 'cat' },
  communityName: { expression: 'community.name', join: 'community' },
  gridName: { expression: 'grid.name', join: 'grid' },
  leadUnitName: { expression: 'unit.name', join: 'unit' },
};

type JoinName = 'cat' | 'community' | 'grid' | 'unit';
const JOIN_SQL: Record<JoinName, string> = {
  cat: 'JOIN categories cat ON cat.code = c.category_code',
  community: 'LEFT JOIN places community ON community.code = c.community_code',
  grid: 'LEFT JOIN places grid ON grid.code = c.grid_code',
  unit: 'LEFT JOIN units unit ON unit.code = c.lead_unit_code',
};

/** `c.case_no AS caseNo, …` for the fields given. */
export function caseColumnsSql(fields: readonly CaseField[], alias = 'c'): string {
  return fields
    .map((field) => {
      const column = CASE_RECORD_COLUMNS[field];
      return column === field ? `${alias}.${column}` : `${alias}.${column} AS ${field}`;
    })
    .join(', ');
}

/** The SELECT list and the joins of a view (FROM cases c comes first, then `joins`). */
export function caseViewSql(spec: CaseViewSpec): { columns: string; joins: string } {
  const names = spec.names.map((name) => `${NAME_SQL[name].expression} AS ${name}`);
  const joins = [...new Set(spec.names.map((name) => NAME_SQL[name].join))];
  return {
    columns: [caseColumnsSql(spec.fields), ...names].filter(Boolean).join(', '),
    joins: (['cat', 'community', 'grid', 'unit'] as const)
      .filter((join) => joins.includes(join))
      .map((join) => JOIN_SQL[join])
      .join('\n  '),
  };
}

/** SQLite's 0/1 back to booleans, in place (rows straight from a prepared statement). */
export function caseFromSql<T>(row: T): T {
  const record = row as Record<string, unknown>;
  for (const field of BOOLEAN_FIELDS) if (field in record) record[field] = record[field] === 1;
  return row;
}

/** Reads a view's rows: `where` follows `FROM cases c <joins>` (WHERE, ORDER BY, LIMIT). */
export function selectCaseView<V extends CaseViewSpec, P extends object | unknown[]>(
  db: Db,
  spec: V,
  where: string,
  params: P,
): CaseView<V>[] {
  const { columns, joins } = caseViewSql(spec);
  const statement = db.prepare(`SELECT ${columns} FROM cases c ${joins} ${where}`);
  const rows = (
    Array.isArray(params) ? statement.all(...params) : statement.all(params)
  ) as CaseView<V>[];
  for (const row of rows) caseFromSql(row);
  return rows;
}

/** The whole stored case. */
export function readCaseRecord(db: Db, caseId: number): CaseRecord | null {
  const row = db
    .prepare<[number], CaseRecord>(
      `SELECT ${caseColumnsSql(CASE_FIELDS)} FROM cases c WHERE c.id = ?`,
    )
    .get(caseId);
  return row ? caseFromSql(row) : null;
}

/** One INSERT of the fields given (the rest take the table's defaults); returns the id. */
export function insertCase(db: Db, values: Partial<CaseRecord>): number {
  const fields = (Object.keys(values) as CaseField[]).filter((f) => f in CASE_RECORD_COLUMNS);
  const params: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field];
    params[field] = typeof value === 'boolean' ? (value ? 1 : 0) : value;
  }
  const result = db
    .prepare(
      `INSERT INTO cases (${fields.map((f) => CASE_RECORD_COLUMNS[f]).join(', ')})
       VALUES (${fields.map((f) => `@${f}`).join(', ')})`,
    )
    .run(params);
  return Number(result.lastInsertRowid);
}
