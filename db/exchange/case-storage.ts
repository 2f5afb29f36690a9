/**
 * Between a case's row in the database and the exchange format's view of it. Reading maps a
 * stored case into core/exchange's ExchangeCase (so the desk's version and a file row compare
 * field by field, and exports write exactly what imports read). Writing derives what the
 * desk keeps beside the city's columns, the way the demo and the desk's own moves do: the
 * deadlines from the category's clocks and the work calendar (a city deadline above them),
 * the community from the grid, the WGS-84 point with the original kept.
 */
import { CASE_FIELDS, CASE_RECORD_COLUMNS, type CaseColumn } from '../../core/cases/case-record';
import { acceptDueAt, effectiveDueAt, onsiteDueAt, resolutionDueAt } from '../../core/clocks';
import type { CheckedCase } from '../../core/exchange/case-row';
import { categoryCodeOf, type ExchangeCase } from '../../core/exchange/exchange-case';
import { parseCrs } from '../../core/geo/coordinates';
import type {
  CaseSource,
  CaseState,
  CategoryKind,
  Satisfaction,
  Urgency,
} from '../../core/glossary';
import type { CaseImportLookups } from './case-lookups';

/**
 * The columns an import writes, in the order the staging table holds them: every column of
 * the case model (core/cases/case-record.ts) but the id, in the table's order. Snake_case
 * here because an import moves a million rows as raw arrays (storedFromRaw) and never builds
 * camelCase objects for them.
 */
type WrittenColumn = Exclude<CaseColumn, 'id'>;
export const WRITTEN_COLUMNS: readonly WrittenColumn[] = CASE_FIELDS.filter(
  (field) => field !== 'id',
).map((field) => CASE_RECORD_COLUMNS[field] as WrittenColumn);
export type StoredValues = Record<WrittenColumn, string | number | null>;

export interface StoredCase extends StoredValues {
  id: number;
}

/** Run with .raw(): better-sqlite3 builds 50-column row objects slowly; storedFromRaw is several times faster. */
export const STORED_CASE_SQL = `SELECT id, ${WRITTEN_COLUMNS.join(', ')} FROM cases WHERE case_no = ?`;
const STORED_NAMES = ['id', ...WRITTEN_COLUMNS] as const;

export function storedFromRaw(raw: readonly unknown[]): StoredCase {
  const stored: Record<string, unknown> = {};
  for (let i = 0; i < STORED_NAMES.length; i++) stored[STORED_NAMES[i]!] = raw[i];
  return stored as unknown as StoredCase;
}

/** What an export reads of a case: the columns exchangeCaseFromStored maps, and the WGS-84 point. */
export const EXPORTED_COLUMNS = [
  'case_no',
  'source',
  'category_code',
  'description',
  'address',
  'lng',
  'lat',
  'original_crs',
  'original_lng',
  'original_lat',
  'grid_code',
  'urgency',
  'state',
  'reported_at',
  'registered_at',
  'dispatched_at',
  'handled_at',
  'closed_at',
  'extended_due_at',
  'city_due_at',
  'city_deadline_hours',
  'lead_unit_code',
  'reporter',
  'phone',
  'satisfaction',
  'rework_count',
  'extension_count',
  'updated_at',
  'verifier_name',
  'result_note',
  'extra',
  'standard_id',
] as const satisfies readonly WrittenColumn[];
export type ExportedValues = Pick<StoredValues, (typeof EXPORTED_COLUMNS)[number]> & { id: number };

export function exportedFromRaw(raw: readonly unknown[]): ExportedValues {
  const row: Record<string, unknown> = { id: raw[0] };
  for (let i = 0; i < EXPORTED_COLUMNS.length; i++) row[EXPORTED_COLUMNS[i]!] = raw[i + 1];
  return row as unknown as ExportedValues;
}

const KIND_BY_LETTER: Record<string, CategoryKind> = { C: 'component', E: 'event' };
/** Unknown columns of imported rows live in cases.extra under this member (other writers keep theirs). */
const IMPORTED_COLUMNS = 'importedColumns';

function parseExtra(extra: string | number | null): Record<string, unknown> | null {
  if (typeof extra !== 'string') return null;
  try {
    const value: unknown = JSON.parse(extra);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

const num = (v: string | number | null) => (v === null ? null : Number(v));
const str = (v: string | number | null) => (v === null ? null : String(v));

export function exchangeCaseFromStored(row: Omit<ExportedValues, 'id'>): ExchangeCase {
  const category = String(row.category_code);
  const hasOriginal = row.original_crs !== null && row.original_lng !== null;
  const imported = parseExtra(row.extra)?.[IMPORTED_COLUMNS];
  return {
    caseNo: String(row.case_no),
    source: row.source as CaseSource,
    kind: KIND_BY_LETTER[category[0]!] ?? 'event',
    majorCode: category.slice(1, 3),
    minorCode: category.slice(3, 5),
    description: str(row.description),
    address: str(row.address),
    lng: hasOriginal ? num(row.original_lng) : num(row.lng),
    lat: hasOriginal ? num(row.original_lat) : num(row.lat),
    crs: (hasOriginal && parseCrs(String(row.original_crs))) || 'WGS84',
    gridCode: str(row.grid_code),
    urgency: row.urgency as Urgency,
    state: row.state as CaseState,
    reportedAt: Number(row.reported_at),
    registeredAt: num(row.registered_at),
    dispatchedAt: num(row.dispatched_at),
    dueAt: num(row.extended_due_at) ?? num(row.city_due_at),
    deadlineHours: num(row.city_deadline_hours),
    departmentCode: str(row.lead_unit_code),
    handledAt: num(row.handled_at),
    closedAt: num(row.closed_at),
    reporter: str(row.reporter),
    phone: str(row.phone),
    satisfaction: row.satisfaction as Satisfaction | null,
    reworkCount: Number(row.rework_count ?? 0),
    extensionCount: Number(row.extension_count ?? 0),
    updatedAt: num(row.updated_at),
    verifier: str(row.verifier_name),
    resultNote: str(row.result_note),
    extra: imported && typeof imported === 'object' ? (imported as Record<string, string>) : null,
    standardId: num(row.standard_id),
  };
}

/** The state a case parked (挂账) from, read off its times when the file does not say. */
function stateBeforeSuspend(r: ExchangeCase): CaseState {
  if (r.handledAt !== null) return 'handled';
  if (r.dispatchedAt !== null) return 'dispatched';
  if (r.registeredAt !== null) return 'registered';
  return 'reported';
}

interface WriteMeta {
  now: number;
  batchId: number;
  hash: string;
}

export function storedValuesFor(
  checked: CheckedCase,
  existing: StoredCase | null,
  lookups: CaseImportLookups,
  meta: WriteMeta,
): StoredValues {
  const r = checked.record;
  const categoryCode = categoryCodeOf(r);
  // The standard row's limit (立案条件, matched by checkCaseRow) is the rules' resolution
  // limit: addLimit in its unit for working hours, natural days and fractional working days.
  const rules = lookups.clockRules(categoryCode, r.urgency, r.standardId);
  const extended = r.extensionCount > 0 && r.dueAt !== null;
  let base: number | null = null;
  let extendedDueAt: number | null = null;
  let dueAt: number | null = null;
  const suspendedMs = Number(existing?.suspended_ms ?? 0);
  if (r.registeredAt !== null) {
    // With extensions the file's deadline is the extended one (docs/design/CITY-EXCHANGE.md): the base
    // comes from the city's hours or the category's clocks.
    const city = extended
      ? { deadlineHours: r.deadlineHours }
      : { dueAt: r.dueAt, deadlineHours: r.deadlineHours };
    base = resolutionDueAt(
      r.registeredAt,
      rules,
      lookups.calendar,
      city,
      lookups.periodsAt(r.registeredAt),
    );
    extendedDueAt = extended
      ? r.dueAt
      : r.extensionCount > 0 && Number(existing?.extension_count) === r.extensionCount
        ? num(existing!.extended_due_at)
        : null;
    dueAt = effectiveDueAt(base, extendedDueAt, suspendedMs);
  }
  const was = existing?.state ?? null;
  const latest = Math.max(
    r.reportedAt,
    r.registeredAt ?? 0,
    r.dispatchedAt ?? 0,
    r.handledAt ?? 0,
    r.closedAt ?? 0,
  );
  const updatedAt = r.updatedAt ?? (existing ? meta.now : latest);
  const keep = <C extends WrittenColumn>(column: C) => existing?.[column] ?? null;
  const extra = { ...(parseExtra(existing?.extra ?? null) ?? {}) };
  if (r.extra && Object.keys(r.extra).length > 0) extra[IMPORTED_COLUMNS] = r.extra;
  else delete extra[IMPORTED_COLUMNS];
  const hasPoint = r.lng !== null && r.lat !== null;
  return {
    case_no: r.caseNo,
    source: r.source,
    category_code: categoryCode,
    description: r.description,
    address: r.address,
    lng: checked.wgsLng,
    lat: checked.wgsLat,
    original_crs: hasPoint ? r.crs : null,
    original_lng: hasPoint ? r.lng : null,
    original_lat: hasPoint ? r.lat : null,
    grid_code: r.gridCode,
    community_code: checked.communityCode,
    urgency: r.urgency,
    state: r.state,
    state_before_suspend:
      r.state === 'suspended'
        ? was === 'suspended'
          ? keep('state_before_suspend')
          : stateBeforeSuspend(r)
        : null,
    reported_at: r.reportedAt,
    registered_at: r.registeredAt,
    dispatched_at: r.dispatchedAt,
    arrived_at: ['in_progress', 'handled', 'closed'].includes(r.state) ? keep('arrived_at') : null,
    handled_at: r.handledAt,
    closed_at: r.closedAt,
    voided_at:
      r.state === 'voided'
        ? (keep('voided_at') ?? r.updatedAt ?? r.registeredAt ?? r.reportedAt)
        : null,
    accept_due_at: acceptDueAt(r.reportedAt, rules),
    onsite_due_at: r.dispatchedAt !== null ? onsiteDueAt(r.dispatchedAt, rules) : null,
    base_due_at: base,
    extended_due_at: extendedDueAt,
    due_at: dueAt,
    due_window_ms:
      base !== null && r.registeredAt !== null ? Math.max(0, base - r.registeredAt) : null,
    city_due_at: extended ? null : r.dueAt,
    city_deadline_hours: r.deadlineHours,
    suspended_at:
      r.state === 'suspended' ? (was === 'suspended' ? keep('suspended_at') : updatedAt) : null,
    suspended_ms: suspendedMs,
    lead_unit_code: r.departmentCode,
    reporter: r.reporter,
    phone: r.phone,
    satisfaction: r.satisfaction,
    callback_at: r.satisfaction
      ? (keep('callback_at') ?? r.updatedAt ?? r.closedAt ?? meta.now)
      : null,
    rework_count: r.reworkCount,
    extension_count: r.extensionCount,
    escalated: keep('escalated') ?? 0,
    supervised: keep('supervised') ?? 0,
    handler_name: keep('handler_name'),
    verifier_name: r.verifier,
    result_note: r.resultNote,
    void_reason: r.state === 'voided' ? keep('void_reason') : null,
    extra: Object.keys(extra).length > 0 ? JSON.stringify(extra) : null,
    import_batch_id: meta.batchId,
    external_updated_at: r.updatedAt,
    created_at: existing?.created_at ?? meta.now,
    updated_at: updatedAt,
    exchange_hash: meta.hash,
    exchanged_at: updatedAt,
    // The row named in 立案条件 or the minor's only one (checkCaseRow), else the desk's.
    standard_id: r.standardId,
  };
}
