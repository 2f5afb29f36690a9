/**
 * The guard around sign-in and unlock (登录限制): refuses an account that guessed wrong too
 * often from this address (core/auth/sign-in-throttle.ts), and writes every attempt, right,
 * wrong or refused, to the audit log. The check and the write after the (slow, async)
 * password check are one synchronous transaction, so guesses sent all at once are counted
 * one by one: the sixth is refused even when it is right.
 */
import {
  signInLockedSentence,
  THROTTLE_LOOKBACK_MS,
  throttleState,
} from '../core/auth/sign-in-throttle';
import { flushHeldAudit, heldAudit, holdAudit, isHeldWriteError } from './held-writes';
import {
  attemptKindOf,
  readFailedSignInAddresses,
  readSignInAttempts,
  recordSignInAttempt,
  SIGN_IN_ACTIONS,
  type SignInAction,
} from '../db/queries/sign-in-audit';
import type { ApiContext } from './context';
import { UserError } from './errors';

/** The error code of a refused account; the host answers it with HTTP 429. */
export const SIGN_IN_LOCKED = 'sign_in_locked';

interface GuardedAttempt {
  kind: 'signIn' | 'unlock';
  /** The username as typed (sign-in) or of the locked session (unlock). */
  username: string;
  /** Written in audit_log.actor. */
  actor: string;
  userId: number | null;
}

const ACTIONS: Record<
  GuardedAttempt['kind'],
  { ok: SignInAction; failed: SignInAction; lockedOut: SignInAction; refused: SignInAction }
> = {
  signIn: {
    ok: SIGN_IN_ACTIONS.signIn,
    failed: SIGN_IN_ACTIONS.signInFailed,
    lockedOut: SIGN_IN_ACTIONS.signInLockedOut,
    refused: SIGN_IN_ACTIONS.signInRefused,
  },
  unlock: {
    ok: SIGN_IN_ACTIONS.unlock,
    failed: SIGN_IN_ACTIONS.unlockFailed,
    lockedOut: SIGN_IN_ACTIONS.unlockLockedOut,
    refused: SIGN_IN_ACTIONS.unlockRefused,
  },
};

const accountKey = (username: string): string => username.trim().toLowerCase();

function signInLockedError(username: string, lockedUntil: number): UserError {
  return new UserError(SIGN_IN_LOCKED, signInLockedSentence(username, lockedUntil), 'password');
}

function lockedUntil(context: ApiContext, account: string, address: string | null, now: number) {
  const since = now - THROTTLE_LOOKBACK_MS;
  const stored = readSignInAttempts(context.db, account, address, since);
  // Attempts the store could not take yet (held-writes) count all the same.
  const held = heldAudit(context.db).flatMap((row) => {
    const kind = attemptKindOf(row.action);
    const sameSource = row.detail.address === address || kind === 'cleared';
    return kind && row.at > since && row.detail.account === account && sameSource
      ? [{ at: row.at, kind }]
      : [];
  });
  const attempts = held.length === 0 ? stored : [...stored, ...held].sort((a, b) => a.at - b.at);
  return throttleState(attempts, now).lockedUntil;
}

/** How an attempt is written: to the audit log, or held in memory until the store takes it. */
type Recorder = (
  context: ApiContext,
  attempt: GuardedAttempt,
  action: SignInAction,
  now: number,
  extra?: Record<string, unknown>,
) => void;

const detailOf = (
  context: ApiContext,
  attempt: GuardedAttempt,
  extra: Record<string, unknown>,
) => ({
  account: accountKey(attempt.username),
  address: context.address ?? null,
  userId: attempt.userId,
  ...extra,
});

const record: Recorder = (context, attempt, action, now, extra = {}) =>
  recordSignInAttempt(context.db, now, attempt.actor, action, detailOf(context, attempt, extra));

const hold: Recorder = (context, attempt, action, now, extra = {}) =>
  holdAudit(context.db, {
    at: now,
    actor: attempt.actor,
    action,
    detail: detailOf(context, attempt, extra),
  });

/** Writes to the audit log, or holds the row when the store takes no write just now. */
const recordOrHold: Recorder = (context, attempt, action, now, extra = {}) => {
  try {
    record(context, attempt, action, now, extra);
  } catch (error) {
    if (!isHeldWriteError(error)) throw error;
    hold(context, attempt, action, now, extra);
  }
};

/** Before the password is checked: a locked account is refused at once (and that is logged). */
export function refuseIfLocked(context: ApiContext, attempt: GuardedAttempt): void {
  const now = context.now();
  const until = lockedUntil(context, accountKey(attempt.username), context.address ?? null, now);
  if (until === null) return;
  recordOrHold(context, attempt, ACTIONS[attempt.kind].refused, now, { lockedUntil: until });
  throw signInLockedError(attempt.username, until);
}

interface Settlement<T> {
  passwordRight: boolean;
  /** The sentence for a wrong password that did not bring a lock. */
  wrong: UserError;
  /** A right password that is refused all the same (a switched-off account), with why. */
  refusal?: { error: UserError; reason: string } | null;
  /** Runs in the transaction that records the success. */
  letIn: () => T;
}

/**
 * After the password was checked: records the outcome and, when the password was right and
 * no lock came in the meantime, lets the user in within the same transaction. Throws the
 * sentence to show when the attempt is refused.
 */
export function settleAttempt<T>(
  context: ApiContext,
  attempt: GuardedAttempt,
  settlement: Settlement<T>,
): T {
  let outcome: { value: T } | { error: UserError };
  try {
    outcome = context.db.transaction(() => {
      flushHeldAudit(context.db);
      return decide(context, attempt, settlement, record);
    })();
  } catch (error) {
    // A damaged store held read-only, or an import's lock: the same decision, the rows held
    // in memory and written when the store takes writes again.
    if (!isHeldWriteError(error)) throw error;
    outcome = decide(context, attempt, settlement, hold);
  }
  if ('error' in outcome) throw outcome.error;
  return outcome.value;
}

function decide<T>(
  context: ApiContext,
  attempt: GuardedAttempt,
  settlement: Settlement<T>,
  record: Recorder,
): { value: T } | { error: UserError } {
  const actions = ACTIONS[attempt.kind];
  const now = context.now();
  const account = accountKey(attempt.username);
  const address = context.address ?? null;
  const until = lockedUntil(context, account, address, now);
  if (until !== null) {
    // Locked by guesses that finished while this one was being checked.
    record(context, attempt, actions.refused, now, { lockedUntil: until });
    return { error: signInLockedError(attempt.username, until) };
  }
  if (!settlement.passwordRight) {
    record(context, attempt, actions.failed, now);
    const after = lockedUntil(context, account, address, now);
    if (after === null) return { error: settlement.wrong };
    record(context, attempt, actions.lockedOut, now, { lockedUntil: after });
    return { error: signInLockedError(attempt.username, after) };
  }
  if (settlement.refusal) {
    record(context, attempt, actions.refused, now, { reason: settlement.refusal.reason });
    return { error: settlement.refusal.error };
  }
  const value = settlement.letIn();
  record(context, attempt, actions.ok, now);
  return { value };
}

/** Where `username` is refused now, and until when. */
export function signInLocks(
  context: ApiContext,
  username: string,
): { address: string | null; lockedUntil: number }[] {
  const now = context.now();
  const account = accountKey(username);
  return readFailedSignInAddresses(context.db, account, now - THROTTLE_LOOKBACK_MS).flatMap(
    (address) => {
      const until = lockedUntil(context, account, address, now);
      return until === null ? [] : [{ address, lockedUntil: until }];
    },
  );
}

/** An administrator lifts `username`'s lock at every address; the count starts again. */
export function clearSignInLock(
  context: ApiContext,
  username: string,
): { address: string | null; lockedUntil: number }[] {
  return context.db.transaction(() => {
    const locks = signInLocks(context, username);
    recordSignInAttempt(context.db, context.now(), context.actor.name, SIGN_IN_ACTIONS.cleared, {
      account: accountKey(username),
      address: null,
      userId: context.actor.userId,
      wasLocked: locks,
    });
    return locks;
  })();
}
