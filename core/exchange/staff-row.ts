/**
 * Staff files (网格人员, "one grid, five roles"): who serves which grid in which role. The
 * exchange format lists staff files without a column table, so the desk reads the headers a
 * city roster uses: 姓名, 联系电话, 性别, 是否党员, 网格编码, 岗位, 楼栋, 联系户数, 所属单位.
 * A person is known by name and phone (by name and grid when there is no phone).
 */
import type { StaffRole } from '../glossary';
import { cellText, displayValue, foldFullWidth, type CellValue } from './cell-value';
import { headerLookup, type ColumnSpec } from './case-columns';
import { readCount, readGridCode } from './codes';
import { sentence, type Sentence } from './issues';

export const STAFF_KEYS = [
  'name',
  'phone',
  'gender',
  'party_member',
  'place_code',
  'role',
  'building',
  'households',
  'unit',
] as const;
export type StaffKey = (typeof STAFF_KEYS)[number];

export const STAFF_COLUMNS: readonly ColumnSpec<StaffKey>[] = [
  { key: 'name', zh: '姓名', aliases: ['人员姓名', '网格员姓名'] },
  { key: 'phone', zh: '联系电话', aliases: ['电话', '手机', '手机号'] },
  { key: 'gender', zh: '性别', aliases: [] },
  { key: 'party_member', zh: '是否党员', aliases: ['党员', '政治面貌'] },
  { key: 'place_code', zh: '网格编码', aliases: ['单元网格编码', '所属网格', '网格'] },
  { key: 'role', zh: '岗位', aliases: ['角色', '职务', '人员类型'] },
  { key: 'building', zh: '楼栋', aliases: ['负责楼栋'] },
  { key: 'households', zh: '联系户数', aliases: ['户数'] },
  { key: 'unit', zh: '所属单位', aliases: ['单位'] },
];
export const STAFF_HEADER_LOOKUP = headerLookup(STAFF_COLUMNS);

const ROLE_NAMES: Record<string, StaffRole> = {
  网格长: 'grid_leader',
  专职网格员: 'full_time_worker',
  兼职网格员: 'part_time_worker',
  楼长: 'building_leader',
  党员楼长: 'building_leader',
  党员中心户: 'party_household',
  grid_leader: 'grid_leader',
  full_time_worker: 'full_time_worker',
  part_time_worker: 'part_time_worker',
  building_leader: 'building_leader',
  party_household: 'party_household',
};
const YES = new Set([
  '是',
  '党员',
  '中共党员',
  '中共预备党员',
  '预备党员',
  'true',
  'yes',
  '1',
  'y',
]);
const NO = new Set(['否', '群众', '非党员', 'false', 'no', '0', 'n', '']);

export interface StaffRecord {
  name: string;
  phone: string | null;
  gender: 'male' | 'female' | null;
  partyMember: boolean;
  placeCode: string;
  role: StaffRole;
  building: string | null;
  households: number | null;
  unitCode: string | null;
}

interface StaffLookups {
  placeExists(code: string): boolean;
  unitCode(nameOrCode: string): string | null;
}

type StaffRowResult =
  | { ok: true; record: StaffRecord }
  | { ok: false; issues: Array<{ key: StaffKey; value: string; message: Sentence }> };

export function checkStaffRow(
  cells: Partial<Record<StaffKey, CellValue>>,
  lookups: StaffLookups,
): StaffRowResult {
  const issues: Array<{ key: StaffKey; value: string; message: Sentence }> = [];
  const problem = (key: StaffKey, zh: string, en: string) =>
    issues.push({ key, value: displayValue(cells[key]), message: sentence(zh, en) });
  const text = (key: StaffKey) => cellText(cells[key] ?? null);

  const name = text('name');
  if (name === '') problem('name', '缺少姓名。', 'The name is missing.');
  else if (name.length > 60) problem('name', '姓名过长。', 'The name is too long.');
  const role = ROLE_NAMES[foldFullWidth(text('role')).replace(/\s+/g, '')];
  if (!role)
    problem(
      'role',
      '岗位应为：网格长、专职网格员、兼职网格员、楼长（党员楼长）、党员中心户。',
      'The role must be 网格长, 专职网格员, 兼职网格员, 楼长 or 党员中心户.',
    );
  let placeCode = '';
  const place = readGridCode(cells.place_code ?? null);
  const rawPlace = foldFullWidth(text('place_code'));
  if (rawPlace === '') problem('place_code', '缺少网格编码。', 'The grid code is missing.');
  else if (place.ok && lookups.placeExists(place.value)) placeCode = place.value;
  else if (/^\d{12}$/.test(rawPlace) && lookups.placeExists(rawPlace)) placeCode = rawPlace;
  else if (!place.ok && place.problem === 'scientific')
    problem(
      'place_code',
      '网格编码是科学计数法，数字已丢失：请把该列设置为“文本”格式。',
      'The grid code is in scientific notation and has lost digits: format the column as text.',
    );
  else
    problem(
      'place_code',
      `网格编码 ${rawPlace} 不是本街道的网格或社区。`,
      `${rawPlace} is not a grid or community of this desk.`,
    );

  const genderText = text('gender');
  const gender =
    genderText === '男' || genderText.toLowerCase() === 'male'
      ? 'male'
      : genderText === '女' || genderText.toLowerCase() === 'female'
        ? 'female'
        : null;
  if (genderText !== '' && gender === null)
    problem('gender', '性别应为“男”或“女”。', 'The gender must be 男 or 女.');
  const partyText = text('party_member').toLowerCase();
  if (!YES.has(partyText) && !NO.has(partyText))
    problem('party_member', '是否党员应为“是”或“否”。', 'Party member must be 是 or 否.');
  const householdsText = text('households');
  const households = householdsText === '' ? null : readCount(cells.households ?? null);
  if (householdsText !== '' && households === null)
    problem(
      'households',
      '联系户数应为不小于 0 的整数。',
      'Households must be a whole number of 0 or more.',
    );
  const unitText = text('unit');
  const unitCode = unitText === '' ? null : lookups.unitCode(unitText);
  if (unitText !== '' && unitCode === null)
    problem(
      'unit',
      `所属单位“${unitText}”不在本街道的单位列表中。`,
      `The unit "${unitText}" is not one of the desk's units.`,
    );
  const phone = foldFullWidth(text('phone'));

  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    record: {
      name,
      phone: phone === '' ? null : phone,
      gender,
      partyMember: YES.has(partyText),
      placeCode,
      role: role!,
      building: text('building') || null,
      households,
      unitCode,
    },
  };
}
