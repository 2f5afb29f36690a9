/** Sign-in, first-run setup, idle lock, and the admin's user list (用户与登录). */
import { z } from 'zod';
import { USER_ROLES } from '../../core/glossary';
import { method } from './define';
import type { UserRow } from '../../db/queries/users';

/** An account as the screens see it: the db row (db/queries/users.ts), never its hash. */
export type UserSummary = UserRow & {
  /** Until when the account is refused somewhere after 5 wrong passwords; null: nowhere. */
  signInLockedUntil: number | null;
};

export type SessionUser = Pick<UserRow, 'id' | 'username' | 'displayName' | 'role' | 'unitCode'>;

export interface AuthStatus {
  /** No account has a password yet: the app asks to create the administrator's. */
  needsSetup: boolean;
  /** The username first-run setup will give the password to. */
  setupUsername: string;
  /** Who this window or tab is signed in as (also while locked). */
  user: SessionUser | null;
  locked: boolean;
  idleLockMinutes: number;
  /** Whether reporters' names and phones are shown whole to this window. */
  seesPersonalData: boolean;
  /**
   * Seat mode (issue 13): this window reaches the centre's host from another seat, where
   * nothing is shown before a sign-in.
   */
  signInRequired: boolean;
  /** A wall display's name, when this window is one (read-only, masked). */
  display: string | null;
}

export interface SignInResult {
  user: SessionUser;
  /** Browser mode only: the tab keeps it and sends it back (X-GridDesk-Session). */
  sessionToken?: string;
}

const username = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9_.-]{2,32}$/,
    '用户名为 2–32 个字母、数字、点、横线或下划线 (2–32 letters, digits, . - _)',
  );
const displayName = z.string().trim().min(1).max(40);
const password = z.string().min(1).max(200);
const role = z.enum(USER_ROLES);
const unitCode = z.string().trim().min(1).max(40).nullable();

export const authContract = {
  'auth.status': method<AuthStatus>()(z.object({}).strict()),
  'auth.setupAdmin': method<SignInResult>()(
    z
      .object({ username: username.optional(), displayName: displayName.optional(), password })
      .strict(),
  ),
  'auth.signIn': method<SignInResult>()(z.object({ username, password }).strict()),
  'auth.signOut': method<{ signedOut: boolean }>()(z.object({}).strict()),
  'auth.lock': method<{ locked: boolean }>()(z.object({}).strict()),
  'auth.unlock': method<SignInResult>()(z.object({ password }).strict()),
  'users.list': method<UserSummary[]>()(z.object({}).strict()),
  'users.create': method<UserSummary>()(
    z.object({ username, displayName, role, unitCode: unitCode.default(null), password }).strict(),
  ),
  'users.update': method<UserSummary>()(
    z
      .object({
        id: z.number().int().positive(),
        displayName: displayName.optional(),
        role: role.optional(),
        unitCode: unitCode.optional(),
        active: z.boolean().optional(),
      })
      .strict(),
  ),
  'users.setPassword': method<{ userId: number }>()(
    z.object({ id: z.number().int().positive(), password }).strict(),
  ),
  /** Lifts the sign-in lock (5 wrong passwords) of an account at every address. */
  'users.clearSignInLock': method<SignInLockCleared>()(z.object({ username }).strict()),
};

/** What users.clearSignInLock lifted: where the account was refused, and until when. */
export interface SignInLockCleared {
  username: string;
  /** Empty when the account was not locked anywhere. */
  wasLocked: { address: string | null; lockedUntil: number }[];
}
