import { useT } from '../i18n/locale-context';

/** A calm "loading" line; what is loading is said by the place it sits in. */
export function LoadingState({ compact = false }: { compact?: boolean }) {
  const t = useT();
  return (
    <div className={compact ? 'state state--compact' : 'state'} role="status" aria-live="polite">
      <span className="state__pulse" aria-hidden="true" />
      <span>{t('state.loading')}</span>
    </div>
  );
}
