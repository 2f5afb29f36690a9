/**
 * Sign-in attempts in the audit log (登录审计). Every sign-in and unlock, right or wrong or
 * refused, is one audit_log row whose detail carries the account (the username as typed,
 * lower case) and the address it came from; the throttle (core/auth/sign-in-throttle.ts)
 * counts from these rows, so no table of its own is needed.
 */
import type { SignInAttempt } from '../../core/auth/sign-in-throttle';
import type { Db } from '../open';

/** What a sign-in or unlock came to, as written in audit_log.action. */
export const SIGN_IN_ACTIONS = {
  signIn: 'auth.signIn',
  signInFailed: 'auth.signIn.failed',
  signInLockedOut: 'auth.signIn.lockedOut',
  signInRefused: 'auth.signIn.refused',
  unlock: 'auth.unlock',
  unlockFailed: 'auth.unlock.failed',
  unlockLockedOut: 'auth.unlock.lockedOut',
  unlockRefused: 'auth.unlock.refused',
  cleared: 'auth.signInLock.cleared',
} as const;

export type SignInAction = (typeof SIGN_IN_ACTIONS)[keyof typeof SIGN_IN_ACTIONS];

const KIND_OF: Partial<Record<SignInAction, SignInAttempt['kind']>> = {
  [SIGN_IN_ACTIONS.signIn]: 'success',
  [SIGN_IN_ACTIONS.unlock]: 'success',
  [SIGN_IN_ACTIONS.signInFailed]: 'failure',
  [SIGN_IN_ACTIONS.unlockFailed]: 'failure',
  [SIGN_IN_ACTIONS.cleared]: 'cleared',
};
/** How the throttle counts an action (undefined: not counted). */
export function attemptKindOf(action: SignInAction): SignInAttempt['kind'] | undefined {
  return KIND_OF[action];
}

/** The counted actions as SQL literals (constants of this file, never input). */
const COUNTED_SQL = Object.keys(KIND_OF)
  .map((action) => `'${action}'`)
  .join(', ');

export interface SignInAuditDetail {
  /** The username as typed, lower case: also for accounts that do not exist. */
  account: string;
  /** The socket's address (browser mode), 'local' (the desktop window), null (command line). */
  address: string | null;
  userId?: number | null;
  lockedUntil?: number;
  [more: string]: unknown;
}

export function recordSignInAttempt(
  db: Db,
  at: number,
  actor: string,
  action: SignInAction,
  detail: SignInAuditDetail,
): void {
  db.prepare('INSERT INTO audit_log (at, actor, action, detail) VALUES (?, ?, ?, ?)').run(
    at,
    actor,
    action,
    JSON.stringify(detail),
  );
}

/**
 * The counted attempts (successes, checked failures, clearings) on `account` from `address`
 * since `since`, oldest first; a clearing counts from every address. The audit log is
 * append-only, so its ids run in time order: the scan starts after the newest row older
 * than `since`, found by walking back from the end, and never reads the whole log.
 */
export function readSignInAttempts(
  db: Db,
  account: string,
  address: string | null,
  since: number,
): SignInAttempt[] {
  const rows = db
    .prepare<
      [{ since: number; account: string; address: string | null; cleared: string }],
      { at: number; action: SignInAction }
    >(
      `SELECT at, action FROM audit_log
        WHERE id > coalesce(
                (SELECT id FROM audit_log WHERE at <= @since ORDER BY id DESC LIMIT 1), 0)
          AND at > @since
          AND action IN (${COUNTED_SQL})
          AND json_extract(detail, '$.account') = @account
          AND (json_extract(detail, '$.address') IS @address OR action = @cleared)
        ORDER BY at, id`,
    )
    .all({ since, account, address, cleared: SIGN_IN_ACTIONS.cleared });
  return rows.map((row) => ({ at: row.at, kind: KIND_OF[row.action]! }));
}

/** The addresses `account` failed a sign-in or unlock from since `since`. */
export function readFailedSignInAddresses(
  db: Db,
  account: string,
  since: number,
): (string | null)[] {
  return db
    .prepare<[{ since: number; account: string }], string | null>(
      `SELECT DISTINCT json_extract(detail, '$.address') FROM audit_log
        WHERE id > coalesce(
                (SELECT id FROM audit_log WHERE at <= @since ORDER BY id DESC LIMIT 1), 0)
          AND at > @since
          AND action IN ('${SIGN_IN_ACTIONS.signInFailed}', '${SIGN_IN_ACTIONS.unlockFailed}')
          AND json_extract(detail, '$.account') = @account`,
    )
    .pluck()
    .all({ since, account });
}
