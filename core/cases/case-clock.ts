/**
 * The clock a case shows (案卷时钟), computed from its row and a `now` passed in: the
 * governing clock (accept while reported, resolution once registered), its state (normal,
 * near due, overdue, paused) and the time left or past; plus the on-site clock while the
 * unit has not arrived. Pure, so the board, the detail and the tests agree to the second.
 */
import { clockState, NEAR_DUE_FRACTION, type ClockState } from '../clocks';
import type { CaseField, CaseRecord } from './case-record';

/** The fields a clock is computed from (core/cases/case-record.ts); every view that shows a clock reads them. */
export const CLOCK_FIELDS = [
  'state',
  'stateBeforeSuspend',
  'reportedAt',
  'registeredAt',
  'dispatchedAt',
  'arrivedAt',
  'closedAt',
  'acceptDueAt',
  'onsiteDueAt',
  'dueAt',
  'dueWindowMs',
  'suspendedAt',
] as const satisfies readonly CaseField[];
export type ClockColumns = Pick<CaseRecord, (typeof CLOCK_FIELDS)[number]>;

type ClockKind = 'accept' | 'onsite' | 'resolve';

export interface RunningClock {
  kind: ClockKind;
  state: ClockState;
  /** The deadline as it stands now; while paused, where it would be if resumed now. */
  dueAt: number;
  windowMs: number;
  /** Positive: time left; negative: time past the deadline. */
  remainingMs: number;
}

interface StoppedClock {
  kind: 'resolve';
  state: 'closed_on_time' | 'closed_late' | 'voided';
  dueAt: number | null;
}

interface CaseClock {
  main: RunningClock | StoppedClock | null;
  /** 到场时钟: dispatched and the unit not yet on site. */
  onsite: RunningClock | null;
}

export function caseClock(row: ClockColumns, now: number): CaseClock {
  if (row.state === 'voided')
    return { main: { kind: 'resolve', state: 'voided', dueAt: row.dueAt }, onsite: null };
  if (row.state === 'closed') {
    const onTime = row.dueAt == null || (row.closedAt ?? 0) <= row.dueAt;
    return {
      main: { kind: 'resolve', state: onTime ? 'closed_on_time' : 'closed_late', dueAt: row.dueAt },
      onsite: null,
    };
  }
  const suspended = row.state === 'suspended';
  const pausedFor = suspended && row.suspendedAt != null ? Math.max(0, now - row.suspendedAt) : 0;
  const acting = suspended ? (row.stateBeforeSuspend ?? 'registered') : row.state;

  let main: RunningClock | null = null;
  if (acting === 'reported' && row.acceptDueAt != null) {
    main = running(
      'accept',
      row.acceptDueAt + pausedFor,
      row.acceptDueAt - row.reportedAt,
      now,
      suspended,
    );
  } else if (row.dueAt != null) {
    const window = row.dueWindowMs ?? row.dueAt - (row.registeredAt ?? row.reportedAt);
    main = running('resolve', row.dueAt + pausedFor, window, now, suspended);
  }
  let onsite: RunningClock | null = null;
  if (
    acting === 'dispatched' &&
    row.arrivedAt == null &&
    row.onsiteDueAt != null &&
    row.dispatchedAt != null
  ) {
    onsite = running(
      'onsite',
      row.onsiteDueAt + pausedFor,
      row.onsiteDueAt - row.dispatchedAt,
      now,
      suspended,
    );
  }
  return { main, onsite };
}

function running(
  kind: ClockKind,
  dueAt: number,
  windowMs: number,
  now: number,
  paused: boolean,
): RunningClock {
  return {
    kind,
    state: clockState(now, dueAt, Math.max(0, windowMs), paused),
    dueAt,
    windowMs,
    remainingMs: dueAt - now,
  };
}

/** When a running clock enters its last 20% (near due) — for scheduling the next repaint. */
export function nearDueFrom(clock: RunningClock): number {
  return clock.dueAt - clock.windowMs * NEAR_DUE_FRACTION;
}

/** Whether the case's resolution clock is overdue now (the board's "overdue only"). */
export function isOverdue(row: ClockColumns, now: number): boolean {
  const { main } = caseClock(row, now);
  return main != null && 'remainingMs' in main && main.state === 'overdue';
}
