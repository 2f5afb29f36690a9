/**
 * A case as a row of the desk's exports (docs/design/CITY-EXCHANGE.md "Files the desk writes"): the
 * Chinese headers of the city format, every column the import reads (so an export imports
 * back unchanged), personal data masked unless an administrator asks, and text that could
 * start a formula made harmless.
 */
import { maskName, maskPhone } from '../cases/personal-data';
import { CASE_SOURCE_ZH, CASE_STATE_ZH, CATEGORY_KIND_ZH } from '../glossary';
import { CASE_COLUMN_ZH, CASE_KEYS, type CaseKey } from './case-columns';
import type { ExchangeCase } from './exchange-case';
import { formatExchangeDateTime } from './date-time';
import { SATISFACTION_ZH, URGENCY_ZH } from './vocabulary';

export type ExportCell = string | number | null;

const EXPORT_KEYS: readonly CaseKey[] = CASE_KEYS;
export const EXPORT_HEADERS: readonly string[] = EXPORT_KEYS.map((key) => CASE_COLUMN_ZH[key]);

const time = (at: number | null) => (at === null ? null : formatExchangeDateTime(at));

/** `standardText`: the 立案条件 of the case's standard row (so an import names it back). */
export function exportCells(
  record: ExchangeCase,
  departmentName: string | null,
  options: { unmasked: boolean },
  standardText: string | null = null,
): ExportCell[] {
  const reporter = options.unmasked ? record.reporter : maskName(record.reporter);
  const phone = options.unmasked ? record.phone : maskPhone(record.phone);
  const byKey: Record<CaseKey, ExportCell> = {
    case_no: record.caseNo,
    source: CASE_SOURCE_ZH[record.source],
    kind: CATEGORY_KIND_ZH[record.kind],
    major_code: record.majorCode,
    minor_code: record.minorCode,
    description: record.description,
    address: record.address,
    lng: record.lng,
    lat: record.lat,
    crs: record.lng === null ? null : record.crs,
    grid_code: record.gridCode,
    urgency: URGENCY_ZH[record.urgency],
    status: CASE_STATE_ZH[record.state],
    reported_at: time(record.reportedAt),
    registered_at: time(record.registeredAt),
    dispatched_at: time(record.dispatchedAt),
    due_at: time(record.dueAt),
    deadline_hours: record.deadlineHours,
    department: departmentName,
    handled_at: time(record.handledAt),
    closed_at: time(record.closedAt),
    reporter,
    phone,
    satisfaction: record.satisfaction ? SATISFACTION_ZH[record.satisfaction] : null,
    rework_count: record.reworkCount,
    extension_count: record.extensionCount,
    updated_at: time(record.updatedAt),
    verifier: record.verifier,
    result_note: record.resultNote,
    standard: standardText,
  };
  return EXPORT_KEYS.map((key) => byKey[key]);
}

/** Text Excel or WPS would run as a formula (=, +, -, @, tab, CR first). */
export function isFormulaLike(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

/**
 * For CSV, where a cell has no type: a leading apostrophe makes Excel show the text as it
 * is (and our import removes exactly that apostrophe again).
 */
export function guardFormulaText(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}

/** One CSV field: guarded, and quoted when it holds a delimiter, quote or line break. */
export function csvField(cell: ExportCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  const text = guardFormulaText(cell);
  return /[",\r\n\t]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
