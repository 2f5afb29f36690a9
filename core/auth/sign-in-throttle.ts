/**
 * The sign-in throttle (登录限制): 5 wrong passwords for one account from one address within
 * 15 minutes refuse that account there for 15 minutes, whatever is typed. Sign-in and the
 * idle-lock unlock count together (both guess the same password). A success or an
 * administrator's clearing starts the count again; the earlier attempts stay in the audit log.
 * Pure: the attempts are read from the audit log by the caller, and `now` is passed in.
 */
import { MINUTE_MS, SHANGHAI_OFFSET_MS } from '../time';

const MAX_WRONG_PASSWORDS = 5;
const WRONG_PASSWORD_WINDOW_MS = 15 * MINUTE_MS;
const SIGN_IN_LOCK_MS = 15 * MINUTE_MS;
/** How far back the caller must read attempts for throttleState to be exact. */
export const THROTTLE_LOOKBACK_MS = WRONG_PASSWORD_WINDOW_MS + SIGN_IN_LOCK_MS;

/**
 * One recorded attempt, oldest first. 'failure': a wrong password that was checked;
 * 'success': the right one, let in; 'cleared': an administrator lifted the account's lock.
 * Attempts refused while locked are not checked and are not given here.
 */
export interface SignInAttempt {
  at: number;
  kind: 'failure' | 'success' | 'cleared';
}

interface ThrottleState {
  /** When the account may try again from this address, or null when it may now. */
  lockedUntil: number | null;
  /** Wrong passwords counted towards the next lock (within the window, since the last reset). */
  failures: number;
}

export function throttleState(attempts: readonly SignInAttempt[], now: number): ThrottleState {
  let counted: number[] = [];
  let lockedUntil: number | null = null;
  for (const attempt of attempts) {
    if (attempt.at > now) continue;
    if (attempt.kind !== 'failure') {
      counted = [];
      if (attempt.kind === 'cleared') lockedUntil = null;
      continue;
    }
    // A failure written while a lock held (two guesses in flight at once) adds nothing.
    if (lockedUntil !== null && attempt.at < lockedUntil) continue;
    counted = counted.filter((at) => at > attempt.at - WRONG_PASSWORD_WINDOW_MS);
    counted.push(attempt.at);
    if (counted.length >= MAX_WRONG_PASSWORDS) {
      lockedUntil = attempt.at + SIGN_IN_LOCK_MS;
      counted = [];
    }
  }
  const locked = lockedUntil !== null && lockedUntil > now;
  return {
    lockedUntil: locked ? lockedUntil : null,
    failures: counted.filter((at) => at > now - WRONG_PASSWORD_WINDOW_MS).length,
  };
}

/** `14:35`: the Shanghai minute from which a lock ending at `lockedUntil` is surely over. */
export function lockEndClock(lockedUntil: number): string {
  const minute = Math.ceil(lockedUntil / MINUTE_MS) * MINUTE_MS;
  return new Date(minute + SHANGHAI_OFFSET_MS).toISOString().slice(11, 16);
}

/** The sentence for an account refused here until `lockedUntil`. */
export function signInLockedSentence(
  username: string,
  lockedUntil: number,
): { zh: string; en: string } {
  const clock = lockEndClock(lockedUntil);
  return {
    zh: `账号 ${username} 的密码在 15 分钟内已错 ${MAX_WRONG_PASSWORDS} 次，此处暂停登录和解锁 15 分钟：请于 ${clock} 后再试，或请管理员解除。`,
    en: `The password of ${username} was wrong ${MAX_WRONG_PASSWORDS} times within 15 minutes, so it cannot sign in or unlock here for 15 minutes: try again after ${clock} (Beijing time), or ask an administrator to clear the lock.`,
  };
}
