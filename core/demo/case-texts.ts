/**
 * The words of the demo cases: what the reporter saw, what the handler did, why a case was
 * voided, parked or given more time. Keyed by category code (kind letter + major + minor).
 */
import type { SeededRandom } from './random';

/** `{place}` is replaced by the spot, e.g. 「3号楼东侧」. */
// prettier-ignore
const DESCRIPTIONS: Record<string, readonly string[]> = {
  C0101: ['{place}上水井盖破损，存在安全隐患', '{place}上水井盖松动，车辆经过有响声'],
  C0102: ['{place}污水井盖缺失，已有行人险些踩空', '{place}污水井盖破裂下陷'],
  C0103: ['{place}雨水井盖移位，路面出现空洞', '{place}雨水篦子堵塞破损'],
  C0118: ['{place}路灯不亮，夜间通行不便', '{place}路灯杆倾斜，灯罩脱落'],
  C0201: ['{place}停车场道闸损坏，车辆无法正常进出', '{place}停车场标线模糊'],
  C0205: ['{place}过街天桥台阶破损', '{place}过街天桥栏杆锈蚀松动'],
  C0209: ['{place}交通标志牌被遮挡', '{place}交通标志牌歪斜'],
  C0211: ['{place}交通护栏被撞倒', '{place}交通护栏缺失一段'],
  C0214: ['{place}交通信号灯故障，红绿灯不亮', '{place}信号灯时间异常，路口拥堵'],
  C0301: ['{place}公共厕所设施损坏，无法使用', '{place}公共厕所卫生差，异味明显'],
  C0305: ['{place}垃圾箱破损，垃圾外溢', '{place}垃圾箱满溢未及时清运'],
  C0307: ['{place}广告牌匾破损，有坠落风险', '{place}广告牌匾灯箱线路裸露'],
  C0401: ['{place}古树枝干枯死，需专业养护', '{place}古树名木保护围栏损坏'],
  C0402: ['{place}行道树倾斜，影响行人通行', '{place}行道树枯枝有掉落风险'],
  C0405: ['{place}绿地被踩踏，黄土裸露', '{place}绿地内堆放杂物'],
  C0501: ['{place}宣传栏玻璃破碎', '{place}宣传栏内容过期破损'],
  C0502: ['{place}人防工事入口积水', '{place}人防工事被私自占用堆物'],
  E0102: ['{place}有暴露垃圾，影响环境卫生', '{place}生活垃圾散落路面', '{place}垃圾桶周边暴露垃圾较多'],
  E0103: ['{place}积存建筑垃圾渣土，长期无人清理', '{place}堆积装修垃圾'],
  E0107: ['{place}有废弃车辆长期停放', '{place}僵尸自行车堆积占道'],
  E0111: ['{place}道路积水严重，行人无法通行', '{place}雨后积水未排'],
  E0201: ['{place}墙面非法张贴小广告', '{place}电线杆上小广告较多'],
  E0204: ['{place}有人街头散发小广告', '{place}路口散发传单'],
  E0301: ['{place}工地夜间施工噪音扰民', '{place}装修施工超时扰民'],
  E0302: ['{place}工地未覆盖裸土，扬尘严重', '{place}施工现场扬尘大'],
  E0304: ['{place}渣土车遗撒，路面污染', '{place}道路遗撒泥土'],
  E0401: ['{place}路面塌陷，有安全隐患', '{place}路面出现明显沉降坑'],
  E0403: ['{place}闻到燃气味，疑似燃气管道泄漏', '{place}燃气管道破裂'],
  E0501: ['{place}有无照游商占道经营', '{place}流动摊贩聚集'],
  E0504: ['{place}商户店外经营占道', '{place}店铺出店摆卖'],
  E0505: ['{place}机动车乱停放，堵塞消防通道', '{place}车辆占用人行道停放', '{place}路口机动车乱停影响通行'],
  E0507: ['{place}乱堆物堆料占用公共空间', '{place}楼道外堆放杂物'],
  E0510: ['{place}有露天烧烤，油烟扰民', '{place}夜间露天烧烤摊'],
  E9001: ['{place}邻里因漏水发生纠纷', '{place}居民因停车位发生争执'],
  E9002: ['{place}电动车楼道充电，存在安全隐患', '{place}消防通道被占用'],
  E9003: ['{place}物业不作为，楼道灯长期不亮', '{place}小区物业服务差，垃圾清运不及时'],
  E9004: ['{place}有私搭乱建', '{place}楼顶加盖违法建设'],
  E9005: ['{place}私拉电线给电动车充电', '{place}飞线充电存在隐患'],
  E9006: ['{place}牌匾乱挂，影响市容', '{place}商户私挂横幅'],
  E9007: ['{place}居民反映供暖不热', '{place}居民咨询养老服务政策', '{place}居民反映小区停水'],
};

// prettier-ignore
const RESULTS_BY_MAJOR: Record<string, readonly string[]> = {
  C01: ['已更换井盖/灯具，恢复正常', '已维修完毕'],
  C02: ['已修复设施，恢复通行', '已扶正加固'],
  C03: ['已维修清理完毕', '已拆除隐患部分'],
  C04: ['已修剪扶正，清理枯枝', '已补种养护'],
  C05: ['已修复并更新内容', '已清理占用物品'],
  E01: ['已清运完毕，现场干净', '已清理并恢复'],
  E02: ['已清除小广告', '已劝离并教育'],
  E03: ['已责令整改，现场已覆盖', '已约谈施工单位，停止夜间施工'],
  E04: ['已设置围挡并抢修完成', '已关阀抢修，隐患排除'],
  E05: ['已劝导整改，恢复秩序', '已依法处理，现场恢复'],
  E90: ['已调解处理，双方认可', '已协调相关单位解决', '已答复居民并落实'],
};

// prettier-ignore
const SPOTS = ['附近', '东侧', '西侧', '南门', '北侧', '楼下', '单元门口', '旁边空地', '车棚旁'];
// prettier-ignore
const ROADS = ['人民路', '建设路', '新华路', '文化路', '光明街', '胜利路', '和平里', '团结街', '幸福路', '解放路'];

export const VOID_REASONS = [
  '重复上报，已合并处理',
  '不属于受理范围',
  '现场核实无此问题',
  '信息不全，无法核实',
  '反映人撤回诉求',
] as const;

export const SUSPEND_REASONS = [
  '涉及历史遗留问题，需多部门协调，暂时挂账',
  '需纳入年度改造计划，暂时挂账',
  '产权不清，待确权后处置',
] as const;

export const EXTEND_REASONS = [
  '需协调产权单位，申请延期',
  '材料采购需要时间，申请延期',
  '天气原因无法施工，申请延期',
  '需走执法程序，申请延期',
] as const;

export const REWORK_NOTES = [
  '核查未通过：现场问题仍存在，退回重新处置',
  '核查未通过：处置不彻底，请重新处置',
] as const;

export const SUPERVISE_NOTES = [
  '领导督办：请加快处置进度，按期办结',
  '领导督办：群众反映强烈，请主办单位负责人亲自跟进',
  '领导督办：已超期，请说明原因并限期办结',
] as const;

export function caseAddress(random: SeededRandom, gridName: string, buildings: number): string {
  if (random.chance(0.15)) return `${gridName}${random.pick(ROADS)}沿线`;
  return `${gridName}${random.int(1, buildings)}号楼${random.pick(SPOTS)}`;
}

export function caseDescription(
  random: SeededRandom,
  categoryCode: string,
  minorName: string,
  address: string,
): string {
  const templates = DESCRIPTIONS[categoryCode] ?? [`{place}发现${minorName}问题，请尽快处置`];
  return random.pick(templates).replace('{place}', address);
}

export function resultNote(random: SeededRandom, categoryCode: string): string {
  return random.pick(RESULTS_BY_MAJOR[categoryCode.slice(0, 3)] ?? ['已处置完毕']);
}
