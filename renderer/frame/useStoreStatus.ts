/**
 * The store's health and newest good backup, for the banner and the status bar of every
 * window: asked at start, on each `store.changed` / `data.changed` event, and every
 * minute (a daily backup taken by the host announces itself, a clock does not).
 */
import { useEffect } from 'react';
import { useApiQuery } from '../api/useApiQuery';

const POLL_MS = 60_000;

export function useStoreStatus() {
  const query = useApiQuery('store.status', {}, { refreshOn: ['store.changed', 'data.changed'] });
  const { refresh } = query;
  const checking = query.data?.health === 'checking' || query.data?.running != null;
  useEffect(() => {
    // While a check or a backup runs, ask more often: its end is what the user waits for.
    const timer = setInterval(refresh, checking ? 2_000 : POLL_MS);
    return () => clearInterval(timer);
  }, [refresh, checking]);
  return query.data;
}
