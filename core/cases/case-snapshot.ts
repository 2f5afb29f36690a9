/**
 * What the workflow needs to know about a case (its row, plus two facts read off its
 * history), and the column changes a move asks for. Field names follow the cases table.
 */
import type { CaseState, Satisfaction, Urgency } from '../glossary';

export interface CaseSnapshot {
  id: number;
  caseNo: string;
  categoryCode: string;
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
  reworkCount: number;
  extensionCount: number;
  escalated: boolean;
  supervised: boolean;
  handlerName: string | null;
  satisfaction: Satisfaction | null;
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

/** Columns a move may set; absent means unchanged, null means cleared. */
export interface CasePatch {
  state?: CaseState;
  stateBeforeSuspend?: CaseState | null;
  registeredAt?: number | null;
  dispatchedAt?: number | null;
  arrivedAt?: number | null;
  handledAt?: number | null;
  closedAt?: number | null;
  voidedAt?: number | null;
  acceptDueAt?: number | null;
  onsiteDueAt?: number | null;
  baseDueAt?: number | null;
  extendedDueAt?: number | null;
  dueAt?: number | null;
  dueWindowMs?: number | null;
  suspendedAt?: number | null;
  suspendedMs?: number;
  leadUnitCode?: string | null;
  reworkCount?: number;
  extensionCount?: number;
  escalated?: boolean;
  supervised?: boolean;
  handlerName?: string | null;
  verifierName?: string | null;
  resultNote?: string | null;
  voidReason?: string | null;
  satisfaction?: Satisfaction | null;
  callbackAt?: number | null;
}

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
