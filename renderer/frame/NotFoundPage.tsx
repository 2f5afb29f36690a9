import { Link, useLocation } from 'react-router';
import { useT } from '../i18n/locale-context';

export function NotFoundPage() {
  const t = useT();
  const { pathname } = useLocation();
  return (
    <section className="page not-built" data-testid="area-not-found">
      <h1 className="page__title">{t('notFound.title')}</h1>
      <p>{t('notFound.body', { path: pathname })}</p>
      <Link to="/" className="button">
        {t('notBuilt.backToOverview')}
      </Link>
    </section>
  );
}
