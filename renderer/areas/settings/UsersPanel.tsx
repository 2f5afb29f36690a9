import { useState, type FormEvent } from 'react';
import type { UserSummary } from '../../../api/contract';
import { lockEndClock } from '../../../core/auth/sign-in-throttle';
import { USER_ROLES, type UserRole } from '../../../core/glossary';
import { getApi } from '../../api/client';
import { useApiQuery } from '../../api/useApiQuery';
import { useLocale } from '../../i18n/locale-context';
import { ErrorLine } from '../../ui/ErrorLine';
import { useAction } from '../../ui/useApiCall';
import { useFlash } from '../../ui/useFlash';

/** 用户: the local accounts; an admin adds one, sets a password, switches one off. */
export function UsersPanel() {
  const { t, format } = useLocale();
  const users = useApiQuery('users.list', {});
  const units = useApiQuery('cases.lookups', {});
  const action = useAction();
  const [passwordFor, setPasswordFor] = useState<UserSummary | null>(null);
  const [password, setPassword] = useState('');
  const [notice, setNotice] = useFlash();
  const [draft, setDraft] = useState({
    username: '',
    displayName: '',
    role: 'operator' as UserRole,
    unitCode: '',
    password: '',
  });

  /** One change at a time (a second press while one is sent is ignored); then the list again. */
  const run = (step: () => Promise<unknown>) =>
    action.run(async () => {
      await step();
      users.refresh();
      return true;
    });
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await run(() =>
      getApi().call('users.create', { ...draft, unitCode: draft.unitCode || null }),
    );
    if (ok)
      setDraft({ username: '', displayName: '', role: 'operator', unitCode: '', password: '' });
  };
  /** Lifts the lock 5 wrong passwords put on an account, and says what it was. */
  const clearSignInLock = async (user: UserSummary) => {
    setNotice(null);
    await run(async () => {
      const cleared = await getApi().call('users.clearSignInLock', { username: user.username });
      const until = Math.max(0, ...cleared.wasLocked.map((lock) => lock.lockedUntil));
      setNotice((t) =>
        until > 0
          ? t('settings.user.lockCleared', { username: user.username, until: lockEndClock(until) })
          : t('settings.user.notLocked', { username: user.username }),
      );
    });
  };
  const setNewPassword = async (event: FormEvent) => {
    event.preventDefault();
    if (!passwordFor) return;
    if (await run(() => getApi().call('users.setPassword', { id: passwordFor.id, password }))) {
      setPasswordFor(null);
      setPassword('');
    }
  };

  if (users.error) return <ErrorLine error={users.error} />;
  return (
    <div className="settings-users" data-testid="settings-users">
      <table className="data-table">
        <thead>
          <tr>
            <th>{t('settings.user.username')}</th>
            <th>{t('settings.user.name')}</th>
            <th>{t('settings.user.role')}</th>
            <th>{t('settings.user.unit')}</th>
            <th>{t('settings.user.state')}</th>
            <th>{t('settings.user.lastLogin')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(users.data ?? []).map((user) => (
            <tr key={user.id} data-testid="user-row">
              <td className="data-table__code">{user.username}</td>
              <td>{user.displayName}</td>
              <td>{t(`session.role.${user.role}`)}</td>
              <td>
                {units.data?.units.find((u) => u.code === user.unitCode)?.name ??
                  user.unitCode ??
                  '—'}
              </td>
              <td>
                {!user.active ? (
                  t('settings.user.inactive')
                ) : user.hasPassword ? (
                  t('settings.user.active')
                ) : (
                  <span className="muted">{t('settings.user.noPassword')}</span>
                )}
                {user.signInLockedUntil ? (
                  <span className="muted" data-testid={`sign-in-locked-${user.username}`}>
                    {' '}
                    {t('settings.user.lockedUntil', {
                      until: lockEndClock(user.signInLockedUntil),
                    })}
                  </span>
                ) : null}
              </td>
              <td className="data-table__time">
                {user.lastLoginAt ? format.tableDateTime(user.lastLoginAt) : '—'}
              </td>
              <td>
                <button
                  type="button"
                  className="button button--quiet"
                  onClick={() => setPasswordFor(user)}
                  data-testid={`set-password-${user.username}`}
                >
                  {t('settings.user.setPassword')}
                </button>
                <button
                  type="button"
                  className="button button--quiet"
                  onClick={() =>
                    void run(() =>
                      getApi().call('users.update', { id: user.id, active: !user.active }),
                    )
                  }
                >
                  {user.active ? t('settings.user.deactivate') : t('settings.user.activate')}
                </button>
                {user.signInLockedUntil ? (
                  <button
                    type="button"
                    className="button button--quiet"
                    onClick={() => void clearSignInLock(user)}
                    data-testid={`clear-sign-in-lock-${user.username}`}
                  >
                    {t('settings.user.clearSignInLock')}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {passwordFor ? (
        <form className="settings-inline" onSubmit={setNewPassword}>
          <span>{t('settings.user.passwordFor', { name: passwordFor.displayName })}</span>
          <input
            className="input"
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoFocus
            data-testid="user-new-password"
          />
          <span className="field__note">{t('session.passwordRule')}</span>
          <button
            type="submit"
            className="button button--primary"
            disabled={action.working}
            data-testid="user-new-password-save"
          >
            {t('settings.user.setPassword')}
          </button>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => setPasswordFor(null)}
          >
            {t('session.cancel')}
          </button>
        </form>
      ) : null}
      <form className="settings-inline" onSubmit={add}>
        <input
          className="input"
          placeholder={t('settings.user.username')}
          value={draft.username}
          onChange={(e) => setDraft({ ...draft, username: e.target.value })}
        />
        <input
          className="input"
          placeholder={t('settings.user.name')}
          value={draft.displayName}
          onChange={(e) => setDraft({ ...draft, displayName: e.target.value })}
        />
        <select
          className="input"
          value={draft.role}
          onChange={(e) => setDraft({ ...draft, role: e.target.value as UserRole })}
          aria-label={t('settings.user.role')}
        >
          {USER_ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`session.role.${role}`)}
            </option>
          ))}
        </select>
        <select
          className="input"
          value={draft.unitCode}
          onChange={(e) => setDraft({ ...draft, unitCode: e.target.value })}
          aria-label={t('settings.user.unit')}
        >
          <option value="">{t('settings.user.unit')} —</option>
          {units.data?.units.map((u) => (
            <option key={u.code} value={u.code}>
              {u.name}
            </option>
          ))}
        </select>
        <input
          className="input"
          type="password"
          placeholder={t('settings.user.password')}
          value={draft.password}
          onChange={(e) => setDraft({ ...draft, password: e.target.value })}
        />
        <button type="submit" className="button" disabled={action.working}>
          {t('settings.user.add')}
        </button>
      </form>
      <ErrorLine error={action.error} />
      {notice ? (
        <p className="form__hint" role="status" data-testid="users-notice">
          {notice}
        </p>
      ) : null}
    </div>
  );
}
