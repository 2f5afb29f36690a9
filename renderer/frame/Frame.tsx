import { Suspense, useCallback, useState } from 'react';
import { Outlet, useNavigate } from 'react-router';
import { LoadingState } from '../states/LoadingState';
import { SessionProvider } from '../session/SessionProvider';
import { AppInfoProvider } from './AppInfoProvider';
import { FrameHeader } from './FrameHeader';
import { NavigationRail } from './NavigationRail';
import { ShortcutsSheet } from './ShortcutsSheet';
import { StatusBar } from './StatusBar';
import { StoreBanner } from './StoreBanner';
import { ConnectionBanner } from './ConnectionBanner';
import { useAreaShortcuts } from './useAreaShortcuts';

/** The frame around every area: navigation, header, the area itself, status bar. */
export function Frame() {
  const navigate = useNavigate();
  const [sheetOpen, setSheetOpen] = useState(false);
  const goTo = useCallback((path: string) => void navigate(path), [navigate]);
  const toggleSheet = useCallback(() => setSheetOpen((open) => !open), []);
  const closeSheet = useCallback(() => setSheetOpen(false), []);
  const awaitingAreaKey = useAreaShortcuts({ goTo, toggleSheet, closeSheet });

  return (
    <SessionProvider>
      <AppInfoProvider>
        <div className="frame">
          <NavigationRail showKeys={awaitingAreaKey} />
          <div className="frame__body">
            <FrameHeader onOpenShortcuts={() => setSheetOpen(true)} />
            <ConnectionBanner />
            <StoreBanner />
            <main className="frame__main">
              <Suspense fallback={<LoadingState />}>
                <Outlet />
              </Suspense>
            </main>
            <StatusBar />
          </div>
        </div>
        {sheetOpen ? <ShortcutsSheet onClose={closeSheet} /> : null}
      </AppInfoProvider>
    </SessionProvider>
  );
}
