/**
 * The places the map draws: the street, its communities, grids and sub-grids with their
 * boundaries (GeoJSON, WGS-84), in code order so the side tree reads like the code book.
 */
import type { GridType, PlaceLevel } from '../../core/glossary';
import type { PolygonGeometry } from '../../core/geo/point-in-polygon';
import type { Db } from '../open';

export interface MapPlace {
  code: string;
  level: PlaceLevel;
  gridType: GridType | null;
  name: string;
  parentCode: string | null;
  communityCode: string | null;
  households: number | null;
  population: number | null;
  /** [lng, lat] where the label goes; null for a place without a boundary. */
  center: [number, number] | null;
  /** [minLng, minLat, maxLng, maxLat]. */
  bbox: [number, number, number, number] | null;
  geometry: PolygonGeometry | null;
}

export interface MapPlaces {
  street: MapPlace | null;
  communities: MapPlace[];
  grids: MapPlace[];
  subgrids: MapPlace[];
}

interface PlaceRow {
  code: string;
  level: PlaceLevel;
  gridType: GridType | null;
  name: string;
  parentCode: string | null;
  communityCode: string | null;
  households: number | null;
  population: number | null;
  boundary: string | null;
  minLng: number | null;
  minLat: number | null;
  maxLng: number | null;
  maxLat: number | null;
  centerLng: number | null;
  centerLat: number | null;
}

function toMapPlace(row: PlaceRow): MapPlace {
  const hasBox =
    row.minLng !== null && row.minLat !== null && row.maxLng !== null && row.maxLat !== null;
  return {
    code: row.code,
    level: row.level,
    gridType: row.gridType,
    name: row.name,
    parentCode: row.parentCode,
    communityCode: row.level === 'community' ? row.code : row.communityCode,
    households: row.households,
    population: row.population,
    center:
      row.centerLng !== null && row.centerLat !== null ? [row.centerLng, row.centerLat] : null,
    bbox: hasBox ? [row.minLng!, row.minLat!, row.maxLng!, row.maxLat!] : null,
    geometry: row.boundary ? (JSON.parse(row.boundary) as PolygonGeometry) : null,
  };
}

export function readMapPlaces(db: Db): MapPlaces {
  const rows = db
    .prepare<[], PlaceRow>(
      `SELECT code, level, grid_type AS gridType, name, parent_code AS parentCode,
              community_code AS communityCode, households, population, boundary,
              min_lng AS minLng, min_lat AS minLat, max_lng AS maxLng, max_lat AS maxLat,
              center_lng AS centerLng, center_lat AS centerLat
         FROM places ORDER BY code`,
    )
    .iterate();
  const places: MapPlaces = { street: null, communities: [], grids: [], subgrids: [] };
  for (const row of rows) {
    const place = toMapPlace(row);
    if (place.level === 'street') places.street ??= place;
    else if (place.level === 'community') places.communities.push(place);
    else if (place.level === 'grid') places.grids.push(place);
    else places.subgrids.push(place);
  }
  return places;
}

/** A place's name, or null when no place has that code (the map's located grid and community). */
export function readPlaceName(db: Db, code: string): string | null {
  return (
    db.prepare<[string], string>('SELECT name FROM places WHERE code = ?').pluck().get(code) ?? null
  );
}
