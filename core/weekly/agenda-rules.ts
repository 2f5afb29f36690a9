/**
 * The weekly dispatch meeting's rules (周调度, docs/design/DOMAIN.md): overdue cases grouped by how long
 * they have been overdue, and dispatch items (调度事项) that carry over until done.
 */
import { DAY_MS, dayString, type DayString } from '../time';

/** How long past its deadline an open case is, in the agenda's groups. */
export const OVERDUE_AGE_GROUPS = ['over7d', 'from3to7d', 'from1to3d', 'under1d'] as const;
export type OverdueAgeGroup = (typeof OVERDUE_AGE_GROUPS)[number];

export function overdueAgeGroup(overdueMs: number): OverdueAgeGroup {
  if (overdueMs >= 7 * DAY_MS) return 'over7d';
  if (overdueMs >= 3 * DAY_MS) return 'from3to7d';
  if (overdueMs >= DAY_MS) return 'from1to3d';
  return 'under1d';
}

export type DispatchItemStatus = 'open' | 'done' | 'overdue';

/**
 * Open, done, or overdue: an open item whose due day (Shanghai) has passed. The due day
 * itself is still in time.
 */
export function dispatchItemStatus(
  item: { status: 'open' | 'done'; dueDay: DayString },
  now: number,
): DispatchItemStatus {
  if (item.status === 'done') return 'done';
  return item.dueDay < dayString(now) ? 'overdue' : 'open';
}

/**
 * Whether an earlier meeting's item belongs on this week's agenda (以周保月): still open, or
 * done since the start of the week before, so the meeting hears that it was finished.
 */
export function carriesOver(
  item: { status: 'open' | 'done'; doneAt: number | null },
  previousWeekStart: number,
): boolean {
  return item.status === 'open' || (item.doneAt !== null && item.doneAt >= previousWeekStart);
}
