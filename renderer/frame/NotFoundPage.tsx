import { Link, useLocation } from 'react-router';
import { useT } from '../i18n/locale-context';
import { PageShell } from '../ui/PageShell';

export function NotFoundPage() {
  const t = useT();
  const { pathname } = useLocation();
  return (
    <PageShell className="not-found" testId="area-not-found" title={t('notFound.title')}>
      <p>{t('notFound.body', { path: pathname })}</p>
      <Link to="/" className="button">
        {t('notBuilt.backToOverview')}
      </Link>
    </PageShell>
  );
}
