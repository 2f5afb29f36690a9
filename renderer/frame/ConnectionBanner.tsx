/**
 * The banner when this window has lost the desk it works on (the centre's host, or the
 * local service): figures on screen are from before, not live, until the line is back.
 */
import { useEffect, useState } from 'react';
import { getApi } from '../api/client';
import { connectionState, onConnectionChange } from '../api/connection-state';
import { useLocale } from '../i18n/locale-context';

export function ConnectionBanner() {
  const { t, format } = useLocale();
  const [state, setState] = useState(connectionState);
  useEffect(() => onConnectionChange(setState), []);
  if (!state.lost || state.since === null) return null;
  const seat = getApi().seat;
  const time = format.clockTime(state.since);
  return (
    <div
      className="store-banner store-banner--damaged"
      role="alert"
      data-testid="connection-banner"
    >
      <strong>
        {seat ? t('seat.lost', { host: seat.host, time }) : t('seat.lostLocal', { time })}
      </strong>
    </div>
  );
}
