import { useEffect, useMemo, useRef, useState } from 'react';
import type { MapPlace, MapPlaces, PlaceMeasures } from '../../../api/contract';
import { useLocale } from '../../i18n/locale-context';
import type { MeasureKey } from './measure-scale';

interface PlaceTreeProps {
  places: MapPlaces;
  measure: MeasureKey;
  gridMeasures: Map<string, PlaceMeasures>;
  communityMeasures: Map<string, PlaceMeasures>;
  selectedCode: string | null;
  onPick(code: string): void;
}

/** A grid's name without its community's prefix: 龙泉社区第3网格 → 第3网格. */
export function shortGridName(grid: MapPlace, communityName: string | undefined): string {
  if (
    communityName &&
    grid.name.startsWith(communityName) &&
    grid.name.length > communityName.length
  ) {
    return grid.name.slice(communityName.length);
  }
  return grid.name;
}

/** 社区与网格: the hierarchy as a list; a click zooms the map there and opens its panel. */
export function PlaceTree(props: PlaceTreeProps) {
  const { t, format } = useLocale();
  const { places, measure, selectedCode } = props;
  const [query, setQuery] = useState('');
  // Communities the user opened or closed; the selected place's community opens by itself.
  const [toggled, setToggled] = useState<ReadonlyMap<string, boolean>>(new Map());
  const search = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);

  const gridsByCommunity = useMemo(() => {
    const map = new Map<string, MapPlace[]>();
    for (const grid of places.grids) {
      const key = grid.parentCode ?? '';
      map.set(key, [...(map.get(key) ?? []), grid]);
    }
    return map;
  }, [places]);

  // A selection from the map opens its community in the list and scrolls to it.
  useEffect(() => {
    if (!selectedCode) return;
    requestAnimationFrame(() =>
      list.current
        ?.querySelector(`[data-code="${selectedCode}"]`)
        ?.scrollIntoView({ block: 'nearest' }),
    );
  }, [selectedCode]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.key !== '/' || target.closest('input, textarea, select')) return;
      event.preventDefault();
      search.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const figure = (m: PlaceMeasures | undefined) => {
    if (!m) return null;
    if (measure === 'tier') {
      return m.tier ? (
        <span className={`tree-tier tree-tier--${m.tier}`}>{t(`tier.${m.tier}`)}</span>
      ) : null;
    }
    const value =
      measure === 'open' ? m.open : measure === 'overdue' ? m.overdue : m.per1000Households;
    if (value === null) return null;
    const text = measure === 'per1000' ? value.toFixed(1) : format.count(value);
    return <span className={`tree-figure${value > 0 ? '' : ' tree-figure--zero'}`}>{text}</span>;
  };

  const needle = query.trim().toLowerCase();
  const matches = (p: MapPlace) =>
    !needle || p.name.toLowerCase().includes(needle) || p.code.includes(needle);
  const rows = places.communities
    .map((community) => {
      const grids = gridsByCommunity.get(community.code) ?? [];
      const shown = needle ? grids.filter(matches) : grids;
      return { community, grids: shown, visible: matches(community) || shown.length > 0 };
    })
    .filter((r) => r.visible);

  return (
    <nav className="place-tree" aria-label={t('map.tree.title')}>
      <div className="place-tree__search">
        <input
          ref={search}
          type="search"
          value={query}
          placeholder={t('map.tree.search')}
          title={t('map.tree.searchHint')}
          aria-label={t('map.tree.search')}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setQuery('');
          }}
        />
        <kbd aria-hidden="true">/</kbd>
      </div>
      <div className="place-tree__list" ref={list} data-testid="place-tree">
        {places.street ? <div className="place-tree__street">{places.street.name}</div> : null}
        {rows.length === 0 ? <p className="place-tree__empty">{t('map.tree.empty')}</p> : null}
        {rows.map(({ community, grids }) => {
          const expanded =
            needle !== '' ||
            (toggled.get(community.code) ?? selectedCode?.startsWith(community.code) ?? false);
          return (
            <div key={community.code} className="place-tree__group">
              <div
                className={`place-tree__row place-tree__row--community${selectedCode === community.code ? ' is-selected' : ''}`}
                data-code={community.code}
              >
                <button
                  type="button"
                  className="place-tree__toggle"
                  aria-expanded={expanded}
                  aria-label={t('map.tree.expand', { name: community.name })}
                  onClick={() => setToggled(new Map(toggled).set(community.code, !expanded))}
                >
                  {expanded ? '▾' : '▸'}
                </button>
                <button
                  type="button"
                  className="place-tree__name"
                  onClick={() => props.onPick(community.code)}
                >
                  {community.name}
                  <span className="place-tree__count">
                    {t('map.tree.gridCount', {
                      count: (gridsByCommunity.get(community.code) ?? []).length,
                    })}
                  </span>
                </button>
                {figure(props.communityMeasures.get(community.code))}
              </div>
              {expanded
                ? grids.map((grid) => (
                    <div
                      key={grid.code}
                      className={`place-tree__row place-tree__row--grid${selectedCode === grid.code ? ' is-selected' : ''}`}
                      data-code={grid.code}
                    >
                      <button
                        type="button"
                        className="place-tree__name"
                        onClick={() => props.onPick(grid.code)}
                      >
                        {shortGridName(grid, community.name)}
                        {grid.gridType && grid.gridType !== 'basic' ? (
                          <span className="place-tree__type">
                            {t(`map.gridType.${grid.gridType}`)}
                          </span>
                        ) : null}
                      </button>
                      {measure === 'tier' ? null : figure(props.gridMeasures.get(grid.code))}
                    </div>
                  ))
                : null}
            </div>
          );
        })}
      </div>
    </nav>
  );
}
