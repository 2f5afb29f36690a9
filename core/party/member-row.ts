/**
 * A row of a members' roster (在职党员名册, issue 14) as the city's and units' workbooks write
 * it: 编号 (the desk's DY code, optional), 姓名, 联系电话, 所属单位 (name or DW code), 居住网格
 * (the grid or community code where the member lives and serves, 服务在小区), 报到日期, 特长,
 * 状态 (在册 / 转出). Codes saved as numbers by WPS or Excel, full-width digits and Excel
 * serial dates are read as a person typed them.
 */
import { cellText, displayValue, foldFullWidth, type CellValue } from '../exchange/cell-value';
import { headerLookup, type ColumnSpec } from '../exchange/case-columns';
import { parseExchangeDateTime } from '../exchange/date-time';
import { sentence, type Sentence } from '../exchange/issues';
import { dayString } from '../time';

export const MEMBER_KEYS = [
  'code',
  'name',
  'phone',
  'unit',
  'home',
  'reported_on',
  'skills',
  'status',
] as const;
export type MemberKey = (typeof MEMBER_KEYS)[number];

export const MEMBER_COLUMNS: readonly ColumnSpec<MemberKey>[] = [
  { key: 'code', zh: '党员编号', aliases: ['编号', '党员编码'] },
  { key: 'name', zh: '姓名', aliases: ['党员姓名'] },
  { key: 'phone', zh: '联系电话', aliases: ['电话', '手机', '手机号', '手机号码'] },
  {
    key: 'unit',
    zh: '所属单位',
    aliases: ['单位', '报到单位', '所在单位', '党组织', '所在党组织'],
  },
  {
    key: 'home',
    zh: '居住网格',
    aliases: ['网格编码', '居住网格编码', '居住社区', '报到社区', '服务网格'],
  },
  { key: 'reported_on', zh: '报到日期', aliases: ['报到时间', '双报到日期'] },
  { key: 'skills', zh: '特长', aliases: ['个人特长', '专长', '可提供服务'] },
  { key: 'status', zh: '状态', aliases: ['在册状态'] },
];
export const MEMBER_HEADER_LOOKUP = headerLookup(MEMBER_COLUMNS);

export interface MemberRecord {
  code: string | null;
  name: string;
  phone: string | null;
  unitId: number;
  homeCommunityCode: string;
  homeGridCode: string | null;
  reportedOn: string;
  skills: string | null;
  active: boolean;
}

export interface MemberLookups {
  /** A unit by its name or DW code; 'ambiguous' when two units bear that name. */
  unitId(nameOrCode: string): number | 'ambiguous' | null;
  /** A grid's community, or a community's own code; null when not this desk's. */
  communityOf(placeCode: string): string | null;
}

type MemberIssue = { key: MemberKey; value: string; message: Sentence };

const ACTIVE = new Set(['', '在册', '正常', '是', '1', 'active']);
const LEFT = new Set(['转出', '已转出', '离开', '否', '0', 'inactive']);

/** Digits as typed: a number cell (12 digits lost nothing below 2^53) or text, full-width folded. */
function codeOf(value: CellValue | undefined): string {
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  return foldFullWidth(cellText(value ?? null)).replace(/\s+/g, '');
}

export function checkMemberRow(
  cells: Partial<Record<MemberKey, CellValue>>,
  lookups: MemberLookups,
): { ok: true; record: MemberRecord } | { ok: false; issues: MemberIssue[] } {
  const issues: MemberIssue[] = [];
  const problem = (key: MemberKey, zh: string, en: string) =>
    issues.push({ key, value: displayValue(cells[key]), message: sentence(zh, en) });
  const text = (key: MemberKey) => foldFullWidth(cellText(cells[key] ?? null)).trim();

  const name = text('name');
  if (name === '') problem('name', '缺少姓名。', 'The name is missing.');
  else if (name.length > 40)
    problem('name', '姓名过长（最多 40 字）。', 'The name is too long (40 at most).');

  const code = text('code');
  if (code !== '' && !/^DY\d{1,8}$/i.test(code))
    problem(
      'code',
      '党员编号应为 DY 加数字，如 DY00012；新党员可留空。',
      'A member code is DY and digits, e.g. DY00012; leave it blank for a new member.',
    );

  const unitText = text('unit');
  const unitId = unitText === '' ? null : lookups.unitId(unitText);
  if (unitText === '') problem('unit', '缺少所属单位。', 'The unit is missing.');
  else if (unitId === 'ambiguous')
    problem(
      'unit',
      `有两个报到单位都叫“${unitText}”：请填写单位编号（DW…）。`,
      `Two units are named "${unitText}": give the unit's code (DW…) instead.`,
    );
  else if (unitId === null)
    problem(
      'unit',
      `所属单位“${unitText}”不在报到单位名单中：请先导入或新建该单位。`,
      `The unit "${unitText}" is not a registered unit: import or enter it first.`,
    );

  const home = codeOf(cells.home);
  let community: string | null = null;
  if (home === '')
    problem(
      'home',
      '缺少居住网格（网格或社区编码）。',
      'The home grid (a grid or community code) is missing.',
    );
  else if (/^\d(\.\d+)?E\+?\d+$/i.test(home))
    problem(
      'home',
      '网格编码是科学计数法，数字已丢失：请把该列设置为“文本”格式。',
      'The grid code is in scientific notation and has lost digits: format the column as text.',
    );
  else {
    community = lookups.communityOf(home);
    if (community === null)
      problem(
        'home',
        `编码 ${home} 不是本街道的网格或社区。`,
        `${home} is not a grid or community of this desk.`,
      );
  }

  let reportedOn = '';
  const reportedRaw = cells.reported_on ?? null;
  if (text('reported_on') === '')
    problem('reported_on', '缺少报到日期。', 'The day reported is missing.');
  else {
    const read = parseExchangeDateTime(reportedRaw);
    if (read.ok) reportedOn = dayString(read.at);
    else
      problem(
        'reported_on',
        '报到日期看不懂：应为 2026-03-15 或 2026年3月15日。',
        'The day reported is not a date: write 2026-03-15.',
      );
  }

  const phone = text('phone').replace(/\s+/g, '');
  if (phone !== '' && !/^[0-9+-]{5,20}$/.test(phone))
    problem('phone', '联系电话格式不对。', 'The phone number is not a phone number.');

  const status = text('status').toLowerCase();
  if (!ACTIVE.has(status) && !LEFT.has(status))
    problem('status', '状态应为“在册”或“转出”。', 'The status must be 在册 or 转出.');

  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    record: {
      // DY12 and dy00012 are the desk's DY00012.
      code:
        code === ''
          ? null
          : `DY${code
              .slice(2)
              .replace(/^0+(?=\d)/, '')
              .padStart(5, '0')}`,
      name,
      phone: phone === '' ? null : phone,
      unitId: unitId as number,
      homeCommunityCode: community!,
      homeGridCode: home.length === 15 ? home : null,
      reportedOn,
      skills: text('skills') || null,
      active: !LEFT.has(status),
    },
  };
}
