import { useCallback, useEffect, useMemo, useState } from 'react';
import { Route, Routes } from 'react-router';
import type { CasePoint, MapPlaces, PlaceMeasures } from '../../../api/contract';
import { getApi } from '../../api/client';
import { takeSessionToken } from '../../api/session-token';
import { takeDisplayKey } from '../../api/seat-page';
import { useApiQuery } from '../../api/useApiQuery';
import { useLocale } from '../../i18n/locale-context';
import { EmptyState } from '../../states/EmptyState';
import { ErrorState } from '../../states/ErrorState';
import { LoadingState } from '../../states/LoadingState';
import { useNow } from '../../time/useNow';
import { CaseCard } from './CaseCard';
import { GridPanel } from './GridPanel';
import type { MapLabel } from './label-layer';
import { MapAdminPage } from './MapAdminPage';
import { MapLegend } from './MapLegend';
import { MapToolbar, type LayerToggles } from './MapToolbar';
import { MapView, type MapSelection } from './MapView';
import { buildScale, MEASURES, type MeasureKey } from './measure-scale';
import { PlaceTree, shortGridName } from './PlaceTree';
import './map.css';
import './map-panel.css';
import { PageShell } from '../../ui/PageShell';

const LIVE = ['cases.changed', 'data.changed'] as const;
const DATA = ['data.changed'] as const;
/** Community names while the street is in view; grid names once grids are big enough. */
const GRID_LABEL_ZOOM = 15;

function tileUrlFor(path: string): string {
  const version = encodeURIComponent(path);
  if (getApi().transport === 'ipc') return `tiles://basemap/{z}/{x}/{y}?v=${version}`;
  // Seat mode: the session rides in the tile cookie; a display shows its key (an <img> sends no header).
  const token = takeSessionToken();
  const display = takeDisplayKey();
  const auth = token
    ? `token=${encodeURIComponent(token)}&`
    : display
      ? `display=${encodeURIComponent(display)}&`
      : '';
  return `/tiles/{z}/{x}/{y}?${auth}v=${version}`;
}

/** 网格地图 (lazy route chunk): the map, and the admin's grid maintenance under /map/manage. */
export default function GridMapPage() {
  return (
    <Routes>
      <Route path="manage" element={<MapAdminPage />} />
      <Route path="*" element={<GridMap />} />
    </Routes>
  );
}

function GridMap() {
  const { t, format } = useLocale();
  const now = useNow(30_000);
  const [measure, setMeasure] = useState<MeasureKey>('open');
  const [period, setPeriod] = useState<string | null>(null);
  const [layers, setLayers] = useState<LayerToggles>({ cases: true, heat: false, labels: true });
  const [selection, setSelection] = useState<MapSelection>(null);
  const [focus, setFocus] = useState<{ code: string; nonce: number } | null>(null);

  const places = useApiQuery('map.places', {}, { refreshOn: DATA });
  const measures = useApiQuery('map.measures', period ? { period } : {}, { refreshOn: LIVE });
  const cases = useApiQuery('map.casePoints', {}, { refreshOn: LIVE });
  const heat = useApiQuery('map.heat', { days: 30 }, { refreshOn: LIVE });
  const basemap = useApiQuery('map.basemap', {}, { refreshOn: DATA });

  const zoomTo = useCallback((code: string) => setFocus({ code, nonce: Date.now() }), []);
  const pick = useCallback(
    (code: string) => {
      setSelection({ kind: 'place', code });
      zoomTo(code);
    },
    [zoomTo],
  );

  // 1–4 pick the measure; Esc closes the panel. Typing in a field or the case card is left alone.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (target.closest('input, textarea, select, [data-testid="case-card"]')) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const n = Number(event.key);
      if (Number.isInteger(n) && n >= 1 && n <= MEASURES.length) setMeasure(MEASURES[n - 1]!);
      if (event.key === 'Escape') setSelection(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const data = measures.data;
  const gridMeasures = useMemo(() => new Map((data?.grids ?? []).map((m) => [m.code, m])), [data]);
  const communityMeasures = useMemo(
    () => new Map((data?.communities ?? []).map((m) => [m.code, m])),
    [data],
  );
  const communityOf = useMemo(() => {
    const map = new Map((places.data?.grids ?? []).map((g) => [g.code, g.communityCode]));
    return (code: string) => map.get(code) ?? null;
  }, [places.data]);
  const scale = useMemo(
    () => buildScale(measure, gridMeasures, communityOf, communityMeasures),
    [measure, gridMeasures, communityOf, communityMeasures],
  );
  const labels = useMemo(
    () => buildLabels(places.data, measure, gridMeasures, t, format.count),
    [places.data, measure, gridMeasures, t, format.count],
  );
  const caseText = useMemo(
    () => ({
      describe: (p: CasePoint) =>
        t('map.caseTooltip', {
          caseNo: p.caseNo,
          category: p.categoryName,
          clock: t(`map.clock.${p.clock}`),
        }),
      clusterLabel: (count: number, overdue: number) => t('map.clusterLabel', { count, overdue }),
    }),
    [t],
  );

  if (places.error && !places.data)
    return <ErrorState error={places.error} onRetry={places.refresh} />;
  if (!places.data) return <LoadingState />;
  const mapPlaces = places.data;
  const tiers = data?.tiers ?? { blue: 90, yellow: 75 };
  const currentBasemap = basemap.data?.basemap ?? null;

  let panel;
  if (selection?.kind === 'place') {
    panel = (
      <GridPanel
        code={selection.code}
        period={data?.period.key ?? period ?? ''}
        now={now}
        onClose={() => setSelection(null)}
        onZoom={zoomTo}
        onOpenCase={(id) => setSelection({ kind: 'case', id })}
      />
    );
  } else if (selection?.kind === 'case') {
    panel = (
      <CaseCard
        key={selection.id}
        id={selection.id}
        now={now}
        onClose={() => setSelection(null)}
        onOpenGrid={pick}
      />
    );
  } else {
    panel = <p className="map-panel__hint">{t('map.panel.hint')}</p>;
  }

  return (
    <PageShell
      className="map-page"
      testId="area-map"
      headClassName="map-page__head"
      title={t('area.map.title')}
      subtitle={t('map.subtitle', {
        communities: format.count(mapPlaces.communities.length),
        grids: format.count(mapPlaces.grids.length),
      })}
      toolbar={
        <MapToolbar
          measure={measure}
          onMeasure={setMeasure}
          period={data?.period.key ?? ''}
          periods={data?.periods ?? []}
          now={now}
          onPeriod={setPeriod}
          layers={layers}
          onLayers={setLayers}
          tiers={tiers}
        />
      }
    >
      {mapPlaces.grids.length === 0 ? (
        <EmptyState message={t('map.empty')} testId="map-empty" />
      ) : (
        <div className="map-layout">
          <PlaceTree
            places={mapPlaces}
            measure={measure}
            gridMeasures={gridMeasures}
            communityMeasures={communityMeasures}
            selectedCode={selection?.kind === 'place' ? selection.code : null}
            onPick={pick}
          />
          <div className="map-stage">
            <MapView
              places={mapPlaces}
              scale={scale}
              labels={labels}
              showLabels={layers.labels}
              casePoints={cases.data?.points ?? null}
              showCases={layers.cases}
              heat={heat.data?.points ?? null}
              showHeat={layers.heat}
              selection={selection}
              focus={focus}
              basemap={currentBasemap}
              tileUrl={currentBasemap ? tileUrlFor(currentBasemap.path) : null}
              caseText={caseText}
              onSelectPlace={(code) => setSelection({ kind: 'place', code })}
              onSelectCase={(id) => setSelection({ kind: 'case', id })}
              onClearSelection={() => setSelection(null)}
            />
            <MapLegend
              scale={scale}
              tiers={tiers}
              showCases={layers.cases}
              showHeat={layers.heat}
            />
            <div className="map-status" data-testid="map-status">
              {cases.data ? (
                <span>
                  {t('map.status.casesShown', { count: format.count(cases.data.points.length) })}
                </span>
              ) : null}
              {cases.data && cases.data.withoutPoint > 0 ? (
                <span>
                  {t('map.status.withoutPoint', { count: format.count(cases.data.withoutPoint) })}
                </span>
              ) : null}
              <span>
                {currentBasemap
                  ? t('map.status.basemap', { name: currentBasemap.name })
                  : t('map.status.basemapNone')}
              </span>
            </div>
          </div>
          <aside className="map-panel" aria-live="polite">
            {panel}
          </aside>
        </div>
      )}
    </PageShell>
  );
}

function buildLabels(
  places: MapPlaces | undefined,
  measure: MeasureKey,
  gridMeasures: Map<string, PlaceMeasures>,
  t: ReturnType<typeof useLocale>['t'],
  count: (n: number) => string,
): MapLabel[] {
  if (!places) return [];
  const names = new Map(places.communities.map((c) => [c.code, c.name]));
  const labels: MapLabel[] = [];
  for (const c of places.communities) {
    if (!c.center) continue;
    labels.push({
      lng: c.center[0],
      lat: c.center[1],
      text: c.name,
      rank: 'major',
      minZoom: 0,
      maxZoom: GRID_LABEL_ZOOM,
    });
  }
  for (const g of places.grids) {
    if (!g.center) continue;
    const m = gridMeasures.get(g.code);
    let detail: string | undefined;
    if (m && measure === 'open') detail = `${t('map.index.open')} ${count(m.open)}`;
    if (m && measure === 'overdue') detail = `${t('map.index.overdue')} ${count(m.overdue)}`;
    if (m && measure === 'per1000' && m.per1000Households !== null)
      detail = m.per1000Households.toFixed(1);
    labels.push({
      lng: g.center[0],
      lat: g.center[1],
      text: shortGridName(g, names.get(g.communityCode ?? '')),
      rank: 'minor',
      minZoom: GRID_LABEL_ZOOM,
      maxZoom: 99,
      ...(detail ? { detail } : {}),
    });
  }
  return labels;
}
