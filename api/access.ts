/**
 * Who may call which method (接口权限), checked by invoke() before any handler runs.
 * - 'open': anyone holding the transport (the desktop window, or the browser-mode token):
 *   reads for the board and a wall display; personal data is masked by role in the handlers.
 * - 'signed_in': any signed-in, unlocked user; finer rules live with the domain (a case move's
 *   roles in core/cases/moves.ts).
 * - a role list: only those roles.
 * The command line acts as 'system' (whoever holds the file) and passes every check.
 * Methods not listed here are open: each feature lists its writes as it arrives.
 */
import type { UserRole } from '../core/glossary';
import type { MethodName } from './contract';
import type { ApiContext } from './context';
import { UserError } from './errors';

type MethodAccess = 'open' | 'signed_in' | readonly UserRole[];

const ADMIN: readonly UserRole[] = ['admin'];

const METHOD_ACCESS: Partial<Record<MethodName, MethodAccess>> = {
  'users.list': ADMIN,
  'users.create': ADMIN,
  'users.update': ADMIN,
  'users.setPassword': ADMIN,
  'users.clearSignInLock': ADMIN,
  'cases.create': ['operator', 'admin'],
  'cases.move': 'signed_in',
  'cases.attachments.add': 'signed_in',
  // An attachment's bytes (site photos, ID scans) are personal data: not for a wall display.
  'cases.attachments.get': 'signed_in',
  'calendar.setDay': ADMIN,
  'calendar.removeDay': ADMIN,
  'calendar.workPeriods.get': 'signed_in',
  'calendar.workPeriods.save': ADMIN,
  'map.basemap.set': ADMIN,
  'map.grids.import': ADMIN,
  'map.grids.export': ADMIN,
  'map.grids.rename': ADMIN,
  'map.grids.reassign': ADMIN,
  // 数据交换: administrators move data to and from the city system (docs/design/DOMAIN.md "Who uses it").
  'exchange.overview': 'signed_in',
  'exchange.history': 'signed_in',
  'exchange.batch': 'signed_in',
  'exchange.preview': ADMIN,
  'exchange.import.start': ADMIN,
  'exchange.jobStatus': ADMIN,
  'exchange.cancel': ADMIN,
  'exchange.export': ADMIN,
  'exchange.templates': ADMIN,
  'exchange.templates.save': ADMIN,
  'exchange.templates.delete': ADMIN,
  'exchange.upload': ADMIN,
  'ranking.weights.save': ADMIN,
  'ranking.export': 'signed_in',
  // 设置: the admin's (api/handlers/settings.ts checks the same again, beside its refusals).
  'settings.clockDefaults.get': ADMIN,
  'settings.clockDefaults.save': ADMIN,
  'settings.clockOverrides.list': ADMIN,
  'settings.clockOverrides.remove': ADMIN,
  'settings.clockOverrides.save': ADMIN,
  'settings.idleLock.get': ADMIN,
  'settings.idleLock.save': ADMIN,
  'settings.standard.addLocal': ADMIN,
  'settings.standard.editRow': ADMIN,
  'settings.standard.rows': ADMIN,
  'settings.standard.versions': ADMIN,
  'bulletin.publish': ['leader', 'admin'],
  // 申诉: a unit's user files for its own unit (checked in api/ranking/appeal-desk.ts), an
  // admin for any unit; leaders decide; the month's draft is a leader's like its bulletin.
  'bulletin.draft': ['leader', 'admin'],
  // The month's appeals are read beside its ranking, which is open (no personal data in them).
  // 微心愿: anyone signed in reads them; operators and admins publish and move them.
  // party.figures is open, like the overview's counts: aggregates, no names.
  'wishes.board': 'signed_in',
  'wishes.get': 'signed_in',
  'wishes.claimants': ['operator', 'admin'],
  'wishes.publish': ['operator', 'admin'],
  'wishes.move': ['operator', 'admin'],
  // 党建台账: anyone signed in reads (phones and residents' names masked by role); operators,
  // admins and a community's own users enter (api/party/register-roles.ts checks the
  // community); leaders approve projects there too.
  'party.registerPage': 'signed_in',
  'party.registerItem': 'signed_in',
  'party.lookup': 'signed_in',
  'party.enter': ['operator', 'admin', 'handler'],
  'party.orderProject': ['operator', 'admin', 'handler'],
  'party.moveProject': ['operator', 'leader', 'admin', 'handler'],
  // A register's roster: anyone signed in downloads it (phones masked but for admins); a
  // filled roster is imported by an administrator, like every exchange file.
  'party.registerFile': 'signed_in',
  'party.importRegister': ADMIN,
  'appeals.list': 'open',
  'appeals.get': 'signed_in',
  'appeals.attachment': 'signed_in',
  'appeals.file': ['handler', 'admin'],
  'appeals.decide': ['leader', 'admin'],
  'weekly.meeting.save': ['operator', 'leader', 'admin'],
  'weekly.items.create': ['operator', 'leader', 'admin'],
  'weekly.items.update': ['operator', 'leader', 'admin'],
  'weekly.minutes.export': 'signed_in',
  // 备份与恢复: the admin's (backup folders name disks; a restore replaces the street).
  'backup.list': ADMIN,
  'backup.create': ADMIN,
  'backup.verify': ADMIN,
  'backup.restore': ADMIN,
  'backup.settings.save': ADMIN,
  // 坐席接入 and 大屏密钥: the admin's (a key opens the street's board to a screen).
  'seats.status': ADMIN,
  'seats.settings.save': ADMIN,
  'displayKeys.list': ADMIN,
  'displayKeys.create': ADMIN,
  'displayKeys.revoke': ADMIN,
};

const ROLE_ZH: Record<UserRole, string> = {
  operator: '值班员',
  leader: '领导',
  admin: '管理员',
  handler: '处置单位',
};

export function assertAccess(context: ApiContext, method: MethodName): void {
  const access = METHOD_ACCESS[method] ?? 'open';
  if (access === 'open' || context.actor.role === 'system') return;
  if (context.actor.role === 'anonymous') {
    if (context.session?.locked) {
      throw new UserError('session_locked', {
        zh: '屏幕已锁定：请输入密码解锁后再操作。',
        en: 'The screen is locked: unlock it with your password first.',
      });
    }
    throw new UserError('sign_in_required', {
      zh: '请先登录再进行此操作。',
      en: 'Sign in first to do this.',
    });
  }
  if (access === 'signed_in') return;
  if (!access.includes(context.actor.role)) {
    throw new UserError('role_not_allowed', {
      zh: `此操作只能由${access.map((r) => ROLE_ZH[r]).join('、')}进行。`,
      en: `Only ${access.join(', ')} users may do this.`,
    });
  }
}
