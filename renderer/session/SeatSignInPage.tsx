/**
 * A seat's first screen on the centre's host (issue 13): nothing of the street is shown
 * before a sign-in, only which host this is and how to check its certificate.
 */
import { getApi } from '../api/client';
import { LanguageSwitch } from '../frame/LanguageSwitch';
import { useT } from '../i18n/locale-context';
import { SignInForm } from './SignInForm';

export function SeatSignInPage({ onDone }: { onDone(): void }) {
  const t = useT();
  const host = getApi().seat?.host ?? window.location.host;
  // A desktop seat: it checked the fingerprint when joining, and may leave for another host.
  const chooser = window.griddeskDesk?.state.mode === 'seat' ? window.griddeskDesk : null;
  return (
    <div className="seat-gate" data-testid="seat-sign-in">
      <section className="seat-gate__card" aria-labelledby="seat-gate-title">
        <header className="seat-gate__header">
          <span className="nav-rail__logo" aria-hidden="true">
            G
          </span>
          <div>
            <h1 id="seat-gate-title" className="seat-gate__title">
              {t('seat.gateTitle')}
            </h1>
            <p className="seat-gate__host" data-testid="seat-host">
              {t('seat.gateHost', { host })}
            </p>
          </div>
          <LanguageSwitch />
        </header>
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
      </section>
    </div>
  );
}
