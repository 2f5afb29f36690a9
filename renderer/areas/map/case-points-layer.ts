/**
 * Open cases on the map (案件点位), coloured by their clock: grey running, amber near due,
 * red overdue, hollow while suspended. Dense areas are clustered (supercluster); a cluster
 * shows its count and takes the colour of its worst case, and a click zooms into it. Points
 * are circle markers on their own canvas, clusters plain HTML: no image is ever loaded.
 */
import * as L from 'leaflet';
import Supercluster from 'supercluster';
import type { CasePoint, PointClock } from '../../../api/contract';

interface PointProps {
  id: number;
  clock: PointClock;
}
interface ClusterProps {
  overdue: number;
  nearDue: number;
}

export const CLOCK_COLOURS: Record<PointClock, string> = {
  normal: '#5f6b78',
  near_due: '#e39a0b',
  overdue: '#d83a3c',
  paused: '#9aa3ad',
};

export interface CasePointsOptions {
  onSelect(id: number): void;
  describe(point: CasePoint): string;
  clusterLabel(count: number, overdue: number): string;
}

export class CasePointsLayer {
  private readonly group: L.LayerGroup;
  private index: Supercluster<PointProps, ClusterProps> | null = null;
  private byId = new Map<number, CasePoint>();
  private selectedId: number | null = null;
  private visible = true;

  constructor(
    private readonly map: L.Map,
    private readonly renderer: L.Renderer,
    private readonly options: CasePointsOptions,
  ) {
    this.group = L.layerGroup().addTo(map);
    map.on('moveend zoomend', this.render, this);
  }

  setPoints(points: readonly CasePoint[]): void {
    this.byId = new Map(points.map((p) => [p.id, p]));
    const index = new Supercluster<PointProps, ClusterProps>({
      radius: 48,
      maxZoom: 16,
      minPoints: 3,
      map: (props) => ({
        overdue: props.clock === 'overdue' ? 1 : 0,
        nearDue: props.clock === 'near_due' ? 1 : 0,
      }),
      reduce: (acc, props) => {
        acc.overdue += props.overdue;
        acc.nearDue += props.nearDue;
      },
    });
    index.load(
      points.map((p) => ({
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: [p.lng, p.lat] },
        properties: { id: p.id, clock: p.clock },
      })),
    );
    this.index = index;
    this.render();
  }

  setSelected(id: number | null): void {
    this.selectedId = id;
    this.render();
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    this.render();
  }

  /** Redraws what the current view shows (called on every move; cheap after load). */
  render(): void {
    this.group.clearLayers();
    if (!this.index || !this.visible) return;
    const b = this.map.getBounds().pad(0.1);
    const zoom = Math.round(this.map.getZoom());
    const features = this.index.getClusters(
      [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
      zoom,
    );
    for (const feature of features) {
      const [lng, lat] = feature.geometry.coordinates as [number, number];
      const props = feature.properties;
      if ('cluster' in props && props.cluster) {
        this.addCluster(
          lng,
          lat,
          props.cluster_id,
          props.point_count,
          props.overdue,
          props.nearDue,
        );
      } else {
        this.addPoint(this.byId.get((props as PointProps).id)!);
      }
    }
  }

  private addPoint(point: CasePoint): void {
    const selected = point.id === this.selectedId;
    const colour = CLOCK_COLOURS[point.clock];
    const paused = point.clock === 'paused';
    const marker = L.circleMarker([point.lat, point.lng], {
      renderer: this.renderer,
      pane: 'casePane',
      radius: selected ? 9 : point.clock === 'overdue' ? 7 : 6,
      color: selected ? '#0d6b77' : paused ? colour : '#ffffff',
      weight: selected ? 3 : paused ? 2 : 1.5,
      fillColor: colour,
      fillOpacity: paused ? 0.15 : 0.95,
      bubblingMouseEvents: false,
    });
    marker.bindTooltip(this.options.describe(point), { direction: 'top', offset: [0, -6] });
    marker.on('click', () => this.options.onSelect(point.id));
    marker.addTo(this.group);
  }

  private addCluster(
    lng: number,
    lat: number,
    clusterId: number,
    count: number,
    overdue: number,
    nearDue: number,
  ): void {
    const tone = overdue > 0 ? 'overdue' : nearDue > 0 ? 'near-due' : 'normal';
    const size = count < 10 ? 30 : count < 100 ? 36 : 44;
    const label = this.options.clusterLabel(count, overdue);
    const icon = L.divIcon({
      className: `case-cluster case-cluster--${tone}`,
      html: `<span aria-hidden="true">${count}</span>`,
      iconSize: [size, size],
    });
    const marker = L.marker([lat, lng], {
      icon,
      pane: 'casePane',
      title: label,
      alt: label,
      keyboard: true,
      bubblingMouseEvents: false,
    });
    marker.on('click', () => {
      const zoom = Math.min(this.index!.getClusterExpansionZoom(clusterId), 18);
      this.map.flyTo([lat, lng], zoom, { duration: 0.4 });
    });
    marker.addTo(this.group);
  }

  remove(): void {
    this.map.off('moveend zoomend', this.render, this);
    this.group.remove();
  }
}
