import type { ApiError } from '../api/api-error';
import { useLocale } from '../i18n/locale-context';

/** A failure in the user's language, with the place and reference when there are any. */
export function ErrorState({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t, locale } = useLocale();
  const { message, where, reference } = error.payload;
  return (
    <div className="state state--error" role="alert" data-testid="error-state">
      <div className="state__title">{t('state.errorTitle')}</div>
      <p className="state__sentence">{locale === 'zh-CN' ? message.zh : message.en}</p>
      {where ? <p className="state__detail">{t('state.errorWhere', { where })}</p> : null}
      {reference ? (
        <p className="state__detail">{t('state.errorReference', { reference })}</p>
      ) : null}
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          {t('state.retry')}
        </button>
      ) : null}
    </div>
  );
}
