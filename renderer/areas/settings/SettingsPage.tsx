import { useT } from '../../i18n/locale-context';
import { AreaIcon } from '../../icons/AreaIcon';
import { useSession } from '../../session/session-context';
import { BackupsPanel } from './BackupsPanel';
import { CalendarPanel } from './CalendarPanel';
import { UsersPanel } from './UsersPanel';
import './settings.css';
import { PageShell } from '../../ui/PageShell';
import { Panel } from '../../ui/Panel';

/** 设置 settings (lazy route chunk): users and the holiday calendar; the rest is not built yet. */
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
      <p className="settings__not-built">
        <span className="badge badge--muted" data-testid="not-built">
          {t('notBuilt.badge')}
        </span>{' '}
        {t('settings.notBuilt')}
      </p>
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
          <Panel title={t('backup.title')} className="settings__panel">
            <p className="panel__meta settings__hint">{t('backup.hint')}</p>
            <BackupsPanel />
          </Panel>
          <Panel title={t('settings.calendar')} className="settings__panel">
            <p className="panel__meta settings__hint">{t('settings.calendarHint')}</p>
            <CalendarPanel />
          </Panel>
        </>
      )}
    </PageShell>
  );
}
