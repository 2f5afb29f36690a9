/**
 * The demo street's places (示范街道 → 12 communities → 154 grids) from the bundled GeoJSON
 * (assets/demo/grids.geojson), and the communities as handling units.
 */
import { z } from 'zod';
import type { GridType } from '../glossary';
import {
  bboxCenter,
  bboxPolygon,
  geometryBbox,
  unionBbox,
  type Bbox,
  type GridGeometry,
  type Position,
} from './grid-geometry';

export const DEMO_STREET_CODE = '990101001';
const DEMO_STREET_NAME = '示范街道';

export interface DemoPlace {
  code: string;
  level: 'street' | 'community' | 'grid';
  gridType: GridType | null;
  name: string;
  parentCode: string | null;
  /** The community a grid belongs to (null for the street and the communities themselves). */
  communityCode: string | null;
  households: number;
  population: number;
  boundary: GridGeometry;
  bbox: Bbox;
  center: Position;
}

interface DemoCommunityUnit {
  code: string;
  name: string;
  placeCode: string;
}

export interface DemoPlaces {
  street: DemoPlace;
  communities: DemoPlace[];
  grids: DemoPlace[];
  communityUnits: DemoCommunityUnit[];
}

const position = z.tuple([z.number(), z.number()]).rest(z.number());
const rings = z.array(z.array(position).min(4)).min(1);
const geometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: rings }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(rings).min(1) }),
]);
const featureSchema = z.object({
  type: z.literal('Feature'),
  geometry: geometrySchema,
  properties: z.object({
    网格编码: z.string().regex(/^\d{12}(\d{3})?$/),
    网格名称: z.string().min(1),
    层级: z.enum(['社区', '网格']),
    所属编码: z.string().regex(/^\d{9}(\d{3})?$/),
    类型: z.string().optional(),
    户数: z.number().int().nonnegative().optional(),
    人口: z.number().int().nonnegative().optional(),
  }),
});
const collectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(featureSchema),
});

const GRID_TYPE_BY_NAME: Record<string, GridType> = {
  基础网格: 'basic',
  专属网格: 'special',
  专项网格: 'thematic',
};

function toGeometry(geometry: z.infer<typeof geometrySchema>): GridGeometry {
  // Drop any third (altitude) ordinate: places are flat lng/lat.
  const ringsOf = (polygon: number[][][]) =>
    polygon.map((ring) => ring.map((p) => [p[0]!, p[1]!] as const));
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: ringsOf(geometry.coordinates) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(ringsOf) };
}

/** Reads the demo street's FeatureCollection (already JSON-parsed) into places. */
export function buildDemoPlaces(featureCollection: unknown): DemoPlaces {
  const parsed = collectionSchema.safeParse(featureCollection);
  if (!parsed.success) {
    throw new Error(
      `示范街道网格数据格式不对 (demo grids GeoJSON is invalid): ${parsed.error.message}`,
    );
  }
  const communities: DemoPlace[] = [];
  const grids: DemoPlace[] = [];
  for (const feature of parsed.data.features) {
    const p = feature.properties;
    const boundary = toGeometry(feature.geometry);
    const bbox = geometryBbox(boundary);
    const base = { code: p.网格编码, name: p.网格名称, boundary, bbox, center: bboxCenter(bbox) };
    if (p.层级 === '社区') {
      if (p.所属编码 !== DEMO_STREET_CODE || p.网格编码.length !== 12) {
        throw new Error(`社区 ${p.网格编码} 不属于示范街道 ${DEMO_STREET_CODE}`);
      }
      communities.push({
        ...base,
        level: 'community',
        gridType: null,
        parentCode: DEMO_STREET_CODE,
        communityCode: null,
        households: 0,
        population: 0,
      });
    } else {
      grids.push({
        ...base,
        level: 'grid',
        gridType: GRID_TYPE_BY_NAME[p.类型 ?? '基础网格'] ?? 'basic',
        parentCode: p.所属编码,
        communityCode: p.所属编码,
        households: p.户数 ?? 0,
        population: p.人口 ?? 0,
      });
    }
  }
  const byCode = new Map(communities.map((c) => [c.code, c]));
  for (const grid of grids) {
    const community = byCode.get(grid.parentCode ?? '');
    if (!community) throw new Error(`网格 ${grid.code} 的所属社区 ${grid.parentCode} 不存在`);
    community.households += grid.households;
    community.population += grid.population;
  }
  // Plain code order (not locale order), so the street comes out the same on every machine.
  const byCodeOrder = (a: DemoPlace, b: DemoPlace) =>
    a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
  communities.sort(byCodeOrder);
  grids.sort(byCodeOrder);

  const streetBox = unionBbox(communities.map((c) => c.bbox));
  const street: DemoPlace = {
    code: DEMO_STREET_CODE,
    level: 'street',
    gridType: null,
    name: DEMO_STREET_NAME,
    parentCode: null,
    communityCode: null,
    households: communities.reduce((sum, c) => sum + c.households, 0),
    population: communities.reduce((sum, c) => sum + c.population, 0),
    // The communities tile a rectangle, so their bounding box is the street's outline.
    boundary: bboxPolygon(streetBox),
    bbox: streetBox,
    center: bboxCenter(streetBox),
  };
  const communityUnits = communities.map((c) => ({
    code: c.code,
    name: c.name,
    placeCode: c.code,
  }));
  return { street, communities, grids, communityUnits };
}
