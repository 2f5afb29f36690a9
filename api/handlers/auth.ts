import { seesPersonalData } from '../../core/cases/personal-data';
import type { UserRole } from '../../core/glossary';
import {
  anyUserHasPassword,
  countActiveAdmins,
  endUserSessions,
  insertUser,
  listUsers,
  readIdleLockMinutes,
  readPasswordHash,
  readUser,
  readUserByName,
  recordAudit,
  setPasswordHash,
  updateUser,
  type UserRow,
} from '../../db/queries/users';
import { readUnit } from '../../db/queries/case-lookups';
import type { SessionUser } from '../contract';
import type { ApiContext } from '../context';
import { UserError } from '../errors';
import { hashPassword, passwordProblem, verifyPassword } from '../passwords';
import { changeSession, issueSession, SESSION_TOKEN_FIELD } from '../sessions';
import { clearSignInLock, refuseIfLocked, settleAttempt, signInLocks } from '../sign-in-guard';
import type { FeatureHandlers } from './types';

const sessionUser = (user: UserRow): SessionUser => ({
  id: user.id,
  username: user.username,
  displayName: user.displayName,
  role: user.role,
  unitCode: user.unitCode,
});

const summary = (context: ApiContext, user: UserRow) => ({
  ...sessionUser(user),
  active: user.active,
  hasPassword: user.hasPassword,
  createdAt: user.createdAt,
  lastLoginAt: user.lastLoginAt,
  signInLockedUntil:
    Math.max(0, ...signInLocks(context, user.username).map((lock) => lock.lockedUntil)) || null,
});

function checkPassword(password: string, username: string | null): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new UserError('weak_password', problem, 'password');
}

const WRONG_SIGN_IN = new UserError(
  'wrong_credentials',
  { zh: '用户名或密码不对。', en: 'The username or password is wrong.' },
  'password',
);

function signedIn(context: ApiContext, user: UserRow) {
  const token = issueSession(context, user.id);
  return { user: sessionUser(user), [SESSION_TOKEN_FIELD]: token };
}

/** The admin row first-run setup gives a password to: the demo's 'admin', or a new one. */
function setupTarget(context: ApiContext): { username: string; existing: UserRow | null } {
  const admin = listUsers(context.db).find((u) => u.role === 'admin' && u.active) ?? null;
  return { username: admin?.username ?? 'admin', existing: admin };
}

function checkUnitFor(
  context: ApiContext,
  role: UserRole,
  unitCode: string | null | undefined,
): void {
  if (unitCode && !readUnit(context.db, unitCode)) {
    throw new UserError(
      'unknown_unit',
      { zh: `没有代码为 ${unitCode} 的单位。`, en: `There is no unit ${unitCode}.` },
      'unitCode',
    );
  }
  if (role === 'handler' && !unitCode) {
    throw new UserError(
      'handler_needs_unit',
      { zh: '处置单位用户须指明所属单位。', en: 'A handling-unit user needs their unit.' },
      'unitCode',
    );
  }
}

export const authHandlers = {
  'auth.status': (context) => {
    const { db } = context;
    const user = context.session ? readUser(db, context.session.userId) : null;
    return {
      needsSetup: !anyUserHasPassword(db),
      setupUsername: setupTarget(context).username,
      user: user ? sessionUser(user) : null,
      locked: context.session?.locked ?? false,
      idleLockMinutes: readIdleLockMinutes(db),
      seesPersonalData: seesPersonalData(context.actor.role),
      signInRequired: context.remoteSeat != null,
      display: context.display?.name ?? null,
    };
  },

  'auth.setupAdmin': async (context, input) => {
    const { db } = context;
    if (anyUserHasPassword(db)) {
      throw new UserError('already_set_up', {
        zh: '管理员已经设置过，请直接登录。',
        en: 'The administrator is already set up; sign in instead.',
      });
    }
    const target = setupTarget(context);
    checkPassword(input.password, input.username ?? target.username);
    const hash = await hashPassword(input.password);
    const now = context.now();
    const userId = db.transaction(() => {
      // Re-checked inside the write: two windows racing to set up get one admin.
      if (anyUserHasPassword(db))
        throw new UserError('already_set_up', {
          zh: '管理员已经设置过，请直接登录。',
          en: 'The administrator is already set up; sign in instead.',
        });
      const wanted = input.username ?? target.username;
      const existing = readUserByName(db, wanted);
      let id: number;
      if (existing) {
        if (existing.role !== 'admin') updateUser(db, existing.id, { role: 'admin', active: true });
        id = existing.id;
        setPasswordHash(db, id, hash);
      } else {
        id = insertUser(
          db,
          {
            username: wanted,
            displayName: input.displayName ?? '系统管理员',
            role: 'admin',
            unitCode: null,
            passwordHash: hash,
          },
          now,
        );
      }
      recordAudit(db, now, wanted, 'auth.setupAdmin', { userId: id });
      return id;
    })();
    return signedIn(context, readUser(db, userId)!);
  },

  'auth.signIn': async (context, input) => {
    const user = readUserByName(context.db, input.username);
    const attempt = {
      kind: 'signIn' as const,
      username: input.username,
      actor: input.username,
      userId: user?.id ?? null,
    };
    refuseIfLocked(context, attempt);
    const ok = await verifyPassword(input.password, user?.passwordHash ?? null);
    return settleAttempt(context, attempt, {
      passwordRight: Boolean(user && ok),
      wrong: WRONG_SIGN_IN,
      refusal:
        user && !user.active
          ? {
              reason: 'inactive',
              error: new UserError('user_inactive', {
                zh: `用户 ${user.username} 已停用。`,
                en: `The user ${user.username} is switched off.`,
              }),
            }
          : null,
      letIn: () => {
        if (context.session) changeSession(context, context.session.id, 'end');
        return signedIn(context, user!);
      },
    });
  },

  'auth.signOut': (context) => {
    if (!context.session) return { signedOut: false };
    changeSession(context, context.session.id, 'end');
    return { signedOut: true };
  },

  'auth.lock': (context) => {
    if (!context.session) return { locked: false };
    changeSession(context, context.session.id, 'lock');
    return { locked: true };
  },

  'auth.unlock': async (context, input) => {
    const session = context.session;
    if (!session) {
      throw new UserError('sign_in_required', {
        zh: '这个窗口没有登录，请登录。',
        en: 'Nobody is signed in to this window; sign in.',
      });
    }
    const user = readUser(context.db, session.userId)!;
    const attempt = {
      kind: 'unlock' as const,
      username: user.username,
      actor: user.displayName,
      userId: user.id,
    };
    refuseIfLocked(context, attempt);
    const ok = await verifyPassword(input.password, readPasswordHash(context.db, session.userId));
    return settleAttempt(context, attempt, {
      passwordRight: ok,
      wrong: new UserError(
        'wrong_password',
        { zh: '密码不对。', en: 'The password is wrong.' },
        'password',
      ),
      letIn: () => {
        changeSession(context, session.id, 'unlock');
        return { user: sessionUser(user) };
      },
    });
  },

  'users.list': (context) => listUsers(context.db).map((user) => summary(context, user)),

  'users.create': async (context, input) => {
    checkPassword(input.password, input.username);
    checkUnitFor(context, input.role, input.unitCode);
    if (readUserByName(context.db, input.username)) {
      throw new UserError(
        'username_taken',
        {
          zh: `用户名 ${input.username} 已被使用。`,
          en: `The username ${input.username} is taken.`,
        },
        'username',
      );
    }
    const passwordHash = await hashPassword(input.password);
    const now = context.now();
    const id = context.db.transaction(() => {
      const userId = insertUser(context.db, { ...input, passwordHash }, now);
      recordAudit(context.db, now, context.actor.name, 'users.create', {
        userId,
        username: input.username,
        role: input.role,
      });
      return userId;
    })();
    return summary(context, readUser(context.db, id)!);
  },

  'users.update': (context, input) => {
    const { db } = context;
    const user = readUser(db, input.id);
    if (!user)
      throw new UserError(
        'no_such_user',
        { zh: `没有编号为 ${input.id} 的用户。`, en: `There is no user ${input.id}.` },
        'id',
      );
    const role = input.role ?? user.role;
    checkUnitFor(context, role, input.unitCode === undefined ? user.unitCode : input.unitCode);
    const losesAdmin =
      user.role === 'admin' &&
      user.active &&
      user.hasPassword &&
      (role !== 'admin' || input.active === false);
    if (losesAdmin && countActiveAdmins(db) <= 1) {
      throw new UserError('last_admin', {
        zh: '这是最后一位可登录的管理员，不能停用或改为其他角色。',
        en: 'This is the last administrator who can sign in; they cannot be switched off or given another role.',
      });
    }
    const now = context.now();
    db.transaction(() => {
      updateUser(db, input.id, input);
      if (input.active === false || (input.role && input.role !== user.role))
        endUserSessions(db, input.id, now);
      recordAudit(db, now, context.actor.name, 'users.update', input);
    })();
    return summary(context, readUser(db, input.id)!);
  },

  'users.setPassword': async (context, input) => {
    const user = readUser(context.db, input.id);
    if (!user)
      throw new UserError(
        'no_such_user',
        { zh: `没有编号为 ${input.id} 的用户。`, en: `There is no user ${input.id}.` },
        'id',
      );
    checkPassword(input.password, user.username);
    const hash = await hashPassword(input.password);
    const now = context.now();
    context.db.transaction(() => {
      setPasswordHash(context.db, input.id, hash);
      // A new password signs the user out everywhere else.
      endUserSessions(
        context.db,
        input.id,
        now,
        context.session?.userId === input.id ? context.session.id : null,
      );
      recordAudit(context.db, now, context.actor.name, 'users.setPassword', { userId: input.id });
    })();
    return { userId: input.id };
  },

  'users.clearSignInLock': (context, input) => ({
    username: input.username,
    wasLocked: clearSignInLock(context, input.username),
  }),
} satisfies FeatureHandlers<
  | 'auth.status'
  | 'auth.setupAdmin'
  | 'auth.signIn'
  | 'auth.signOut'
  | 'auth.lock'
  | 'auth.unlock'
  | 'users.list'
  | 'users.create'
  | 'users.update'
  | 'users.setPassword'
  | 'users.clearSignInLock'
>;
