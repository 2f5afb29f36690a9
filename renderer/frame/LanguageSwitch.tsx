import { useLocale } from '../i18n/locale-context';

/** Shows the language you would switch to, written in that language. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useLocale();
  const target = locale === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <button
      type="button"
      className="button button--quiet"
      data-testid="lang-switch"
      lang={target}
      aria-label={t('header.langSwitchLabel')}
      onClick={() => setLocale(target)}
    >
      {t('header.langSwitch')}
    </button>
  );
}
