/**
 * A small wish's (微心愿) steps and clocks (docs/design/GRID-WORK.md): published → claimed
 * (by a member or unit) → fulfilled → confirmed by the community, or withdrawn with a
 * reason from any step before fulfilment. A published wish is to be claimed within 7 days,
 * a claimed one fulfilled within 30 days of the claim (admin-editable); confirming has no
 * clock. Clocks run in natural days: a resident's wish does not wait for office hours.
 */
import { DAY_MS } from '../time';

export const WISH_STATES = ['published', 'claimed', 'fulfilled', 'confirmed', 'withdrawn'] as const;
export type WishState = (typeof WISH_STATES)[number];

export const WISH_MOVES = ['claim', 'fulfil', 'confirm', 'withdraw'] as const;
export type WishMove = (typeof WISH_MOVES)[number];

export interface WishClockSettings {
  claimWithinDays: number;
  fulfilWithinDays: number;
}

export const DEFAULT_WISH_CLOCKS: WishClockSettings = { claimWithinDays: 7, fulfilWithinDays: 30 };

const NEXT: Record<WishMove, { from: readonly WishState[]; to: WishState }> = {
  claim: { from: ['published'], to: 'claimed' },
  fulfil: { from: ['claimed'], to: 'fulfilled' },
  confirm: { from: ['fulfilled'], to: 'confirmed' },
  withdraw: { from: ['published', 'claimed'], to: 'withdrawn' },
};

/** The state a move leads to, or null when it cannot be made from `state`. */
export function wishMoveTarget(state: WishState, move: WishMove): WishState | null {
  const rule = NEXT[move];
  return rule.from.includes(state) ? rule.to : null;
}

export function wishMovesFrom(state: WishState): WishMove[] {
  return WISH_MOVES.filter((move) => wishMoveTarget(state, move) !== null);
}

/**
 * When the step the wish is in must be done: claiming counts from publishing, fulfilling
 * from claiming; null when no clock runs (fulfilled, confirmed, withdrawn).
 */
export function wishDueAt(
  wish: { state: WishState; publishedAt: number; claimedAt: number | null },
  settings: WishClockSettings = DEFAULT_WISH_CLOCKS,
): number | null {
  if (wish.state === 'published') return wish.publishedAt + settings.claimWithinDays * DAY_MS;
  if (wish.state === 'claimed' && wish.claimedAt !== null)
    return wish.claimedAt + settings.fulfilWithinDays * DAY_MS;
  return null;
}

export type WishClockStatus = 'none' | 'running' | 'near_due' | 'overdue';

/** Near due: the last fifth of the step's time (at least a day), as the board marks it. */
export function wishClockStatus(
  wish: { state: WishState; publishedAt: number; claimedAt: number | null },
  now: number,
  settings: WishClockSettings = DEFAULT_WISH_CLOCKS,
): WishClockStatus {
  const due = wishDueAt(wish, settings);
  if (due === null) return 'none';
  if (now > due) return 'overdue';
  const start = wish.state === 'published' ? wish.publishedAt : wish.claimedAt!;
  const warnFrom = due - Math.max(DAY_MS, (due - start) / 5);
  return now >= warnFrom ? 'near_due' : 'running';
}

/** Bad settings in a sentence each (whole days, 1 to 365), for the admin's form. */
export function checkWishClockSettings(settings: WishClockSettings): string[] {
  const problems: string[] = [];
  for (const [key, label] of [
    ['claimWithinDays', '认领时限'],
    ['fulfilWithinDays', '完成时限'],
  ] as const) {
    const days = settings[key];
    if (!Number.isInteger(days) || days < 1 || days > 365)
      problems.push(`${label}（${key}）应为 1 到 365 之间的整数天，而不是 ${days}。`);
  }
  return problems;
}
