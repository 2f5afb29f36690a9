/**
 * The domain's words (docs/design/DOMAIN.md glossary): the English identifier in code, the Chinese
 * term beside it once, here where it is defined.
 */

/** Case states (案卷状态). */
export const CASE_STATES = [
  'reported', // 待受理
  'registered', // 已立案
  'dispatched', // 已派遣
  'in_progress', // 处置中
  'handled', // 待核查
  'closed', // 已结案
  'voided', // 已作废
  'suspended', // 挂账
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CASE_STATE_ZH: Record<CaseState, string> = {
  reported: '待受理',
  registered: '已立案',
  dispatched: '已派遣',
  in_progress: '处置中',
  handled: '待核查',
  closed: '已结案',
  voided: '已作废',
  suspended: '挂账',
};

/** Problem sources (问题来源). */
export const CASE_SOURCES = [
  'grid_patrol', // 网格员上报
  'hotline_12345', // 12345热线
  'public_report', // 群众上报
  'video', // 视频发现
  'assigned', // 上级交办
  'city_platform', // 市级平台派发
  'department_transfer', // 部门移交
] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

export const CASE_SOURCE_ZH: Record<CaseSource, string> = {
  grid_patrol: '网格员上报',
  hotline_12345: '12345热线',
  public_report: '群众上报',
  video: '视频发现',
  assigned: '上级交办',
  city_platform: '市级平台派发',
  department_transfer: '部门移交',
};

/** Category kinds: 部件 (component) and 事件 (event); the letter prefixes the code (C0501, E0505). */
export const CATEGORY_KINDS = ['component', 'event'] as const;
export type CategoryKind = (typeof CATEGORY_KINDS)[number];
export const CATEGORY_KIND_ZH: Record<CategoryKind, string> = { component: '部件', event: '事件' };
export const CATEGORY_KIND_LETTER: Record<CategoryKind, string> = { component: 'C', event: 'E' };

/** Urgency (紧急程度): 一般 / 紧急. */
export const URGENCIES = ['normal', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** Callback result (回访结果); satisfied and basically satisfied count as satisfied. */
export const SATISFACTIONS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];

/** Place levels (网格层级): street 街道 → community 社区 → grid 网格 → sub-grid 子网格. */
export const PLACE_LEVELS = ['street', 'community', 'grid', 'subgrid'] as const;
export type PlaceLevel = (typeof PLACE_LEVELS)[number];

/** Grid types: basic 基础网格, special 专属网格 (school, hospital…), thematic 专项网格. */
export const GRID_TYPES = ['basic', 'special', 'thematic'] as const;
export type GridType = (typeof GRID_TYPES)[number];

/** Staff roles per grid: "one grid, five roles" (一格五员). */
export const STAFF_ROLES = [
  'grid_leader', // 网格长
  'full_time_worker', // 专职网格员
  'part_time_worker', // 兼职网格员
  'building_leader', // 楼长 / 党员楼长
  'party_household', // 党员中心户
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Party chain levels: 社区党委 → 小区党支部 → 楼栋党小组. */
export const PARTY_ORG_LEVELS = [
  'community_committee',
  'residential_branch',
  'building_group',
] as const;
export type PartyOrgLevel = (typeof PARTY_ORG_LEVELS)[number];

/** Unit kinds (单位): departments handle cases, communities too. */
export const UNIT_KINDS = ['department', 'community', 'street'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** User roles (用户角色): operator 值班员, leader 领导, admin 管理员, handler 处置单位. */
export const USER_ROLES = ['operator', 'leader', 'admin', 'handler'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Case event kinds: every move, plus what imports and the system record. */
export const CASE_EVENT_KINDS = [
  'report',
  'register',
  'void',
  'dispatch',
  'sign',
  'handle',
  'close',
  'return',
  'rework',
  'extend',
  'suspend',
  'resume',
  'escalate',
  'supervise',
  'callback',
  'note',
  'import',
  'conflict',
] as const;
export type CaseEventKind = (typeof CASE_EVENT_KINDS)[number];
