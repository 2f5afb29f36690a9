/**
 * The per-case facts the indices are computed from, and the rules that place a case in a
 * period (docs/design/DOMAIN.md "Measuring"): a registered case is accountable (应结) in the one period
 * holding min(closed_at, due_at); a voided case never counts; a suspended (挂账) case is not
 * accountable until it is resumed. Intake counts go by the period the case was reported in.
 */
import { DEFAULT_STAGE_LIMITS, type StageLimits } from '../cases/stage-clocks';
import type { CaseState, Satisfaction } from '../glossary';
import { MINUTE_MS } from '../time';
import { containsInstant, type Period } from './periods';

/** What the handling indices need of one case. */
export interface HandlingCase {
  caseId: number;
  /** The unit the case is attributed to at the chosen level (community, grid or lead unit). */
  unitCode: string;
  state: CaseState;
  registeredAt: number | null;
  closedAt: number | null;
  /** The effective resolution deadline: latest extension, shifted by suspended time. */
  dueAt: number | null;
  reworkCount: number;
  extensionCount: number;
  satisfaction: Satisfaction | null;
  /** The stage instants (core/cases/stage-clocks.ts), for the per-stage on-time rates. */
  dispatchedAt: number | null;
  onsiteDueAt: number | null;
  arrivedAt: number | null;
  handledAt: number | null;
}

/** What the intake indices need of one case. */
export interface IntakeCase {
  caseId: number;
  unitCode: string;
  state: CaseState;
  reportedAt: number;
  registeredAt: number | null;
  /** The accept clock's deadline; when unknown, the default 1 minute after the report. */
  acceptDueAt: number | null;
}

/** The accept clock's default (3个1: accept within 1 minute) when a case has none stored. */
export const DEFAULT_ACCEPT_MS = MINUTE_MS;

/**
 * The instant that decides the period a case is accountable in, or null when it is not
 * accountable anywhere (not registered, voided, suspended, or with neither a deadline nor
 * a closing). db/migrations/005 keeps the same expression as the indexed column
 * `cases.accountable_at`; a test holds the two together.
 */
export function accountableAt(
  c: Pick<HandlingCase, 'state' | 'registeredAt' | 'closedAt' | 'dueAt'>,
): number | null {
  if (c.registeredAt === null || c.state === 'voided' || c.state === 'suspended') return null;
  if (c.closedAt === null) return c.dueAt;
  if (c.dueAt === null) return c.closedAt;
  return Math.min(c.closedAt, c.dueAt);
}

/** Bit flags of what one accountable case counts towards. */
export const HANDLING_FLAG = {
  /** 结案: closed before the period's end. */
  closed: 1,
  /** 按期结案: closed at or before its deadline. */
  onTime: 2,
  /** 返工: at least one rework. */
  rework: 4,
  /** 延期: at least one extension. */
  extended: 8,
  /** Has a callback result (回访). */
  callback: 16,
  /** 满意 or 基本满意. */
  satisfied: 32,
  /** Reached dispatch (派遣): the denominator of the on-site and handle stages. */
  dispatched: 64,
  /** Dispatched within the dispatch stage's limit after registration. */
  dispatchOnTime: 128,
  /** On site (到场) by the on-site deadline. */
  onsiteOnTime: 256,
  /** Reported handled (处置反馈) by the resolution deadline. */
  handleOnTime: 512,
  /** Reached verification (核查): the denominator of the verify stage. */
  handled: 1024,
  /** Verified and closed within the verify stage's limit after handling. */
  verifyOnTime: 2048,
} as const;

/** Bit flags of what one intake case counts towards (every one counts as 受理). */
export const INTAKE_FLAG = {
  /** 立案. */
  registered: 1,
  /** 及时受理: registered within the accept clock. */
  timely: 2,
} as const;

/**
 * The handling flags of a case, or null when it is not accountable in `period`. In a period
 * still running, a case becomes accountable only once its instant has come (`asOf`): an open
 * case whose deadline is still ahead is not yet "open at its deadline".
 */
export function handlingFlags(
  c: HandlingCase,
  period: Period,
  asOf = Infinity,
  stages: StageLimits = DEFAULT_STAGE_LIMITS,
): number | null {
  const at = accountableAt(c);
  if (at === null || !containsInstant(period, at) || at > asOf) return null;
  let flags = 0;
  if (c.closedAt !== null && c.closedAt < period.end) flags |= HANDLING_FLAG.closed;
  if (c.closedAt !== null && c.dueAt !== null && c.closedAt <= c.dueAt)
    flags |= HANDLING_FLAG.onTime;
  // A case closed with no deadline at all was never late.
  if (c.closedAt !== null && c.dueAt === null) flags |= HANDLING_FLAG.onTime;
  if (c.reworkCount > 0) flags |= HANDLING_FLAG.rework;
  if (c.extensionCount > 0) flags |= HANDLING_FLAG.extended;
  if (c.satisfaction !== null) flags |= HANDLING_FLAG.callback;
  if (c.satisfaction === 'satisfied' || c.satisfaction === 'basically_satisfied')
    flags |= HANDLING_FLAG.satisfied;
  return flags | stageFlags(c, stages);
}

/**
 * The per-stage flags (core/cases/stage-clocks.ts): a stage counts as on time when the move
 * ending it came by its deadline; a stage with no stored deadline is never late. The SQL
 * in db/queries/ranking-facts.ts writes the same conditions; a test holds them together.
 */
function stageFlags(c: HandlingCase, stages: StageLimits): number {
  let flags = 0;
  if (
    c.dispatchedAt !== null &&
    c.registeredAt !== null &&
    // Whole milliseconds, as the SQL counts them (db/queries/ranking-facts.ts stageCountsSql).
    c.dispatchedAt <= c.registeredAt + Math.round(stages.dispatchMinutes * MINUTE_MS)
  )
    flags |= HANDLING_FLAG.dispatchOnTime;
  if (c.dispatchedAt !== null) {
    flags |= HANDLING_FLAG.dispatched;
    if (c.arrivedAt !== null && c.arrivedAt <= (c.onsiteDueAt ?? c.arrivedAt))
      flags |= HANDLING_FLAG.onsiteOnTime;
    if (c.handledAt !== null && c.handledAt <= (c.dueAt ?? c.handledAt))
      flags |= HANDLING_FLAG.handleOnTime;
  }
  if (c.handledAt !== null) {
    flags |= HANDLING_FLAG.handled;
    if (
      c.closedAt !== null &&
      c.closedAt <= c.handledAt + Math.round(stages.verifyMinutes * MINUTE_MS)
    )
      flags |= HANDLING_FLAG.verifyOnTime;
  }
  return flags;
}

/** The intake flags of a case, or null when it was not reported in `period` by `asOf` (or is voided). */
export function intakeFlags(c: IntakeCase, period: Period, asOf = Infinity): number | null {
  if (c.state === 'voided' || !containsInstant(period, c.reportedAt) || c.reportedAt > asOf)
    return null;
  if (c.registeredAt === null) return 0;
  const acceptDue = c.acceptDueAt ?? c.reportedAt + DEFAULT_ACCEPT_MS;
  return INTAKE_FLAG.registered | (c.registeredAt <= acceptDue ? INTAKE_FLAG.timely : 0);
}
