/**
 * Grid polygons on Leaflet's canvas renderer, drawn as one multipolygon per fill colour.
 * Leaflet's canvas renderer fills and strokes each layer separately (its own source notes
 * "TODO optimization: 1 fill/stroke for all features with equal style"); a city's 75,081
 * sub-grids as 75,081 layers cost one fill and one stroke each on every redraw. Grouping by
 * colour makes that a handful, so a pan redraws fast. Clicks are answered by a packed
 * R-tree of the polygons' boxes and the exact point-in-polygon test from core/.
 *
 * Plain Leaflet, no React: the map page and the benchmark page both use it.
 */
import Flatbush from 'flatbush';
import * as L from 'leaflet';
import {
  compileGeometry,
  pointInCompiled,
  type CompiledGeometry,
  type PolygonGeometry,
} from '../../../core/geo/point-in-polygon';

export interface GridShape {
  code: string;
  geometry: PolygonGeometry;
}

export interface GridLayerStyle {
  /** Fill colour per code; null leaves the polygon unfilled (outline only). */
  fillOf: (code: string) => string | null;
  fillOpacity: number;
  stroke: string;
  weight: number;
}

/** GeoJSON [lng, lat] rings → Leaflet [lat, lng] rings, one entry per polygon. */
export function toLatLngPolygons(geometry: PolygonGeometry): L.LatLngTuple[][][] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map((rings) =>
    rings.map((ring) => ring.map((p) => [Number(p[1]), Number(p[0])] as L.LatLngTuple)),
  );
}

export class GridPolygonLayer {
  private readonly group: L.LayerGroup;
  private shapes: GridShape[] = [];
  private latLngs: L.LatLngTuple[][][][] = [];
  private compiled: CompiledGeometry[] = [];
  private index: Flatbush | null = null;

  constructor(
    map: L.Map,
    private readonly renderer: L.Renderer,
    private readonly pane?: string,
  ) {
    this.group = L.layerGroup().addTo(map);
  }

  setShapes(shapes: GridShape[]): void {
    this.shapes = shapes;
    this.latLngs = shapes.map((s) => toLatLngPolygons(s.geometry));
    this.compiled = shapes.map((s) => compileGeometry(s.geometry));
    if (shapes.length === 0) {
      this.index = null;
      return;
    }
    const index = new Flatbush(shapes.length);
    for (const c of this.compiled) index.add(c.minLng, c.minLat, c.maxLng, c.maxLat);
    index.finish();
    this.index = index;
  }

  /** Redraws with a new colouring: one Leaflet polygon per distinct fill (and one outline). */
  setStyle(style: GridLayerStyle): void {
    this.group.clearLayers();
    const byFill = new Map<string, L.LatLngTuple[][][]>();
    const outlines: L.LatLngTuple[][][] = [];
    this.shapes.forEach((shape, i) => {
      const fill = style.fillOf(shape.code);
      const polygons = this.latLngs[i]!;
      if (fill === null) {
        outlines.push(...polygons);
        return;
      }
      const list = byFill.get(fill) ?? [];
      for (const polygon of polygons) list.push(polygon);
      byFill.set(fill, list);
    });
    const common = {
      renderer: this.renderer,
      interactive: false,
      // Whole polygons at every zoom: the canvas clips for free, Leaflet's clipping is not.
      noClip: true,
      smoothFactor: 0.5,
      ...(this.pane ? { pane: this.pane } : {}),
    };
    for (const [fill, polygons] of byFill) {
      L.polygon(polygons, {
        ...common,
        fillColor: fill,
        fillOpacity: style.fillOpacity,
        color: style.stroke,
        weight: style.weight,
      }).addTo(this.group);
    }
    if (outlines.length > 0) {
      L.polygon(outlines, {
        ...common,
        fill: false,
        color: style.stroke,
        weight: style.weight,
      }).addTo(this.group);
    }
  }

  /** The code of the polygon under a point (the smallest code on a shared edge), or null. */
  hitTest(lng: number, lat: number): string | null {
    if (!this.index) return null;
    let best: string | null = null;
    for (const i of this.index.search(lng, lat, lng, lat)) {
      const code = this.shapes[i]!.code;
      if (best !== null && code > best) continue;
      if (pointInCompiled(lng, lat, this.compiled[i]!)) best = code;
    }
    return best;
  }

  /** Leaflet bounds of one code's polygon, for zooming to it. */
  boundsOf(code: string): L.LatLngBounds | null {
    const i = this.shapes.findIndex((s) => s.code === code);
    if (i < 0) return null;
    const c = this.compiled[i]!;
    return L.latLngBounds([c.minLat, c.minLng], [c.maxLat, c.maxLng]);
  }

  remove(): void {
    this.group.remove();
  }
}
