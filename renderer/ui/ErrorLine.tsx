/** A failed action's sentence, in the user's language, where the action was. */
import { toApiError } from '../api/api-error';
import { useLocale } from '../i18n/locale-context';
import './ui.css';

export function ErrorLine({ error, testId = 'error-line' }: { error: unknown; testId?: string }) {
  const { locale } = useLocale();
  if (!error) return null;
  const { message } = toApiError(error).payload;
  return (
    <p className="error-line" role="alert" data-testid={testId}>
      {locale === 'zh-CN' ? message.zh : message.en}
    </p>
  );
}
