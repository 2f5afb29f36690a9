/** The words the demo's party-building registers are made of: unit kinds, themes, lists. */
import type { DemoNeed, DemoResource } from './party-types';

// prettier-ignore
export const UNIT_KINDS = [
  '区税务局', '区人民医院', '区第一中学', '区实验小学', '区市场监管局', '区住建局', '区城管局',
  '区供电公司', '区自来水公司', '区燃气公司', '区农商银行', '区邮政分公司', '区图书馆',
  '区文化馆', '区疾控中心', '区人社局', '区民政局', '区司法局', '区公安分局', '区消防救援大队',
  '区交通运输局', '区生态环境分局', '区退役军人事务局', '区妇幼保健院', '区职业技术学校',
  '区建设投资集团', '区国有资产运营公司', '区融媒体中心', '区科技局', '区统计局',
];
export const BRANCH_SUFFIX = ['机关党委', '第一党支部', '第二党支部', '党总支'];
export const SKILLS = [
  '法律咨询',
  '义诊',
  '家电维修',
  '理发',
  '心理疏导',
  '课业辅导',
  '书法',
  '摄影',
  '文艺演出',
  '政策宣讲',
  '水电维修',
  '垃圾分类宣传',
];
export const THEMES = [
  '环境整治月',
  '敬老助老月',
  '平安建设月',
  '文明创建月',
  '关爱少年月',
  '政策宣讲月',
];
export const ACTIVITIES = [
  '楼道清理',
  '入户走访',
  '政策宣讲',
  '义诊',
  '垃圾分类指导',
  '助老陪伴',
  '文明劝导',
  '课业辅导',
];
export const NEED_TEMPLATES: ReadonlyArray<readonly [DemoNeed['category'], string]> = [
  ['elderly', '老年助餐点送餐服务'],
  ['elderly', '独居老人定期探访'],
  ['childcare', '暑期托管班'],
  ['childcare', '四点半课堂'],
  ['environment', '楼道堆物清理'],
  ['environment', '小区绿化补植'],
  ['facilities', '加装楼道扶手'],
  ['facilities', '更换路灯'],
  ['facilities', '电动车充电桩'],
  ['hardship', '困难家庭冬季慰问'],
  ['culture', '社区文艺汇演场地'],
  ['other', '老旧小区门禁维修'],
];
export const RESOURCE_TEMPLATES: ReadonlyArray<readonly [DemoResource['kind'], string, string]> = [
  ['venue', '会议室周末开放', '40 人'],
  ['funds', '共建资金', '—'],
  ['skills', '医护志愿者', '6 人'],
  ['skills', '法律顾问', '2 人'],
  ['goods', '米面油慰问品', '100 份'],
  ['service', '家电义务维修', '每月 2 次'],
  ['venue', '食堂助餐窗口', '每日 60 份'],
  ['service', '课业辅导教师', '每周 3 次'],
];
export const WISH_TEMPLATES = [
  '一台轮椅',
  '一套课外书',
  '冬季棉被',
  '助听器',
  '老花镜',
  '一次理发上门',
  '学习台灯',
  '电饭煲',
  '陪同就医一次',
  '米面油',
];
export const WISH_FOR = ['独居老人', '困难家庭儿童', '残疾人', '空巢老人', '留守儿童', '低保户'];
