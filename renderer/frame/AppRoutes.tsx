import { lazy } from 'react';
import { HashRouter, Route, Routes } from 'react-router';
import { OverviewPage } from '../areas/overview/OverviewPage';
import { Frame } from './Frame';
import { NotFoundPage } from './NotFoundPage';
import { PartyPage } from '../areas/party/PartyPage';

// The overview is the first screen and ships in the entry chunk; every other area is its
// own chunk, fetched when first opened.
const CasesBoardPage = lazy(() => import('../areas/cases/CasesBoardPage'));
const GridMapPage = lazy(() => import('../areas/map/GridMapPage'));
const WeeklyDispatchPage = lazy(() => import('../areas/weekly/WeeklyDispatchPage'));
const MonthlyRankingPage = lazy(() => import('../areas/ranking/MonthlyRankingPage'));
const DataExchangePage = lazy(() => import('../areas/exchange/DataExchangePage'));
const SettingsPage = lazy(() => import('../areas/settings/SettingsPage'));

/** Hash routes work the same under Electron's app:// and the host's http://. */
export function AppRoutes() {
  return (
    <HashRouter>
      <Routes>
        <Route element={<Frame />}>
          <Route index element={<OverviewPage />} />
          <Route path="cases/*" element={<CasesBoardPage />} />
          <Route path="map/*" element={<GridMapPage />} />
          <Route path="weekly/*" element={<WeeklyDispatchPage />} />
          <Route path="ranking/*" element={<MonthlyRankingPage />} />
          <Route path="party/*" element={<PartyPage />} />
          <Route path="exchange/*" element={<DataExchangePage />} />
          <Route path="settings/*" element={<SettingsPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </HashRouter>
  );
}
