/**
 * A seat's first screen on the centre's host (issue 13): nothing of the street is shown
 * before a sign-in, only which host this is and how to check its certificate.
 */
import { getApi } from '../api/client';
import { GateCard } from './GateCard';
import { useT } from '../i18n/locale-context';
import { SignInForm } from './SignInForm';

export function SeatSignInPage({ onDone }: { onDone(): void }) {
  const t = useT();
  const host = getApi().seat?.host ?? window.location.host;
  // A desktop seat: it checked the fingerprint when joining, and may leave for another host.
  const chooser = window.griddeskDesk?.state.mode === 'seat' ? window.griddeskDesk : null;
  return (
    <GateCard
      id="seat-gate-title"
      title={t('seat.gateTitle')}
      subtitle={
        <p className="seat-gate__host" data-testid="seat-host">
          {t('seat.gateHost', { host })}
        </p>
      }
      testId="seat-sign-in"
    >
      <SignInForm hint={t('seat.gateHint')} onDone={onDone} />
      {chooser ? (
        <div className="seat-gate__note">
          <p>{t('desk.gateApp')}</p>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => void chooser.leave()}
            data-testid="seat-leave"
          >
            {t('desk.leave')}
          </button>
        </div>
      ) : (
        <p className="seat-gate__note">{t('seat.gateCertificate')}</p>
      )}
    </GateCard>
  );
}
