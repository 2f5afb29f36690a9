/**
 * The banner above every area when the store is damaged (read-only, with the backup to
 * restore named) or still being checked after opening (saves wait for it).
 */
import { useLocale } from '../i18n/locale-context';
import { useStoreStatus } from './useStoreStatus';

export function StoreBanner() {
  const { locale, t } = useLocale();
  const status = useStoreStatus();
  if (!status || status.health === 'ok') return null;
  if (status.health === 'checking') {
    return (
      <div className="store-banner store-banner--checking" role="status" data-testid="store-banner">
        {t('store.banner.checking')}
      </div>
    );
  }
  const sentence = status.sentence
    ? locale === 'zh-CN'
      ? status.sentence.zh
      : status.sentence.en
    : '';
  return (
    <div className="store-banner store-banner--damaged" role="alert" data-testid="store-banner">
      <strong>{sentence}</strong>
    </div>
  );
}
