/**
 * What each screen may see of a case: explicit lists of CaseRecord fields and CaseNames, so
 * a screen's shape is derived from the one case model (case-record.ts) and a field reaches a
 * screen only when a list here names it. db/queries/case-select.ts builds the SELECT list
 * and the joins from the same lists, so a query and its type cannot drift apart.
 */
import { CLOCK_FIELDS } from './case-clock';
import type { CaseField, CaseName, CaseNames, CaseRecord } from './case-record';

export interface CaseViewSpec {
  readonly fields: readonly CaseField[];
  readonly names: readonly CaseName[];
}

export type CaseView<V extends CaseViewSpec> = Pick<CaseRecord, V['fields'][number]> &
  Pick<CaseNames, V['names'][number]>;

function view<const F extends readonly CaseField[], const N extends readonly CaseName[]>(
  fields: F,
  names: N,
): { readonly fields: F; readonly names: N } {
  return { fields, names };
}

const PLACE_AND_UNIT = ['categoryName', 'communityName', 'gridName', 'leadUnitName'] as const;

/** A case named in passing (a dispatch item's cases, a case just created): which, and where it is. */
export const CASE_REF_VIEW = view(['id', 'caseNo', 'state'], []);
export type CaseRef = CaseView<typeof CASE_REF_VIEW>;

/**
 * A case in a list (the board's card and table row, the cases behind a figure, the weekly
 * agenda, the overview's oldest overdue, a grid's open cases, the overdue alarm): enough to
 * show its clock (core/cases/case-clock.ts) and its flags, with the names beside the codes.
 */
export const CASE_LIST_VIEW = view(
  [
    'id',
    'caseNo',
    ...CLOCK_FIELDS,
    'categoryCode',
    'source',
    'urgency',
    'address',
    'escalated',
    'supervised',
    'reworkCount',
    'extensionCount',
    'satisfaction',
  ],
  PLACE_AND_UNIT,
);
export type CaseListRow = CaseView<typeof CASE_LIST_VIEW>;

/** A case as a point on the map: where it is and what its clock says. */
export const CASE_POINT_VIEW = view(
  ['id', 'caseNo', 'lng', 'lat', 'gridCode', ...CLOCK_FIELDS],
  ['categoryName'],
);

/** A case near another (相关案件, possible duplicates): its place and when it came in. */
export const CASE_NEARBY_VIEW = view(
  [
    'id',
    'caseNo',
    'state',
    'categoryCode',
    'address',
    'description',
    'reportedAt',
    'lng',
    'lat',
    'gridCode',
  ],
  ['categoryName'],
);
export type CaseNearbyRow = CaseView<typeof CASE_NEARBY_VIEW>;

/**
 * The case screen: the whole row but what is the exchange's bookkeeping (the batch, the
 * fingerprint, the city's unknown columns) or the original point (the map shows WGS-84).
 */
export const CASE_DETAIL_VIEW = view(
  [
    'id',
    'caseNo',
    'source',
    'categoryCode',
    'description',
    'address',
    'lng',
    'lat',
    'gridCode',
    'communityCode',
    'urgency',
    'state',
    'stateBeforeSuspend',
    'reportedAt',
    'registeredAt',
    'dispatchedAt',
    'arrivedAt',
    'handledAt',
    'closedAt',
    'voidedAt',
    'acceptDueAt',
    'onsiteDueAt',
    'baseDueAt',
    'extendedDueAt',
    'dueAt',
    'dueWindowMs',
    'cityDueAt',
    'cityDeadlineHours',
    'suspendedAt',
    'suspendedMs',
    'leadUnitCode',
    'reporter',
    'phone',
    'satisfaction',
    'callbackAt',
    'reworkCount',
    'extensionCount',
    'escalated',
    'supervised',
    'handlerName',
    'verifierName',
    'resultNote',
    'voidReason',
    'updatedAt',
    'standardId',
  ],
  ['categoryName', 'majorName', 'categoryKind', 'communityName', 'gridName', 'leadUnitName'],
);
export type CaseDetailRow = CaseView<typeof CASE_DETAIL_VIEW>;

/** Copies a view's fields out of a fuller case (a screen gets exactly its list). */
export function pickView<V extends CaseViewSpec>(
  spec: V,
  row: Pick<CaseRecord, V['fields'][number]> & Pick<CaseNames, V['names'][number]>,
): CaseView<V> {
  const out: Record<string, unknown> = {};
  for (const field of spec.fields) out[field] = row[field as keyof typeof row];
  for (const name of spec.names) out[name] = row[name as keyof typeof row];
  return out as CaseView<V>;
}
