import { Link } from 'react-router';
import type { FutureAreaKey } from '../frame/areas';
import { useT } from '../i18n/locale-context';
import { AreaIcon } from '../icons/AreaIcon';

/** The honest state of an area that is not built yet: what will be here, and no fake data. */
export function NotBuiltYet({ area }: { area: FutureAreaKey }) {
  const t = useT();
  return (
    <section className="page not-built" data-testid={`area-${area}`}>
      <h1 className="page__title">
        <AreaIcon area={area} />
        {t(`area.${area}.title`)}
        <span className="badge badge--muted" data-testid="not-built">
          {t('notBuilt.badge')}
        </span>
      </h1>
      <div className="not-built__card">
        <p className="not-built__planned">{t(`area.${area}.planned`)}</p>
        <p className="not-built__note">{t('notBuilt.note')}</p>
        <Link to="/" className="button">
          {t('notBuilt.backToOverview')}
        </Link>
      </div>
    </section>
  );
}
