/**
 * Which cases are open, whose clock runs, and when one is overdue or near due: one
 * definition each, read by the workflow, the clocks on screen, and the SQL of the board,
 * the overview, the map and the agenda (which take their conditions from here). A test holds
 * the SQL lists to the partial indexes of migration 002 and the SQL conditions to the
 * functions below, case by case.
 */
import { NEAR_DUE_FRACTION } from '../clocks';
import type { CaseState } from '../glossary';

/** A case is open (未办结) until it is closed or voided. */
export const OPEN_STATES: readonly CaseState[] = [
  'reported',
  'registered',
  'dispatched',
  'in_progress',
  'handled',
  'suspended',
];

/**
 * The states whose resolution clock runs: registered and not yet closed. A reported case
 * runs only its accept clock; a suspended one's clocks stop.
 */
export const RUNNING_STATES: readonly CaseState[] = [
  'registered',
  'dispatched',
  'in_progress',
  'handled',
];

export function isOpen(state: CaseState): boolean {
  return OPEN_STATES.includes(state);
}

function isRunning(state: CaseState): boolean {
  return RUNNING_STATES.includes(state);
}

interface DueFields {
  state: CaseState;
  dueAt: number | null;
  dueWindowMs: number | null;
}

/** 超期: the resolution clock runs and its deadline has passed. */
export function isOverdue(c: Pick<DueFields, 'state' | 'dueAt'>, now: number): boolean {
  return isRunning(c.state) && c.dueAt !== null && c.dueAt < now;
}

/** 临期: the clock runs, the deadline is still ahead, within the last 20% of the window. */
export function isNearDue(c: DueFields, now: number): boolean {
  return (
    isRunning(c.state) &&
    c.dueAt !== null &&
    c.dueAt >= now &&
    c.dueWindowMs !== null &&
    c.dueAt - now <= NEAR_DUE_FRACTION * c.dueWindowMs
  );
}

/** `('reported', 'registered', …)` for an IN. */
function statesSql(states: readonly CaseState[]): string {
  return `(${states.map((s) => `'${s}'`).join(', ')})`;
}

export const OPEN_STATES_SQL = statesSql(OPEN_STATES);
const RUNNING_STATES_SQL = statesSql(RUNNING_STATES);

/** The board's order key: the resolution deadline, or the accept deadline before registering. */
export const BOARD_DUE_SQL = 'coalesce(due_at, accept_due_at)';

/**
 * The same rules as SQL over a case aliased `c` (empty alias: the bare table), with `now`
 * the name of the bound parameter (`@now`, `:now`).
 */
export function caseStateSql(alias: string, now: string) {
  const col = (name: string) => (alias ? `${alias}.${name}` : name);
  const running = `${col('state')} IN ${RUNNING_STATES_SQL}`;
  return {
    open: `${col('state')} IN ${OPEN_STATES_SQL}`,
    running,
    overdue: `${running} AND ${col('due_at')} < ${now}`,
    nearDue: `${running} AND ${col('due_at')} >= ${now} AND ${col('due_at')} - ${now} <= ${NEAR_DUE_FRACTION} * ${col('due_window_ms')}`,
    boardDue: alias ? `coalesce(${alias}.due_at, ${alias}.accept_due_at)` : BOARD_DUE_SQL,
  };
}
