/**
 * What the workflow needs to know about a case (its stored record, case-record.ts, plus two
 * facts read off its history), and the fields a move may change.
 */
import type { CaseField, CaseRecord } from './case-record';

export interface CaseSnapshot extends CaseRecord {
  /** The desk user who recorded the latest 处置反馈 (from the history), for 采办分离. */
  handlerUserId: number | null;
  /** An extension asked for and not yet approved or declined (from the history). */
  pendingExtension: PendingExtension | null;
}

export interface PendingExtension {
  newDueAt: number;
  reason: string;
  requestedBy: string;
  requestedAt: number;
}

/** The fields a move may write; no move touches the others. */
export const MOVABLE_FIELDS = [
  'state',
  'stateBeforeSuspend',
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
  'suspendedAt',
  'suspendedMs',
  'leadUnitCode',
  'reworkCount',
  'extensionCount',
  'escalated',
  'supervised',
  'handlerName',
  'verifierName',
  'resultNote',
  'voidReason',
  'satisfaction',
  'callbackAt',
  'standardId',
] as const satisfies readonly CaseField[];

/** What a move sets; absent means unchanged, null means cleared. */
export type CasePatch = Partial<Pick<CaseRecord, (typeof MOVABLE_FIELDS)[number]>>;

/** Lead and assisting units (主办/协办) after a move, when it changes them. */
export interface CaseUnitsChange {
  /** Remove every unit of the case first (return: the case is no longer anyone's). */
  clearLead?: boolean;
  lead?: string | null;
  assists?: readonly string[];
  /** Dispatch names the whole set of assisting units; escalation only adds to it. */
  replaceAssists?: boolean;
  /** Assists to keep when the lead changes on escalation: the old lead becomes one. */
  demoteOldLead?: boolean;
}
