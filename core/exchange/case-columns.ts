/**
 * The case columns of the city exchange format (docs/design/CITY-EXCHANGE.md "Case columns"): each key
 * with its Chinese header and the aliases cities use. Headers match after trimming, removing
 * spaces and folding full-width characters; ASCII letters match in any case.
 */
import { foldFullWidth } from './cell-value';

export const CASE_KEYS = [
  'case_no',
  'source',
  'kind',
  'major_code',
  'minor_code',
  'description',
  'address',
  'lng',
  'lat',
  'crs',
  'grid_code',
  'urgency',
  'status',
  'reported_at',
  'registered_at',
  'dispatched_at',
  'due_at',
  'deadline_hours',
  'department',
  'handled_at',
  'closed_at',
  'reporter',
  'phone',
  'satisfaction',
  'rework_count',
  'extension_count',
  'updated_at',
  // Written by the desk's own exports (docs/design/CITY-EXCHANGE.md "Files the desk writes"), so they
  // read back: 核查人 (verifier) and 处置结果 (result note).
  'verifier',
  'result_note',
  // The row of the city's category standard the case is under (立案条件): its text or number.
  'standard',
] as const;
export type CaseKey = (typeof CASE_KEYS)[number];

export interface ColumnSpec<Key extends string> {
  key: Key;
  /** The Chinese header the desk writes. */
  zh: string;
  aliases: readonly string[];
}

export const CASE_COLUMNS: readonly ColumnSpec<CaseKey>[] = [
  {
    key: 'case_no',
    zh: '案卷编号',
    aliases: ['案件编号', '工单编号', '编号', 'caseNo', 'service_request_id'],
  },
  { key: 'source', zh: '问题来源', aliases: ['来源', '案件来源'] },
  { key: 'kind', zh: '问题类型', aliases: ['类型', '部件/事件'] },
  { key: 'major_code', zh: '大类代码', aliases: ['大类编码', '大类'] },
  { key: 'minor_code', zh: '小类代码', aliases: ['小类编码', '小类'] },
  { key: 'description', zh: '问题描述', aliases: ['描述', '内容', '诉求内容'] },
  { key: 'address', zh: '地址', aliases: ['发生地址', '位置', '事发地址'] },
  { key: 'lng', zh: '经度', aliases: ['X坐标', 'x', 'long', 'longitude'] },
  { key: 'lat', zh: '纬度', aliases: ['Y坐标', 'y', 'latitude'] },
  { key: 'crs', zh: '坐标系', aliases: ['坐标系统'] },
  { key: 'grid_code', zh: '单元网格编码', aliases: ['网格编码', '所属网格'] },
  { key: 'urgency', zh: '紧急程度', aliases: ['缓急程度'] },
  { key: 'status', zh: '当前状态', aliases: ['状态', '案件状态'] },
  { key: 'reported_at', zh: '上报时间', aliases: ['发现时间', '受理时间', 'requested_datetime'] },
  { key: 'registered_at', zh: '立案时间', aliases: [] },
  { key: 'dispatched_at', zh: '派遣时间', aliases: [] },
  { key: 'due_at', zh: '处置截止时间', aliases: ['截止时间', '处置时限截止', 'expected_datetime'] },
  { key: 'deadline_hours', zh: '处置时限(小时)', aliases: ['处置时限'] },
  { key: 'department', zh: '处置部门', aliases: ['责任单位', '承办单位', 'agency_responsible'] },
  { key: 'handled_at', zh: '反馈时间', aliases: ['处置反馈时间'] },
  { key: 'closed_at', zh: '结案时间', aliases: ['办结时间'] },
  { key: 'reporter', zh: '上报人', aliases: ['反映人', '诉求人'] },
  { key: 'phone', zh: '联系电话', aliases: ['电话', '手机'] },
  { key: 'satisfaction', zh: '回访结果', aliases: ['满意度'] },
  { key: 'rework_count', zh: '返工次数', aliases: [] },
  { key: 'extension_count', zh: '延期次数', aliases: [] },
  { key: 'updated_at', zh: '更新时间', aliases: ['最后更新时间', 'updated_datetime'] },
  { key: 'verifier', zh: '核查人', aliases: [] },
  { key: 'result_note', zh: '处置结果', aliases: ['status_notes'] },
  { key: 'standard', zh: '立案条件', aliases: ['立案标准'] },
];

export const CASE_COLUMN_ZH: Record<CaseKey, string> = Object.fromEntries(
  CASE_COLUMNS.map((c) => [c.key, c.zh]),
) as Record<CaseKey, string>;

/** The date-time columns (read by the date rules; Excel serials when a workbook stores numbers). */
export const CASE_DATE_KEYS: readonly CaseKey[] = [
  'reported_at',
  'registered_at',
  'dispatched_at',
  'due_at',
  'handled_at',
  'closed_at',
  'updated_at',
];

/** Keys a new case cannot do without (docs/design/CITY-EXCHANGE.md "required: yes"). */
export const REQUIRED_CASE_KEYS: readonly CaseKey[] = [
  'case_no',
  'source',
  'kind',
  'major_code',
  'minor_code',
  'status',
  'reported_at',
];

/** The column the desk's error file adds; reading a fixed error file back skips it quietly. */
export const ERROR_NOTE_HEADER = '错误说明';

/** Trim, drop every space, fold full-width, lower-case ASCII: how headers are compared. */
export function normalizeHeader(text: string): string {
  return foldFullWidth(text).replace(/\s+/g, '').toLowerCase();
}

/** header (normalized) → key, for any column table; the English key itself also matches. */
export function headerLookup<Key extends string>(
  columns: readonly ColumnSpec<Key>[],
): ReadonlyMap<string, Key> {
  const lookup = new Map<string, Key>();
  for (const column of columns) {
    for (const name of [column.zh, column.key, ...column.aliases]) {
      lookup.set(normalizeHeader(name), column.key);
    }
  }
  return lookup;
}

export const CASE_HEADER_LOOKUP = headerLookup(CASE_COLUMNS);
