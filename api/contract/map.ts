/**
 * 网格地图: the street's places with their boundaries, the measures they are coloured by,
 * open cases as points, the heat of recent reports, one grid's panel, point → grid, the
 * offline basemap, and the admin's grid maintenance (import, export, rename, reassign).
 */
import { z } from 'zod';
import type { Crs } from '../../core/geo/coordinates';
import type { GridIssue } from '../../core/map/grid-issues';
import type { GridDetail } from '../../db/queries/grid-detail';
import type { GridImportReport } from '../../db/queries/grid-import';
import type { CasePoints, HeatPoints } from '../../db/queries/map-cases';
import type { MapPlaces } from '../../db/queries/map-places';
import type { BasemapInfo } from '../../db/mbtiles';
import { method } from './define';

export type { CasePoint, CasePoints, HeatPoints, PointClock } from '../../db/queries/map-cases';
export type { MapPlace, MapPlaces } from '../../db/queries/map-places';
import type { Tier, TierThresholds } from '../../core/ranking/weight-set';
export type { GridDetail, GridPerson, PartyOrgNode } from '../../db/queries/grid-detail';
export type { GridImportReport } from '../../db/queries/grid-import';
export type { GridIssue };
export type { BasemapInfo };

export interface MapPeriod {
  key: string;
  kind: 'month' | 'week';
  start: number;
  end: number;
}

/** One community's or grid's figures for a period (snapshot counts + the ranking's indices). */
export interface PlaceMeasures {
  code: string;
  /** 在办 at the period's end (now, for the running period). */
  open: number;
  /** 超期 at the same instant (suspended cases' clocks are stopped: not counted). */
  overdue: number;
  households: number | null;
  /** 受理数: reported in the period, voided left out. */
  reported: number;
  /** reported × 1000 / households; null without households. */
  per1000Households: number | null;
  /** 应结案数, 结案数, 按期结案数 and the rates, as the monthly ranking counts them. */
  due: number;
  closed: number;
  onTime: number;
  closureRate: number | null;
  onTimeRate: number | null;
  reworkRate: number | null;
  satisfactionRate: number | null;
  /** 综合指标值 0–100 unrounded; null (and no tier) when nothing was due: unranked. */
  score: number | null;
  tier: Tier | null;
  rank: number | null;
}

export interface MapMeasuresResult {
  /** The instant open and overdue are counted at: the period's end, or now if earlier. */
  asOf: number;
  period: MapPeriod;
  /** The periods the screen offers, newest first (months, then weeks). */
  periods: MapPeriod[];
  tiers: TierThresholds;
  grids: PlaceMeasures[];
  communities: PlaceMeasures[];
}

export interface GridPanel extends GridDetail {
  period: MapPeriod;
  /** This period's figures for the grid (or community), null for a sub-grid. */
  indices: PlaceMeasures | null;
}

export interface LocateResult {
  /** The point as stored (WGS-84). */
  wgs84: { lng: number; lat: number };
  /** null: no grid holds the point; it is flagged, not guessed. */
  grid: { gridCode: string; gridName: string; communityCode: string; communityName: string } | null;
}

export interface GridExportResult {
  path: string;
  features: number;
  bytes: number;
}

export interface RenameResult {
  code: string;
  oldName: string;
  name: string;
}

export interface ReassignResult {
  code: string;
  fromCommunityCode: string;
  toCommunityCode: string;
  subgridsMoved: number;
  openCasesMoved: number;
}

const CRS_SCHEMA = z.enum(['WGS84', 'CGCS2000', 'GCJ02', 'BD09'] satisfies [Crs, ...Crs[]]);
const PERIOD_SCHEMA = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2]|W(0[1-9]|[1-4]\d|5[0-3]))$/, 'expected YYYY-MM or YYYY-Www');
const PLACE_CODE = z.string().regex(/^\d{9}(\d{3}){0,3}$/, 'a 9, 12, 15 or 18-digit code');
const FILE_PATH = z.string().trim().min(1).max(4096);

export const mapContract = {
  'map.places': method<MapPlaces>()(z.object({}).strict()),
  'map.measures': method<MapMeasuresResult>()(
    z.object({ period: PERIOD_SCHEMA.optional() }).strict(),
  ),
  'map.casePoints': method<CasePoints>()(z.object({}).strict()),
  'map.heat': method<HeatPoints>()(
    z.object({ days: z.number().int().min(1).max(366).default(30) }).strict(),
  ),
  'map.grid': method<GridPanel>()(
    z.object({ code: PLACE_CODE, period: PERIOD_SCHEMA.optional() }).strict(),
  ),
  'map.locate': method<LocateResult>()(
    z
      .object({
        lng: z.number().min(-180).max(180),
        lat: z.number().min(-90).max(90),
        crs: CRS_SCHEMA.default('WGS84'),
      })
      .strict(),
  ),
  'map.basemap': method<{ basemap: BasemapInfo | null }>()(z.object({}).strict()),
  /** Admin: use an MBTiles file on this machine as the basemap (null: none). */
  'map.basemap.set': method<{ basemap: BasemapInfo | null }>()(
    z.object({ path: FILE_PATH.nullable() }).strict(),
  ),
  /** Admin: check (and with mode 'import', write) a grids GeoJSON file on this machine. */
  'map.grids.import': method<GridImportReport>()(
    z
      .object({
        path: FILE_PATH,
        mode: z.enum(['check', 'import']).default('check'),
        crs: CRS_SCHEMA.default('WGS84'),
      })
      .strict(),
  ),
  /** Admin: write every community, grid and sub-grid to a GeoJSON file on this machine. */
  'map.grids.export': method<GridExportResult>()(z.object({ path: FILE_PATH }).strict()),
  'map.grids.rename': method<RenameResult>()(
    z.object({ code: PLACE_CODE, name: z.string().trim().min(1).max(60) }).strict(),
  ),
  'map.grids.reassign': method<ReassignResult>()(
    z.object({ code: PLACE_CODE, communityCode: PLACE_CODE }).strict(),
  ),
};
