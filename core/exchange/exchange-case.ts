/**
 * One case as the exchange format sees it (the "file space"): what a city row says once it
 * is read, and what the desk writes back in its exports. A case read from the database is
 * mapped into the same shape, so "did the file change anything?" is a plain comparison.
 */
import { toWgs84, type Crs } from '../geo/coordinates';
import type { CaseRecord } from '../cases/case-record';
import type { CategoryKind } from '../glossary';
import { CATEGORY_KIND_LETTER } from '../glossary';

/** The fields the city's file and the desk's store mean alike, named as the case model names them. */
type SharedFields =
  | 'caseNo'
  | 'source'
  | 'description'
  | 'address'
  | 'gridCode'
  | 'urgency'
  | 'state'
  | 'reportedAt'
  | 'registeredAt'
  | 'dispatchedAt'
  | 'handledAt'
  | 'closedAt'
  | 'reporter'
  | 'phone'
  | 'satisfaction'
  | 'reworkCount'
  | 'extensionCount'
  | 'resultNote';

/** The city's view of a case: the model's shared fields (core/cases/case-record.ts) and the file's own. */
export type ExchangeCase = Pick<CaseRecord, SharedFields> & {
  kind: CategoryKind;
  majorCode: string;
  /** Two digits (a combined four-digit code is split on reading). */
  minorCode: string;
  /** The coordinates as the file gives them, in `crs`. */
  lng: number | null;
  lat: number | null;
  crs: Crs;
  /** 处置截止时间: the city's deadline; with extensions, the extended one. */
  dueAt: number | null;
  deadlineHours: number | null;
  /** 处置部门 as a unit code of the desk. */
  departmentCode: string | null;
  /** When the city last changed the row (the file's 更新时间); null when it does not say. */
  updatedAt: number | null;
  verifier: string | null;
  /** Columns the desk does not know, by the file's header. */
  extra: Record<string, string> | null;
  /** The category standard row (立案条件) the case is under, as the desk records it. */
  standardId: number | null;
};

export function categoryCodeOf(record: Pick<ExchangeCase, 'kind' | 'majorCode' | 'minorCode'>) {
  return `${CATEGORY_KIND_LETTER[record.kind]}${record.majorCode}${record.minorCode}`;
}

/** The fields two versions of a case are compared on (updated_at is when, not what). */
const COMPARED: readonly (keyof ExchangeCase)[] = [
  'source',
  'kind',
  'majorCode',
  'minorCode',
  'description',
  'address',
  'gridCode',
  'urgency',
  'state',
  'reportedAt',
  'registeredAt',
  'dispatchedAt',
  'dueAt',
  'deadlineHours',
  'departmentCode',
  'handledAt',
  'closedAt',
  'reporter',
  'phone',
  'satisfaction',
  'reworkCount',
  'extensionCount',
  'verifier',
  'resultNote',
  'extra',
  'standardId',
];

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-9;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    return JSON.stringify(a) === JSON.stringify(b);
  }
  return false;
}

function samePoint(a: ExchangeCase, b: ExchangeCase): boolean {
  if (a.lng === null || a.lat === null || b.lng === null || b.lat === null) {
    return a.lng === b.lng && a.lat === b.lat;
  }
  if (a.crs === b.crs) return sameValue(a.lng, b.lng) && sameValue(a.lat, b.lat);
  const pa = toWgs84(a.lng, a.lat, a.crs);
  const pb = toWgs84(b.lng, b.lat, b.crs);
  // A millionth of a degree is about 10 cm: far below what a grid or a report can tell.
  return Math.abs(pa.lng - pb.lng) < 1e-6 && Math.abs(pa.lat - pb.lat) < 1e-6;
}

/** The fields where `next` differs from `current`, each with both values. */
export function caseDifferences(
  current: ExchangeCase,
  next: ExchangeCase,
): Partial<Record<keyof ExchangeCase, [unknown, unknown]>> {
  const changes: Partial<Record<keyof ExchangeCase, [unknown, unknown]>> = {};
  // The same place given in another coordinate system (Open311 is always WGS-84) is no change.
  if (!samePoint(current, next)) {
    changes.lng = [current.lng, next.lng];
    changes.lat = [current.lat, next.lat];
    if (current.crs !== next.crs) changes.crs = [current.crs, next.crs];
  }
  for (const field of COMPARED) {
    if (!sameValue(current[field], next[field])) changes[field] = [current[field], next[field]];
  }
  return changes;
}

/**
 * A short fingerprint of a file row's content (cyrb53, 53 bits): the same row imported twice
 * has the same fingerprint, which is how a re-import knows it has nothing new.
 */
export function contentFingerprint(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return `${hash.toString(36)}.${text.length.toString(36)}`;
}
