/**
 * The zh-CN dictionary: the default UI language, and the source of every message key.
 * `{name}` marks a value filled in by `t(key, { name })`.
 */
import { CASE_STATE_ZH } from '../../core/glossary';
import { sessionMessagesZh } from '../session/messages';
import { seatMessagesZh } from '../session/seat-messages';
import { deskMessagesZh } from '../session/desk-messages';
import { partyMessagesZh } from '../areas/party/messages';
import { registerMessagesZh } from '../areas/party/register-messages';
import { casesMessagesZh } from '../areas/cases/messages';
import { settingsMessagesZh } from '../areas/settings/messages';
import { backupMessagesZh } from '../areas/settings/backup-messages';
import { mapMessagesZh } from '../areas/map/messages';
import { rankingMessagesZh } from '../areas/ranking/messages';
import { weeklyMessagesZh } from '../areas/weekly/messages';
import { exchangeMessagesZh } from '../areas/exchange/messages';
import { moveMessagesZh } from '../ui/move-names';

export const zhCN = {
  'app.name': 'GridDesk',
  'app.fullTitle': 'GridDesk 街道综合指挥工作台',
  'app.streetUnset': '尚未设置街道',
  'app.streetLoading': '正在读取街道信息…',
  'app.streetError': '无法读取街道信息',

  'area.overview.title': '工作台',
  'area.cases.title': '案件',
  'area.map.title': '网格地图',
  'area.weekly.title': '周调度',
  'area.ranking.title': '月度排名',
  'area.exchange.title': '数据交换',
  'area.settings.title': '设置',

  'notBuilt.badge': '尚未建成',
  'notBuilt.backToOverview': '返回工作台',

  'notFound.title': '没有这个页面',
  'notFound.body': '地址 {path} 不对应任何功能区。',

  'nav.label': '功能区',
  'nav.shortcutHint': '快捷键 {keys}',

  'header.langSwitch': 'English',
  'header.langSwitchLabel': '切换为英文界面',
  'header.shortcuts': '快捷键',

  'status.transport.ipc': '桌面',
  'status.transport.http': '浏览器模式',
  'status.version': '版本 {version}',
  'status.schema': '数据结构 v{schema}',
  'status.shortcutsHint': '按 ? 查看快捷键',
  'status.importRunning': '正在导入 {file}（已读 {rows} 行），导入结束前不能保存修改',

  'shortcuts.title': '快捷键',
  'shortcuts.close': '关闭',
  'shortcuts.goTo': '前往{area}',
  'shortcuts.toggleSheet': '打开或关闭本列表',
  'shortcuts.closeSheet': '关闭本列表',
  'shortcuts.then': '然后',
  'shortcuts.moreLater': '其他功能区的快捷键将随对应功能上线。',

  'state.loading': '正在加载…',
  'state.errorTitle': '暂时无法显示',
  'state.errorReference': '参考编号：{reference}',
  'state.errorWhere': '位置：{where}',
  'state.retry': '重试',
  'state.staleWarning': '最近一次刷新失败，下面显示的是 {time} 的数据。',

  'overview.subtitle': '{communities} 个社区 · {grids} 个网格 · 共 {cases} 件案卷',
  'overview.updatedAt': '更新于 {time}',
  'overview.liveHint': '有变动时自动刷新',
  'overview.count.newToday': '今日新增',
  'overview.count.open': '在办',
  'overview.count.overdue': '超期',
  'overview.count.nearDue': '临期',
  'overview.count.closedToday': '今日结案',
  'overview.countUnit': '件',
  'overview.countOpensCases': '查看这些案件',
  'overview.oldestOverdue.title': '超期最久的案件',
  'overview.oldestOverdue.empty': '目前没有超期案件。',
  'overview.oldestOverdue.shown': '显示最早的 {shown} 件，共 {total} 件超期',
  'overview.column.caseNo': '案卷编号',
  'overview.column.category': '类别',
  'overview.column.place': '社区 / 网格',
  'overview.column.unit': '责任单位',
  'overview.column.state': '状态',
  'overview.column.overdueBy': '超期时长',
  'overview.column.dueAt': '截止时间',
  'overview.overdueBy': '超期 {duration}',
  'overview.noPlace': '未定位',
  'overview.noUnit': '未派遣',
  'overview.tiers.title': '本月社区分级',
  'overview.tiers.notBuilt':
    '社区的蓝、黄、红分级将随“月度排名”功能一起上线，目前尚未建成，这里不显示示例数据。',
  'overview.tiers.legend': '分级颜色',
  'tier.blue': '蓝',
  'tier.yellow': '黄',
  'tier.red': '红',

  'duration.daysHours': '{d}天{h}小时',
  'duration.hoursMinutes': '{h}小时{m}分',
  'duration.minutes': '{m}分钟',

  'caseState.reported': CASE_STATE_ZH.reported,
  'caseState.registered': CASE_STATE_ZH.registered,
  'caseState.dispatched': CASE_STATE_ZH.dispatched,
  'caseState.in_progress': CASE_STATE_ZH.in_progress,
  'caseState.handled': CASE_STATE_ZH.handled,
  'caseState.closed': CASE_STATE_ZH.closed,
  'caseState.voided': CASE_STATE_ZH.voided,
  'caseState.suspended': CASE_STATE_ZH.suspended,
  ...mapMessagesZh,
  ...rankingMessagesZh,
  ...weeklyMessagesZh,
  ...sessionMessagesZh,
  ...seatMessagesZh,
  ...deskMessagesZh,
  ...partyMessagesZh,
  ...registerMessagesZh,
  ...casesMessagesZh,
  ...moveMessagesZh,
  ...settingsMessagesZh,
  ...backupMessagesZh,
  ...exchangeMessagesZh,
};

export type MessageKey = keyof typeof zhCN;

/** Every other language must translate every key, and nothing else: `Dictionary` enforces it. */
export type Dictionary = Record<MessageKey, string>;
