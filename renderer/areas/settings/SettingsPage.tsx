import { useT } from '../../i18n/locale-context';
import { AreaIcon } from '../../icons/AreaIcon';
import { useSession } from '../../session/session-context';
import { BackupsPanel } from './BackupsPanel';
import { CalendarPanel } from './CalendarPanel';
import { ClockDefaultsPanel } from './ClockDefaultsPanel';
import { ClockOverridesPanel } from './ClockOverridesPanel';
import { IdleLockPanel } from './IdleLockPanel';
import { StandardPanel } from './StandardPanel';
import { UsersPanel } from './UsersPanel';
import { WeightsPanel } from './WeightsPanel';
import { WorkPeriodsPanel } from './WorkPeriodsPanel';
import { SeatsPanel } from './SeatsPanel';
import { DisplayKeysPanel } from './DisplayKeysPanel';
import './settings.css';
import { PageShell } from '../../ui/PageShell';
import { Panel } from '../../ui/Panel';

/**
 * 设置 settings (lazy route chunk), the admin's: users, the category standard, the clocks
 * (work periods, calendar, urgency overrides, stage defaults), weights, idle lock, backups.
 */
export default function SettingsPage() {
  const t = useT();
  const { status, openSignIn } = useSession();
  const admin = status?.user?.role === 'admin' && !status.locked;
  return (
    <PageShell
      className="settings"
      testId="area-settings"
      title={
        <>
          <AreaIcon area="settings" />
          {t('area.settings.title')}
        </>
      }
    >
      {!admin ? (
        <p className="settings__admin-only">
          {t('settings.adminOnly')}{' '}
          <button type="button" className="button" onClick={openSignIn}>
            {t('session.signIn')}
          </button>
        </p>
      ) : (
        <>
          <Panel
            title={t('settings.users')}
            className="settings__panel"
            meta={t('settings.usersHint')}
          >
            <UsersPanel />
          </Panel>
          <Panel
            title={t('settings.std.title')}
            className="settings__panel"
            testId="panel-standard"
          >
            <p className="panel__meta settings__hint">{t('settings.std.hint')}</p>
            <StandardPanel />
          </Panel>
          <Panel
            title={t('settings.periods.title')}
            className="settings__panel"
            testId="panel-work-periods"
          >
            <p className="panel__meta settings__hint">{t('settings.periods.hint')}</p>
            <WorkPeriodsPanel />
          </Panel>
          <Panel title={t('settings.calendar')} className="settings__panel">
            <p className="panel__meta settings__hint">{t('settings.calendarHint')}</p>
            <CalendarPanel />
          </Panel>
          <Panel
            title={t('settings.overrides.title')}
            className="settings__panel"
            testId="panel-overrides"
          >
            <p className="panel__meta settings__hint">{t('settings.overrides.hint')}</p>
            <ClockOverridesPanel />
          </Panel>
          <Panel
            title={t('settings.clocks.title')}
            className="settings__panel"
            testId="panel-clock-defaults"
          >
            <p className="panel__meta settings__hint">{t('settings.clocks.hint')}</p>
            <ClockDefaultsPanel />
          </Panel>
          <Panel
            title={t('settings.weights.title')}
            className="settings__panel"
            testId="panel-weights"
          >
            <p className="panel__meta settings__hint">{t('settings.weights.hint')}</p>
            <WeightsPanel />
          </Panel>
          <Panel
            title={t('settings.idle.title')}
            className="settings__panel"
            testId="panel-idle-lock"
          >
            <p className="panel__meta settings__hint">{t('settings.idle.hint')}</p>
            <IdleLockPanel />
          </Panel>
          <Panel title={t('settings.seats.title')} className="settings__panel" testId="panel-seats">
            <p className="panel__meta settings__hint">{t('settings.seats.hint')}</p>
            <SeatsPanel />
          </Panel>
          <Panel
            title={t('settings.displays.title')}
            className="settings__panel"
            testId="panel-displays"
          >
            <p className="panel__meta settings__hint">{t('settings.displays.hint')}</p>
            <DisplayKeysPanel />
          </Panel>
          <Panel title={t('backup.title')} className="settings__panel">
            <p className="panel__meta settings__hint">{t('backup.hint')}</p>
            <BackupsPanel />
          </Panel>
        </>
      )}
    </PageShell>
  );
}
