/**
 * Point → grid: which grid a case's point lies in (a new case, an imported row without a
 * grid code). Grid and sub-grid polygons are read once into a packed Hilbert R-tree
 * (flatbush) of their boxes, and each candidate gets the exact point-in-polygon test.
 *
 * Decisions (docs/design/CITY-EXCHANGE.md, docs/design/DOMAIN.md):
 * - cases.grid_code holds the 15-digit grid; a point in a sub-grid answers that sub-grid's
 *   parent grid, so sub-grid polygons refine the answer but never leak 18-digit codes.
 * - A point on an edge counts as inside both neighbours; the smaller grid code wins.
 * - Special grids (专属网格: a school, a market) lie on top of basic grids and own what
 *   happens inside them, so they win over basic grids; thematic grids (专项网格: a river, a
 *   patrol theme) overlay everything and are chosen only where no other grid holds the point.
 * - A point in no grid returns null: it is flagged by the caller, never guessed.
 */
import Flatbush from 'flatbush';
import {
  compileGeometry,
  EDGE_TOLERANCE_DEG,
  pointInCompiled,
  type CompiledGeometry,
  type PolygonGeometry,
} from '../../core/geo/point-in-polygon';
import { metresOutside } from '../../core/geo/distance-to-polygon';
import type { Db } from '../open';

interface GridLocation {
  gridCode: string;
  communityCode: string;
}

/** One polygon the locator knows: the place it is drawn for and the grid it answers. */
interface LocatablePolygon {
  placeCode: string;
  gridCode: string;
  communityCode: string;
  gridType: 'basic' | 'special' | 'thematic';
  geometry: PolygonGeometry;
}

const TYPE_RANK = { special: 0, basic: 1, thematic: 2 } as const;

interface PlaceRow {
  code: string;
  level: 'grid' | 'subgrid';
  gridType: 'basic' | 'special' | 'thematic';
  parentCode: string;
  communityCode: string | null;
  boundary: string;
}

export class GridLocator {
  private readonly index: Flatbush | null;
  private readonly shapes: CompiledGeometry[];
  private readonly gridCodes: string[];
  private readonly communityCodes: string[];
  private readonly ranks: Uint8Array;
  private readonly placeCodes: string[];
  /** Polygon indexes by the grid they answer and by their own place code (built on first use). */
  private byCode: Map<string, number[]> | null = null;

  private constructor(polygons: readonly LocatablePolygon[]) {
    this.shapes = polygons.map((p) => compileGeometry(p.geometry));
    this.placeCodes = polygons.map((p) => p.placeCode);
    this.gridCodes = polygons.map((p) => p.gridCode);
    this.communityCodes = polygons.map((p) => p.communityCode);
    this.ranks = Uint8Array.from(polygons, (p) => TYPE_RANK[p.gridType]);
    if (polygons.length === 0) {
      this.index = null;
      return;
    }
    // Small nodes suit point queries: fewer boxes tested per level (measured: ~7% faster than 16).
    const index = new Flatbush(polygons.length, 8);
    for (const shape of this.shapes) {
      index.add(shape.minLng, shape.minLat, shape.maxLng, shape.maxLat);
    }
    index.finish();
    this.index = index;
  }

  /** Reads every grid and sub-grid polygon of the database (one scan). */
  static load(db: Db): GridLocator {
    const rows = db
      .prepare<[], PlaceRow>(
        `SELECT p.code, p.level, p.grid_type AS gridType, p.parent_code AS parentCode,
                coalesce(p.community_code, parent.community_code) AS communityCode, p.boundary
           FROM places p LEFT JOIN places parent ON parent.code = p.parent_code
          WHERE p.level IN ('grid', 'subgrid') AND p.boundary IS NOT NULL
          ORDER BY p.code`,
      )
      .iterate();
    const polygons: LocatablePolygon[] = [];
    for (const row of rows) {
      const geometry = JSON.parse(row.boundary) as PolygonGeometry;
      if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') continue;
      polygons.push({
        placeCode: row.code,
        gridCode: row.level === 'subgrid' ? row.parentCode : row.code,
        communityCode: row.communityCode ?? '',
        gridType: row.gridType,
        geometry,
      });
    }
    return new GridLocator(polygons);
  }

  /** For callers that already hold polygons (the benchmark, import checks before writing). */
  static fromPolygons(polygons: readonly LocatablePolygon[]): GridLocator {
    return new GridLocator(polygons);
  }

  get size(): number {
    return this.shapes.length;
  }

  locate(lng: number, lat: number): GridLocation | null {
    if (!this.index || !Number.isFinite(lng) || !Number.isFinite(lat)) return null;
    const tol = EDGE_TOLERANCE_DEG;
    const candidates = this.index.search(lng - tol, lat - tol, lng + tol, lat + tol);
    let best = -1;
    for (const i of candidates) {
      if (best !== -1 && !this.beats(i, best)) continue;
      if (pointInCompiled(lng, lat, this.shapes[i]!)) best = i;
    }
    if (best === -1) return null;
    return { gridCode: this.gridCodes[best]!, communityCode: this.communityCodes[best]! };
  }

  /**
   * Metres from a WGS-84 point to a grid's polygons (its own and its sub-grids'), or to a
   * sub-grid's own polygon: 0 inside or on the edge; null when the desk has no polygon for it.
   */
  metresOutside(code: string, lng: number, lat: number): number | null {
    if (!this.byCode) {
      const byCode = new Map<string, number[]>();
      const add = (key: string, i: number) => {
        const list = byCode.get(key);
        if (list) list.push(i);
        else byCode.set(key, [i]);
      };
      this.shapes.forEach((_, i) => {
        add(this.gridCodes[i]!, i);
        if (this.placeCodes[i] !== this.gridCodes[i]) add(this.placeCodes[i]!, i);
      });
      this.byCode = byCode;
    }
    const polygons = this.byCode.get(code);
    if (!polygons || !Number.isFinite(lng) || !Number.isFinite(lat)) return null;
    let best = Infinity;
    for (const i of polygons) best = Math.min(best, metresOutside(lng, lat, this.shapes[i]!));
    return best;
  }

  /** Does polygon a rank before polygon b: grid type first, then the smaller grid code. */
  private beats(a: number, b: number): boolean {
    const ra = this.ranks[a]!;
    const rb = this.ranks[b]!;
    if (ra !== rb) return ra < rb;
    return this.gridCodes[a]! < this.gridCodes[b]!;
  }
}

interface CachedLocator {
  signature: string;
  locator: GridLocator;
}

const cache = new WeakMap<Db, CachedLocator>();

/** Changes whenever a grid or sub-grid is added, removed, or edited (updated_at moves). */
function placesSignature(db: Db): string {
  const row = db
    .prepare<[], { n: number; latest: number | null; ids: number }>(
      `SELECT count(*) AS n, max(updated_at) AS latest, total(id) AS ids
         FROM places WHERE level IN ('grid', 'subgrid')`,
    )
    .get()!;
  return `${row.n}:${row.latest ?? 0}:${row.ids}`;
}

/** The locator for this connection, reloaded only when the grids changed since last time. */
export function gridLocatorFor(db: Db): GridLocator {
  const signature = placesSignature(db);
  const cached = cache.get(db);
  if (cached && cached.signature === signature) return cached.locator;
  const locator = GridLocator.load(db);
  cache.set(db, { signature, locator });
  return locator;
}

/** Drops the cached locator, for writers that change grids within the same millisecond. */
export function forgetGridLocator(db: Db): void {
  cache.delete(db);
}

/** One point → its grid and community, or null when no grid holds it. */
export function locateGrid(db: Db, lng: number, lat: number): GridLocation | null {
  return gridLocatorFor(db).locate(lng, lat);
}
