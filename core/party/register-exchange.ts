/**
 * The registers' files (issue 14): for each register but the members' roster (member-row.ts)
 * and the small wishes (published on the board, with their clocks), the Chinese columns a
 * file has, in the order the desk writes them. The import reads these headers (and their
 * aliases) wherever the columns stand; the export and the blank template write them, so a
 * file exported, edited in WPS and imported again changes just what was edited.
 */
import { headerLookup, type ColumnSpec } from '../exchange/case-columns';

export const EXCHANGE_REGISTERS = [
  'units',
  'records',
  'needs',
  'resources',
  'projects',
  'volunteers',
  'activities',
] as const;
export type ExchangeRegister = (typeof EXCHANGE_REGISTERS)[number];

export interface RegisterFileSpec {
  /** The sheet's name and the file's stem: 报到单位名单-20261203.xlsx. */
  title: string;
  columns: readonly ColumnSpec<string>[];
  /** The column a row cannot do without: its header must be in the file. */
  keyColumn: string;
  /** The desk's code for new rows (DW0001), when the register has codes. */
  code?: { table: string; prefix: string; digits: number };
}

const col = (key: string, zh: string, ...aliases: string[]): ColumnSpec<string> => ({
  key,
  zh,
  aliases,
});

export const REGISTER_FILES: Record<ExchangeRegister, RegisterFileSpec> = {
  units: {
    title: '报到单位名单',
    keyColumn: 'name',
    code: { table: 'party_units', prefix: 'DW', digits: 4 },
    columns: [
      col('code', '单位编号', '编号', '单位编码'),
      col('name', '单位名称', '单位', '党组织名称', '报到单位'),
      col('community', '报到社区', '社区', '结对社区', '所在社区'),
      col('contact_name', '联系人', '党组织书记', '负责人'),
      col('contact_phone', '联系电话', '电话', '手机'),
      col('agreement_on', '共建协议日期', '签约日期', '协议签订日期', '报到日期'),
      col('status', '状态', '在册状态'),
    ],
  },
  records: {
    title: '党员服务记录',
    keyColumn: 'activity',
    columns: [
      col('served_on', '服务日期', '日期', '活动日期'),
      col('member', '党员编号', '党员编码'),
      col('unit', '报到单位', '单位', '所属单位', '单位编号'),
      col('place', '服务地点', '网格编码', '服务网格', '地点编码'),
      col('activity', '服务内容', '活动内容', '服务事项'),
      col('theme', '主题', '活动主题'),
      col('hours', '服务时长（小时）', '时长', '服务时长', '小时数'),
    ],
  },
  needs: {
    title: '需求清单',
    keyColumn: 'title',
    code: { table: 'party_needs', prefix: 'XQ', digits: 4 },
    columns: [
      col('code', '需求编号', '编号'),
      col('title', '需求', '需求内容', '需求名称'),
      col('place', '所在网格或社区', '网格编码', '社区编码', '所在网格', '地点'),
      col('category', '类别', '需求类别'),
      col('households', '涉及户数', '户数'),
      col('urgency', '紧急程度', '是否紧急'),
      col('raised_on', '提出日期', '收集日期', '日期'),
      col('status', '状态', '对接状态'),
    ],
  },
  resources: {
    title: '资源清单',
    keyColumn: 'title',
    code: { table: 'party_resources', prefix: 'ZY', digits: 4 },
    columns: [
      col('code', '资源编号', '编号'),
      col('title', '资源', '资源名称', '资源内容'),
      col('kind', '类别', '资源类别'),
      col('unit', '提供单位', '单位', '报到单位'),
      col('member', '提供党员编号', '党员编号'),
      col('offered_by_name', '提供人', '其他提供方'),
      col('community', '服务社区', '社区'),
      col('capacity', '规模', '容量', '数量'),
      col('amount', '金额（元）', '金额', '资金（元）'),
      col('available_until', '有效期至', '可提供至', '截止日期'),
    ],
  },
  projects: {
    title: '项目清单',
    keyColumn: 'title',
    code: { table: 'party_projects', prefix: 'XM', digits: 4 },
    columns: [
      col('code', '项目编号', '编号'),
      col('title', '项目', '项目名称'),
      col('unit', '牵头单位', '实施单位', '认领单位'),
      col('community', '社区', '实施社区'),
      col('ordered_by', '点单方式', '来源'),
      col('budget', '预算（元）', '预算', '计划资金（元）'),
      col('spent', '已支出（元）', '实际支出（元）', '支出'),
      col('planned_start', '计划开始', '计划开始日期', '开始日期'),
      col('planned_end', '计划完成', '计划完成日期', '完成时限'),
      col('actual_start', '实际开始', '实际开始日期'),
      col('actual_end', '实际完成', '实际完成日期'),
      col('status', '状态', '项目状态'),
      col('cancel_reason', '取消原因'),
      col('result_note', '成效', '完成情况', '实施成效'),
    ],
  },
  volunteers: {
    title: '志愿者名册',
    keyColumn: 'name',
    columns: [
      col('team', '志愿服务队', '队伍', '服务队', '队伍编号'),
      col('name', '姓名', '志愿者姓名'),
      col('phone', '联系电话', '电话', '手机'),
      col('party_member', '是否党员', '党员'),
      col('joined_on', '加入日期', '注册日期'),
    ],
  },
  activities: {
    title: '志愿活动',
    keyColumn: 'theme',
    code: { table: 'volunteer_activities', prefix: 'HD', digits: 5 },
    columns: [
      col('code', '活动编号', '编号'),
      col('held_on', '活动日期', '日期'),
      col('theme', '活动主题', '主题', '活动名称'),
      col('team', '志愿服务队', '队伍', '服务队'),
      col('place', '活动地点', '地点编码', '网格编码'),
      col('participants', '参与人数', '人数'),
      col('party_participants', '党员人数', '其中党员'),
      col('hours', '活动时长（小时）', '时长', '服务时长'),
    ],
  },
};

export const REGISTER_HEADER_LOOKUP = Object.fromEntries(
  EXCHANGE_REGISTERS.map((r) => [r, headerLookup(REGISTER_FILES[r].columns)]),
) as Record<ExchangeRegister, ReturnType<typeof headerLookup<string>>>;

/** The Chinese words of the registers' values, as files and the screen write them. */
export const VALUE_WORDS = {
  needCategory: {
    elderly: '养老',
    childcare: '托育',
    environment: '环境',
    facilities: '设施',
    hardship: '帮困',
    culture: '文体',
    other: '其他',
  },
  urgency: { normal: '一般', urgent: '紧急' },
  needStatus: { open: '待对接', matched: '已对接', closed: '已关闭' },
  resourceKind: {
    venue: '场地',
    funds: '资金',
    skills: '人员/技能',
    goods: '物资',
    service: '服务',
  },
  orderedBy: { community: '社区点单', unit: '单位认领' },
  projectStatus: {
    planned: '计划中',
    in_progress: '实施中',
    done: '已完成',
    cancelled: '已取消',
  },
} as const;
