/**
 * A Leaflet layer that is one canvas the size of the map, in a pane of its own, redrawn
 * from scratch after every move, zoom or resize (the heat view, the place names). Subclasses
 * draw in `redraw()`; the canvas never takes the pointer, so clicks reach the grids below.
 */
import * as L from 'leaflet';

export abstract class ScreenCanvasLayer extends L.Layer {
  protected canvas: HTMLCanvasElement | null = null;

  constructor(
    private readonly paneName: string,
    private readonly className: string,
  ) {
    super();
  }

  override onAdd(map: L.Map): this {
    const canvas = L.DomUtil.create(
      'canvas',
      `${this.className} leaflet-zoom-hide`,
    ) as HTMLCanvasElement;
    canvas.style.pointerEvents = 'none';
    map.getPane(this.paneName)!.appendChild(canvas);
    this.canvas = canvas;
    map.on('moveend zoomend resize viewreset', this.redraw, this);
    this.redraw();
    return this;
  }

  override onRemove(map: L.Map): this {
    map.off('moveend zoomend resize viewreset', this.redraw, this);
    this.canvas?.remove();
    this.canvas = null;
    return this;
  }

  abstract redraw(): void;
}
