/**
 * One case as it is stored: a row of the `cases` table, its fields in English camelCase
 * (docs/design/DOMAIN.md's glossary), declared once. Every other case shape in the tree is
 * derived from this one: the workflow's snapshot, the screens' views (case-views.ts), the
 * import's column values, the demo's cases. `CASE_RECORD_COLUMNS` maps each field to its column;
 * db/ builds its SELECT lists and INSERTs from it, and the type below checks, field by field,
 * that each column is its field's snake_case name (as Signal Desktop checks its row types
 * with `satisfies`). A test holds the map to the migrated table's own columns.
 * Not here: `accountable_at`, a generated column (migration 004) that core/ranking derives.
 */
import type { Crs } from '../geo/coordinates';
import type { CaseSource, CaseState, CategoryKind, Satisfaction, Urgency } from '../glossary';

export interface CaseRecord {
  id: number;
  /** 案卷编号: the desk's own or the city's. */
  caseNo: string;
  source: CaseSource;
  categoryCode: string;
  description: string | null;
  address: string | null;
  /** WGS-84, as every map of the desk draws it. */
  lng: number | null;
  lat: number | null;
  /** The point as it was given, and in which system. */
  originalCrs: Crs | null;
  originalLng: number | null;
  originalLat: number | null;
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
  /** The "3个1" clocks: accept, on site, and the resolution deadline with its window. */
  acceptDueAt: number | null;
  onsiteDueAt: number | null;
  baseDueAt: number | null;
  extendedDueAt: number | null;
  dueAt: number | null;
  dueWindowMs: number | null;
  /** A deadline the city platform set, above the category's own. */
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
  /** 吹哨 and 督办. */
  escalated: boolean;
  supervised: boolean;
  handlerName: string | null;
  verifierName: string | null;
  resultNote: string | null;
  voidReason: string | null;
  /** The city file's columns the desk does not know (JSON), kept for the next export. */
  extra: string | null;
  importBatchId: number | null;
  externalUpdatedAt: number | null;
  createdAt: number;
  updatedAt: number;
  /** The city row's fingerprint at the last exchange, and when that was. */
  exchangeHash: string | null;
  exchangedAt: number | null;
  /** The category standard row (立案条件) the case was registered under (migration 006). */
  standardId: number | null;
}

export type CaseField = keyof CaseRecord;

/** `caseNo` → `case_no`: how a field's column is named, checked by the compiler. */
type SnakeCase<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${SnakeCase<Tail>}`
  : S;

/** Each field's column, in the table's order. */
export const CASE_RECORD_COLUMNS = {
  id: 'id',
  caseNo: 'case_no',
  source: 'source',
  categoryCode: 'category_code',
  description: 'description',
  address: 'address',
  lng: 'lng',
  lat: 'lat',
  originalCrs: 'original_crs',
  originalLng: 'original_lng',
  originalLat: 'original_lat',
  gridCode: 'grid_code',
  communityCode: 'community_code',
  urgency: 'urgency',
  state: 'state',
  stateBeforeSuspend: 'state_before_suspend',
  reportedAt: 'reported_at',
  registeredAt: 'registered_at',
  dispatchedAt: 'dispatched_at',
  arrivedAt: 'arrived_at',
  handledAt: 'handled_at',
  closedAt: 'closed_at',
  voidedAt: 'voided_at',
  acceptDueAt: 'accept_due_at',
  onsiteDueAt: 'onsite_due_at',
  baseDueAt: 'base_due_at',
  extendedDueAt: 'extended_due_at',
  dueAt: 'due_at',
  dueWindowMs: 'due_window_ms',
  cityDueAt: 'city_due_at',
  cityDeadlineHours: 'city_deadline_hours',
  suspendedAt: 'suspended_at',
  suspendedMs: 'suspended_ms',
  leadUnitCode: 'lead_unit_code',
  reporter: 'reporter',
  phone: 'phone',
  satisfaction: 'satisfaction',
  callbackAt: 'callback_at',
  reworkCount: 'rework_count',
  extensionCount: 'extension_count',
  escalated: 'escalated',
  supervised: 'supervised',
  handlerName: 'handler_name',
  verifierName: 'verifier_name',
  resultNote: 'result_note',
  voidReason: 'void_reason',
  extra: 'extra',
  importBatchId: 'import_batch_id',
  externalUpdatedAt: 'external_updated_at',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  exchangeHash: 'exchange_hash',
  exchangedAt: 'exchanged_at',
  standardId: 'standard_id',
} as const satisfies { readonly [F in CaseField]-?: SnakeCase<F> };

export type CaseColumn = (typeof CASE_RECORD_COLUMNS)[CaseField];

/** The fields SQLite keeps as 0/1. */
export const BOOLEAN_FIELDS = ['escalated', 'supervised'] as const satisfies readonly CaseField[];

export const CASE_FIELDS = Object.keys(CASE_RECORD_COLUMNS) as CaseField[];

/** The names a screen shows beside a case's codes, joined from the reference tables. */
export interface CaseNames {
  /** The category's 小类 name, its 大类 name and 部件/事件. */
  categoryName: string;
  majorName: string;
  categoryKind: CategoryKind;
  communityName: string | null;
  gridName: string | null;
  leadUnitName: string | null;
}

export type CaseName = keyof CaseNames;
