import { useLocale } from '../i18n/locale-context';
import { useNow } from '../time/useNow';
import { useAppInfo } from './app-info-context';
import { SessionControls } from '../session/SessionControls';
import { LanguageSwitch } from './LanguageSwitch';

export function FrameHeader({ onOpenShortcuts }: { onOpenShortcuts(): void }) {
  const { t, format } = useLocale();
  const appInfo = useAppInfo();
  const now = useNow(60_000);

  let street: string;
  if (appInfo.data) street = appInfo.data.street?.name ?? t('app.streetUnset');
  else if (appInfo.error) street = t('app.streetError');
  else street = t('app.streetLoading');

  return (
    <header className="frame-header">
      <div className="frame-header__identity">
        <span className="frame-header__street" data-testid="street-name">
          {street}
        </span>
        <span className="frame-header__product">{t('app.fullTitle')}</span>
      </div>
      <time
        className="frame-header__date"
        data-testid="today"
        dateTime={new Date(now).toISOString()}
      >
        {format.headingDate(now)}
      </time>
      <div className="frame-header__tools">
        <button
          type="button"
          className="button button--quiet"
          onClick={onOpenShortcuts}
          title={t('status.shortcutsHint')}
          data-testid="shortcuts-button"
        >
          <kbd>?</kbd> {t('header.shortcuts')}
        </button>
        <SessionControls />
        <LanguageSwitch />
      </div>
    </header>
  );
}
