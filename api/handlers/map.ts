import { toWgs84 } from '../../core/geo/coordinates';
import { DAY_MS } from '../../core/time';
import { readBasemapSetting } from '../../db/queries/basemap-setting';
import { readGridDetail } from '../../db/queries/grid-detail';
import { gridLocatorFor } from '../../db/queries/grid-locator';
import { readHeatPoints, readOpenCasePoints } from '../../db/queries/map-cases';
import { readMapPlaces, readPlaceName } from '../../db/queries/map-places';
import { UserError } from '../errors';
import { exportGrids, importGrids, moveGrid, renameGrid, setBasemap } from '../map/grid-admin';
import { periodFor, readMapMeasures, toMapPeriod } from '../map/measures';
import type { FeatureHandlers } from './types';

export const mapHandlers = {
  'map.places': (context) => readMapPlaces(context.db),

  'map.measures': (context, input) => {
    const now = context.now();
    return readMapMeasures(context.db, periodFor(input.period, now), now);
  },

  'map.casePoints': (context) => readOpenCasePoints(context.db, context.now()),

  'map.heat': (context, input) => {
    const now = context.now();
    return readHeatPoints(context.db, now - input.days * DAY_MS, now);
  },

  'map.grid': (context, input) => {
    const detail = readGridDetail(context.db, input.code);
    if (!detail) {
      throw new UserError(
        'no_such_place',
        {
          zh: `没有编码为 ${input.code} 的网格。`,
          en: `There is no grid with code ${input.code}.`,
        },
        'code',
      );
    }
    const now = context.now();
    const period = periodFor(input.period, now);
    let indices = null;
    if (detail.level === 'grid' || detail.level === 'community') {
      const measures = readMapMeasures(context.db, period, now);
      const list = detail.level === 'grid' ? measures.grids : measures.communities;
      indices = list.find((m) => m.code === detail.code) ?? null;
    }
    return { ...detail, period: toMapPeriod(period), indices };
  },

  'map.locate': (context, input) => {
    const wgs84 = toWgs84(input.lng, input.lat, input.crs);
    const found = gridLocatorFor(context.db).locate(wgs84.lng, wgs84.lat);
    return {
      wgs84,
      grid: found
        ? {
            ...found,
            gridName: readPlaceName(context.db, found.gridCode) ?? found.gridCode,
            communityName: readPlaceName(context.db, found.communityCode) ?? found.communityCode,
          }
        : null,
    };
  },

  'map.basemap': (context) => ({ basemap: readBasemapSetting(context.db) }),
  'map.basemap.set': (context, input) => setBasemap(context, input.path),
  'map.grids.import': (context, input) => importGrids(context, input.path, input.mode, input.crs),
  'map.grids.export': (context, input) => exportGrids(context, input.path),
  'map.grids.rename': (context, input) => renameGrid(context, input.code, input.name),
  'map.grids.reassign': (context, input) => moveGrid(context, input.code, input.communityCode),
} satisfies FeatureHandlers<
  | 'map.places'
  | 'map.measures'
  | 'map.casePoints'
  | 'map.heat'
  | 'map.grid'
  | 'map.locate'
  | 'map.basemap'
  | 'map.basemap.set'
  | 'map.grids.import'
  | 'map.grids.export'
  | 'map.grids.rename'
  | 'map.grids.reassign'
>;
