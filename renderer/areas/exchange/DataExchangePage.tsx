import { NavLink, Route, Routes } from 'react-router';
import { useT } from '../../i18n/locale-context';
import { AreaIcon } from '../../icons/AreaIcon';
import { canAct, useSession } from '../../session/session-context';
import { BatchPage } from './BatchPage';
import { ExportPanel } from './ExportPanel';
import { ImportHistory } from './ImportHistory';
import { ImportPanel } from './ImportPanel';
import './exchange.css';
import { PageShell } from '../../ui/PageShell';

/** 数据交换 data exchange (lazy route chunk): import, export, and the record of both. */
export default function DataExchangePage() {
  const t = useT();
  const { status, openSignIn, key } = useSession();
  const signedIn = canAct(status);
  const admin = signedIn && status?.user?.role === 'admin';
  const adminOnly = (element: React.ReactElement) =>
    admin ? (
      element
    ) : (
      <div className="state state--empty exchange__gate" data-testid="exchange-admin-only">
        <span>{t('exchange.needsAdmin')}</span>
        {!signedIn ? (
          <button type="button" className="button" onClick={openSignIn}>
            {t('exchange.signIn')}
          </button>
        ) : null}
      </div>
    );
  return (
    <PageShell
      className="exchange"
      testId="area-exchange"
      title={
        <>
          <AreaIcon area="exchange" />
          {t('area.exchange.title')}
        </>
      }
      subtitle={t('exchange.subtitle')}
      key={key}
    >
      <nav className="exchange__tabs" aria-label={t('area.exchange.title')}>
        <NavLink end to="/exchange" className="exchange__tab">
          {t('exchange.tab.import')}
        </NavLink>
        <NavLink to="/exchange/export" className="exchange__tab">
          {t('exchange.tab.export')}
        </NavLink>
        <NavLink to="/exchange/history" className="exchange__tab">
          {t('exchange.tab.history')}
        </NavLink>
      </nav>
      <Routes>
        <Route index element={adminOnly(<ImportPanel />)} />
        <Route path="export" element={adminOnly(<ExportPanel />)} />
        <Route
          path="history"
          element={
            signedIn ? (
              <ImportHistory />
            ) : (
              <div className="state state--empty">{t('exchange.needsSignIn')}</div>
            )
          }
        />
        <Route path="history/:id" element={signedIn ? <BatchPage /> : null} />
      </Routes>
    </PageShell>
  );
}
