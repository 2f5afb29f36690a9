import { NavLink } from 'react-router';
import { useT } from '../i18n/locale-context';
import { AreaIcon } from '../icons/AreaIcon';
import { getApi } from '../api/client';
import { AREAS, DISPLAY_AREAS } from './areas';

/** The eight areas. After `g` is pressed, each shows the letter that opens it. */
export function NavigationRail({ showKeys }: { showKeys: boolean }) {
  const t = useT();
  const areas = getApi().seat?.display ? AREAS.filter((a) => DISPLAY_AREAS.includes(a.key)) : AREAS;
  return (
    <nav
      className={showKeys ? 'nav-rail nav-rail--show-keys' : 'nav-rail'}
      aria-label={t('nav.label')}
    >
      <div className="nav-rail__brand">
        <span className="nav-rail__logo" aria-hidden="true">
          G
        </span>
        <span className="nav-rail__product">{t('app.name')}</span>
      </div>
      <ul className="nav-rail__list">
        {areas.map((area) => {
          const title = t(`area.${area.key}.title`);
          return (
            <li key={area.key}>
              <NavLink
                to={area.path}
                end={area.path === '/'}
                className="nav-rail__link"
                data-testid={`nav-${area.key}`}
                title={`${title} · ${t('nav.shortcutHint', { keys: `G ${area.shortcut.toUpperCase()}` })}`}
              >
                <AreaIcon area={area.key} />
                <span className="nav-rail__label">{title}</span>
                <kbd className="nav-rail__key" aria-hidden="true">
                  {area.shortcut.toUpperCase()}
                </kbd>
              </NavLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
