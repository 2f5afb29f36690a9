import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import type { BasemapInfo, CasePoint, MapPlaces } from '../../../api/contract';
import { CasePointsLayer, type CasePointsOptions } from './case-points-layer';
import { GridPolygonLayer, toLatLngPolygons } from './grid-layer';
import { HeatLayer } from './heat-layer';
import { LabelLayer, type MapLabel } from './label-layer';
import type { MeasureScale } from './measure-scale';

export type MapSelection = { kind: 'place'; code: string } | { kind: 'case'; id: number } | null;

interface MapViewProps {
  places: MapPlaces;
  scale: MeasureScale;
  labels: MapLabel[];
  showLabels: boolean;
  casePoints: readonly CasePoint[] | null;
  showCases: boolean;
  heat: Array<[number, number]> | null;
  showHeat: boolean;
  selection: MapSelection;
  /** Zoom to this place when `nonce` changes (tree clicks). */
  focus: { code: string; nonce: number } | null;
  basemap: BasemapInfo | null;
  tileUrl: string | null;
  caseText: Omit<CasePointsOptions, 'onSelect'>;
  onSelectPlace(code: string): void;
  onSelectCase(id: number): void;
  onClearSelection(): void;
}

interface Layers {
  map: L.Map;
  grids: GridPolygonLayer;
  communities: GridPolygonLayer;
  subgrids: GridPolygonLayer;
  highlight: L.LayerGroup;
  labels: LabelLayer;
  heat: HeatLayer;
  cases: CasePointsLayer;
  highlightRenderer: L.Renderer;
  basemap: L.TileLayer | null;
}

const PANES: Array<[string, number]> = [
  ['gridPane', 400],
  ['outlinePane', 410],
  ['heatPane', 420],
  ['labelPane', 430],
  ['highlightPane', 440],
  ['casePane', 450],
];

const LEGEND_CLEAR: L.FitBoundsOptions = {
  paddingTopLeft: [24, 24],
  paddingBottomRight: [210, 36],
};

function boxOf(places: MapPlaces): L.LatLngBounds | null {
  const all = [places.street, ...places.communities, ...places.grids];
  const boxes = all.map((p) => p?.bbox).filter((b): b is [number, number, number, number] => !!b);
  if (boxes.length === 0) return null;
  return L.latLngBounds(boxes.flatMap(([w, s, e, n]) => [L.latLng(s, w), L.latLng(n, e)]));
}

/** The Leaflet map: grids by measure, community outlines, labels, heat, case points. */
export function MapView(props: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const layers = useRef<Layers | null>(null);
  // Leaflet's handlers are bound once; they read the newest callbacks through this ref.
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    const map = L.map(container.current!, {
      zoomSnap: 0.25,
      minZoom: 9,
      maxZoom: 19,
      attributionControl: false,
      preferCanvas: true,
      keyboard: true,
    });
    for (const [name, z] of PANES) map.createPane(name).style.zIndex = String(z);
    map.getPane('heatPane')!.style.pointerEvents = 'none';
    map.getPane('labelPane')!.style.pointerEvents = 'none';
    const renderer = (pane: string) => L.canvas({ pane, padding: 0.3 });
    const highlightRenderer = renderer('highlightPane');
    const created: Layers = {
      map,
      grids: new GridPolygonLayer(map, renderer('gridPane'), 'gridPane'),
      subgrids: new GridPolygonLayer(map, renderer('outlinePane'), 'outlinePane'),
      communities: new GridPolygonLayer(map, renderer('outlinePane'), 'outlinePane'),
      highlight: L.layerGroup().addTo(map),
      labels: new LabelLayer(),
      heat: new HeatLayer(),
      cases: new CasePointsLayer(map, renderer('casePane'), {
        onSelect: (id) => latest.current.onSelectCase(id),
        describe: (p) => latest.current.caseText.describe(p),
        clusterLabel: (n, o) => latest.current.caseText.clusterLabel(n, o),
      }),
      highlightRenderer,
      basemap: null,
    };
    map.on('click', (event: L.LeafletMouseEvent) => {
      const code = created.grids.hitTest(event.latlng.lng, event.latlng.lat);
      if (code) latest.current.onSelectPlace(code);
      else latest.current.onClearSelection();
    });
    // The view on the element too: support can read what a user was looking at, and the
    // end-to-end tests find a case point's pixel from it.
    const noteView = () => {
      const c = map.getCenter();
      container.current?.setAttribute(
        'data-view',
        `${c.lng.toFixed(7)},${c.lat.toFixed(7)},${map.getZoom()}`,
      );
    };
    map.on('moveend zoomend', noteView);
    layers.current = created;
    const bounds = boxOf(latest.current.places);
    // Room on the right for the legend, so nothing of the street starts out under it.
    if (bounds) map.fitBounds(bounds, LEGEND_CLEAR);
    else map.setView([39.9, 116.4], 11);
    noteView();
    const resize = new ResizeObserver(() => map.invalidateSize());
    resize.observe(container.current!);
    return () => {
      resize.disconnect();
      created.cases.remove();
      map.remove();
      layers.current = null;
    };
  }, []);

  const { places, scale } = props;
  useEffect(() => {
    const l = layers.current!;
    l.grids.setShapes(
      places.grids.filter((g) => g.geometry).map((g) => ({ code: g.code, geometry: g.geometry! })),
    );
    l.subgrids.setShapes(
      places.subgrids
        .filter((g) => g.geometry)
        .map((g) => ({ code: g.code, geometry: g.geometry! })),
    );
    l.subgrids.setStyle({ fillOf: () => null, fillOpacity: 0, stroke: '#8d96a1', weight: 0.6 });
    l.communities.setShapes(
      places.communities
        .filter((c) => c.geometry)
        .map((c) => ({ code: c.code, geometry: c.geometry! })),
    );
    l.communities.setStyle({ fillOf: () => null, fillOpacity: 0, stroke: '#2f3742', weight: 2.2 });
  }, [places]);

  const hasBasemap = props.basemap !== null;
  const heatShown = props.showHeat;
  useEffect(() => {
    // Tier hues are strong: lighter, so names and case points stay readable on them; the
    // fills step back further under a basemap or the heat view, which carry the picture then.
    let opacity = scale.measure === 'tier' ? 0.5 : 0.82;
    if (hasBasemap) opacity *= 0.7;
    if (heatShown) opacity *= 0.25;
    layers.current!.grids.setStyle({
      fillOf: scale.fillOf,
      fillOpacity: opacity,
      stroke: '#ffffff',
      weight: 1,
    });
  }, [scale, places, hasBasemap, heatShown]);

  const { labels, showLabels } = props;
  useEffect(() => {
    const l = layers.current!;
    if (showLabels) {
      if (!l.map.hasLayer(l.labels)) l.labels.addTo(l.map);
      l.labels.setLabels(labels);
    } else {
      l.labels.remove();
    }
  }, [labels, showLabels]);

  const { heat, showHeat } = props;
  useEffect(() => {
    const l = layers.current!;
    if (showHeat && heat) {
      if (!l.map.hasLayer(l.heat)) l.heat.addTo(l.map);
      l.heat.setPoints(heat);
    } else {
      l.heat.remove();
    }
  }, [heat, showHeat]);

  const { casePoints, showCases } = props;
  useEffect(() => {
    layers.current!.cases.setPoints(casePoints ?? []);
  }, [casePoints]);
  useEffect(() => {
    layers.current!.cases.setVisible(showCases);
  }, [showCases]);

  const { selection } = props;
  useEffect(() => {
    const l = layers.current!;
    l.cases.setSelected(selection?.kind === 'case' ? selection.id : null);
    l.highlight.clearLayers();
    if (selection?.kind !== 'place') return;
    const place = [...places.communities, ...places.grids, ...places.subgrids].find(
      (p) => p.code === selection.code,
    );
    if (!place?.geometry) return;
    L.polygon(toLatLngPolygons(place.geometry), {
      pane: 'highlightPane',
      renderer: l.highlightRenderer,
      color: '#0d6b77',
      weight: 4,
      fill: false,
      interactive: false,
    }).addTo(l.highlight);
  }, [selection, places]);

  const { focus } = props;
  useEffect(() => {
    if (!focus) return;
    const place = [...places.communities, ...places.grids, ...places.subgrids].find(
      (p) => p.code === focus.code,
    );
    if (!place?.bbox) return;
    const [w, s, e, n] = place.bbox;
    layers.current!.map.flyToBounds(
      [
        [s, w],
        [n, e],
      ],
      { ...LEGEND_CLEAR, duration: 0.5, maxZoom: 16 },
    );
  }, [focus, places]);

  const { basemap, tileUrl } = props;
  useEffect(() => {
    const l = layers.current!;
    l.basemap?.remove();
    l.basemap = null;
    if (!basemap || !tileUrl) return;
    const [w, s, e, n] = basemap.bounds;
    l.basemap = L.tileLayer(tileUrl, {
      minZoom: 9,
      maxZoom: 19,
      minNativeZoom: basemap.minZoom,
      maxNativeZoom: basemap.maxZoom,
      bounds: [
        [s, w],
        [n, e],
      ],
    }).addTo(l.map);
  }, [basemap, tileUrl]);

  return <div ref={container} className="map-view" data-testid="map-view" />;
}
