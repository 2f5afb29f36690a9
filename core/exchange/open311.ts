/**
 * Open311 GeoReport v2 requests (`requests.json`), read and written. GeoReport knows less
 * than the city format: its status is only open or closed, it has no source and no
 * registration or dispatch time. Reading fills those gaps the same way every time, and says
 * so once per file:
 * - status closed → 已结案, closed at updated_datetime (a case the desk voided stays voided:
 *   the desk writes voided cases as closed); open → the desk's state when the desk has the
 *   case, else 待受理;
 * - a new case comes from 市级平台派发 (the city platform sent it);
 * - a closed case the desk has no times for was registered and dispatched at requested_datetime.
 */
import { isOpen } from '../cases/case-states';
import { CATEGORY_KIND_LETTER, type CaseState } from '../glossary';
import { toIsoShanghai } from '../time';
import { cellText, type CellValue } from './cell-value';
import type { CaseKey } from './case-columns';
import type { ExchangeCase } from './exchange-case';
import { sentence, type ImportNote } from './issues';

const SERVICE_CODE = /^([CE])(\d{2})(\d{2})$/i;
/** GeoReport fields the city format has a column for, and fields it derives (service_name). */
const DIRECT: Record<string, CaseKey> = {
  service_request_id: 'case_no',
  description: 'description',
  address: 'address',
  long: 'lng',
  lat: 'lat',
  requested_datetime: 'reported_at',
  updated_datetime: 'updated_at',
  expected_datetime: 'due_at',
  agency_responsible: 'department',
  status_notes: 'result_note',
};
const DERIVED = new Set(['service_code', 'service_name', 'status']);

export function looksLikeOpen311(object: Record<string, unknown>): boolean {
  return (
    'service_request_id' in object && ('service_code' in object || 'requested_datetime' in object)
  );
}

export interface Open311Row {
  cells: Partial<Record<CaseKey, CellValue>>;
  present: Set<CaseKey>;
  /** Which GeoReport field each key came from, for problem reports. */
  headers: Partial<Record<CaseKey, string>>;
  extra: Record<string, string> | null;
}

function cell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string')
    return value;
  return JSON.stringify(value);
}

export function open311Cells(
  request: Record<string, unknown>,
  desk: ExchangeCase | null,
): Open311Row {
  const row: Open311Row = { cells: {}, present: new Set(), headers: {}, extra: null };
  const set = (key: CaseKey, value: CellValue, header: string) => {
    row.cells[key] = value;
    row.present.add(key);
    row.headers[key] = header;
  };
  for (const [name, value] of Object.entries(request)) {
    const key = DIRECT[name];
    if (key) set(key, cell(value), name);
    else if (!DERIVED.has(name) && value !== null && value !== undefined && value !== '') {
      row.extra = { ...(row.extra ?? {}), [name]: cellText(cell(value)) };
    }
  }
  if (row.present.has('lng') || row.present.has('lat')) set('crs', 'WGS84', 'long');

  const code = cellText(cell(request['service_code']));
  const parsed = SERVICE_CODE.exec(code);
  if (parsed) {
    set('kind', parsed[1]!.toUpperCase() === 'C' ? '部件' : '事件', 'service_code');
    set('major_code', parsed[2]!, 'service_code');
    set('minor_code', parsed[3]!, 'service_code');
  } else if (code !== '' || !desk) {
    set('minor_code', code, 'service_code');
  }
  if (!desk) set('source', '市级平台派发', 'service_request_id');

  const status = cellText(cell(request['status'])).toLowerCase();
  const requested = cell(request['requested_datetime']);
  if (status === 'closed' && desk?.state === 'voided') {
    // GeoReport has no "voided": a voided case goes out as closed and must come back voided.
    set('status', 'voided', 'status');
  } else if (status === 'closed') {
    set('status', '已结案', 'status');
    if (!desk?.closedAt)
      set('closed_at', cell(request['updated_datetime']) ?? requested, 'updated_datetime');
    if (!desk?.registeredAt) set('registered_at', requested, 'requested_datetime');
    if (!desk?.dispatchedAt) set('dispatched_at', requested, 'requested_datetime');
  } else if (status === 'open') {
    if (!desk) set('status', '待受理', 'status');
    else if (!isOpen(desk.state as CaseState)) set('status', desk.state, 'status');
  } else {
    set('status', status, 'status');
  }
  return row;
}

export const OPEN311_NOTE: ImportNote = {
  message: sentence(
    'Open311 文件只有“open/closed”两种状态，也没有问题来源和立案、派遣时间：新案卷记为“市级平台派发”；已结案而本系统没有时间的，立案和派遣时间取受理时间（requested_datetime）。',
    'Open311 files carry only open/closed, no source and no registration or dispatch time: new cases are recorded as sent by the city platform; a closed case the desk has no times for is taken as registered and dispatched at requested_datetime.',
  ),
};

export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes?: string;
  service_code: string;
  service_name: string;
  description?: string;
  agency_responsible?: string;
  requested_datetime: string;
  updated_datetime?: string;
  expected_datetime?: string;
  address?: string;
  lat?: number;
  long?: number;
}

/** A case as a GeoReport request; coordinates in WGS-84 as GeoReport wants them. */
export function toOpen311Request(
  record: ExchangeCase,
  names: { categoryName: string; unitName: string | null },
  wgs: { lng: number | null; lat: number | null },
): Open311Request {
  const request: Open311Request = {
    service_request_id: record.caseNo,
    status: record.state === 'closed' || record.state === 'voided' ? 'closed' : 'open',
    service_code: `${CATEGORY_KIND_LETTER[record.kind]}${record.majorCode}${record.minorCode}`,
    service_name: names.categoryName,
    requested_datetime: toIsoShanghai(record.reportedAt),
  };
  if (record.resultNote) request.status_notes = record.resultNote;
  if (record.description) request.description = record.description;
  if (names.unitName) request.agency_responsible = names.unitName;
  if (record.updatedAt !== null) request.updated_datetime = toIsoShanghai(record.updatedAt);
  if (record.dueAt !== null) request.expected_datetime = toIsoShanghai(record.dueAt);
  if (record.address) request.address = record.address;
  if (wgs.lng !== null && wgs.lat !== null) {
    request.lat = wgs.lat;
    request.long = wgs.lng;
  }
  return request;
}
