/**
 * One case as the workflow and the case screen read it: the row (cases), plus what only its
 * history knows (who recorded the handling, an extension request awaiting approval), its
 * units, its events in order.
 */
import type { CaseSnapshot, PendingExtension } from '../../core/cases/case-snapshot';
import type {
  CaseEventKind,
  CaseSource,
  CaseState,
  Satisfaction,
  Urgency,
} from '../../core/glossary';
import type { Db } from '../open';

/** The row's columns in camelCase (the cases table, one to one). */
export interface CaseRow {
  id: number;
  caseNo: string;
  source: CaseSource;
  categoryCode: string;
  description: string | null;
  address: string | null;
  lng: number | null;
  lat: number | null;
  gridCode: string | null;
  communityCode: string | null;
  urgency: Urgency;
  state: CaseState;
  stateBeforeSuspend: CaseState | null;
  reportedAt: number;
  registeredAt: number | null;
  dispatchedAt: number | null;
  arrivedAt: number | null;
  handledAt: number | null;
  closedAt: number | null;
  voidedAt: number | null;
  acceptDueAt: number | null;
  onsiteDueAt: number | null;
  baseDueAt: number | null;
  extendedDueAt: number | null;
  dueAt: number | null;
  dueWindowMs: number | null;
  cityDueAt: number | null;
  cityDeadlineHours: number | null;
  suspendedAt: number | null;
  suspendedMs: number;
  leadUnitCode: string | null;
  reporter: string | null;
  phone: string | null;
  satisfaction: Satisfaction | null;
  callbackAt: number | null;
  reworkCount: number;
  extensionCount: number;
  escalated: boolean;
  supervised: boolean;
  handlerName: string | null;
  verifierName: string | null;
  resultNote: string | null;
  voidReason: string | null;
  importBatchId: number | null;
  createdAt: number;
  updatedAt: number;
}

export const CASE_COLUMNS = /* sql */ `
  c.id, c.case_no AS caseNo, c.source, c.category_code AS categoryCode, c.description, c.address,
  c.lng, c.lat, c.grid_code AS gridCode, c.community_code AS communityCode, c.urgency, c.state,
  c.state_before_suspend AS stateBeforeSuspend, c.reported_at AS reportedAt,
  c.registered_at AS registeredAt, c.dispatched_at AS dispatchedAt, c.arrived_at AS arrivedAt,
  c.handled_at AS handledAt, c.closed_at AS closedAt, c.voided_at AS voidedAt,
  c.accept_due_at AS acceptDueAt, c.onsite_due_at AS onsiteDueAt, c.base_due_at AS baseDueAt,
  c.extended_due_at AS extendedDueAt, c.due_at AS dueAt, c.due_window_ms AS dueWindowMs,
  c.city_due_at AS cityDueAt, c.city_deadline_hours AS cityDeadlineHours,
  c.suspended_at AS suspendedAt, c.suspended_ms AS suspendedMs, c.lead_unit_code AS leadUnitCode,
  c.reporter, c.phone, c.satisfaction, c.callback_at AS callbackAt, c.rework_count AS reworkCount,
  c.extension_count AS extensionCount, c.escalated, c.supervised, c.handler_name AS handlerName,
  c.verifier_name AS verifierName, c.result_note AS resultNote, c.void_reason AS voidReason,
  c.import_batch_id AS importBatchId, c.created_at AS createdAt, c.updated_at AS updatedAt`;

type RawCaseRow = Omit<CaseRow, 'escalated' | 'supervised'> & {
  escalated: number;
  supervised: number;
};

function fromRaw(raw: RawCaseRow): CaseRow {
  return { ...raw, escalated: raw.escalated === 1, supervised: raw.supervised === 1 };
}

export function readCaseRow(db: Db, caseId: number): CaseRow | null {
  const raw = db
    .prepare<[number], RawCaseRow>(`SELECT ${CASE_COLUMNS} FROM cases c WHERE c.id = ?`)
    .get(caseId);
  return raw ? fromRaw(raw) : null;
}

export function findCaseIdByNumber(db: Db, caseNo: string): number | null {
  const id = db
    .prepare<[string], number>('SELECT id FROM cases WHERE case_no = ?')
    .pluck()
    .get(caseNo);
  return id ?? null;
}

/** The row plus the two facts of its history the workflow checks. */
export function readCaseSnapshot(db: Db, caseId: number): (CaseSnapshot & { row: CaseRow }) | null {
  const row = readCaseRow(db, caseId);
  if (!row) return null;
  const handlerUserId =
    db
      .prepare<[number], number | null>(
        `SELECT actor_id FROM case_events WHERE case_id = ? AND kind = 'handle'
          ORDER BY at DESC, id DESC LIMIT 1`,
      )
      .pluck()
      .get(caseId) ?? null;
  return { ...row, row, handlerUserId, pendingExtension: readPendingExtension(db, caseId) };
}

/** The latest extension request, unless an approval or a refusal came after it. */
function readPendingExtension(db: Db, caseId: number): PendingExtension | null {
  const latest = db
    .prepare<
      [number],
      { kind: string; data: string | null; note: string | null; actorName: string; at: number }
    >(
      `SELECT kind, data, note, actor_name AS actorName, at FROM case_events
        WHERE case_id = ? AND (kind = 'extend' OR (kind = 'note'
          AND json_extract(data, '$.type') IN ('extension_request', 'extension_declined')))
        ORDER BY id DESC LIMIT 1`,
    )
    .get(caseId);
  if (!latest || latest.kind !== 'note' || !latest.data) return null;
  const data = JSON.parse(latest.data) as { type?: string; newDueAt?: number };
  if (data.type !== 'extension_request' || typeof data.newDueAt !== 'number') return null;
  return {
    newDueAt: data.newDueAt,
    reason: latest.note ?? '',
    requestedBy: latest.actorName,
    requestedAt: latest.at,
  };
}

export interface CaseEventRow {
  id: number;
  kind: CaseEventKind;
  fromState: CaseState | null;
  toState: CaseState | null;
  actorId: number | null;
  actorName: string;
  at: number;
  note: string | null;
  data: Record<string, unknown> | null;
  batchId: number | null;
}

export function readCaseEvents(db: Db, caseId: number): CaseEventRow[] {
  return db
    .prepare<[number], Omit<CaseEventRow, 'data'> & { data: string | null }>(
      `SELECT id, kind, from_state AS fromState, to_state AS toState, actor_id AS actorId,
              actor_name AS actorName, at, note, data, batch_id AS batchId
         FROM case_events WHERE case_id = ? ORDER BY at, id`,
    )
    .all(caseId)
    .map((event) => ({
      ...event,
      data: event.data ? (JSON.parse(event.data) as Record<string, unknown>) : null,
    }));
}

export interface CaseUnitRow {
  unitCode: string;
  unitName: string;
  role: 'lead' | 'assist';
  addedAt: number;
}

export function readCaseUnits(db: Db, caseId: number): CaseUnitRow[] {
  return db
    .prepare<[number], CaseUnitRow>(
      `SELECT cu.unit_code AS unitCode, u.name AS unitName, cu.role, cu.added_at AS addedAt
         FROM case_units cu JOIN units u ON u.code = cu.unit_code
        WHERE cu.case_id = ? ORDER BY cu.role = 'assist', cu.added_at, u.sort_order`,
    )
    .all(caseId);
}

export interface CaseNames {
  categoryName: string;
  majorName: string;
  categoryKind: string;
  communityName: string | null;
  gridName: string | null;
  leadUnitName: string | null;
}

export function readCaseNames(db: Db, row: CaseRow): CaseNames {
  return db
    .prepare<Record<string, string | null>, CaseNames>(
      `SELECT cat.minor_name AS categoryName, cat.major_name AS majorName, cat.kind AS categoryKind,
              (SELECT name FROM places WHERE code = @community) AS communityName,
              (SELECT name FROM places WHERE code = @grid) AS gridName,
              (SELECT name FROM units WHERE code = @unit) AS leadUnitName
         FROM categories cat WHERE cat.code = @category`,
    )
    .get({
      category: row.categoryCode,
      community: row.communityCode,
      grid: row.gridCode,
      unit: row.leadUnitCode,
    })!;
}
