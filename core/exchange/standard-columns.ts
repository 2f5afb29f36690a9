/**
 * The columns of a city's category standard table (立结案标准, docs/design/CITY-EXCHANGE.md
 * "The city's category standard"): each key with the header cities print and the aliases
 * they also use. Headers match as case headers do (normalizeHeader: spaces and line breaks
 * dropped, full-width folded), so "处置\n时限" is 处置时限. Any other column is kept by its
 * header as the standard's extra data (法律法规依据, 采集要求, …).
 */
import { headerLookup, type ColumnSpec } from './case-columns';

export const STANDARD_KEYS = [
  'kind',
  'major_code',
  'major_name',
  'minor_code',
  'minor_name',
  'unit',
  'department',
  'condition',
  'close_condition',
  'limit',
] as const;
export type StandardKey = (typeof STANDARD_KEYS)[number];

/*
 * Not taken from the case columns on purpose: there 大类 / 小类 are aliases of the codes,
 * while a standard table that heads a column 大类 or 小类 prints the names in it, so neither
 * bare word is an alias here (such a column is kept as extra data and named in the notes).
 */
export const STANDARD_COLUMNS: readonly ColumnSpec<StandardKey>[] = [
  { key: 'kind', zh: '问题类型', aliases: ['类型', '部件/事件', '案件类型'] },
  { key: 'major_code', zh: '大类代码', aliases: ['大类编码', '大类编号'] },
  { key: 'major_name', zh: '大类名称', aliases: [] },
  { key: 'minor_code', zh: '小类代码', aliases: ['小类编码', '小类编号'] },
  { key: 'minor_name', zh: '小类名称', aliases: [] },
  { key: 'unit', zh: '处置单位', aliases: ['责任单位', '责任主体'] },
  { key: 'department', zh: '主管部门', aliases: ['监管主体'] },
  { key: 'condition', zh: '立案条件', aliases: ['立案标准'] },
  { key: 'close_condition', zh: '结案条件', aliases: ['结案标准'] },
  { key: 'limit', zh: '处置时限', aliases: ['时限'] },
];

export const STANDARD_COLUMN_ZH: Record<StandardKey, string> = Object.fromEntries(
  STANDARD_COLUMNS.map((c) => [c.key, c.zh]),
) as Record<StandardKey, string>;

export const STANDARD_HEADER_LOOKUP = headerLookup(STANDARD_COLUMNS);

/** The header names a standard table is recognised by, for the "no header" sentence. */
export const STANDARD_HEADER_NAMES: readonly string[] = STANDARD_COLUMNS.map((c) => c.zh);
