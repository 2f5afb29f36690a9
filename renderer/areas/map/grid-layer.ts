/**
 * Grid polygons on Leaflet's canvas renderer, batched: polygons of the same fill colour that
 * lie near each other share one Leaflet layer (one path, one fill, one stroke), at most
 * BATCH_SIZE to a layer. Measured in Chromium's software rasteriser (tests/bench/map):
 * 75,081 separate layers spend most of a redraw in Leaflet's per-layer work, while one huge
 * path per colour is far slower still (Skia's scan conversion of a path with ~100,000 edges
 * is superlinear); batches of 64 neighbours are the fast middle. Neighbours are found by a
 * Morton (Z-order) key of each polygon's centre.
 *
 * Clicks are answered by a packed R-tree of the polygons' boxes and the exact
 * point-in-polygon test from core/. Plain Leaflet, no React: the map page and the benchmark
 * page both use it.
 */
import Flatbush from 'flatbush';
import * as L from 'leaflet';
import {
  compileGeometry,
  pointInCompiled,
  type CompiledGeometry,
  type PolygonGeometry,
} from '../../../core/geo/point-in-polygon';

interface GridShape {
  code: string;
  geometry: PolygonGeometry;
}

interface GridLayerStyle {
  /** Fill colour per code; null leaves the polygon unfilled (outline only). */
  fillOf: (code: string) => string | null;
  fillOpacity: number;
  stroke: string;
  weight: number;
}

const BATCH_SIZE = 64;
/** Below this typical polygon width on screen, outlines are noise: fills only (and faster). */
const OUTLINE_MIN_PX = 6;

/** The parts of Leaflet 1.9's canvas renderer and polygon this layer builds on. */
interface CanvasInternals {
  _drawing: boolean;
  _ctx: CanvasRenderingContext2D;
}
interface PolygonInternals {
  _renderer: CanvasInternals;
  _parts: Array<Array<{ x: number; y: number }>>;
  options: L.PolylineOptions & { fillRule?: CanvasFillRule };
  _cachedParts?: unknown;
  _cachedPath?: Path2D;
}

/**
 * A polygon layer for Leaflet's canvas renderer that keeps its outline as a Path2D between
 * redraws. Leaflet re-simplifies every ring on every pan and re-issues every moveTo/lineTo
 * on every redraw; the layer-pixel outline only changes when the map zooms (when Leaflet
 * re-projects and hands over new parts), so a pan just fills and strokes the kept path.
 * Written against Leaflet 1.9's canvas internals (_renderer, _drawing, _ctx, _parts).
 */
const BatchPolygon = L.Polygon.extend({
  _simplifyPoints() {},
  _updatePath(this: PolygonInternals) {
    const renderer = this._renderer;
    if (!renderer._drawing) return;
    if (this._cachedParts !== this._parts || !this._cachedPath) {
      const path = new Path2D();
      for (const part of this._parts) {
        part.forEach((p, j) => (j ? path.lineTo(p.x, p.y) : path.moveTo(p.x, p.y)));
        path.closePath();
      }
      this._cachedPath = path;
      this._cachedParts = this._parts;
    }
    const ctx = renderer._ctx;
    const o = this.options;
    if (o.fill) {
      ctx.globalAlpha = o.fillOpacity ?? 0.2;
      ctx.fillStyle = o.fillColor ?? o.color ?? '#3388ff';
      ctx.fill(this._cachedPath, o.fillRule ?? 'evenodd');
    }
    if (o.stroke !== false && o.weight !== 0) {
      ctx.setLineDash([]);
      ctx.globalAlpha = o.opacity ?? 1;
      ctx.lineWidth = o.weight ?? 3;
      ctx.strokeStyle = o.color ?? '#3388ff';
      ctx.lineCap = (o.lineCap ?? 'round') as CanvasLineCap;
      ctx.lineJoin = (o.lineJoin ?? 'round') as CanvasLineJoin;
      ctx.stroke(this._cachedPath);
    }
  },
}) as unknown as typeof L.Polygon;

/** GeoJSON [lng, lat] rings → Leaflet [lat, lng] rings, one entry per polygon. */
export function toLatLngPolygons(geometry: PolygonGeometry): L.LatLngTuple[][][] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map((rings) =>
    rings.map((ring) => ring.map((p) => [Number(p[1]), Number(p[0])] as L.LatLngTuple)),
  );
}

/** Interleaves the bits of two 16-bit integers: nearby points get nearby keys. */
function mortonKey(x: number, y: number): number {
  let key = 0;
  for (let bit = 0; bit < 16; bit++) {
    key += (((x >> bit) & 1) << (2 * bit)) + (((y >> bit) & 1) << (2 * bit + 1));
  }
  return key >>> 0;
}

export class GridPolygonLayer {
  private readonly group: L.LayerGroup;
  private shapes: GridShape[] = [];
  /** Leaflet LatLng objects made once, so a restyle does not convert 500,000 points again. */
  private latLngs: L.LatLng[][][][] = [];
  private compiled: CompiledGeometry[] = [];
  /** Shape indices in Z-order, the order batches are cut in. */
  private order: Uint32Array = new Uint32Array(0);
  private index: Flatbush | null = null;

  private style: GridLayerStyle | null = null;
  private outlinesShown = true;
  /** A typical polygon's width in degrees (the median box), for the outline threshold. */
  private typicalWidth = 0;

  constructor(
    private readonly map: L.Map,
    private readonly renderer: L.Renderer,
    private readonly pane?: string,
  ) {
    this.group = L.layerGroup().addTo(map);
    map.on('zoomend', () => {
      if (this.style && this.outlinesVisible() !== this.outlinesShown) this.setStyle(this.style);
    });
  }

  private outlinesVisible(): boolean {
    const centre = this.map.getCenter();
    const a = this.map.latLngToContainerPoint(centre);
    const b = this.map.latLngToContainerPoint([centre.lat, centre.lng + this.typicalWidth]);
    this.outlinesShown = Math.abs(b.x - a.x) >= OUTLINE_MIN_PX;
    return this.outlinesShown;
  }

  setShapes(shapes: GridShape[]): void {
    this.shapes = shapes;
    this.compiled = shapes.map((s) => compileGeometry(s.geometry));
    this.latLngs = shapes.map((s) =>
      (s.geometry.type === 'Polygon' ? [s.geometry.coordinates] : s.geometry.coordinates).map(
        (rings) => rings.map((ring) => ring.map((p) => L.latLng(Number(p[1]), Number(p[0])))),
      ),
    );
    if (shapes.length === 0) {
      this.index = null;
      this.order = new Uint32Array(0);
      return;
    }
    const widths = this.compiled.map((c) => c.maxLng - c.minLng).sort((a, b) => a - b);
    this.typicalWidth = widths[Math.floor(widths.length / 2)]!;
    const index = new Flatbush(shapes.length);
    for (const c of this.compiled) index.add(c.minLng, c.minLat, c.maxLng, c.maxLat);
    index.finish();
    this.index = index;
    const spanX = index.maxX - index.minX || 1;
    const spanY = index.maxY - index.minY || 1;
    const keys = this.compiled.map((c) =>
      mortonKey(
        Math.floor((((c.minLng + c.maxLng) / 2 - index.minX) / spanX) * 65535),
        Math.floor((((c.minLat + c.maxLat) / 2 - index.minY) / spanY) * 65535),
      ),
    );
    this.order = Uint32Array.from(shapes.keys()).sort((a, b) => keys[a]! - keys[b]!);
  }

  /** Redraws with a new colouring: neighbours of one colour share a layer, 64 at most. */
  setStyle(style: GridLayerStyle): void {
    this.style = style;
    this.group.clearLayers();
    const outlines = this.outlinesVisible();
    const open = new Map<string | null, L.LatLng[][][]>();
    const flush = (fill: string | null, polygons: L.LatLng[][][]) => {
      const options: L.PolylineOptions = {
        renderer: this.renderer,
        interactive: false,
        // Whole polygons at every zoom: the canvas clips for free, Leaflet's clipping is not.
        noClip: true,
        color: style.stroke,
        weight: outlines ? style.weight : 0,
        ...(this.pane ? { pane: this.pane } : {}),
        ...(fill === null ? { fill: false } : { fillColor: fill, fillOpacity: style.fillOpacity }),
      };
      new BatchPolygon(polygons, options).addTo(this.group);
    };
    for (const i of this.order) {
      const fill = style.fillOf(this.shapes[i]!.code);
      let batch = open.get(fill);
      if (!batch) {
        batch = [];
        open.set(fill, batch);
      }
      for (const polygon of this.latLngs[i]!) batch.push(polygon);
      if (batch.length >= BATCH_SIZE) {
        flush(fill, batch);
        open.set(fill, []);
      }
    }
    for (const [fill, batch] of open) if (batch.length > 0) flush(fill, batch);
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
