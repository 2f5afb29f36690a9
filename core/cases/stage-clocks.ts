/**
 * The per-stage clocks (环节时限) beside the done-clock: each stage of a case is on time when
 * the move that ends it came by the stage's deadline (issue 12, "Per-stage clocks").
 *
 * | stage    | starts          | ends (the move)   | deadline                                   |
 * | accept   | reported_at     | registered_at     | accept_due_at (3个1: 1 minute)             |
 * | dispatch | registered_at   | dispatched_at     | registered_at + dispatch minutes (30)      |
 * | onsite   | dispatched_at   | arrived_at        | onsite_due_at (3个1: 1 hour)               |
 * | handle   | dispatched_at   | handled_at        | due_at, the standard's 处置时限 (done-clock) |
 * | verify   | handled_at      | closed_at         | handled_at + verify minutes (240)          |
 *
 * Accept, on site and handle take the deadlines stored on the case when the stage began
 * (the category, the 立案条件 and the urgency decide them). The city's standard gives no
 * dispatch or verify limits, so those two come from the desk's settings ('clocks.defaults'
 * dispatchMinutes, verifyMinutes), in natural minutes. A stage not reached yet has no flag;
 * a stage begun and past its deadline is late even before it ends.
 */
import { MINUTE_MS } from '../time';
import type { CaseRecord } from './case-record';

export const STAGES = ['accept', 'dispatch', 'onsite', 'handle', 'verify'] as const;
export type Stage = (typeof STAGES)[number];

export interface StageLimits {
  dispatchMinutes: number;
  verifyMinutes: number;
}

export const DEFAULT_STAGE_LIMITS: StageLimits = { dispatchMinutes: 30, verifyMinutes: 240 };

export type StageState = 'on_time' | 'late' | 'running' | 'overdue' | 'paused' | 'not_reached';

export interface StageClock {
  stage: Stage;
  state: StageState;
  startedAt: number | null;
  dueAt: number | null;
  endedAt: number | null;
}

export type StageColumns = Pick<
  CaseRecord,
  | 'state'
  | 'suspendedAt'
  | 'reportedAt'
  | 'registeredAt'
  | 'dispatchedAt'
  | 'arrivedAt'
  | 'handledAt'
  | 'closedAt'
  | 'acceptDueAt'
  | 'onsiteDueAt'
  | 'dueAt'
>;

/** When each stage began, its deadline and the move that ended it. */
export function stageSpans(
  row: StageColumns,
  limits: StageLimits,
): Array<Omit<StageClock, 'state'>> {
  const plus = (at: number | null, minutes: number) =>
    at === null ? null : at + Math.round(minutes * MINUTE_MS);
  return [
    {
      stage: 'accept',
      startedAt: row.reportedAt,
      dueAt: row.acceptDueAt,
      endedAt: row.registeredAt,
    },
    {
      stage: 'dispatch',
      startedAt: row.registeredAt,
      dueAt: plus(row.registeredAt, limits.dispatchMinutes),
      endedAt: row.dispatchedAt,
    },
    {
      stage: 'onsite',
      startedAt: row.dispatchedAt,
      dueAt: row.onsiteDueAt,
      endedAt: row.arrivedAt,
    },
    { stage: 'handle', startedAt: row.dispatchedAt, dueAt: row.dueAt, endedAt: row.handledAt },
    {
      stage: 'verify',
      startedAt: row.handledAt,
      dueAt: plus(row.handledAt, limits.verifyMinutes),
      endedAt: row.closedAt,
    },
  ];
}

function stateOf(
  span: Omit<StageClock, 'state'>,
  row: Pick<StageColumns, 'state' | 'suspendedAt'>,
  now: number,
): StageState {
  if (span.startedAt === null) return 'not_reached';
  // A stage with no deadline (an old import without one) is never late.
  if (span.endedAt !== null)
    return span.dueAt === null || span.endedAt <= span.dueAt ? 'on_time' : 'late';
  // A voided case's open stage never ends: it was not reached. A suspended case's stage
  // waits with its clock stopped; it is judged when the case resumes.
  if (row.state === 'voided') return 'not_reached';
  if (row.state === 'suspended') return 'paused';
  return span.dueAt !== null && now > span.dueAt ? 'overdue' : 'running';
}

/**
 * Every stage's clock as of `now`. A voided case's stages after its voiding were never
 * reached; the caller passes the row as stored (its timestamps say what happened).
 */
export function stageClocks(row: StageColumns, limits: StageLimits, now: number): StageClock[] {
  return stageSpans(row, limits).map((span) => ({ ...span, state: stateOf(span, row, now) }));
}
