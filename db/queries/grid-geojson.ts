/**
 * Grids as GeoJSON (docs/design/CITY-EXCHANGE.md "Files the desk writes"): every community, grid and
 * sub-grid with a boundary, with the same Chinese property names the import reads, so an
 * export imports back unchanged. `griddesk export --kind grids` calls this.
 */
import type { PolygonGeometry } from '../../core/geo/point-in-polygon';
import type { Db } from '../open';

const LEVEL_ZH = { community: '社区', grid: '网格', subgrid: '子网格' } as const;
const TYPE_ZH = { basic: '基础网格', special: '专属网格', thematic: '专项网格' } as const;

interface GridFeatureCollection {
  type: 'FeatureCollection';
  name: string;
  features: Array<{
    type: 'Feature';
    geometry: PolygonGeometry;
    properties: Record<string, string | number>;
  }>;
}

interface Row {
  code: string;
  level: 'community' | 'grid' | 'subgrid';
  gridType: 'basic' | 'special' | 'thematic' | null;
  name: string;
  parentCode: string;
  households: number | null;
  population: number | null;
  boundary: string;
}

export function exportGridsGeoJson(db: Db): GridFeatureCollection {
  const street = db
    .prepare<[], string>("SELECT name FROM places WHERE level = 'street' ORDER BY code LIMIT 1")
    .pluck()
    .get();
  const rows = db
    .prepare<[], Row>(
      `SELECT code, level, grid_type AS gridType, name, parent_code AS parentCode, households,
              population, boundary
         FROM places WHERE level IN ('community', 'grid', 'subgrid') AND boundary IS NOT NULL
        ORDER BY code`,
    )
    .iterate();
  const features: GridFeatureCollection['features'] = [];
  for (const row of rows) {
    const properties: Record<string, string | number> = {
      网格编码: row.code,
      网格名称: row.name,
      层级: LEVEL_ZH[row.level],
      所属编码: row.parentCode,
    };
    if (row.gridType) properties['类型'] = TYPE_ZH[row.gridType];
    if (row.households !== null) properties['户数'] = row.households;
    if (row.population !== null) properties['人口'] = row.population;
    features.push({
      type: 'Feature',
      geometry: JSON.parse(row.boundary) as PolygonGeometry,
      properties,
    });
  }
  return { type: 'FeatureCollection', name: `${street ?? ''}网格`, features };
}
