/**
 * The heat view (热力): where cases were reported in the last 30 days. Each point adds a soft
 * blob of alpha on an offscreen canvas; the summed alpha is then coloured along the accent
 * hue, pale where a few cases lie and deep where many do. Red and amber are kept for clock
 * states (docs/design/UI.md), so density never borrows them. The blob radius is ~120 m on the ground,
 * so the picture means the same at every zoom.
 */
import * as L from 'leaflet';
import { ScreenCanvasLayer } from './screen-canvas-layer';

const RADIUS_METRES = 120;
/** Light teal to the accent's deep teal: [r, g, b] at density 0 … 1. */
const RAMP: Array<[number, number, number]> = [
  [212, 236, 238],
  [131, 196, 203],
  [40, 140, 152],
  [13, 107, 119],
  [7, 66, 74],
];

function rampColour(t: number): [number, number, number] {
  const scaled = Math.min(0.9999, Math.max(0, t)) * (RAMP.length - 1);
  const i = Math.floor(scaled);
  const f = scaled - i;
  const a = RAMP[i]!;
  const b = RAMP[i + 1]!;
  return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f];
}

export class HeatLayer extends ScreenCanvasLayer {
  constructor() {
    super('heatPane', 'map-heat');
  }

  private points: Array<[number, number]> = [];

  setPoints(points: Array<[number, number]>): void {
    this.points = points;
    this.redraw();
  }

  redraw(): void {
    const map = this._map as L.Map | undefined;
    const canvas = this.canvas;
    if (!map || !canvas) return;
    const size = map.getSize();
    canvas.width = size.x;
    canvas.height = size.y;
    L.DomUtil.setPosition(canvas, map.containerPointToLayerPoint([0, 0]));
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    ctx.clearRect(0, 0, size.x, size.y);
    if (this.points.length === 0) return;
    const centre = map.getCenter();
    const metresPerPixel =
      (40075016.686 * Math.cos((centre.lat * Math.PI) / 180)) / 2 ** (map.getZoom() + 8);
    // Never smaller than a fingertip on screen: a street-wide view still reads as density.
    const radius = Math.max(18, Math.min(80, RADIUS_METRES / metresPerPixel));
    const blob = document.createElement('canvas');
    blob.width = blob.height = Math.ceil(radius * 2);
    const b = blob.getContext('2d')!;
    const gradient = b.createRadialGradient(radius, radius, 0, radius, radius, radius);
    gradient.addColorStop(0, 'rgba(0, 0, 0, 0.16)');
    gradient.addColorStop(1, 'rgba(0, 0, 0, 0)');
    b.fillStyle = gradient;
    b.fillRect(0, 0, blob.width, blob.height);
    for (const [lng, lat] of this.points) {
      const p = map.latLngToContainerPoint([lat, lng]);
      if (p.x < -radius || p.y < -radius || p.x > size.x + radius || p.y > size.y + radius) {
        continue;
      }
      ctx.drawImage(blob, p.x - radius, p.y - radius);
    }
    const image = ctx.getImageData(0, 0, size.x, size.y);
    const data = image.data;
    for (let i = 0; i < data.length; i += 4) {
      const alpha = data[i + 3]!;
      if (alpha === 0) continue;
      const t = alpha / 255;
      const [r, g, bl] = rampColour(t);
      data[i] = r;
      data[i + 1] = g;
      data[i + 2] = bl;
      data[i + 3] = Math.round(60 + 170 * t);
    }
    ctx.putImageData(image, 0, 0);
  }
}
