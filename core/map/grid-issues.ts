/**
 * What a grid import can find wrong (网格导入检查), each with the grid codes involved so an
 * admin can find them in the city's GIS. Errors stop the import; warnings are reported and
 * the import goes ahead.
 */
import type { PointLngLat } from '../geo/topology';

export const GRID_ISSUE_CODES = [
  'invalid_feature', // 要素不完整（名称、类型、户数）
  'invalid_code', // 编码不可读或与层级不符
  'duplicate_code', // 文件中编码重复
  'unknown_parent', // 所属编码不存在
  'invalid_geometry', // 边界不是可用的多边形
  'self_intersection', // 边界自相交
  'overlap', // 网格之间重叠
  'gap', // 社区内有未被网格覆盖的空隙
  'outside_community', // 网格超出所属社区
  'street_created', // 新建了文件所属的街道
] as const;
type GridIssueCode = (typeof GRID_ISSUE_CODES)[number];

export interface GridIssue {
  code: GridIssueCode;
  severity: 'error' | 'warning';
  /** 1-based feature number in the file; 0 for the file as a whole or places already stored. */
  feature: number;
  gridCodes: string[];
  at?: PointLngLat;
  areaSquareMetres?: number;
  message: { zh: string; en: string };
}
