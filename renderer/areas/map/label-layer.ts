/**
 * Place names on the map, drawn on one canvas after each move: community names while the
 * whole street is in view, grid names (and a second line, e.g. the measure) once the grids
 * are big enough to hold them. Labels that would collide with one already drawn are skipped,
 * so a dense view stays legible instead of turning into a smear of text.
 */
import * as L from 'leaflet';
import { ScreenCanvasLayer } from './screen-canvas-layer';

export interface MapLabel {
  lng: number;
  lat: number;
  text: string;
  /** A smaller second line (a figure), optional. */
  detail?: string;
  /** 'major' for communities, 'minor' for grids. */
  rank: 'major' | 'minor';
  /** Shown from this zoom up (inclusive) and below `maxZoom` (exclusive). */
  minZoom: number;
  maxZoom: number;
}

const FONT = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif';

export class LabelLayer extends ScreenCanvasLayer {
  constructor() {
    super('labelPane', 'map-labels');
  }

  private labels: MapLabel[] = [];

  setLabels(labels: MapLabel[]): void {
    this.labels = labels;
    this.redraw();
  }

  redraw(): void {
    const map = this._map as L.Map | undefined;
    const canvas = this.canvas;
    if (!map || !canvas) return;
    const size = map.getSize();
    const ratio = window.devicePixelRatio || 1;
    canvas.width = size.x * ratio;
    canvas.height = size.y * ratio;
    canvas.style.width = `${size.x}px`;
    canvas.style.height = `${size.y}px`;
    L.DomUtil.setPosition(canvas, map.containerPointToLayerPoint([0, 0]));
    const ctx = canvas.getContext('2d')!;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, size.x, size.y);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.lineJoin = 'round';
    const zoom = map.getZoom();
    const taken: Array<[number, number, number, number]> = [];
    const bounds = map.getBounds().pad(0.05);
    // Major labels first, so a community name wins over a grid name in its way.
    const visible = this.labels
      .filter((l) => zoom >= l.minZoom && zoom < l.maxZoom && bounds.contains([l.lat, l.lng]))
      .sort((a, b) => (a.rank === b.rank ? 0 : a.rank === 'major' ? -1 : 1));
    for (const label of visible) {
      const p = map.latLngToContainerPoint([label.lat, label.lng]);
      const major = label.rank === 'major';
      const fontSize = major ? 15 : 12;
      ctx.font = `${major ? 'bold ' : ''}${fontSize}px ${FONT}`;
      const width = Math.max(
        ctx.measureText(label.text).width,
        label.detail ? ctx.measureText(label.detail).width : 0,
      );
      const height = label.detail ? fontSize * 2.3 : fontSize * 1.3;
      const box: [number, number, number, number] = [
        p.x - width / 2 - 3,
        p.y - height / 2 - 2,
        p.x + width / 2 + 3,
        p.y + height / 2 + 2,
      ];
      if (taken.some((t) => box[0] < t[2] && box[2] > t[0] && box[1] < t[3] && box[3] > t[1])) {
        continue;
      }
      taken.push(box);
      const textY = label.detail ? p.y - fontSize * 0.55 : p.y;
      // A light halo keeps the text readable over any fill colour.
      ctx.strokeStyle = 'rgba(255, 255, 255, 0.92)';
      ctx.lineWidth = 3.5;
      ctx.strokeText(label.text, p.x, textY);
      ctx.fillStyle = major ? '#1c222a' : '#2f3742';
      ctx.fillText(label.text, p.x, textY);
      if (label.detail) {
        ctx.font = `${fontSize - 1}px ${FONT}`;
        ctx.strokeText(label.detail, p.x, textY + fontSize * 1.15);
        ctx.fillStyle = '#4a525e';
        ctx.fillText(label.detail, p.x, textY + fontSize * 1.15);
      }
    }
  }
}
